"""The official Meilisearch Python client, unchanged, against a running VaultSearch daemon.

Run by Tests/Clients/run.sh (which builds the store, starts `vaultsearch serve` and installs the
client into .venv-clients). The expectations come from SQL over the same SQLite store (the oracle),
never from the daemon itself.
"""
import datetime
import os
import sqlite3
import unittest

import meilisearch
from meilisearch.errors import MeilisearchApiError

URL = os.environ["VAULTSEARCH_URL"]
MASTER = os.environ["VAULTSEARCH_MASTER_KEY"]
STORE = os.environ["VAULTSEARCH_STORE"]

PUBLIC = "p.visibility = 'public' AND p.status = 'published'"


def sql(query, *args):
    with sqlite3.connect(STORE) as db:
        return db.execute(query, args).fetchall()


def public_ids_with_tag(tag):
    rows = sql(f"""SELECT p.id FROM prompts p JOIN prompt_tags pt ON pt.prompt_id = p.id JOIN tags t ON t.id = pt.tag_id
                  WHERE {PUBLIC} AND lower(t.name) = lower(?)""", tag)
    return {r[0] for r in rows}


class ClientTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.client = meilisearch.Client(URL, MASTER)
        cls.index = cls.client.index("prompts")

    def test_search_with_filter_facets_and_sort(self):
        expected = public_ids_with_tag("python")
        self.assertGreater(len(expected), 2)
        result = self.index.search("", {"filter": "tags = python", "facets": ["tags", "model"], "sort": ["views:desc"],
                                        "hitsPerPage": 1000, "page": 1})
        self.assertEqual({h["id"] for h in result["hits"]}, expected)
        self.assertEqual(result["totalHits"], len(expected))
        views = [h["views"] for h in result["hits"]]
        self.assertEqual(views, sorted(views, reverse=True))
        # Facet counts equal SQL's count of public python prompts per model.
        rows = sql(f"""SELECT m.slug, count(*) FROM prompts p JOIN ai_models m ON m.id = p.model_id
                       WHERE {PUBLIC} AND p.id IN (SELECT pt.prompt_id FROM prompt_tags pt JOIN tags t ON t.id = pt.tag_id WHERE lower(t.name) = 'python')
                       GROUP BY m.slug""")
        self.assertEqual(result["facetDistribution"]["model"], {slug: n for slug, n in rows})

    def test_highlight_and_crop(self):
        result = self.index.search("python debugging", {"attributesToHighlight": ["title"], "attributesToCrop": ["content:8"],
                                                         "highlightPreTag": "[", "highlightPostTag": "]", "showMatchesPosition": True, "limit": 3})
        self.assertTrue(result["hits"])
        top = result["hits"][0]
        self.assertIn("[", top["_formatted"]["title"])
        self.assertIn("_matchesPosition", top)
        self.assertLessEqual(len(top["_formatted"]["content"].split()), 8 + 2)

    def test_both_pagination_modes(self):
        total = sql(f"SELECT count(*) FROM prompts p WHERE {PUBLIC}")[0][0]
        paged = self.index.search("", {"hitsPerPage": 7, "page": 2})
        self.assertEqual(paged["totalHits"], total)
        self.assertEqual(paged["totalPages"], -(-total // 7))
        self.assertEqual(len(paged["hits"]), 7)
        windowed = self.index.search("", {"limit": 7, "offset": 7})
        self.assertEqual([h["id"] for h in windowed["hits"]], [h["id"] for h in paged["hits"]])
        self.assertIn("estimatedTotalHits", windowed)

    def test_multi_search_and_federation(self):
        results = self.client.multi_search([
            {"indexUid": "prompts", "q": "cover letter", "limit": 2},
            {"indexUid": "prompts", "q": "", "filter": "tags = python", "limit": 1},
        ])["results"]
        self.assertEqual(len(results), 2)
        self.assertEqual(results[0]["indexUid"], "prompts")
        self.assertLessEqual(len(results[0]["hits"]), 2)
        self.assertIn(results[1]["hits"][0]["id"], public_ids_with_tag("python"))
        merged = self.client.multi_search([
            {"indexUid": "prompts", "q": "cover letter"},
            {"indexUid": "prompts", "q": "python", "federationOptions": {"weight": 2.0}},
        ], federation={"limit": 5})
        hits = merged["hits"]
        self.assertTrue(0 < len(hits) <= 5)
        scores = [h["_federation"]["weightedRankingScore"] for h in hits]
        self.assertEqual(scores, sorted(scores, reverse=True))

    def test_facet_search(self):
        result = self.index.facet_search("tags", "pyth")
        values = {h["value"].lower(): h["count"] for h in result["facetHits"]}
        self.assertIn("python", values)
        self.assertEqual(values["python"], len(public_ids_with_tag("python")))

    def test_get_document_and_documents(self):
        some_public = sql(f"SELECT p.id, p.title FROM prompts p WHERE {PUBLIC} ORDER BY p.id LIMIT 1")[0]
        document = self.index.get_document(str(some_public[0]))
        self.assertEqual(document.title, some_public[1])
        private = sql("SELECT p.id FROM prompts p WHERE p.visibility = 'private' LIMIT 1")[0][0]
        with self.assertRaises(MeilisearchApiError) as raised:
            self.index.get_document(str(private))
        self.assertEqual(raised.exception.code, "document_not_found")
        listed = self.index.get_documents({"filter": "tags = python", "limit": 500, "fields": ["id", "title"]})
        self.assertEqual({d.id for d in listed.results}, public_ids_with_tag("python"))
        self.assertEqual(listed.total, len(public_ids_with_tag("python")))

    def test_bad_filter_error(self):
        with self.assertRaises(MeilisearchApiError) as raised:
            self.index.search("x", {"filter": "tags = python AND"})
        error = raised.exception
        self.assertEqual(error.code, "invalid_search_filter")
        self.assertEqual(error.type, "invalid_request")
        self.assertEqual(error.status_code, 400)
        self.assertIn("character 17", error.message)

    def test_keys_and_tenant_token(self):
        keys = self.client.get_keys().results
        names = {k.name for k in keys}
        self.assertIn("Default Search API Key", names)
        created = self.client.create_key({"description": "client test", "actions": ["search"], "indexes": ["prompts"], "expiresAt": None})
        self.assertTrue(created.key)
        token = self.client.generate_tenant_token(
            api_key_uid=created.uid, search_rules={"prompts": {"filter": "tags = python"}},
            api_key=created.key, expires_at=datetime.datetime.now(tz=datetime.timezone.utc) + datetime.timedelta(hours=1))
        tenant = meilisearch.Client(URL, token)
        result = tenant.index("prompts").search("", {"filter": "tags != python OR tags = python", "hitsPerPage": 1000, "page": 1})
        self.assertEqual({h["id"] for h in result["hits"]}, public_ids_with_tag("python"))
        with self.assertRaises(MeilisearchApiError) as raised:
            tenant.get_keys()
        self.assertIn(raised.exception.status_code, (401, 403))
        search_only = meilisearch.Client(URL, created.key)
        with self.assertRaises(MeilisearchApiError) as raised:
            search_only.get_keys()
        self.assertEqual(raised.exception.code, "invalid_api_key")


if __name__ == "__main__":
    unittest.main(verbosity=2)
