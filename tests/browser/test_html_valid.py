"""The Nu HTML Checker (vnu.jar) on every page, as every role: no errors."""

from tests.crawl import VNU, crawl, require_checker, vnu_errors


def test_every_page_is_valid_html(app, site, tmp_path):
    """Run vnu once over the HTML of every page as every role; it must report no errors."""
    require_checker(VNU, programs=("java",))
    pages = crawl(app, site)
    errors, report = vnu_errors(pages, tmp_path)
    assert errors == [], (
        f"the Nu HTML Checker found {len(errors)} errors in {len(pages)} pages:\n{report}"
    )
