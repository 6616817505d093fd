"""Lighthouse 12 (mobile preset) on the start screen, signed in as a worker.

Accessibility and best practices must both score 100. Performance is a timing: it is measured
in bench/lighthouse.py, not asserted here.
"""

import json
import os
import subprocess

from tests.browser.conftest import CHROMIUM_ARGS
from tests.crawl import LIGHTHOUSE, _login, require_checker

CATEGORIES = ("accessibility", "best-practices")


def run_lighthouse(url, cookie, categories, timeout=180):
    """Run the Lighthouse CLI (mobile preset) on a URL with a session cookie; return its report."""
    headers = {"Cookie": f"session={cookie}", "Accept-Language": "nl-NL,nl;q=0.9"}
    result = subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(categories)}",
            f"--extra-headers={json.dumps(headers)}",
            f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
    )
    assert result.returncode == 0, f"Lighthouse failed:\n{result.stderr[-3000:]}"
    report = json.loads(result.stdout)
    assert report.get("runtimeError") is None, report["runtimeError"]
    return report


def failing_audits(report, category):
    """List the category's scored audits that did not pass, with the elements they name."""
    lines = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] == 0 or audit["score"] is None or audit["score"] >= 1:
            continue
        lines.append(f"{category}: {audit['id']} ({audit['score']}): {audit['title']}")
        for item in (audit.get("details") or {}).get("items", [])[:10]:
            node = item.get("node") or {}
            what = node.get("snippet") or item.get("description") or item.get("source") or item
            lines.append(f"    {what}")
    return lines


def test_start_screen_scores_100_for_accessibility_and_best_practices(app, worker, live_server):
    """Run Lighthouse on the log form as a signed-in worker: both categories score 100."""
    require_checker(LIGHTHOUSE, programs=("node", "chromium"))
    cookie = _login(app, worker).get_cookie("session").value
    report = run_lighthouse(f"{live_server}/", cookie, CATEGORIES)
    assert report["finalDisplayedUrl"] == f"{live_server}/", "Lighthouse did not stay signed in"
    scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
    problems = [line for c in CATEGORIES for line in failing_audits(report, c)]
    assert scores == {c: 1 for c in CATEGORIES}, f"scores {scores}:\n" + "\n".join(problems)
