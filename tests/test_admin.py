"""Administration of users, teams, areas, places and themes."""

import pytest
from sqlalchemy import select

from buurtlog.accounts import services
from buurtlog.models import Area, AuditEvent, Place, Team, Theme, User


@pytest.fixture
def admin_client(client, auth, make_user):
    """Return a client signed in as an admin, reading English."""
    auth.login_as(make_user("admin"))
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def _actions(db):
    """Return the audit log's actions, oldest first."""
    return [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def test_admin_adds_a_user_who_can_sign_in(admin_client, db, make_team):
    """Add a user with role, team and password; the change is audited."""
    team = make_team("Team Zuid")
    response = admin_client.post(
        "/admin/users/new",
        data={
            "name": "Sanne",
            "email": "Sanne@Example.org",
            "role": "worker",
            "team_id": team.id,
            "locale": "",
            "active": "y",
            "password": "a long enough password",
        },
    )
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.email == "sanne@example.org"))
    assert (user.role, user.team.name, user.locale) == ("worker", "Team Zuid", None)
    assert services.authenticate("sanne@example.org", "a long enough password")[1] == "ok"
    assert _actions(db) == ["admin.users.created", "admin.password_set"]


def test_admin_user_form_refuses_duplicates_and_short_passwords(admin_client, db, make_user):
    """Refuse a taken email and a short password, beside the fields, saving nothing."""
    make_user(email="taken@example.org")
    response = admin_client.post(
        "/admin/users/new",
        data={"name": "X", "email": "taken@example.org", "role": "worker", "password": "short"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Another user has this email address." in page
    assert "Field must be between 12 and 128 characters long." in page
    assert db.session.scalar(select(User).where(User.name == "X")) is None


def test_admin_deactivates_a_user(admin_client, db, make_user, client):
    """Deactivate a user, who then cannot sign in."""
    user = make_user()
    response = admin_client.post(
        f"/admin/users/{user.id}",
        data={"name": user.name, "email": user.email, "role": "worker", "locale": ""},
    )
    assert response.status_code == 302
    db.session.refresh(user)
    assert user.active is False
    assert services.authenticate(user.email, "correct horse battery staple")[1] == "inactive"
    event = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert (event.action, event.details) == ("admin.users.updated", {"fields": "active"})


def test_admin_sets_the_districts_of_a_team(admin_client, db, make_area):
    """Create a team covering two wijken."""
    west, oost = make_area("wijk", "West"), make_area("wijk", "Oost")
    response = admin_client.post(
        "/admin/teams/new", data={"name": "Team West", "area_ids": [west.id, oost.id]}
    )
    assert response.status_code == 302
    team = db.session.scalar(select(Team).where(Team.name == "Team West"))
    assert sorted(a.name for a in team.areas) == ["Oost", "West"]


def test_admin_adds_areas_in_the_right_order(admin_client, db, make_area):
    """Derive the level from the (upper-cased) code; refuse a buurt directly under a gemeente."""
    gemeente = make_area("gemeente", "Utrecht", code="GM0344")
    response = admin_client.post(
        "/admin/areas/new",
        data={
            "code": " wk034401 ",
            "name": "West",
            "parent_id": gemeente.id,
            "year": 2024,
            "active": "y",
        },
    )
    assert response.status_code == 302
    wijk = db.session.scalar(select(Area).where(Area.code == "WK034401"))
    assert wijk.level == "wijk" and wijk.parent == gemeente
    response = admin_client.post(
        "/admin/areas/new",
        data={"code": "BU03440101", "name": "Lombok", "parent_id": gemeente.id, "active": "y"},
    )
    assert response.status_code == 400
    assert "This area cannot lie there." in response.get_data(as_text=True)


def test_admin_adds_places_unique_per_area(admin_client, db, make_area):
    """Add a place and refuse a second one with the same name in the same area."""
    buurt = make_area("buurt")
    data = {"name": "Tafel Buurtsuper", "kind": "shop_table", "area_id": buurt.id, "active": "y"}
    assert admin_client.post("/admin/places/new", data=data).status_code == 302
    response = admin_client.post("/admin/places/new", data={**data, "name": "tafel buurtsuper"})
    assert response.status_code == 400
    assert db.session.scalars(select(Place)).one().kind == "shop_table"


def test_admin_adds_a_sensitive_theme(admin_client, db):
    """Add a theme with names in both languages, marked sensitive."""
    response = admin_client.post(
        "/admin/themes/new",
        data={
            "slug": "huiselijk-geweld",
            "name_nl": "Huiselijk geweld",
            "name_en": "Domestic violence",
            "sensitive": "y",
            "active": "y",
            "position": 5,
        },
    )
    assert response.status_code == 302
    theme = db.session.scalars(select(Theme)).one()
    assert theme.sensitive and theme.name("en") == "Domestic violence"
    response = admin_client.post(
        "/admin/themes/new", data={"slug": "Not a slug", "name_nl": "X", "name_en": "X"}
    )
    assert response.status_code == 400
    assert "Use lower-case letters, digits and hyphens." in response.get_data(as_text=True)


def test_admin_lists_show_the_records(admin_client, make_place, make_theme, make_team):
    """List users, teams, areas, places and themes."""
    place, team = make_place(name="Bibliotheek"), make_team()
    make_theme(name_nl="Spelen")
    assert "Bibliotheek" in admin_client.get("/admin/places").get_data(as_text=True)
    assert "Spelen" in admin_client.get("/admin/themes").get_data(as_text=True)
    assert team.name in admin_client.get("/admin/teams").get_data(as_text=True)
    assert place.area.name in admin_client.get("/admin/areas").get_data(as_text=True)
    assert admin_client.get("/admin/users/99999").status_code == 404


def test_admin_reads_and_filters_the_audit_log(admin_client, auth, client, make_user, db):
    """List audit events newest first, filtered by action and person, without free text."""
    user = make_user(email="sanne@example.org")
    auth.logout()
    auth.login(user)  # login.succeeded
    auth.logout()
    auth.login("nobody@example.org", "wrong password!")  # login.failed, no actor
    auth.login_as(db.session.scalar(select(User).where(User.role == "admin")))
    page = admin_client.get("/admin/audit?action=login").get_data(as_text=True)
    assert page.index("login.failed") < page.index("login.succeeded")
    assert "nobody@example.org" not in page
    only = admin_client.get("/admin/audit?actor=sanne@example.org").get_data(as_text=True)
    assert "login.succeeded" in only and "login.failed" not in only
    assert admin_client.get("/admin/audit?day=not-a-day").status_code == 400
