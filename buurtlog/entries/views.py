"""The ten-second log: the start screen, the worker's own log, and editing an entry."""

import uuid
from datetime import timedelta

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import get_locale, to_user_timezone
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy.orm.exc import StaleDataError

from buurtlog.bounds import int_arg
from buurtlog.entries import search as search_service
from buurtlog.entries import services
from buurtlog.entries.forms import EntryForm, SearchForm, log_form
from buurtlog.extensions import db
from buurtlog.i18n import format_time
from buurtlog.labels import label
from buurtlog.models import Entry, utcnow

bp = Blueprint("entries", __name__)


def _form(entry: Entry | None = None, **kwargs) -> EntryForm:
    """Build the log form; an entry's own themes stay choosable although retired."""
    return log_form(current_user, entry.themes if entry is not None else (), **kwargs)


def _confirmation(entry: Entry) -> str:
    """Describe a saved entry in one line: time, setting and themes."""
    parts = [format_time(entry.occurred_at, "short"), label("setting", entry.setting)]
    parts += [t.name(str(get_locale())) for t in entry.themes]
    return _("Saved — %(summary)s", summary=", ".join(parts))


def _offline_copy(page: str):
    """Let the service worker keep this page for offline use, unless it carries messages."""
    response = make_response(page)
    if not session.get("_flashes") and not request.args:
        response.headers["X-Offline-Cacheable"] = "1"
    return response


@bp.route("/", methods=["GET", "POST"])
@login_required
def new():
    """Show the log form and save a new entry."""
    form = _form(data=services.prefill(current_user))
    if form.validate_on_submit():
        entry = services.create_entry(form, current_user)
        flash(_confirmation(entry), "success")
        if entry.follow_up == "refer":  # without JavaScript: the referral picker comes next
            return redirect(url_for("initiatives.refer", entry_id=entry.id))
        return redirect(url_for("entries.new"))
    if form.errors:
        return render_template("entries/new.html", form=form), 400
    return _offline_copy(render_template("entries/new.html", form=form))


@bp.route("/entries")
@login_required
def mine():
    """List the user's own entries by day, newest first, one ISO week and one page (of
    services.LIST_PAGE) at a time."""
    today = to_user_timezone(utcnow()).date()
    monday = services.chosen_monday(request.args.get("week", ""), today)
    iso = monday.isocalendar()
    start, end = services.week_bounds(
        iso.year, iso.week, current_app.config["BABEL_DEFAULT_TIMEZONE"]
    )
    team = request.args.get("scope") == "team" and current_user.is_coordinator
    page = int_arg(request.args, "page", default=1, low=1)
    entries, more = services.list_entries(current_user, start, end, team=team, page=page)
    services.audit_sensitive_listing(current_user, entries)
    following = monday + timedelta(days=7)
    return _offline_copy(
        render_template(
            "entries/mine.html",
            days=services.by_day(entries),
            monday=monday,
            iso=iso,
            team=team,
            week_length=timedelta(days=6),
            page=page,
            more=more,
            current=services.week_name(monday),
            previous=services.week_name(monday - timedelta(days=7)),
            following=services.week_name(following) if following <= today else None,
        )
    )


@bp.route("/entries/search", methods=["GET", "POST"])
@login_required
def search():
    """Search the user's own entries (a coordinator's: the team's) across weeks. The words
    come in a POST body only: never in an address, a server log or the browser's history."""
    team = request.values.get("scope") == "team" and current_user.is_coordinator
    form = _search_form(team)
    entries: list[Entry] = []
    more, page, searched = False, 1, form.validate_on_submit()
    if searched:
        page, tz = form.page.data or 1, current_app.config["BABEL_DEFAULT_TIMEZONE"]
        entries, more = search_service.search_entries(
            current_user, form.query(), tz, team=team, page=page
        )
        services.audit_sensitive_listing(current_user, entries)
    days = services.by_day(entries)
    page_html = render_template(
        "entries/search.html",
        form=form,
        days=days,
        team=team,
        more=more,
        page=page,
        searched=searched,
    )
    response = make_response(page_html, 400 if form.errors else 200)
    response.headers["Cache-Control"] = "no-store"  # what was found stays off the disk
    return response


def _search_form(team: bool) -> SearchForm:
    """Build the search form with the places and themes the user may search by."""
    return SearchForm(
        places=services.active_places(),
        themes=services.themes_for(current_user),
        locale=str(get_locale()),
        data={"scope": "team" if team else ""},
    )


def _editable_entry(entry_id: uuid.UUID) -> Entry:
    """Return the entry if the user may change it; 404 when it is not theirs to see."""
    entry = db.session.get(Entry, entry_id)
    if entry is None or not services.can_view(current_user, entry):
        abort(404)
    if not services.can_edit(current_user, entry):
        abort(403)
    if request.method == "GET":
        services.audit_sensitive_view(current_user, entry)
    return entry


@bp.route("/entries/<uuid:entry_id>", methods=["GET", "POST"])
@login_required
def edit(entry_id: uuid.UUID):
    """Edit an entry, without overwriting a change made meanwhile by someone else."""
    entry = _editable_entry(entry_id)
    form = _form(entry, obj=entry)
    if request.method == "GET":
        form.show(entry)
    stale = None
    if form.validate_on_submit():
        if form.version.data != str(entry.version):
            stale = services.snapshot(entry)
        else:
            try:
                changed = services.update_entry(entry, form, current_user)
            except StaleDataError:
                db.session.rollback()
                entry = _editable_entry(entry_id)
                stale = services.snapshot(entry)
            else:
                flash(
                    _("Your changes are saved.") if changed else _("Nothing was changed."),
                    "success",
                )
                return redirect(url_for("entries.mine"))
    if stale is not None:
        _changed_meanwhile(form, entry)
    status = 409 if stale is not None else (400 if form.errors else 200)
    return render_template("entries/edit.html", form=form, entry=entry, stale=stale), status


def _changed_meanwhile(form: EntryForm, entry: Entry) -> None:
    """Tell the writer someone else saved the entry first; their next save compares anew."""
    form.version.data = str(entry.version)
    flash(
        _(
            "Someone changed this entry while you were editing it. Nothing was "
            "overwritten: compare the saved version below with yours and save again."
        ),
        "error",
    )


@bp.route("/entries/<uuid:entry_id>/delete", methods=["POST"])
@login_required
def delete(entry_id: uuid.UUID):
    """Delete an entry after the user confirmed it."""
    entry = _editable_entry(entry_id)
    services.delete_entry(entry, current_user)
    flash(_("The entry is deleted."), "success")
    return redirect(url_for("entries.mine"))
