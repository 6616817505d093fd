"""Walk-in mornings: start with the usual slot, tally, undo, late and double taps, summaries,
full entries from check-ins, and the check-ins in the wijk picture."""

import re
import uuid
from datetime import date, time, timedelta

import pytest
from sqlalchemy import func, select

from buurtlog.models import (
    CheckIn,
    Entry,
    Place,
    Referral,
    User,
    WalkInSchedule,
    WalkInSession,
    utcnow,
)
from buurtlog.walkin import demo, services, summary
from buurtlog.wijk import queries as wijk_queries
from tests.conftest import amsterdam


@pytest.fixture
def walkin(make_area, make_place, make_team, make_user, make_theme, make_initiative):
    """Make a wijk with a community centre, a team (host, colleague), a theme, an initiative."""
    wijk = make_area("wijk", name="Kanaalzone")
    buurt = make_area("buurt", name="Smaragdplein", parent=wijk)
    place = make_place(name="Wijkcentrum De Leeuw", area=buurt, kind="community_centre")
    team = make_team(areas=[wijk])
    other_wijk = make_area("wijk", name="Elders")
    return {
        "wijk": wijk,
        "place": place,
        "team": team,
        "host": make_user("worker", team=team),
        "colleague": make_user("worker", team=team),
        "stranger": make_user("worker", team=make_team()),
        "theme": make_theme("geld", name_nl="Geld", name_en="Money"),
        "initiative": make_initiative("Budgetmaatjes", areas=[wijk]),
        "far_initiative": make_initiative("Taalcafé Elders", areas=[other_wijk]),
    }


@pytest.fixture
def started(client, auth, walkin, db):
    """Sign the host in and start a walk-in at the community centre; return its session."""
    auth.login_as(walkin["host"])
    session_id = uuid.uuid4()
    response = client.post(
        "/walkin/start", data={"place": walkin["place"].id, "id": str(session_id)}
    )
    assert response.status_code == 302
    return db.session.get(WalkInSession, session_id)


def tap(client, session, **data):
    """Post one tap of the tally form (without JavaScript)."""
    return client.post(f"/walkin/sessions/{session.id}/tally", data={"visitor": "new", **data})


def counted(db, session):
    """Return the session's check-ins that count (not undone)."""
    db.session.expire_all()
    return db.session.scalars(
        select(CheckIn).where(CheckIn.session_id == session.id, CheckIn.undone_at.is_(None))
    ).all()


def test_starting_remembers_the_usual_slot_and_prefills_it(client, walkin, started, db):
    """A started walk-in becomes the team's slot for that weekday; the start form offers it."""
    slot = db.session.scalars(select(WalkInSchedule)).one()
    assert slot.place_id == walkin["place"].id and slot.team_id == walkin["team"].id
    page = client.get("/walkin/").get_data(as_text=True)
    assert re.search(rf'<option selected value="{walkin["place"].id}"', page)
    assert "Wijkcentrum De Leeuw" in page


def test_a_resubmitted_start_starts_one_session(client, walkin, started, db):
    """Posting the start form twice (same page id) keeps one session."""
    client.post("/walkin/start", data={"place": walkin["place"].id, "id": str(started.id)})
    assert db.session.scalar(select(func.count()).select_from(WalkInSession)) == 1


def test_tally_counts_with_theme_and_referral_in_one_transaction(client, walkin, started, db):
    """A tap with a theme chip and an initiative chip makes a check-in and its referral."""
    page = client.get(f"/walkin/sessions/{started.id}").get_data(as_text=True)
    assert "Budgetmaatjes" in page and "Taalcafé Elders" not in page  # the wijk's only
    response = tap(client, started, about="geld", referral=str(walkin["initiative"].id))
    assert response.status_code == 302
    [checkin] = counted(db, started)
    assert checkin.visitor == "new" and checkin.theme.slug == "geld" and checkin.referred
    referral = db.session.scalars(select(Referral)).one()
    assert referral.check_in_id == checkin.id and referral.entry_id is None
    assert referral.initiative_id == walkin["initiative"].id
    tap(client, started, visitor="known", about="company")
    assert services.counts(started) == (2, 1)
    page = client.get(f"/walkin/sessions/{started.id}").get_data(as_text=True)
    assert "data-count-visitors>2<" in page and "data-count-new>1<" in page


def test_a_page_posted_twice_counts_one_visitor(client, started, db):
    """The same tally form (same id) posted again is the same visitor."""
    checkin_id = str(uuid.uuid4())
    tap(client, started, id=checkin_id)
    tap(client, started, id=checkin_id)
    assert len(counted(db, started)) == 1


def test_a_double_tap_is_one_visitor_unless_the_host_confirms(
    client, started, db, still_walkin_clock
):
    """Two taps on New within a second count once; confirming counts the second."""
    tap(client, started)
    response = tap(client, started)
    assert response.headers["Location"].endswith("?double=new")
    assert len(counted(db, started)) == 1
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'name="confirm_double" value="1"' in page
    tap(client, started, confirm_double="1")
    assert len(counted(db, started)) == 2
    tap(client, started, visitor="known")  # another button is another visitor
    assert len(counted(db, started)) == 3


def test_undo_takes_back_the_last_tap_and_keeps_the_row(client, started, db):
    """Undo marks the host's last tap undone; it no longer counts but the row stays."""
    tap(client, started)
    tap(client, started, visitor="known")
    client.post(f"/walkin/sessions/{started.id}/undo")
    assert [c.visitor for c in counted(db, started)] == ["new"]
    assert db.session.scalar(select(func.count()).select_from(CheckIn)) == 2
    client.post(f"/walkin/sessions/{started.id}/undo")
    client.post(f"/walkin/sessions/{started.id}/undo")  # nothing left: no error
    assert counted(db, started) == []


def test_a_tap_after_a_colleague_ended_the_session_is_kept_and_flagged(
    client, auth, walkin, started, db
):
    """The colleague ends the walk-in; the host's next tap is accepted, late, and shown."""
    other = client.application.test_client()
    with other.session_transaction() as cookie:
        from buurtlog.accounts import sessions

        sessions.stamp(cookie, walkin["colleague"])
    assert other.post(f"/walkin/sessions/{started.id}/end").status_code == 302
    response = tap(client, started)
    assert response.status_code == 302
    [checkin] = counted(db, started)
    assert checkin.late and checkin.session_id == started.id
    page = client.get(f"/walkin/sessions/{started.id}/summary").get_data(as_text=True)
    assert "data-late" in page


def test_a_persons_name_is_refused_as_organisation(client, started, db):
    """ "Elsewhere" takes an organisation's name; a person's name is refused, nothing saved."""
    response = tap(client, started, referral="elsewhere", elsewhere="Jan de Vries")
    assert response.status_code == 400
    assert "nooit een persoon" in response.get_data(as_text=True)
    assert counted(db, started) == []
    tap(client, started, referral="elsewhere", elsewhere="Juridisch Loket")
    assert counted(db, started)[0].referred_elsewhere == "Juridisch Loket"


def test_only_the_team_reaches_a_session(client, auth, walkin, started):
    """Someone from another team gets a 404 for the tally, the summary and a tap."""
    auth.login_as(walkin["stranger"])
    assert client.get(f"/walkin/sessions/{started.id}").status_code == 404
    assert client.get(f"/walkin/sessions/{started.id}/summary").status_code == 404
    assert tap(client, started).status_code == 404


def test_summary_and_trend(client, walkin, started, db):
    """The summary counts visitors, new ones, themes, referrals; the trend spans sessions."""
    earlier = WalkInSession(
        team=walkin["team"],
        place=walkin["place"],
        host=walkin["host"],
        started_at=utcnow() - timedelta(days=7),
        ended_at=utcnow() - timedelta(days=7, hours=-2),
    )
    db.session.add(earlier)
    db.session.add_all(
        [
            CheckIn(session=earlier, visitor="known", occurred_at=utcnow() - timedelta(days=7))
            for _ in range(4)
        ]
    )
    db.session.commit()
    tap(client, started, about="geld", referral=str(walkin["initiative"].id))
    tap(client, started, visitor="known", referral="elsewhere", elsewhere="Voedselbank")
    tap(client, started, about="company", confirm_double="1")
    page = summary.summary(started, "nl")
    assert (page["visitors"], page["new"], page["company"]) == (3, 2, 1)
    assert page["themes"] == [("Geld", 1)]
    assert page["referrals"] == [("Budgetmaatjes", 1)] and page["elsewhere"] == [("Voedselbank", 1)]
    trend = summary.trend(started)
    assert [(t["visitors"], t["new"]) for t in trend] == [(4, 0), (3, 2)]
    html = client.get(f"/walkin/sessions/{started.id}/summary").get_data(as_text=True)
    assert "data-summary-visitors>3<" in html and "<svg" in html and "Budgetmaatjes" in html


def test_a_checkin_becomes_a_full_entry(client, walkin, started, db):
    """The log form opens with walk_in, the place and the theme; saving links the entry."""
    tap(client, started, about="geld")
    [checkin] = counted(db, started)
    page = client.get(f"/walkin/checkins/{checkin.id}/entry").get_data(as_text=True)
    assert re.search(r'<input checked[^>]*name="setting"[^>]*value="walk_in"', page)
    assert re.search(r'<input checked[^>]*name="themes"[^>]*value="geld"', page)
    assert re.search(rf'<option selected value="{walkin["place"].id}"', page)
    response = client.post(
        f"/walkin/checkins/{checkin.id}/entry",
        data={
            "setting": "walk_in",
            "kind": "question",
            "themes": ["geld"],
            "place": walkin["place"].id,
            "contact_type": "resident",
            "people": 1,
            "first_contact": "first",
            "initiated_by": "resident",
            "follow_up": "none",
        },
    )
    assert response.status_code == 302
    entry = db.session.scalars(select(Entry)).one()
    db.session.refresh(checkin)
    assert checkin.entry_id == entry.id and entry.setting == "walk_in"
    assert entry.place_id == walkin["place"].id and [t.slug for t in entry.themes] == ["geld"]
    again = client.get(f"/walkin/checkins/{checkin.id}/entry")
    assert again.status_code == 302 and str(entry.id) in again.headers["Location"]


def test_checkins_count_in_the_wijk_picture(client, walkin, started, db):
    """Walk-in visitors and their themes appear in the wijk's reach."""
    tap(client, started, about="geld")
    tap(client, started, visitor="known")
    tap(client, started, visitor="known", confirm_double="1")
    client.post(f"/walkin/sessions/{started.id}/undo")
    numbers = wijk_queries.wijk_walk_in(
        [walkin["wijk"].id, walkin["place"].area_id],
        utcnow() - timedelta(days=1),
        utcnow() + timedelta(days=1),
    )
    assert (numbers["visitors"], numbers["new"], numbers["sessions"]) == (2, 1, 1)
    assert numbers["themes"] == {walkin["theme"].id: 1}
    page = client.get(f"/wijk/{walkin['wijk'].code}").get_data(as_text=True)
    assert "data-walk-in-visitors>2<" in page


def test_demo_walk_ins_are_added_once(runner, db):
    """`flask demo` adds six past walk-ins with their tally, and not again on a second run."""
    for _ in range(2):
        result = runner.invoke(args=["demo"])
        assert result.exit_code == 0, result.output
        assert db.session.scalar(select(func.count()).select_from(WalkInSession)) == 6
    assert db.session.scalar(select(func.count()).select_from(CheckIn)) >= 6 * 9


def start_at(client, place):
    """Post the start form as the page would, with an id of its own; return the response."""
    return client.post("/walkin/start", data={"place": place.id, "id": str(uuid.uuid4())})


def session_of(db, response) -> WalkInSession:
    """Return the session a start response redirected to its tally screen."""
    assert response.status_code == 302, response.status_code
    db.session.expire_all()
    return db.session.get(WalkInSession, uuid.UUID(response.headers["Location"].split("/")[-1]))


def test_the_usual_walk_in_starts_again_week_after_week(client, auth, walkin, db, clock):
    """Start, tally and end the Tuesday walk-in three weeks running: one slot, three sessions."""
    place = walkin["place"]
    for week, (starts, ends, slot_times) in enumerate(
        [
            ("10:00", "12:00", ("10:00", "12:00")),
            ("09:50", "12:10", ("09:45", "12:15")),
            ("10:05", "11:55", ("10:00", "12:00")),
        ]
    ):
        day = date(2026, 12, 8) + timedelta(weeks=week)
        clock.move_to(amsterdam(f"{day}T{starts}"), tick=False)
        auth.login_as(walkin["host"])  # last week's sign-in has long expired
        page = client.get("/walkin/")
        assert page.status_code == 200
        if week:  # last week's walk-in is offered as the usual one
            assert re.search(rf'<option selected value="{place.id}"', page.get_data(as_text=True))
        session = session_of(db, start_at(client, place))
        assert tap(client, session).status_code == 302
        assert client.get(f"/walkin/sessions/{session.id}").status_code == 200
        clock.move_to(amsterdam(f"{day}T{ends}"), tick=False)
        assert client.post(f"/walkin/sessions/{session.id}/end").status_code == 302
        assert client.get(f"/walkin/sessions/{session.id}/summary").status_code == 200
        db.session.expire_all()
        slot = db.session.scalars(select(WalkInSchedule)).one()
        assert (slot.place_id, slot.weekday) == (place.id, 1)
        assert (slot.starts_at.isoformat("minutes"), slot.ends_at.isoformat("minutes")) == (
            slot_times
        )
    assert db.session.scalar(select(func.count()).select_from(WalkInSession)) == 3
    assert all(not s.is_open for s in db.session.scalars(select(WalkInSession)))
    trend = summary.trend(session)  # the third summary shows the three Tuesdays
    assert [(t["started_at"].date(), t["visitors"]) for t in trend] == [
        (date(2026, 12, 8), 1),
        (date(2026, 12, 15), 1),
        (date(2026, 12, 22), 1),
    ]


def test_a_second_walk_in_the_same_day_at_the_same_place(client, auth, walkin, db, clock):
    """End the morning's walk-in and start another there in the afternoon: both are kept,
    the slot is the latest start, and each session counts only its own visitors."""
    clock.move_to(amsterdam("2026-12-08T09:30"), tick=False)
    auth.login_as(walkin["host"])
    morning = session_of(db, start_at(client, walkin["place"]))
    tap(client, morning)
    clock.move_to(amsterdam("2026-12-08T11:30"), tick=False)
    assert client.post(f"/walkin/sessions/{morning.id}/end").status_code == 302
    clock.move_to(amsterdam("2026-12-08T14:00"), tick=False)
    afternoon = session_of(db, start_at(client, walkin["place"]))
    assert afternoon.id != morning.id and afternoon.is_open
    slot = db.session.scalars(select(WalkInSchedule)).one()
    assert (slot.starts_at, slot.ends_at) == (time(14), None)  # no end before its start
    tap(client, afternoon, visitor="known")
    tap(client, afternoon, visitor="new", confirm_double="1")
    assert (services.counts(morning), services.counts(afternoon)) == ((1, 1), (2, 1))
    clock.move_to(amsterdam("2026-12-08T16:05"), tick=False)
    assert client.post(f"/walkin/sessions/{afternoon.id}/end").status_code == 302
    db.session.expire_all()
    slot = db.session.scalars(select(WalkInSchedule)).one()
    assert (slot.starts_at, slot.ends_at) == (time(14), time(16, 15))
    page = client.get("/walkin/").get_data(as_text=True)
    assert page.count(f"/walkin/sessions/{morning.id}/summary") == 1
    assert page.count(f"/walkin/sessions/{afternoon.id}/summary") == 1


def test_the_demo_host_starts_the_usual_tuesday_walk_in(client, auth, runner, db, clock):
    """After `flask demo`, the host starts the demo's usual Tuesday walk-in and ends it."""
    clock.move_to(amsterdam("2026-12-08T09:55"), tick=False)  # a Tuesday
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    host = db.session.scalar(select(User).where(User.email == demo.HOST))
    place = db.session.scalar(select(Place).where(Place.name == demo.PLACE))
    auth.login_as(host)
    page = client.get("/walkin/")
    assert page.status_code == 200
    assert re.search(rf'<option selected value="{place.id}"', page.get_data(as_text=True))
    session = session_of(db, start_at(client, place))
    assert session.place_id == place.id and session.host_id == host.id
    clock.move_to(amsterdam("2026-12-08T12:00"), tick=False)
    assert client.post(f"/walkin/sessions/{session.id}/end").status_code == 302
    assert client.get(f"/walkin/sessions/{session.id}/summary").status_code == 200
    db.session.expire_all()
    slot = db.session.scalars(select(WalkInSchedule)).one()
    assert (slot.place_id, slot.weekday, slot.starts_at) == (place.id, 1, time(9, 45))
    assert db.session.scalar(select(func.count()).select_from(WalkInSession)) == 7


def test_a_slot_a_colleague_saved_meanwhile_is_updated_not_doubled(walkin, db, monkeypatch, clock):
    """Keep one slot when a colleague's start saved it between the lookup and the insert."""
    clock.move_to(amsterdam("2026-12-08T10:05"), tick=False)
    db.session.add(
        WalkInSchedule(team=walkin["team"], place=walkin["place"], weekday=1, starts_at=time(9, 30))
    )
    db.session.commit()
    lookup, calls = services._slot, []

    def saved_meanwhile(*args, **kwargs):
        """Miss the colleague's slot on the first look, as a parallel request would."""
        calls.append(args or kwargs)
        return None if len(calls) == 1 else lookup(*args, **kwargs)

    monkeypatch.setattr(services, "_slot", saved_meanwhile)
    session = services.start_session(
        walkin["host"], walkin["place"], uuid.uuid4(), amsterdam("2026-12-08T10:05")
    )
    db.session.expire_all()
    slot = db.session.scalars(select(WalkInSchedule)).one()
    assert (slot.place_id, slot.weekday, slot.starts_at) == (walkin["place"].id, 1, time(10))
    assert len(calls) == 2 and db.session.get(WalkInSession, session.id).is_open


def test_the_tally_and_summary_count_one_visitor_and_one_walk_in_in_the_singular(
    client, walkin, started, db
):
    """Say "1 bezoeker" and "The last walk-in", never "1 bezoekers" or "The last 1 walk-ins"."""
    tap(client, started)
    page = client.get(f"/walkin/sessions/{started.id}").get_data(as_text=True)
    assert re.search(r"data-count-visitors>1</strong> <span [^>]*>bezoeker</span>", page)
    assert 'data-one="bezoeker" data-other="bezoekers"' in page  # for the count the page keeps
    walkin["host"].locale = "en"
    db.session.commit()
    page = client.get(f"/walkin/sessions/{started.id}").get_data(as_text=True)
    assert re.search(r"data-count-visitors>1</strong> <span [^>]*>visitor</span>", page)
    html = client.get(f"/walkin/sessions/{started.id}/summary").get_data(as_text=True)
    assert "The last walk-in at Wijkcentrum De Leeuw." in html and "1 walk-ins" not in html
    tap(client, started, visitor="known")
    page = client.get(f"/walkin/sessions/{started.id}").get_data(as_text=True)
    assert re.search(r"data-count-visitors>2</strong> <span [^>]*>visitors</span>", page)
