"""The Nu HTML Checker (vnu.jar) on every page, as every role: no errors."""

import json
import subprocess

from tests.crawl import VNU, crawl, require_checker


def _report(messages, files):
    """Group the checker's errors: each error once, with its markup and the pages it is on."""
    grouped = {}
    for message in messages:
        extract = " ".join(message.get("extract", "").split())
        page = files.get(message.get("url", "").rsplit("/", 1)[-1], message.get("url"))
        grouped.setdefault((message["message"], extract), []).append(
            f"{page} line {message.get('lastLine', '?')}")
    return "\n".join(f"{text}\n    markup: {extract}\n    on: {'; '.join(pages)}"
                     for (text, extract), pages in grouped.items())


def test_every_page_is_valid_html(app, site, tmp_path):
    """Run vnu once over the HTML of every page as every role; it must report no errors."""
    require_checker(VNU, programs=("java",))
    pages = crawl(app, site)
    files = {}
    for n, (page, html) in enumerate(pages):
        name = f"{n:03d}-{page.name}.html"
        (tmp_path / name).write_text(html, encoding="utf-8")
        files[name] = f"{page.role} {page.method} {page.url}"
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--exit-zero-always",
         *sorted(str(p) for p in tmp_path.glob("*.html"))],
        capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    assert errors == [], (f"the Nu HTML Checker found {len(errors)} errors in {len(pages)} "
                          f"pages:\n{_report(errors, files)}")
