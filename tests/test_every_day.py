"""Every day, every state: the demo loads and every page answers as every role at awkward moments.

The suite once passed while `make run` crashed every Thursday. Here the clock stands still at
each day of one week and at the moments date logic trips over (Sunday night, ISO week 53, New
Year's night, both DST nights with the doubled hour, a leap day); at each, `flask demo` loads
and every page of the access matrix, for the demo's own records, answers every role without
a server error.
"""

from __future__ import annotations

import pytest

from tests.conftest import AuthActions, amsterdam
from tests.crawl import _urls
from tests.crawl_demo import demo_world
from tests.test_access import MATRIX, ROLES

MOMENTS = {
    "monday": "2026-11-30T10:00",
    "tuesday": "2026-12-01T10:00",  # the demo's usual walk-in morning
    "wednesday": "2026-12-02T10:00",
    "thursday": "2026-12-03T10:00",
    "friday": "2026-12-04T10:00",
    "saturday": "2026-12-05T10:00",
    "sunday": "2026-12-06T10:00",
    "sunday-night": "2026-12-06T23:30",  # still Sunday in Amsterdam, Monday nowhere yet
    "iso-week-53": "2026-12-30T10:00",  # 2026 has a week 53
    "new-years-night": "2027-01-01T00:30",  # already 2027 here, still 2026 in UTC
    "spring-dst-night": "2027-03-28T01:59",  # a minute before 02:00 becomes 03:00
    "spring-dst-after": "2027-03-28T03:01",
    "autumn-dst-first": "2026-10-25T02:30+02:00",  # the doubled hour, first time round
    "autumn-dst-second": "2026-10-25T02:30+01:00",  # and second time round
    "leap-day": "2028-02-29T10:00",
}


@pytest.mark.parametrize("moment", MOMENTS.values(), ids=MOMENTS.keys())
def test_demo_and_every_page_hold_at(clock, app, db, runner, moment):
    """Load the demo and open every page as every role without a server error."""
    clock.move_to(amsterdam(moment), tick=False)
    for _ in range(2):  # `make run` loads the demo on every start: again changes nothing
        result = runner.invoke(args=["demo"])
        assert result.exit_code == 0, result.output
    world = demo_world(db)
    assert None not in (
        world["entry"],
        world["review"],
        world["walk_in"],
        world["initiative"],
        world["wijk_theme"],
    ), "the demo lacks a record the pages need"
    failures = []
    for role in ROLES:
        client = app.test_client()
        if role != "anonymous":
            AuthActions(client).login_as(world["users"][role])
        for method, endpoint in sorted(MATRIX):
            if method != "GET":
                continue
            for url in _urls(app, endpoint, world):
                status = client.get(url).status_code
                if status >= 500:
                    failures.append(f"{role} GET {url}: {status}")
    assert failures == []
