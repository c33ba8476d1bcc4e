"""The search page at `/` in a real headless browser (Debian's Chromium driven by Playwright).

With the query box empty, the page shows the trending list (decay, top 10): its titles must be
the API's first ten entries'. Then types a query with a typo (the trending list goes away), reads
the highlighted hits, clicks a tag facet, and checks that every hit then carries the tag (SQL over
the same store is the oracle) and the count equals SQL's; clearing the query brings the trending
list back. With VAULTSEARCH_SCREENSHOT set, saves a screenshot there (the README's picture).
"""
import json
import os
import sqlite3
import unittest
import urllib.request

from playwright.sync_api import sync_playwright

URL = os.environ["VAULTSEARCH_URL"]
MASTER = os.environ["VAULTSEARCH_MASTER_KEY"]
STORE = os.environ["VAULTSEARCH_STORE"]


def trending_titles():
    """The titles of the API's first ten trending prompts under decay (decay's order does not
    change with time alone, so the page and this call agree whenever each asked)."""
    request = urllib.request.Request(URL + "/indexes/prompts/trending?formula=decay&limit=10")
    request.add_header("Authorization", f"Bearer {MASTER}")
    with urllib.request.urlopen(request) as response:
        return [hit["title"] for hit in json.load(response)["hits"]]


class PageTests(unittest.TestCase):
    def test_type_click_facet_read_hits(self):
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            # The daemon has a master key: the page asks for one; give it as a user would, once.
            page.goto(URL + "/")
            page.wait_for_function("() => document.getElementById('status').textContent.length > 0")
            if page.locator("#keybar").is_visible():
                page.fill("#key", MASTER)
                page.click("#savekey")
            # The empty query box shows the trending list: the API's first ten, in order.
            page.wait_for_selector("#trending li")
            shown = page.locator("#trending li .title").all_inner_texts()
            self.assertEqual(shown, trending_titles())
            self.assertEqual(len(shown), 10)
            page.fill("#q", "pyhton debuging")
            page.wait_for_selector("#hits li mark")
            titles = page.locator("#hits li h3").all_inner_texts()
            self.assertTrue(any("python" in t.lower() for t in titles[:3]), titles)
            marked = page.locator("#hits li h3 mark").first.inner_text()
            self.assertEqual(marked.lower(), "python")
            # Click the Python tag facet.
            box = page.locator('#facets input[data-facet="tags"][value="Python"]')
            box.check()
            page.wait_for_function("() => document.querySelectorAll('#facets input:checked').length === 1")
            page.wait_for_timeout(300)
            ids = [int(x) for x in page.locator("#hits li").evaluate_all("els => els.map(e => e.dataset.id)")]
            self.assertTrue(ids)
            with sqlite3.connect(STORE) as db:
                tagged = {r[0] for r in db.execute(
                    "SELECT pt.prompt_id FROM prompt_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name = 'Python'")}
            self.assertTrue(set(ids) <= tagged, set(ids) - tagged)
            # Sort by views: the hits' view counts descend.
            page.select_option("#sort", "views:desc")
            page.wait_for_timeout(300)
            metas = page.locator("#hits li .meta").all_inner_texts()
            views = [int(m.split(" views")[0].split("· ")[-1]) for m in metas]
            self.assertEqual(views, sorted(views, reverse=True))
            self.assertTrue(page.locator("#trending").is_hidden())
            # Clearing the query brings the trending list back.
            page.select_option("#sort", "")
            page.uncheck('#facets input[data-facet="tags"][value="Python"]')
            page.fill("#q", "")
            page.wait_for_selector("#trending li")
            self.assertEqual(page.locator("#trending li .title").all_inner_texts(), trending_titles())
            if os.environ.get("VAULTSEARCH_SCREENSHOT"):
                page.uncheck('#facets input[data-facet="tags"][value="Python"]')
                page.select_option("#sort", "")
                page.fill("#q", "cover leter")
                page.wait_for_selector("#hits li mark")
                page.wait_for_timeout(300)
                page.screenshot(path=os.environ["VAULTSEARCH_SCREENSHOT"])
            # A phone-sized viewport still shows the search box and hits.
            page.set_viewport_size({"width": 390, "height": 800})
            self.assertTrue(page.locator("#q").is_visible())
            self.assertTrue(page.locator("#hits li").first.is_visible())
            browser.close()


if __name__ == "__main__":
    unittest.main(verbosity=2)
