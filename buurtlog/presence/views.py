"""Presence ("Ik ben aanwezig"): start and stop being present at a place, or log a block."""

from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from buurtlog.entries.services import active_places
from buurtlog.presence import services
from buurtlog.presence.forms import BlockForm, StartForm, StopForm

bp = Blueprint("presence", __name__, url_prefix="/presence")


def _forms(**kwargs) -> dict:
    """Build the page's three forms with the places to choose from."""
    places = active_places()
    running = services.running(current_user)
    start = StartForm(places=places, formdata=None, place=running.place_id if running else None)
    return {
        "start_form": kwargs.get("start_form", start),
        "block_form": kwargs.get(
            "block_form",
            BlockForm(
                places=places, formdata=None, timezone=current_app.config["BABEL_DEFAULT_TIMEZONE"]
            ),
        ),
        "stop_form": StopForm(formdata=None),
        "running": running,
        "recent": services.recent(current_user),
    }


@bp.route("/")
@login_required
def index():
    """Show the running presence, the start and stop buttons and the latest blocks."""
    return render_template("presence/index.html", **_forms())


@bp.route("/start", methods=["POST"])
@login_required
def start():
    """Start being present at a place."""
    form = StartForm(places=active_places())
    if not form.validate_on_submit():
        return render_template("presence/index.html", **_forms(start_form=form)), 400
    presence = services.start(current_user, form.chosen_place())
    flash(_("You are present at %(place)s.", place=presence.place.name), "success")
    return redirect(url_for("presence.index"))


@bp.route("/stop", methods=["POST"])
@login_required
def stop():
    """Stop the running presence."""
    if StopForm().validate_on_submit():
        presence = services.stop(current_user)
        if presence is None:
            flash(_("You were not present anywhere."), "error")
        else:
            flash(
                _(
                    "Presence stopped: %(hours).1f hours at %(place)s.",
                    hours=presence.hours,
                    place=presence.place.name,
                ),
                "success",
            )
    return redirect(url_for("presence.index"))


@bp.route("/block", methods=["POST"])
@login_required
def block():
    """Log a block of presence afterwards."""
    form = BlockForm(places=active_places(), timezone=current_app.config["BABEL_DEFAULT_TIMEZONE"])
    if not form.validate_on_submit():
        return render_template("presence/index.html", **_forms(block_form=form)), 400
    started_at, ended_at = form.bounds()
    services.log_block(current_user, form.chosen_place(), started_at, ended_at)
    flash(_("The block of presence is saved."), "success")
    return redirect(url_for("presence.index"))
