"""What leaves the team is safe together: no hidden count can be recovered by subtraction from
the period report, the counts CSV, the public page and other teams' views (issue 22, item 10).

The attacker here knows only the published numbers and the documented rule (docs/PRIVACY.md):
"<5" is 1–4, "x" any count, a multiple of 5 the counts that round to it, any other number
exact (as the outputs were before the rule). It tries every combination of parts that fits the
totals — exactly, by enumeration, not by the interval arithmetic the app itself uses.
"""

import re
from datetime import timedelta
from html import unescape

import pytest
from flask_babel import force_locale
from hypothesis import given, settings
from hypothesis import strategies as st

from buurtlog.demo import data
from buurtlog.disclosure import Figure, release, shown
from buurtlog.entries.services import today as local_today
from buurtlog.labels import label
from buurtlog.models import KINDS, Area, Team, Theme, WijkSettings
from buurtlog.models.review import SIGNAL_STATUSES
from buurtlog.wijk.views import PUBLIC_DAYS
from tests.conftest import excel_csv
from tests.test_demo import demo  # noqa: F401 - the fixture

EN = {"Accept-Language": "en"}
ANY = 10**6


def span(text: str) -> tuple[int, int]:
    """Return what a published count can stand for, by the documented rule."""
    text = text.strip()
    if text == "x":
        return 0, ANY
    if text == "<5":
        return 1, 4
    n = int(text)
    if n == 0 or n % 5:
        return n, n
    return max(5, n - 2), n + 2


def hidden(text: str) -> bool:
    """Tell whether a published count hides its value below 5 (or at all)."""
    return text.strip() in ("<5", "x")


def given_away(values: set[int]) -> bool:
    """Tell whether a hidden count's possible values pin it to one count of 1–4."""
    return len(values) == 1 and 1 <= next(iter(values)) <= 4


def _values(text: str, top: int) -> int:
    """Return the values a published count can stand for as a bit set, up to top."""
    lo, hi = span(text)
    hi = min(hi, top)
    return ((1 << (hi - lo + 1)) - 1) << lo if lo <= hi else 0


def _add(a: int, b: int) -> int:
    """Return the bit set of every sum of a value in a and one in b."""
    out, shift = 0, 0
    while b:
        if b & 1:
            out |= a << shift
        b >>= 1
        shift += 1
    return out


def solve(parts: dict, total: str | None, extra=()) -> dict:
    """Return, per part, every value it can take when the parts add up to the total and each
    extra (keys, published sum) holds — by enumerating sums as bit sets, exactly."""
    top = span(total)[1] if total else ANY
    top = min(top, sum(span(v)[1] for v in parts.values()))
    group, group_sum = (tuple(extra[0][0]), extra[0][1]) if extra else ((), None)
    found = {}
    for key in parts:
        values = set()
        for v in range(span(parts[key])[0], min(span(parts[key])[1], top) + 1):
            own = {k: (1 << v if k == key else _values(parts[k], top)) for k in parts}
            inside = 1
            for k in group:
                inside = _add(inside, own[k])
            if group:
                inside &= _values(group_sum, top * 2)
            sums = inside
            for k in parts:
                if k not in group:
                    sums = _add(sums, own[k])
            if total is None or sums & _values(total, top * 2):
                values.add(v)
        found[key] = values
    return found


def test_rounding_alone_gives_a_hidden_count_away_and_the_release_does_not():
    """A total of 7 with parts 5, 1 and 1, shown as 5 | 5, <5, <5, can only be 5 + 1 + 1: the
    release withholds one part instead, and then neither small part is known."""
    naive = solve({"a": shown(5), "b": shown(1), "c": shown(1)}, shown(7))
    assert given_away(naive["b"]) and given_away(naive["c"])
    total = Figure("t", 7)
    parts = [Figure("a", 5), Figure("b", 1), Figure("c", 1)]
    release(total.split(parts))
    assert [p.shown for p in parts] == ["5", "<5", "x"]
    found = solve({p.key: p.shown for p in parts}, total.shown)
    assert not any(given_away(found[k]) for k in ("b", "c"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 11), min_size=5, max_size=5))
def test_no_theme_row_gives_a_hidden_count_away(cells):
    """For any counts per kind, the released theme, strengths-and-ideas and kinds leave every
    hidden count at least two possible values."""
    parts = {kind: Figure(kind, n) for kind, n in zip(KINDS, cells, strict=True)}
    both = Figure("both", cells[1] + cells[2]).split([parts["strength"], parts["idea"]])
    root = Figure("theme", sum(cells)).split(
        [both, parts["signal"], parts["question"], parts["contact"]]
    )
    release(root)
    shown_parts = {k: f.shown for k, f in parts.items()}
    found = solve(shown_parts, root.shown, extra=[(("strength", "idea"), both.shown)])
    for kind, values in found.items():
        assert cells[KINDS.index(kind)] in values
        assert not (hidden(shown_parts[kind]) and given_away(values)), (cells, shown_parts)
    sums = {a + b for a in found["strength"] for b in found["idea"]}
    lo, hi = span(both.shown)
    assert not (hidden(both.shown) and given_away(sums & set(range(lo, hi + 1))))


def rows(html: str, after: str, before: str | None = None) -> list[tuple[str, str]]:
    """Return the (row header, cell) pairs of the HTML between two markers."""
    part = html.split(after, 1)[1]
    if before:
        part = part.split(before, 1)[0]
    return [
        (unescape(a), unescape(b))
        for a, b in re.findall(r'<th scope="row">([^<]*)</th><td>([^<]*)</td>', part)
    ]


def outputs(client, code: str, period: str) -> dict:
    """Read everything about a wijk and period that leaves the team: report and CSV."""
    report = client.get(f"/wijk/{code}/rapport?{period}", headers=EN).get_data(as_text=True)
    assert "Counts are rounded to multiples of 5" in report
    body = client.get(f"/wijk/{code}/export.csv?format=counts&{period}").data
    cells: dict = {}
    for line in excel_csv(body):
        assert bool(line["entries"]) != bool(line["hidden"])  # a number or its mark, not both
        cells.setdefault(line["theme"], {})[line["kind"]] = line["entries"] or line["hidden"]
    reach = dict(rows(report, "<caption>Reach</caption>", "</table>"))
    kinds = [n for _, n in rows(report, "<caption>What we logged</caption>", "</table>")]
    assert len(kinds) == len(KINDS), report.split("<caption>What we logged</caption>")[1][:900]
    themes = dict(rows(report, "<h2>Themes</h2>", "</table>"))
    outcomes = dict(rows(report, "<h2>What was done with signals</h2>", "</table>"))
    return {
        "html": report,
        "cells": cells,
        "reach": reach,
        "kinds": dict(zip(KINDS, kinds, strict=True)),
        "themes": themes,
        "strengths": dict(rows(report, "strengths and ideas</h2>", "</table>")),
        "outcomes": outcomes,
    }


def attack(out: dict, names: dict[str, str], public: dict | None = None) -> list[str]:
    """Try to recover every hidden count of one wijk and period; return those given away."""
    lost = []
    for slug, cells in out["cells"].items():
        kinds = {k: cells.get(k, "0") for k in KINDS}
        total = cells.get("all") or (
            out["themes"].get("Sensitive themes together")
            if slug == "sensitive"
            else out["themes"][names[slug]]
        )
        extra = []
        if slug != "sensitive" and names[slug] in out["strengths"]:
            extra.append((("strength", "idea"), out["strengths"][names[slug]]))
        elif slug != "sensitive":
            extra.append((("strength", "idea"), "0"))
        found = solve(kinds, total, extra)
        lost += [f"{slug}/{k}" for k, v in found.items() if hidden(kinds[k]) and given_away(v)]
    # Contacts by kind; the signals by review status (and, on the public page, the signals
    # that are not sensitive) within the signals.
    statuses = {s: out["outcomes"].get(s, "0") for s in out["outcomes"]}
    by_status = solve(statuses, out["kinds"]["signal"]) if statuses else {}
    lost += [f"outcome/{s}" for s, v in by_status.items() if hidden(statuses[s]) and given_away(v)]
    found = solve(out["kinds"], out["reach"]["Contacts"])
    lost += [f"kind/{k}" for k, v in found.items() if hidden(out["kinds"][k]) and given_away(v)]
    for key in ("First contacts", "Started by residents"):  # each at most the contacts
        lo, hi = span(out["reach"][key])
        values = set(range(lo, min(hi, span(out["reach"]["Contacts"])[1]) + 1))
        if hidden(out["reach"][key]) and given_away(values):
            lost.append(key)
    for status, text in (public or {}).items():
        bound = max(by_status.get(status, {ANY}))
        values = {v for v in range(span(text)[0], min(span(text)[1], bound) + 1)}
        if hidden(text) and given_away(values):
            lost.append(f"public/{status}")
    return lost


@pytest.fixture
def outside(demo, app, client, auth, db):  # noqa: F811 - demo is the fixture
    """Sign in as a coordinator of the team that covers a wijk (English pages)."""
    team_of = {wijk: team for team, wijken in data.TEAMS for wijk in wijken}
    coordinators = {u[3]: u[0] for u in data.USERS if u[2] == "coordinator"}
    names = {t.slug: t.name_en for t in db.session.query(Theme)}

    def sign_in(code: str):
        """Sign in as the coordinator of the wijk's team."""
        auth.logout()
        auth.login(coordinators[team_of[code]], password=data.PASSWORD)

    return sign_in, names


@pytest.mark.parametrize(
    "period", ["period=quarter", "period=month", "period=quarter&start=2026-07-01"]
)
def test_report_and_csv_together_give_no_hidden_count_away(outside, client, period):
    """For every demo wijk: the report's totals minus the CSV's visible counts (and every other
    sum the outputs share) leave each hidden count at least two possible values."""
    sign_in, names = outside
    seen_hidden = 0
    for code, _name, _buurten in data.WIJKEN:
        sign_in(code)
        out = outputs(client, code, period)
        assert attack(out, names) == []
        seen_hidden += sum(hidden(v) for cells in out["cells"].values() for v in cells.values())
    assert seen_hidden > 10  # the demo has small counts to hide, and they stay hidden


def test_kanaalzone_q4_small_cells_cannot_be_subtracted(outside, client):
    """The cells the issue recovered (Kanaalzone Q4: Wonen/contact 2, Veiligheid/idea 3) are
    hidden in the CSV, and the report's totals no longer pin them."""
    sign_in, names = outside
    sign_in("WK990101")
    out = outputs(client, "WK990101", "period=quarter")
    assert out["cells"]["wonen"]["contact"] in ("<5", "x")
    assert out["cells"]["veiligheid"]["idea"] in ("<5", "x")
    kinds = {k: out["cells"]["wonen"].get(k, "0") for k in KINDS}
    found = solve(
        kinds,
        out["themes"][names["wonen"]],
        [(("strength", "idea"), out["strengths"].get(names["wonen"], "0"))],
    )
    assert len(found["contact"]) > 1
    assert attack(out, names) == []


def test_the_same_rule_gives_the_same_numbers_everywhere(outside, client, auth, db, app):
    """Report, CSV, public page, other teams' comparison and heatmap show one number per count
    for the same wijk and period, and together they give no hidden count away."""
    sign_in, names = outside
    code, other = "WK990101", "WK990103"
    wijk = db.session.query(Area).filter_by(code=code).one()
    team = db.session.query(Team).filter_by(name="Team Zuid").one()
    db.session.add(WijkSettings(area=wijk, team=team, public_enabled=True))
    db.session.commit()
    public = client.get(f"/wijk/{code}/publiek", headers=EN).get_data(as_text=True)
    last = local_today(data.TIMEZONE)  # the public page's own 91 days, as a period for the report
    period = f"period=custom&start={last - timedelta(days=PUBLIC_DAYS - 1)}&end={last}"
    sign_in(code)
    out = outputs(client, code, period)
    shown_themes = dict(rows(public, "<h2>What residents talk about</h2>", "</table>"))
    report_themes = {k: v for k, v in out["themes"].items() if k != "Sensitive themes together"}
    assert shown_themes == report_themes
    for slug, cells in out["cells"].items():
        if slug != "sensitive":
            assert cells["all"] == out["themes"][names[slug]]
    assert f"Strengths: {out['kinds']['strength']} · Ideas: {out['kinds']['idea']}" in public
    with app.test_request_context(), force_locale("en"):
        labels = {str(label("signal_status", s)): s for s in SIGNAL_STATUSES}
    out["outcomes"] = {labels[k]: v for k, v in out["outcomes"].items()}
    # The public page names what became of signals in residents' words (issue 17).
    words = {
        "The team took it up itself": "action",
        "Passed on to an organisation that can help": "referred",
        "Taken up together with residents": "collective",
        "The team keeps an eye on it": "monitoring",
    }
    public_outcomes = {
        words[k]: v for k, v in rows(public, '<th scope="col">What happened</th>', "</table>")
    }
    assert attack(out, names, public_outcomes) == []

    # A worker of another team sees the wijk as it leaves the team: the same numbers.
    auth.logout()
    auth.login(
        next(u[0] for u in data.USERS if u[3] == "Team Noord" and u[2] == "worker"),
        password=data.PASSWORD,
    )
    side = (
        client.get(f"/wijk/vergelijk?a={other}&b={code}&{period}", headers=EN)
        .get_data(as_text=True)
        .split('<section class="column">')[2]
    )
    compared = dict(rows(side, "<table>"))
    assert {k: v for k, v in compared.items() if k != "Sensitive"} == report_themes
    assert f"Contacts: {out['reach']['Contacts']} · People: {out['reach']['People']}" in side
    heat = client.get(f"/wijk/overzicht?{period}", headers=EN).get_data(as_text=True)
    header = re.findall(
        r'<th scope="col">([^<]*)</th>', heat.split("<thead>")[1].split("</thead>")[0]
    )[1:]
    row = heat.split(f'<th scope="row">{wijk.name}</th>')[1].split("</tr>")[0]
    heat_cells = dict(
        zip(map(unescape, header), map(unescape, re.findall(r">([^<]*)</td>", row)), strict=True)
    )
    for theme, text in report_themes.items():
        assert heat_cells[theme] == text
