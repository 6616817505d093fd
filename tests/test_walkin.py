"""Walk-in mornings: start with the usual slot, tally, undo, late and double taps, summaries,
full entries from check-ins, and the check-ins in the wijk picture."""

import re
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from buurtlog.models import (
    CheckIn,
    Entry,
    Referral,
    WalkInSchedule,
    WalkInSession,
    utcnow,
)
from buurtlog.walkin import services, summary


@pytest.fixture
def walkin(make_area, make_place, make_team, make_user, make_theme, make_initiative):
    """Make a wijk with a community centre, a team (host, colleague), a theme, an initiative."""
    wijk = make_area("wijk", name="Kanaalzone")
    buurt = make_area("buurt", name="Smaragdplein", parent=wijk)
    place = make_place(name="Wijkcentrum De Leeuw", area=buurt, kind="community_centre")
    team = make_team(areas=[wijk])
    other_wijk = make_area("wijk", name="Elders")
    return {
        "wijk": wijk, "place": place, "team": team,
        "host": make_user("worker", team=team), "colleague": make_user("worker", team=team),
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
    response = client.post("/walkin/start", data={"place": walkin["place"].id,
                                                  "id": str(session_id)})
    assert response.status_code == 302
    return db.session.get(WalkInSession, session_id)


def tap(client, session, **data):
    """Post one tap of the tally form (without JavaScript)."""
    return client.post(f"/walkin/sessions/{session.id}/tally", data={"visitor": "new", **data})


def counted(db, session):
    """Return the session's check-ins that count (not undone)."""
    db.session.expire_all()
    return db.session.scalars(select(CheckIn).where(CheckIn.session_id == session.id,
                                                    CheckIn.undone_at.is_(None))).all()


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


def test_a_double_tap_is_one_visitor_unless_the_host_confirms(client, started, db,
                                                              still_walkin_clock):
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
        client, auth, walkin, started, db):
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
    """"Elsewhere" takes an organisation's name; a person's name is refused, nothing saved."""
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
    earlier = WalkInSession(team=walkin["team"], place=walkin["place"], host=walkin["host"],
                            started_at=utcnow() - timedelta(days=7),
                            ended_at=utcnow() - timedelta(days=7, hours=-2))
    db.session.add(earlier)
    db.session.add_all([CheckIn(session=earlier, visitor="known",
                                occurred_at=utcnow() - timedelta(days=7)) for _ in range(4)])
    db.session.commit()
    tap(client, started, about="geld", referral=str(walkin["initiative"].id))
    tap(client, started, visitor="known", referral="elsewhere", elsewhere="Voedselbank")
    tap(client, started, about="company", confirm_double="1")
    page = summary.summary(started, "nl")
    assert (page["visitors"], page["new"], page["company"]) == (3, 2, 1)
    assert page["themes"] == [("Geld", 1)]
    assert page["referrals"] == [("Budgetmaatjes", 1)] and page["elsewhere"] == [
        ("Voedselbank", 1)]
    trend = summary.trend(started)
    assert [(t["visitors"], t["new"]) for t in trend] == [(4, 0), (3, 2)]
    html = client.get(f"/walkin/sessions/{started.id}/summary").get_data(as_text=True)
    assert 'data-summary-visitors>3<' in html and "<svg" in html and "Budgetmaatjes" in html


def test_a_checkin_becomes_a_full_entry(client, walkin, started, db):
    """The log form opens with walk_in, the place and the theme; saving links the entry."""
    tap(client, started, about="geld")
    [checkin] = counted(db, started)
    page = client.get(f"/walkin/checkins/{checkin.id}/entry").get_data(as_text=True)
    assert re.search(r'<input checked[^>]*name="setting"[^>]*value="walk_in"', page)
    assert re.search(r'<input checked[^>]*name="themes"[^>]*value="geld"', page)
    assert re.search(rf'<option selected value="{walkin["place"].id}"', page)
    response = client.post(f"/walkin/checkins/{checkin.id}/entry", data={
        "setting": "walk_in", "kind": "question", "themes": ["geld"],
        "place": walkin["place"].id, "contact_type": "resident", "people": 1,
        "first_contact": "first", "initiated_by": "resident", "follow_up": "none"})
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
    numbers = services.wijk_walk_in([walkin["wijk"].id, walkin["place"].area_id],
                                    utcnow() - timedelta(days=1), utcnow() + timedelta(days=1))
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
