"""The ten-second log: the start screen, the worker's own log, and editing an entry."""

import uuid
from datetime import date, timedelta
from itertools import groupby

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

from buurtlog.bounds import day_in_range, int_arg
from buurtlog.entries import search as search_service
from buurtlog.entries import services
from buurtlog.entries.forms import EntryForm, SearchForm
from buurtlog.extensions import db
from buurtlog.i18n import format_time
from buurtlog.labels import label
from buurtlog.models import Entry, utcnow

bp = Blueprint("entries", __name__)


def _form(entry: Entry | None = None, **kwargs) -> EntryForm:
    """Build the log form with the reference data the user may choose from."""
    themes = services.themes_for(current_user)
    if entry is not None:  # keep a retired theme choosable on the entry that has it
        themes += [t for t in entry.themes if t not in themes]
    return EntryForm(
        places=services.active_places(),
        areas=services.active_areas(),
        themes=themes,
        locale=str(get_locale()),
        timezone=current_app.config["BABEL_DEFAULT_TIMEZONE"],
        **kwargs,
    )


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
    try:
        year, week = (int(p) for p in request.args.get("week", "").split("-W"))
        monday = date.fromisocalendar(year, week, 1)
        if not day_in_range(monday):  # a week at the calendar's edge overflows a step away
            raise ValueError(year)
    except ValueError:
        monday = today - timedelta(days=today.weekday())
    iso = monday.isocalendar()
    start, end = services.week_bounds(
        iso.year, iso.week, current_app.config["BABEL_DEFAULT_TIMEZONE"]
    )
    team = request.args.get("scope") == "team" and current_user.is_coordinator
    page = int_arg(request.args, "page", default=1, low=1)
    entries, more = services.list_entries(current_user, start, end, team=team, page=page)
    services.audit_sensitive_listing(current_user, entries)
    days = [
        (day, list(group))
        for day, group in groupby(entries, key=lambda e: to_user_timezone(e.occurred_at).date())
    ]
    previous, following = monday - timedelta(days=7), monday + timedelta(days=7)
    return _offline_copy(
        render_template(
            "entries/mine.html",
            days=days,
            monday=monday,
            iso=iso,
            team=team,
            week_length=timedelta(days=6),
            page=page,
            more=more,
            current=f"{iso.year}-W{iso.week:02d}",
            previous=f"{previous.isocalendar().year}-W{previous.isocalendar().week:02d}",
            following=(
                f"{following.isocalendar().year}-W{following.isocalendar().week:02d}"
                if following <= today
                else None
            ),
        )
    )


@bp.route("/entries/search", methods=["GET", "POST"])
@login_required
def search():
    """Search the user's own entries (a coordinator's: the team's) across weeks. The words
    come in a POST body only: never in an address, a server log or the browser's history."""
    team = request.values.get("scope") == "team" and current_user.is_coordinator
    form = SearchForm(
        places=services.active_places(),
        themes=services.themes_for(current_user),
        locale=str(get_locale()),
        data={"scope": "team" if team else ""},
    )
    entries: list[Entry] = []
    more, page, searched = False, 1, False
    if form.validate_on_submit():
        searched, page = True, form.page.data or 1
        query = search_service.Query(
            words=form.words.data or "",
            theme=form.theme.data or None,
            kind=form.kind.data or None,
            place=form.place.data,
            start=form.start.data,
            end=form.end.data,
        )
        entries, more = search_service.search_entries(
            current_user, query, current_app.config["BABEL_DEFAULT_TIMEZONE"], team=team, page=page
        )
        services.audit_sensitive_listing(current_user, entries)
    days = [
        (day, list(group))
        for day, group in groupby(entries, key=lambda e: to_user_timezone(e.occurred_at).date())
    ]
    response = make_response(
        render_template(
            "entries/search.html",
            form=form,
            days=days,
            team=team,
            more=more,
            page=page,
            searched=searched,
        ),
        400 if form.errors else 200,
    )
    response.headers["Cache-Control"] = "no-store"  # what was found stays off the disk
    return response


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
        form.themes.data = [t.slug for t in entry.themes]
        form.first_contact.data = "first" if entry.first_contact else "known"
        form.place.data, form.area.data = entry.place_id, entry.area.code
        form.occurred_at.data = entry.occurred_at.astimezone(form.timezone).replace(tzinfo=None)
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
        form.version.data = str(entry.version)
        flash(
            _(
                "Someone changed this entry while you were editing it. Nothing was "
                "overwritten: compare the saved version below with yours and save again."
            ),
            "error",
        )
    status = 409 if stale is not None else (400 if form.errors else 200)
    return render_template("entries/edit.html", form=form, entry=entry, stale=stale), status


@bp.route("/entries/<uuid:entry_id>/delete", methods=["POST"])
@login_required
def delete(entry_id: uuid.UUID):
    """Delete an entry after the user confirmed it."""
    entry = _editable_entry(entry_id)
    services.delete_entry(entry, current_user)
    flash(_("The entry is deleted."), "success")
    return redirect(url_for("entries.mine"))
