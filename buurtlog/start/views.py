"""A coordinator's start: the weekly review, their own actions and the wijk picture first,
the log one tap away."""

from flask import Blueprint, has_request_context, redirect, render_template
from flask_login import current_user, login_required

from buurtlog.entries.services import today
from buurtlog.review.period import tz
from buurtlog.review.rows import row_context
from buurtlog.start import services
from buurtlog.wijk import wording

bp = Blueprint("start", __name__)


@bp.app_context_processor
def _start_in_navigation():
    """Tell the navigation whether the user has a start of their own to link to."""
    return {"has_start": has_request_context() and services.has_start(current_user)}


@bp.route("/start")
@login_required
def index():
    """Show the weekly review, the user's own actions and their wijken at a glance."""
    if not services.has_start(current_user):
        return redirect(services.start_page(current_user))
    glance = services.start_of(current_user, tz())
    return render_template(
        "start/index.html",
        team=current_user.team,
        **glance,
        ui=row_context(glance["people"], tz()),
        period_words=wording.period_words(glance["period"], tz(), today(tz())),
    )
