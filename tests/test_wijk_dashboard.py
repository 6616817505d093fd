"""The wijk page as a dashboard (issue 17): key figures first, charts that carry their own
labels and values, the table behind each chart one tap away, no statistics jargon."""

import re
from html import unescape

from buurtlog.wijk import charts
from tests.test_wijk import wijk  # noqa: F401  (the hand-counted wijk)


def test_bar_chart_writes_each_label_and_value():
    """Write every bar's label and value in the chart itself, not only in a tooltip."""
    svg = str(charts.bar_chart([("Inwoner", 107, 0, 0), ("Groep & buurt", 5, 0, 0)], "Soort"))
    assert ">Inwoner</text>" in svg and ">107</text>" in svg and ">5</text>" in svg
    assert "Groep &amp; buurt" in svg and 'preserveAspectRatio="none"' not in svg


def test_line_chart_has_an_axis_a_reference_line_and_values():
    """Give the being-known line a 0–100% axis, a 50% reference line, values and the weeks."""
    svg = str(
        charts.line_chart(
            [0.5, None, 0.25, 0.75], "Gekend", ["W46", "W47", "W48", "W49"], open_last=True
        )
    )
    for text in (">0%<", ">50%<", ">100%<", ">75%<", ">W46<", ">W49<"):
        assert text in svg
    assert "chart-reference" in svg and 'stroke-dasharray="4 3"' in svg


def test_sparkline_writes_its_last_count():
    """Write the last week's count beside a theme's trend."""
    assert ">7</text>" in str(charts.sparkline([1, 2, 7], "Spelen"))


def test_key_figures_come_first(client, auth, wijk):  # noqa: F811
    """Open the page on the key figures: contacts, people, share started by residents, open
    signals and rising themes, each with what it was before; the tools fold away."""
    auth.login_as(wijk["worker"])
    html = client.get(f"/wijk/{wijk['wijk'].code}").get_data(as_text=True)
    figures = html[html.index('class="key-figures"') : html.index('class="wijk-cards"')]
    labels = [unescape(t) for t in re.findall(r"<dt>([^<]+)</dt>", figures)]
    assert labels == [
        "Contacten",
        "Mensen bereikt",
        "Door bewoners begonnen",
        "Open signalen",
        "Opkomende thema's",
    ]
    assert html.index('class="key-figures"') < html.index('id="emerging"')
    assert '<details class="period-box"' in html and '<details class="actions-box"' in html
    assert "css/wijk.css" in html and "p &lt;" not in html
    # The fixture's five signals of the last four weeks, none decided on yet.
    assert "van 5 gelogde signalen" in figures and ">5</span>" in figures


def test_public_page_says_what_the_team_did_in_residents_words(
    client,
    auth,
    wijk,  # noqa: F811
    db,
    make_entry,
):
    """Tell residents what became of signals in their words, with no internal status such as
    "New" and no count of wijk themes per status."""
    from buurtlog.models import SignalStatus

    auth.login_as(wijk["coordinator"])
    code = wijk["wijk"].code
    client.post(f"/wijk/{code}/publiek/instellen", data={"public": "on"})
    play = wijk["themes"][0]
    for status in ("referred",) * 6 + ("new",) * 7:
        entry = make_entry(
            author=wijk["worker"], themes=[play], area=wijk["place"].area, days_ago=3
        )
        db.session.add(SignalStatus(entry=entry, team_id=wijk["team"].id, status=status))
    db.session.commit()
    auth.logout()
    html = client.get(f"/wijk/{code}/publiek", headers={"Accept-Language": "en"}).get_data(
        as_text=True
    )
    assert "Passed on to an organisation that can help" in html
    assert '<th scope="row">New</th>' not in html and "Topics the team takes up" not in html
