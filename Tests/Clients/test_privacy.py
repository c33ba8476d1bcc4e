"""Private, unlisted and draft prompts never reach a request outside their owner's scope.

Run by Tests/Clients/run.sh against a running daemon with a master key. setUpClass writes hidden
prompts into the store (each with its own marker word, tag and, for one, an author who has nothing
public), gives each heavy, recent engagement (views, copies, 5-star ratings, bookmarks), waits
until the daemon's tailer applied them, then sweeps every route and parameter: no response may
contain a marker, a hidden id, a hidden-only facet value or a count that includes them. Expected
counts come from SQL over the same store. Tenant tokens naming an owner must see exactly that
owner's hidden prompts and nobody else's in search, and none of them in trending or leaderboards
(public only), whose author engagement must equal SQL over public prompts.
"""
import datetime
import json
import os
import sqlite3
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

import meilisearch
from meilisearch.errors import MeilisearchApiError

URL = os.environ["VAULTSEARCH_URL"]
MASTER = os.environ["VAULTSEARCH_MASTER_KEY"]
STORE = os.environ["VAULTSEARCH_STORE"]
PUBLIC = "visibility = 'public' AND status = 'published'"

# (marker, visibility, status, owner)
HIDDEN = [
    ("zyxquorbit", "private", "published", "hidden_author"),
    ("quasmodeon", "unlisted", "published", "hidden_author"),
    ("flibbertine", "public", "draft", "hidden_author"),
    ("grumblewort", "private", "draft", "other_author"),
]


def request(method, path, body=None, key=MASTER):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(URL + path, data=data, method=method)
    req.add_header("Authorization", f"Bearer {key}")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


class PrivacyTests(unittest.TestCase):
    hidden_ids = []

    @classmethod
    def setUpClass(cls):
        now = int(time.time())
        with sqlite3.connect(STORE) as db:
            category, model = db.execute("SELECT category_id, model_id FROM prompts WHERE category_id IS NOT NULL AND model_id IS NOT NULL LIMIT 1").fetchone()
            for name in ("hidden_author", "other_author"):
                db.execute("INSERT OR IGNORE INTO users(username, display_name, created_at) VALUES (?, ?, ?)", (name, name, now))
            for marker, visibility, status, owner in HIDDEN:
                author = db.execute("SELECT id FROM users WHERE username = ?", (owner,)).fetchone()[0]
                cursor = db.execute(
                    """INSERT INTO prompts(slug, title, description, content, category_id, model_id, author_id, visibility, status,
                       view_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 999999, ?, ?)""",
                    (f"{marker}-slug", f"{marker} python debugging plan", f"about {marker}", f"{marker} content for cover letter python",
                     category, model, author, visibility, status, now, now))
                cls.hidden_ids.append(cursor.lastrowid)
                tag = db.execute("INSERT INTO tags(name, slug) VALUES (?, ?)", (f"{marker}tag", f"{marker}tag")).lastrowid
                db.execute("INSERT INTO prompt_tags(prompt_id, tag_id) VALUES (?, ?)", (cursor.lastrowid, tag))
                python = db.execute("SELECT id FROM tags WHERE lower(name) = 'python'").fetchone()[0]
                db.execute("INSERT INTO prompt_tags(prompt_id, tag_id) VALUES (?, ?)", (cursor.lastrowid, python))
                # Engagement that would put it at the top of every trending list and leaderboard.
                hidden = cursor.lastrowid
                for i in range(300):
                    db.execute("INSERT INTO prompt_views(prompt_id, viewed_at, visitor_fingerprint) VALUES (?, ?, ?)", (hidden, now - i, f"{marker}-fp-{i}"))
                for i in range(100):
                    db.execute("INSERT INTO prompt_copies(prompt_id, copied_at) VALUES (?, ?)", (hidden, now - i))
                db.execute("INSERT INTO ratings(prompt_id, user_id, value, created_at) SELECT ?, id, 5, ? FROM users", (hidden, now - 30))
                db.execute("INSERT INTO bookmarks(user_id, prompt_id, created_at) SELECT id, ?, ? FROM users", (hidden, now - 30))
            last = db.execute("SELECT max(seq) FROM search_changes").fetchone()[0]
        deadline = time.time() + 30
        while time.time() < deadline:
            status, body = request("GET", "/indexes/prompts/stats")
            if status == 200 and json.loads(body)["ingestCursor"] >= last:
                break
            time.sleep(0.05)
        else:
            raise AssertionError("the tailer did not apply the hidden prompts within 30 s")

    def assertNothingHidden(self, text, where):
        """No marker, hidden-only author or hidden id in `text` (the echoed `query` aside)."""
        def without_echo(node):
            if isinstance(node, dict):
                return {k: without_echo(v) for k, v in node.items() if k not in ("query", "facetQuery")}
            if isinstance(node, list):
                return [without_echo(v) for v in node]
            return node
        try:
            text = json.dumps(without_echo(json.loads(text)))
        except ValueError:
            pass
        lowered = text.lower()
        for marker, *_ in HIDDEN:
            self.assertNotIn(marker, lowered, f"{where} leaked {marker}")
        self.assertNotIn("hidden_author", lowered, f"{where} leaked the hidden-only author")
        try:
            value = json.loads(text)
        except ValueError:
            return
        ids = set()

        def walk(node):
            if isinstance(node, dict):
                if isinstance(node.get("id"), int):
                    ids.add(node["id"])
                for child in node.values():
                    walk(child)
            elif isinstance(node, list):
                for child in node:
                    walk(child)
        walk(value)
        self.assertFalse(ids & set(self.hidden_ids), f"{where} returned a hidden id")

    def sql_count(self, where=""):
        with sqlite3.connect(STORE) as db:
            return db.execute(f"SELECT count(*) FROM prompts WHERE {PUBLIC} {where}").fetchone()[0]

    def test_every_search_parameter(self):
        for marker, *_ in HIDDEN:
            for body in (
                {"q": marker}, {"q": marker[:-1] + "x"}, {"q": marker[:4]}, {"q": f"\"{marker} python\""},
                {"q": "python debugging", "limit": 1000, "attributesToHighlight": ["*"], "attributesToCrop": ["content"], "showMatchesPosition": True},
                {"q": "", "filter": f"tags = {marker}tag"}, {"q": "", "filter": "author = hidden_author"},
                {"q": "", "filter": "visibility = private OR status = draft OR visibility = unlisted"},
                {"q": "", "facets": ["*"], "hitsPerPage": 1000, "page": 1},
                {"q": "python", "facets": ["tags", "author", "visibility", "status"], "sort": ["views:desc"], "limit": 50},
                {"q": "", "sort": ["views:desc"], "limit": 5}, {"q": "", "distinct": "family", "limit": 1000},
                {"q": marker, "showRankingScoreDetails": True, "matchingStrategy": "all"},
            ):
                status, text = request("POST", "/indexes/prompts/search", body)
                self.assertLess(status, 500, text)
                self.assertNothingHidden(text, f"search {body}")

    def test_counts_equal_sql(self):
        status, text = request("POST", "/indexes/prompts/search", {"q": "", "hitsPerPage": 0, "page": 1, "facets": ["visibility", "status"]})
        result = json.loads(text)
        self.assertEqual(result["totalHits"], self.sql_count())
        self.assertEqual(result["facetDistribution"]["visibility"], {"public": self.sql_count()})
        status, text = request("GET", "/indexes/prompts/stats")
        self.assertEqual(json.loads(text)["numberOfDocuments"], self.sql_count())
        status, text = request("GET", "/stats")
        self.assertEqual(json.loads(text)["indexes"]["prompts"]["numberOfDocuments"], self.sql_count())
        status, text = request("POST", "/indexes/prompts/documents/fetch", {"limit": 1000})
        self.assertEqual(json.loads(text)["total"], self.sql_count())

    def test_documents_similar_facet_search_multi_search(self):
        for hidden in self.hidden_ids:
            status, text = request("GET", f"/indexes/prompts/documents/{hidden}")
            self.assertEqual(status, 404, text)
            status, text = request("GET", f"/indexes/prompts/similar/{hidden}")
            self.assertEqual(status, 404, text)
        with sqlite3.connect(STORE) as db:
            public = db.execute(f"SELECT id FROM prompts WHERE {PUBLIC} AND title LIKE '%ython%' LIMIT 3").fetchall()
        for (pid,) in public:
            status, text = request("GET", f"/indexes/prompts/similar/{pid}?limit=100")
            self.assertEqual(status, 200, text)
            self.assertNothingHidden(text, "similar")
        for body in ({"facetName": "tags", "facetQuery": "zyx"}, {"facetName": "tags", "facetQuery": ""},
                     {"facetName": "author", "facetQuery": "hidden"}, {"facetName": "tags", "facetQuery": "quasmo", "q": "python"}):
            status, text = request("POST", "/indexes/prompts/facet-search", body)
            self.assertLess(status, 500, text)
            self.assertNothingHidden(text, f"facet-search {body}")
        status, text = request("POST", "/multi-search", {"queries": [{"indexUid": "prompts", "q": m} for m, *_ in HIDDEN]})
        self.assertNothingHidden(text, "multi-search")
        status, text = request("POST", "/multi-search", {"federation": {"limit": 100}, "queries": [{"indexUid": "prompts", "q": m} for m, *_ in HIDDEN]})
        self.assertNothingHidden(text, "federated multi-search")
        for path in ("/indexes/prompts/documents?limit=1000", "/indexes/prompts/search?q=zyxquorbit", "/indexes", "/indexes/prompts/settings"):
            status, text = request("GET", path)
            self.assertNothingHidden(text, path)

    def trending_uris(self):
        """Every trending and leaderboard route with every list and period, under selections that
        would match the hidden prompts (their category, their tags, their author, their visibility)."""
        with sqlite3.connect(STORE) as db:
            category = db.execute("SELECT c.slug FROM prompts p JOIN categories c ON c.id = p.category_id WHERE p.id = ?", (self.hidden_ids[0],)).fetchone()[0]
        quote = urllib.parse.quote
        selections = ["", f"category={category}", "tag=python", f"tag={HIDDEN[0][0]}tag", "filter=" + quote("author = hidden_author"),
                      "filter=" + quote("visibility = private OR status = draft"), "model=" + quote("gpt-4o")]
        uris = []
        for prefix in ("/indexes/prompts", ""):
            for selection in selections:
                for formula in ("seed", "decay"):
                    uris.append(f"{prefix}/trending?formula={formula}&limit=1000&{selection}")
                for by in ("rating", "copies", "views"):
                    for period in ("day", "week", "month", "all"):
                        uris.append(f"{prefix}/leaderboards/prompts?by={by}&period={period}&limit=1000&{selection}")
            for by in ("reputation", "engagement"):
                for period in ("day", "week", "month", "all"):
                    uris.append(f"{prefix}/leaderboards/authors?by={by}&period={period}&limit=1000")
        return uris

    def test_trending_and_leaderboards(self):
        with sqlite3.connect(STORE) as db:
            hidden_authors = {r[0] for r in db.execute("SELECT id FROM users WHERE username IN ('hidden_author', 'other_author')")}
        for uri in self.trending_uris():
            status, text = request("GET", uri)
            self.assertEqual(status, 200, f"{uri}: {text[:300]}")
            self.assertNothingHidden(text, uri)
            if "/authors" in uri:
                ids = {hit["id"] for hit in json.loads(text)["hits"]}
                self.assertFalse(ids & hidden_authors, f"{uri} lists an author who has nothing public")
        # Author engagement counts public, published prompts only: equal to SQL over those.
        with sqlite3.connect(STORE) as db:
            expected = dict(db.execute(f"""
                WITH e(prompt_id, w) AS (
                  SELECT prompt_id, 1 FROM prompt_views UNION ALL SELECT prompt_id, 3 FROM prompt_copies
                  UNION ALL SELECT prompt_id, 5 FROM ratings UNION ALL SELECT prompt_id, 2 FROM bookmarks)
                SELECT p.author_id, sum(w) FROM e JOIN prompts p ON p.id = e.prompt_id
                WHERE {PUBLIC.replace('visibility', 'p.visibility').replace('status', 'p.status')} GROUP BY p.author_id"""))
        status, text = request("GET", "/leaderboards/authors?by=engagement&period=all&limit=1000")
        answered = {hit["id"]: hit["score"] for hit in json.loads(text)["hits"]}
        self.assertEqual(answered, {k: v for k, v in expected.items() if v > 0})
        # A token naming the hidden prompts' owner sees them in search, never in these lists.
        client = meilisearch.Client(URL, MASTER)
        key = client.create_key({"description": "privacy test, trending", "actions": ["search"], "indexes": ["prompts"], "expiresAt": None, "owner": "*"})
        token = client.generate_tenant_token(
            api_key_uid=key.uid, search_rules={"prompts": {"owner": "hidden_author"}}, api_key=key.key,
            expires_at=datetime.datetime.now(tz=datetime.timezone.utc) + datetime.timedelta(hours=1))
        for uri in self.trending_uris():
            status, text = request("GET", uri, key=token)
            self.assertEqual(status, 200, f"{uri} with an owner token: {text[:300]}")
            self.assertNothingHidden(text, f"{uri} with an owner token")

    def test_owner_token_sees_own_hidden_prompts_only(self):
        client = meilisearch.Client(URL, MASTER)
        # `owner: *`: a key may sign tokens naming an owner only when it says so (a key without it,
        # such as the Default Search API Key that browsers hold, cannot).
        key = client.create_key({"description": "privacy test", "actions": ["search"], "indexes": ["prompts"], "expiresAt": None, "owner": "*"})
        token = client.generate_tenant_token(
            api_key_uid=key.uid, search_rules={"prompts": {"owner": "hidden_author"}}, api_key=key.key,
            expires_at=datetime.datetime.now(tz=datetime.timezone.utc) + datetime.timedelta(hours=1))
        result = meilisearch.Client(URL, token).index("prompts").search("python debugging plan", {"limit": 1000})
        ids = {h["id"] for h in result["hits"]}
        with sqlite3.connect(STORE) as db:
            own = {r[0] for r in db.execute("SELECT p.id FROM prompts p JOIN users u ON u.id = p.author_id WHERE u.username = 'hidden_author'")}
            others = {r[0] for r in db.execute(f"SELECT p.id FROM prompts p JOIN users u ON u.id = p.author_id WHERE u.username != 'hidden_author' AND NOT ({PUBLIC.replace('visibility', 'p.visibility').replace('status', 'p.status')})")}
        self.assertTrue(own <= ids, f"the owner's hidden prompts {own - ids} are missing")
        self.assertFalse(ids & others, "another owner's hidden prompt reached the token")
        plain = client.create_key({"description": "privacy test, no owner", "actions": ["search"], "indexes": ["prompts"], "expiresAt": None})
        refused = client.generate_tenant_token(
            api_key_uid=plain.uid, search_rules={"prompts": {"owner": "hidden_author"}}, api_key=plain.key,
            expires_at=datetime.datetime.now(tz=datetime.timezone.utc) + datetime.timedelta(hours=1))
        with self.assertRaises(MeilisearchApiError) as raised:
            meilisearch.Client(URL, refused).index("prompts").search("python debugging plan")
        self.assertEqual(raised.exception.code, "invalid_api_key")


if __name__ == "__main__":
    unittest.main(verbosity=2)
