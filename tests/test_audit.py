"""The audit log names the real record, holds no free text, and covers every export."""

import io

from sqlalchemy import select

from buurtlog.models import AuditEvent, Initiative
from buurtlog.openreferral import services as openreferral

PASSWORD = "correct horse battery staple"


def events(db, action: str) -> list[AuditEvent]:
    """Return the audit events of one action, oldest first."""
    return list(
        db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
        )
    )


def assert_names_the_user(db, action: str, user) -> None:
    """Check the one event of an action names the User itself as object and actor."""
    (event,) = events(db, action)
    assert (event.object_type, event.object_id, event.actor_id) == ("User", str(user.id), user.id)


def test_sign_out_names_the_user_not_the_proxy(client, auth, make_user, db):
    """Record a sign-out against the User, not `current_user`'s LocalProxy."""
    user = make_user()
    auth.login_as(user)
    assert auth.logout().status_code == 302
    assert_names_the_user(db, "logout", user)


def test_a_password_change_names_the_user_not_the_proxy(client, auth, make_user, db):
    """Record a password change against the User, not `current_user`'s LocalProxy."""
    user = make_user()
    auth.login_as(user)
    response = client.post(
        "/profile",
        data={
            "name": user.name,
            "locale": "",
            "current_password": PASSWORD,
            "new_password": "a brand new passphrase",
            "confirm_password": "a brand new passphrase",
        },
    )
    assert response.status_code == 302
    assert_names_the_user(db, "password.changed", user)


def test_open_referral_import_logs_no_file_name(client, auth, make_user, make_team, db):
    """Audit an upload by its counts only: the file's name is free text the uploader chose."""
    auth.login_as(make_user("coordinator", team=make_team()))
    db.session.add(
        Initiative(
            name="Taalcafé",
            offer="Samen Nederlands oefenen",
            carried_by="residents",
            status="active",
        )
    )
    db.session.commit()
    data, _count = openreferral.export("csv")
    name = "ruzie-bij-fam-Jansen-Kade-12.zip"
    response = client.post(
        "/openreferral/import",
        data={"file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    (event,) = events(db, "openreferral.imported")
    assert event.details == {"created": 0, "updated": 0, "unchanged": 1}
    assert "Jansen" not in str(event.details)


def test_opening_the_period_report_is_audited(client, auth, make_user, make_team, make_area, db):
    """Record who opened the report for the municipality, for which wijk and period."""
    wijk = make_area("wijk")
    coordinator = make_user("coordinator", team=make_team(areas=[wijk]))
    auth.login_as(coordinator)
    response = client.get(
        f"/wijk/{wijk.code}/rapport?period=custom&start=2026-07-01&end=2026-09-30"
    )
    assert response.status_code == 200
    (event,) = events(db, "export.report")
    assert (event.actor_id, event.object_type, event.object_id) == (
        coordinator.id,
        "Area",
        str(wijk.id),
    )
    assert event.details == {"start": "2026-07-01", "end": "2026-09-30", "format": "report"}
