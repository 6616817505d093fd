"""Who may reach what: every route × every role, with the status each must get.

Adding a route without adding it here fails `test_every_route_is_in_the_matrix`.
"""

import pytest

ROLES = ("anonymous", "worker", "coordinator", "admin")


def _expect(anonymous, worker, coordinator, admin):
    """Return the expected statuses, in the order of ROLES."""
    return dict(zip(ROLES, (anonymous, worker, coordinator, admin), strict=True))


SIGNED_IN = _expect(302, 200, 200, 200)
ADMIN_ONLY = _expect(302, 403, 403, 200)

# (method, endpoint) → expected status per role. The entry belongs to the worker, in the
# coordinator's team; the admin is in no team, so the entry does not exist for them.
MATRIX = {
    ("GET", "accounts.login"): _expect(200, 302, 302, 302),
    ("POST", "accounts.login"): _expect(400, 302, 302, 302),
    ("GET", "accounts.logout"): _expect(302, 200, 200, 200),
    ("POST", "accounts.logout"): _expect(302, 302, 302, 302),
    ("GET", "accounts.profile"): SIGNED_IN,
    ("POST", "accounts.profile"): _expect(302, 400, 400, 400),
    ("GET", "accounts.more"): SIGNED_IN,
    ("GET", "entries.new"): SIGNED_IN,
    ("POST", "entries.new"): _expect(302, 400, 400, 400),
    ("GET", "entries.mine"): SIGNED_IN,
    ("GET", "entries.edit"): _expect(302, 200, 200, 404),
    ("POST", "entries.edit"): _expect(302, 400, 400, 404),
    ("POST", "entries.delete"): _expect(302, 302, 302, 404),
    ("POST", "api.privacy_check"): _expect(401, 400, 400, 400),
    ("POST", "api.post_entries"): _expect(401, 400, 400, 400),
    ("GET", "api.get_entries"): _expect(401, 200, 200, 200),
    ("GET", "api.reference"): _expect(401, 200, 200, 200),
    ("GET", "api.session_info"): _expect(401, 200, 200, 200),
    ("GET", "api.openapi"): _expect(200, 200, 200, 200),
    ("GET", "pwa.manifest"): _expect(200, 200, 200, 200),
    ("GET", "pwa.service_worker"): _expect(200, 200, 200, 200),
    ("GET", "pwa.offline"): _expect(200, 200, 200, 200),
    ("GET", "review.index"): SIGNED_IN,
    ("POST", "review.start"): _expect(302, 403, 400, 403),
    ("GET", "review.signal"): _expect(302, 200, 200, 404),
    ("POST", "review.signal"): _expect(302, 403, 400, 404),
    ("POST", "review.bulk"): _expect(302, 403, 400, 403),
    ("POST", "review.proposal"): _expect(302, 403, 400, 403),
    ("GET", "review.wijk_theme"): _expect(302, 200, 200, 404),
    ("POST", "review.wijk_theme"): _expect(302, 403, 400, 404),
    ("GET", "review.meeting"): _expect(302, 200, 200, 404),
    ("POST", "review.meeting"): _expect(302, 403, 400, 404),
    ("GET", "review.summary"): _expect(302, 200, 200, 404),
    ("GET", "review.meetings"): SIGNED_IN,
    ("GET", "review.mine"): SIGNED_IN,
    ("GET", "wijk.index"): SIGNED_IN,
    ("GET", "wijk.show"): SIGNED_IN,
    ("POST", "wijk.sketch"): _expect(302, 400, 400, 403),
    ("POST", "wijk.switch_public"): _expect(302, 403, 400, 403),
    ("GET", "wijk.public"): _expect(404, 404, 404, 404),  # switched off; on: tests/test_wijk.py
    ("GET", "wijk.export"): _expect(302, 200, 200, 403),
    ("GET", "wijk.report"): SIGNED_IN,
    ("GET", "wijk.overview"): SIGNED_IN,
    ("GET", "wijk.compare"): SIGNED_IN,
    ("GET", "presence.index"): SIGNED_IN,
    ("POST", "presence.start"): _expect(302, 400, 400, 400),
    ("POST", "presence.stop"): _expect(302, 302, 302, 302),
    ("POST", "presence.block"): _expect(302, 400, 400, 400),
    ("GET", "admin.index"): ADMIN_ONLY,
    ("GET", "admin.audit"): ADMIN_ONLY,
    ("GET", "admin.users"): ADMIN_ONLY,
    ("GET", "admin.user"): ADMIN_ONLY,
    ("POST", "admin.user"): _expect(302, 403, 403, 400),
    ("GET", "admin.teams"): ADMIN_ONLY,
    ("GET", "admin.team"): ADMIN_ONLY,
    ("POST", "admin.team"): _expect(302, 403, 403, 400),
    ("GET", "admin.area_list"): ADMIN_ONLY,
    ("POST", "admin.area_list"): _expect(302, 403, 403, 400),
    ("GET", "admin.area"): ADMIN_ONLY,
    ("POST", "admin.area"): _expect(302, 403, 403, 400),
    ("GET", "admin.places"): ADMIN_ONLY,
    ("GET", "admin.place"): ADMIN_ONLY,
    ("POST", "admin.place"): _expect(302, 403, 403, 400),
    ("GET", "admin.themes"): ADMIN_ONLY,
    ("GET", "admin.theme"): ADMIN_ONLY,
    ("POST", "admin.theme"): _expect(302, 403, 403, 400),
}
IGNORED = {"static"}


@pytest.fixture
def world(make_team, make_user, make_entry, make_place, make_theme, make_review,
          make_wijk_theme):
    """Make a team (worker, coordinator), an admin, the worker's entry, a meeting, a wijk theme."""
    place = make_place()
    team = make_team(areas=[place.area.parent])
    users = {
        "worker": make_user("worker", team=team),
        "coordinator": make_user("coordinator", team=team),
        "admin": make_user("admin"),
    }
    entry = make_entry(author=users["worker"], area=place.area, place=place)
    return {"users": users, "entry": entry, "place": place, "theme": make_theme(),
            "team": team, "review": make_review(team),
            "wijk_theme": make_wijk_theme(team, place.area.parent, [entry])}


def _url(app, method, endpoint, world):
    """Build a URL for the endpoint, filling in the ids of the world's records.

    Admin forms are posted empty to their "new" page, where an empty form must be refused.
    """
    record_ids = {"admin.user": world["users"]["worker"].id, "admin.team": world["team"].id,
                  "admin.area": world["place"].area.id, "admin.place": world["place"].id,
                  "admin.theme": world["theme"].id}
    values = {}
    if endpoint in record_ids and method == "GET":
        values["record_id"] = record_ids[endpoint]
    if endpoint.startswith("entries.") and endpoint not in ("entries.new", "entries.mine"):
        values["entry_id"] = world["entry"].id
    if endpoint == "review.signal":
        values["entry_id"] = world["entry"].id
    if endpoint in ("review.meeting", "review.summary"):
        values["review_id"] = world["review"].id
    if endpoint == "review.wijk_theme":
        values["theme_id"] = world["wijk_theme"].id
    if endpoint.startswith("wijk.") and endpoint not in ("wijk.index", "wijk.overview",
                                                         "wijk.compare"):
        values["code"] = world["place"].area.parent.code
    with app.test_request_context():
        from flask import url_for
        return url_for(endpoint, **values)


def test_every_route_is_in_the_matrix(app):
    """Fail when a route is added without saying who may reach it."""
    routes = {(method, rule.endpoint) for rule in app.url_map.iter_rules()
              if rule.endpoint not in IGNORED
              for method in rule.methods - {"HEAD", "OPTIONS"}}
    assert routes - MATRIX.keys() == set(), "add these routes to MATRIX"
    assert MATRIX.keys() - routes == set(), "these routes no longer exist"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("method, endpoint", sorted(MATRIX))
def test_route_access(app, client, auth, world, method, endpoint, role):
    """Give each role exactly the status the matrix expects (empty posts for forms)."""
    if role != "anonymous":
        auth.login_as(world["users"][role])
    response = client.open(_url(app, method, endpoint, world), method=method, data={})
    assert response.status_code == MATRIX[(method, endpoint)][role]
    if response.status_code == 302 and role == "anonymous" and endpoint != "accounts.logout":
        assert response.headers["Location"].startswith("/login")
