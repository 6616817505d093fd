"""The demo database, every record of it, as every role: axe-core and the Nu HTML Checker.

The crawl of tests/crawl.py sees one fixture record per route; real data has states it never
makes (tests/crawl_demo.py). vnu reads every page's HTML, from the test client, in one java
run beside the browser, which runs axe on one page of each distinct markup (tests/crawl.py
`skeleton`): the demo is loaded and crawled once for both.
"""

import time
from concurrent.futures import ThreadPoolExecutor

from tests.browser.test_axe import axe_report, axe_violations, session_cookies
from tests.crawl import AXE, VNU, require_checker, skeleton, vnu_errors
from tests.crawl_demo import crawl_demo, demo_world


def test_every_demo_page_passes_axe_and_vnu(app, db, browser, live_server, tmp_path):
    """Load the demo, open every record's pages as every role; vnu and axe find nothing."""
    from buurtlog.demo.services import load_demo

    require_checker(AXE, VNU, programs=("java",))
    started = time.perf_counter()
    load_demo()
    cookies = session_cookies(app, demo_world(db)["users"])
    pages, shapes, found, csp_errors, checks = [], set(), [], [], []
    with ThreadPoolExecutor(max_workers=1) as pool:
        for n, batch in enumerate(crawl_demo(app, db)):
            pages += batch
            folder = tmp_path / f"batch-{n}"
            folder.mkdir()
            checks.append(pool.submit(vnu_errors, batch, folder))  # java runs beside Chromium
            distinct = []
            for page, html in batch:
                if skeleton(html) not in shapes:
                    shapes.add(skeleton(html))
                    distinct.append((page, html))
            # The browser must see each batch before the next one changes the database.
            found_now, csp_now = axe_violations(browser, live_server, distinct, cookies)
            found += found_now
            csp_errors += csp_now
        errors, report = [], ""
        for check in checks:
            errors_now, report_now = check.result()
            errors += errors_now
            report += report_now
    print(
        f"\n{len(pages)} pages as {len({p.role for p, _ in pages})} roles; axe on "
        f"{len(shapes)} distinct, vnu on all; {time.perf_counter() - started:.0f} s"
    )
    problems = []
    if errors:
        problems.append(
            f"the Nu HTML Checker found {len(errors)} errors in {len(pages)} demo pages:\n{report}"
        )
    if found:
        problems.append(
            f"axe found violations on {len(found)} of {len(shapes)} demo "
            f"pages:\n{axe_report(found)}"
        )
    if csp_errors:
        problems.append(f"pages broke their Content-Security-Policy: {csp_errors}")
    assert problems == [], "\n\n".join(problems)
