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
    ("GET", "accounts.tokens"): SIGNED_IN,
    ("POST", "accounts.revoke_token"): _expect(302, 404, 404, 404),  # token 0: nobody's
    # Two-factor pages; without a password step behind them the code page sends to sign-in.
    ("GET", "accounts.login_code"): _expect(302, 302, 302, 302),
    ("POST", "accounts.login_code"): _expect(302, 302, 302, 302),
    ("GET", "accounts.two_factor_settings"): SIGNED_IN,
    ("GET", "accounts.two_factor_setup"): SIGNED_IN,
    ("POST", "accounts.two_factor_setup"): _expect(302, 400, 400, 400),
    ("POST", "accounts.two_factor_recovery_codes"): _expect(302, 302, 302, 302),
    ("POST", "accounts.two_factor_disable"): _expect(302, 302, 302, 302),
    ("GET", "entries.new"): SIGNED_IN,
    ("POST", "entries.new"): _expect(302, 400, 400, 400),
    ("GET", "entries.mine"): SIGNED_IN,
    ("GET", "entries.search"): SIGNED_IN,
    ("POST", "entries.search"): SIGNED_IN,
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
    ("GET", "start.index"): _expect(302, 302, 200, 302),  # the others: to their start
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
    ("GET", "initiatives.index"): SIGNED_IN,
    ("GET", "initiatives.new"): SIGNED_IN,
    ("POST", "initiatives.new"): _expect(302, 400, 400, 400),
    ("GET", "initiatives.show"): SIGNED_IN,
    ("GET", "initiatives.edit"): SIGNED_IN,  # the team's initiative; the admin may edit all
    ("POST", "initiatives.edit"): _expect(302, 400, 400, 400),
    ("POST", "initiatives.checked"): _expect(302, 302, 302, 302),
    ("POST", "initiatives.end"): _expect(302, 403, 302, 302),
    ("POST", "initiatives.remove"): _expect(302, 403, 302, 302),
    ("GET", "initiatives.refer"): _expect(302, 200, 200, 404),
    ("POST", "initiatives.refer"): _expect(302, 400, 400, 404),
    ("POST", "initiatives.undo_referral"): _expect(302, 302, 302, 404),
    ("GET", "initiatives.opportunities"): SIGNED_IN,
    ("GET", "initiatives.public"): _expect(404, 404, 404, 404),  # off; on: test_initiatives.py
    ("POST", "initiatives.switch_public"): _expect(302, 403, 400, 403),
    ("GET", "exchange.index"): SIGNED_IN,
    ("GET", "exchange.new"): SIGNED_IN,
    ("POST", "exchange.new"): _expect(302, 400, 400, 400),
    ("GET", "exchange.mine"): SIGNED_IN,
    ("POST", "exchange.close"): _expect(302, 302, 302, 403),
    ("GET", "exchange.matches"): SIGNED_IN,
    ("POST", "exchange.propose"): _expect(302, 400, 400, 400),
    ("POST", "exchange.confirm"): _expect(302, 302, 404, 404),
    ("POST", "exchange.decline"): _expect(302, 302, 404, 404),
    ("GET", "openreferral.index"): _expect(302, 403, 200, 200),
    ("GET", "openreferral.export"): _expect(302, 403, 200, 200),
    ("POST", "openreferral.import_file"): _expect(302, 403, 400, 400),
    # Walk-ins: the worker hosts the world's session; the admin is in no team (404).
    ("GET", "walkin.index"): SIGNED_IN,
    ("POST", "walkin.start"): _expect(302, 400, 400, 400),
    ("GET", "walkin.tally"): _expect(302, 200, 200, 404),
    ("POST", "walkin.tap"): _expect(302, 400, 400, 404),
    ("POST", "walkin.undo"): _expect(302, 302, 302, 404),
    ("POST", "walkin.end"): _expect(302, 302, 302, 404),
    ("GET", "walkin.summary_page"): _expect(302, 200, 200, 404),
    ("GET", "walkin.entry"): _expect(302, 200, 200, 404),
    ("POST", "walkin.entry"): _expect(302, 400, 400, 404),
    ("POST", "walkin.kiosk_start"): _expect(302, 400, 400, 404),
    ("GET", "walkin.kiosk"): _expect(302, 302, 302, 302),  # no kiosk: back to the walk-ins
    ("POST", "walkin.kiosk_tap"): _expect(302, 302, 302, 302),
    ("POST", "walkin.kiosk_leave"): _expect(302, 302, 302, 302),
    ("POST", "api.post_checkins"): _expect(401, 400, 400, 400),
    ("POST", "api.undo_checkins"): _expect(401, 400, 400, 400),
    ("POST", "api.post_presence"): _expect(401, 400, 400, 400),
    ("POST", "api.post_kiosk_taps"): _expect(401, 400, 400, 400),
    ("POST", "api.post_walkins"): _expect(401, 400, 400, 400),
    ("GET", "walkin.offline_tally"): SIGNED_IN,
    ("GET", "presence.index"): SIGNED_IN,
    ("POST", "presence.start"): _expect(302, 400, 400, 400),
    ("POST", "presence.stop"): _expect(302, 302, 302, 302),
    ("POST", "presence.block"): _expect(302, 400, 400, 400),
    ("GET", "admin.index"): ADMIN_ONLY,
    ("GET", "admin.audit"): ADMIN_ONLY,
    ("GET", "admin.users"): ADMIN_ONLY,
    ("GET", "admin.user"): ADMIN_ONLY,
    ("POST", "admin.user"): _expect(302, 403, 403, 400),
    ("GET", "admin.user_tokens"): ADMIN_ONLY,
    ("POST", "admin.revoke_user_token"): _expect(302, 403, 403, 404),  # token 0: nobody's
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
def world(
    make_team,
    make_user,
    make_entry,
    make_place,
    make_theme,
    make_review,
    make_wijk_theme,
    make_initiative,
    make_referral,
):
    """Make a team (worker, coordinator), an admin, the worker's entry, a meeting, a wijk theme."""
    place = make_place()
    team = make_team(areas=[place.area.parent])
    users = {
        "worker": make_user("worker", team=team),
        "coordinator": make_user("coordinator", team=team),
        "admin": make_user("admin"),
    }
    entry = make_entry(author=users["worker"], area=place.area, place=place)
    initiative = make_initiative(team=team, areas=[place.area.parent])
    world_extra = {
        "initiative": initiative,
        "referral": make_referral(initiative, entry=entry, created_by=users["worker"]),
    }
    return {
        "users": users,
        "entry": entry,
        "place": place,
        "theme": make_theme(),
        **world_extra,
        **_exchange_world(users["worker"], place.area.parent, make_user, make_theme),
        "team": team,
        "review": make_review(team),
        **_walk_in_world(users["worker"], place),
        "wijk_theme": make_wijk_theme(team, place.area.parent, [entry]),
    }


def _walk_in_world(host, place):
    """Make the worker's running walk-in session with one check-in."""
    from buurtlog.extensions import db
    from buurtlog.models import CheckIn, WalkInSession

    session = WalkInSession(team=host.team, place=place, host=host)
    check_in = CheckIn(session=session, visitor="new", recorded_by=host)
    db.session.add_all([session, check_in])
    db.session.commit()
    return {"walk_in": session, "check_in": check_in}


def _exchange_world(worker, wijk, make_user, make_theme):
    """Make the worker's request and a proposed match with another worker's offer."""
    from buurtlog.extensions import db
    from buurtlog.models import ExchangeItem, ExchangeMatch

    theme, other = make_theme(), make_user("worker")
    request = ExchangeItem(
        kind="request",
        description="zoekt een maatje",
        theme=theme,
        area=wijk,
        worker=worker,
        team=worker.team,
    )
    offer = ExchangeItem(
        kind="offer", description="wil maatje zijn", theme=theme, area=wijk, worker=other
    )
    match = ExchangeMatch(offer=offer, request=request)
    db.session.add_all([request, offer, match])
    db.session.commit()
    return {"exchange_item": request, "exchange_match": match}


def _url(app, method, endpoint, world):
    """Build a URL for the endpoint, filling in the ids of the world's records.

    Admin forms are posted empty to their "new" page, where an empty form must be refused.
    """
    record_ids = {
        "admin.user": world["users"]["worker"].id,
        "admin.team": world["team"].id,
        "admin.area": world["place"].area.id,
        "admin.place": world["place"].id,
        "admin.theme": world["theme"].id,
    }
    values = {}
    if endpoint in record_ids and method == "GET":
        values["record_id"] = record_ids[endpoint]
    if endpoint in ("admin.user_tokens", "admin.revoke_user_token"):
        values["record_id"] = world["users"]["worker"].id
    if endpoint in ("accounts.revoke_token", "admin.revoke_user_token"):
        values["token_id"] = 0
    if endpoint.startswith("entries.") and endpoint not in (
        "entries.new",
        "entries.mine",
        "entries.search",
    ):
        values["entry_id"] = world["entry"].id
    if endpoint == "review.signal":
        values["entry_id"] = world["entry"].id
    if endpoint in ("review.meeting", "review.summary"):
        values["review_id"] = world["review"].id
    if endpoint == "review.wijk_theme":
        values["theme_id"] = world["wijk_theme"].id
    if endpoint in (
        "initiatives.show",
        "initiatives.edit",
        "initiatives.checked",
        "initiatives.end",
        "initiatives.remove",
    ):
        values["initiative_id"] = world["initiative"].id
    if endpoint == "initiatives.refer":
        values["entry_id"] = world["entry"].id
    if endpoint == "exchange.close":
        values["item_id"] = world["exchange_item"].id
    if endpoint in ("exchange.confirm", "exchange.decline"):
        values["match_id"] = world["exchange_match"].id
    if endpoint in ("openreferral.export", "wijk.export"):
        values["fmt"] = "csv"
    if endpoint == "initiatives.undo_referral":
        values["referral_id"] = world["referral"].id
    if endpoint in ("initiatives.public", "initiatives.switch_public"):
        values["code"] = world["place"].area.parent.code
    if endpoint.startswith("wijk.") and endpoint not in (
        "wijk.index",
        "wijk.overview",
        "wijk.compare",
    ):
        values["code"] = world["place"].area.parent.code
    if endpoint.startswith("walkin.") and "session_id" in _rule_args(app, endpoint):
        values["session_id"] = world["walk_in"].id
    if endpoint == "walkin.entry":
        values["checkin_id"] = world["check_in"].id
    with app.test_request_context():
        from flask import url_for

        return url_for(endpoint, **values)


def _rule_args(app, endpoint):
    """Return the URL arguments of an endpoint's rule."""
    return next(rule.arguments for rule in app.url_map.iter_rules() if rule.endpoint == endpoint)


def test_every_route_is_in_the_matrix(app):
    """Fail when a route is added without saying who may reach it."""
    routes = {
        (method, rule.endpoint)
        for rule in app.url_map.iter_rules()
        if rule.endpoint not in IGNORED
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
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
