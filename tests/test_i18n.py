"""Translations: a complete Dutch catalogue, language choice, and Dutch dates and times."""

import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from flask_babel import format_datetime

from buurtlog.i18n import format_date, format_time, iso_week

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """Extract every translatable string from the code and templates, as pybabel does."""
    pot = tmp_path_factory.mktemp("i18n") / "messages.pot"
    pybabel = Path(sys.executable).parent / "pybabel"
    subprocess.run(
        [
            str(pybabel),
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with pot.open("rb") as handle:
        return read_po(handle)


def test_dutch_catalogue_translates_every_string(extracted):
    """Translate every user-facing string into Dutch, with the same placeholders."""
    with (ROOT / "buurtlog/translations/nl/LC_MESSAGES/messages.po").open("rb") as handle:
        dutch = read_po(handle)
    missing, broken = [], []
    for message in extracted:
        if not message.id:
            continue
        translated = dutch.get(message.id)
        strings = (
            []
            if translated is None
            else (
                list(translated.string)
                if isinstance(translated.string, tuple)
                else [translated.string]
            )
        )
        if translated is None or translated.fuzzy or not all(strings):
            missing.append(message.id)
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = set(PLACEHOLDER.findall(" ".join(ids)))
        # A plural's singular may leave out the count itself ("The last walk-in", never
        # "The last 1 walk-ins"), as gettext allows; every other placeholder stays.
        optional = {"num"} if isinstance(message.id, tuple) else set()
        if any(
            not (wanted - optional) <= set(PLACEHOLDER.findall(s)) <= wanted
            or (i > 0 and set(PLACEHOLDER.findall(s)) != wanted)
            for i, s in enumerate(strings)
        ):
            broken.append(message.id)
    assert missing == [], "run `make messages` and translate these"
    assert broken == []


def test_dutch_is_the_default_and_the_browser_can_ask_for_english(client):
    """Serve Dutch by default and English to a browser that prefers it."""
    assert 'lang="nl"' in client.get("/login").get_data(as_text=True)
    english = client.get("/login", headers={"Accept-Language": "en-US,en;q=0.9"})
    assert 'lang="en"' in english.get_data(as_text=True)
    assert "Sign in" in english.get_data(as_text=True)
    german = client.get("/login", headers={"Accept-Language": "de"})
    assert "Inloggen" in german.get_data(as_text=True)


def test_times_are_shown_in_amsterdam_time_with_dutch_formats(app):
    """Format UTC times in the Netherlands' time zone, in Dutch."""
    with app.test_request_context(headers={"Accept-Language": "nl"}):
        summer = datetime(2026, 7, 1, 10, 0, tzinfo=UTC)
        winter = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
        assert format_datetime(summer, "EEEE d MMMM HH:mm") == "woensdag 1 juli 12:00"
        assert format_datetime(winter, "EEEE d MMMM HH:mm") == "dinsdag 1 december 11:00"


def test_iso_weeks_follow_local_time(app):
    """Count ISO weeks in local time: Sunday 23:30 UTC in summer is already Monday."""
    with app.test_request_context():
        assert iso_week(datetime(2026, 11, 22, 22, 0, tzinfo=UTC)) == "47"
        assert iso_week(datetime(2026, 11, 22, 23, 30, tzinfo=UTC)) == "48"


@pytest.mark.parametrize(
    "language, short, day",
    [
        ("en", "26/11/2026, 10:00", "26 November 2026"),
        ("nl", "26-11-2026, 10:00", "26 november 2026"),
    ],
)
def test_english_dates_put_the_day_first_and_use_a_24_hour_clock(app, language, short, day):
    """Write English dates the European way (en_GB), never "11/26/26, 10:00 AM"."""
    moment = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    filters = app.jinja_env.filters
    with app.test_request_context(headers={"Accept-Language": language}):
        assert filters["datetime"](moment, "short") == short
        assert filters["date"](moment, "short") == short.split(" ")[0].rstrip(",")
        assert format_time(moment, "short") == "10:00"
        assert format_date(moment, "d MMMM yyyy") == day
