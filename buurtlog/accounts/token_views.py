"""The user's own personal API tokens: list them and revoke one (profile › API tokens).

These routes join the accounts blueprint (`accounts.*`, templates in templates/accounts/).
"""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from buurtlog.accounts import services
from buurtlog.accounts.signing_in import bp
from buurtlog.extensions import db
from buurtlog.models import utcnow


def token_rows(user, revoke_endpoint: str, **url_args) -> list[dict]:
    """Return the user's tokens as rows to show, each with the address that revokes it."""
    now = utcnow()
    return [
        {
            "token": token,
            "expired": token.expires_at <= now,
            "revoke_url": url_for(revoke_endpoint, token_id=token.id, **url_args),
        }
        for token in services.tokens_of(user)
    ]


@bp.route("/profile/tokens")
@login_required
def tokens():
    """List the user's personal API tokens, with when they expire and were last used."""
    return render_template(
        "accounts/tokens.html",
        owner=current_user,
        rows=token_rows(current_user, "accounts.revoke_token"),
    )


@bp.route("/profile/tokens/<int:token_id>/revoke", methods=["POST"])
@login_required
def revoke_token(token_id: int):
    """Revoke one of the user's own API tokens."""
    if not services.revoke_token(current_user, token_id):
        abort(404)
    db.session.commit()
    flash(_("The API token is revoked."), "success")
    return redirect(url_for("accounts.tokens"))
