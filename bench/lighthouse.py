"""Lighthouse 12 performance (mobile preset) on the start screen, beside a bare page.

Serves the app with gunicorn on a fresh SQLite file, signs a worker in through the real form
(Playwright, Debian's Chromium) and hands the session cookie to the Lighthouse CLI from
node_modules (`make checkers`). The baseline is a bare HTML page (a heading and a paragraph, no
CSS or JS) served from this process, measured in the same run with the same settings. Lighthouse's
mobile preset simulates a mid-range phone on a slow 4G link, so the figures are simulated
timings, repeatable across runs; the median of the runs is shown.

    .venv/bin/python bench/lighthouse.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    PASSWORD,
    ROOT,
    free_port,
    make_world,
    start_gunicorn,
    stop,
)

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
METRICS = [
    ("first-contentful-paint", "FCP", "ms"),
    ("largest-contentful-paint", "LCP", "ms"),
    ("total-blocking-time", "TBT", "ms"),
    ("cumulative-layout-shift", "CLS", ""),
    ("speed-index", "Speed Index", "ms"),
    ("interactive", "TTI", "ms"),
]
BARE_PAGE = (
    b'<!doctype html><html lang="nl"><head><meta charset="utf-8">'
    b'<meta name="viewport" content="width=device-width, initial-scale=1">'
    b"<title>Bare</title></head><body><h1>Bare page</h1>"
    b"<p>The baseline: no stylesheet, no script.</p></body></html>"
)


class BareHandler(BaseHTTPRequestHandler):
    """Serve the bare page for every path."""

    def do_GET(self):  # noqa: N802 - the name http.server calls
        """Answer with the bare page."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(BARE_PAGE)))
        self.end_headers()
        self.wfile.write(BARE_PAGE)

    def log_message(self, *args):
        """Keep quiet."""


def lighthouse(url: str, headers: dict) -> dict:
    """Run Lighthouse's performance category on the URL; return the score and the metrics."""
    result = subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            "--only-categories=performance",
            f"--extra-headers={json.dumps(headers)}",
            f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
    )
    if result.returncode != 0:
        raise RuntimeError(f"Lighthouse failed:\n{result.stderr[-3000:]}")
    report = json.loads(result.stdout)
    if report.get("runtimeError"):
        raise RuntimeError(report["runtimeError"])
    figures = {
        "score": report["categories"]["performance"]["score"] * 100,
        "url": report["finalDisplayedUrl"],
    }
    for audit, _label, _unit in METRICS:
        figures[audit] = report["audits"][audit]["numericValue"]
    return figures


def session_cookie(base: str, email: str) -> str:
    """Sign in through the real form in Chromium and return the session cookie."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(f"{base}/login")
        page.fill("#email", email)
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/")
        cookie = next(c["value"] for c in page.context.cookies() if c["name"] == "session")
        browser.close()
    return cookie


def main() -> None:
    """Measure the start screen and the bare page, alternating, and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `make checkers`")

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.sqlite'}"
        world = make_world(url)
        port = free_port()
        env = {
            "FLASK_SECRET_KEY": secrets.token_hex(16),
            "FLASK_SQLALCHEMY_DATABASE_URI": url,
            "FLASK_DEBUG": "0",
            "FLASK_SESSION_COOKIE_SECURE": "false",
        }
        server = start_gunicorn("app:app", port, env)
        bare = ThreadingHTTPServer(("127.0.0.1", 0), BareHandler)
        threading.Thread(target=bare.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{port}"
        try:
            headers = {
                "Cookie": f"session={session_cookie(base, world['email'])}",
                "Accept-Language": "nl-NL,nl;q=0.9",
            }
            runs = {"start screen": [], "bare page": []}
            for _ in range(args.runs):
                runs["start screen"].append(lighthouse(f"{base}/", headers))
                runs["bare page"].append(lighthouse(f"http://127.0.0.1:{bare.server_port}/", {}))
        finally:
            bare.shutdown()
            stop([server])
    if any(r["url"] != f"{base}/" for r in runs["start screen"]):
        sys.exit("Lighthouse was sent elsewhere: the session cookie did not sign it in")

    medians = {
        name: {
            key: statistics.median(r[key] for r in results)
            for key in ["score", *(m[0] for m in METRICS)]
        }
        for name, results in runs.items()
    }
    print(f"Lighthouse 12, mobile preset (simulated throttling), median of {args.runs} runs")
    print(f"{'metric':<22}{'start screen':>14}{'bare page':>12}{'ratio':>8}")
    print(
        f"{'performance score':<22}{medians['start screen']['score']:>14.0f}"
        f"{medians['bare page']['score']:>12.0f}"
    )
    for audit, label, unit in METRICS:
        ours, bare_value = medians["start screen"][audit], medians["bare page"][audit]
        fmt = ".3f" if not unit else ".0f"
        ratio = f"{ours / bare_value:.2f}" if bare_value else "-"
        print(
            f"{label + (' (' + unit + ')' if unit else ''):<22}{ours:>14{fmt}}"
            f"{bare_value:>12{fmt}}{ratio:>8}"
        )


if __name__ == "__main__":
    main()
