"""The weekly review: the team's review page, deciding on signals, wijk themes, the meeting
record with its printable summary, and every worker's own actions."""

import uuid

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required
from sqlalchemy import select

from buurtlog.entries.services import audit_sensitive_view, can_view
from buurtlog.extensions import db
from buurtlog.models import Entry, Review, SignalStatus, User, WijkTheme
from buurtlog.review import record, services, workflow
from buurtlog.review.forms import (
    BulkForm,
    MeetingForm,
    ProposalForm,
    StatusForm,
    UnlinkForm,
    WijkThemeForm,
)
from buurtlog.review.page import render_page
from buurtlog.review.people import lookups
from buurtlog.review.period import PERIOD_ARGS, last_review, period_of, period_values, tz
from buurtlog.review.rows import date_formatter, row_context

bp = Blueprint("review", __name__, url_prefix="/review")


def _team_or_404(team_id: int):
    """Refuse records of another team as if they did not exist."""
    if current_user.team_id is None or current_user.team_id != team_id:
        abort(404)


def _members(team) -> list[User]:
    """Return the team's active members, by name."""
    return sorted((u for u in team.members if u.active), key=lambda u: u.name)


@bp.route("/")
@login_required
def index():
    """Show what the team heard since its last review, by wijk and theme, with proposals."""
    if current_user.team is None:
        return render_template("review/no_team.html")
    return render_page(current_user.team, request.args)


def _team_i_run():
    """Return the user's team if they may run its review; 403 otherwise."""
    if not services.can_run(current_user, current_user.team):
        abort(403)
    return current_user.team


@bp.route("/start", methods=["POST"])
@login_required
def start():
    """Open a meeting: its date and who is present."""
    team = _team_i_run()
    form = MeetingForm(members=_members(team))
    if last_review(team, finished=False) is not None:
        flash(_("A meeting is already running."), "info")
        return redirect(url_for("review.index"))
    if not form.validate_on_submit():
        return render_page(team, request.args, status=400, start_form=form)
    held_on = form.held_on.data
    assert held_on is not None  # the form requires the day
    record.start(team, current_user, held_on, form.chosen_attendees(), tz())
    flash(_("The meeting has started. Changes you make now are part of its record."), "success")
    return redirect(url_for("review.index"))


def _visible_entry(entry_id: uuid.UUID) -> Entry:
    """Return the entry if the user may see it; 404 when not."""
    entry = db.get_or_404(Entry, entry_id)
    if not can_view(current_user, entry):
        abort(404)
    return entry


@bp.route("/signals/<uuid:entry_id>", methods=["GET", "POST"])
@login_required
def signal(entry_id: uuid.UUID):
    """Show one signal and decide on it, without overwriting a change made meanwhile."""
    entry = _visible_entry(entry_id)
    state = db.session.get(SignalStatus, entry.id)
    may = services.can_change(current_user, entry.team_id, state.owner_id if state else None)
    if request.method == "POST" and not may:
        abort(403)
    if request.method == "GET":
        audit_sensitive_view(current_user, entry)
    members = _members(entry.team) if entry.team else []
    form = StatusForm(members=members, data=services.status_data(state))
    status = 200
    if form.validate_on_submit():
        status = _decide(entry, form)
        if status == 200:
            flash(_("The signal is updated."), "success")
            return redirect(url_for("review.signal", entry_id=entry.id))
        state = db.session.get(SignalStatus, entry.id)
    elif form.errors:
        status = 400
    return render_template(
        "review/signal.html",
        entry=entry,
        state=state,
        form=form,
        may=may,
        stale=status == 409,
        **services.signal_page(entry, state),
    ), status


def _decide(entry: Entry, form: StatusForm) -> int:
    """Save the decision on one signal; return the page's status: 200 saved, 409 changed
    meanwhile (the form then carries the version now), 400 refused (the reason on the form)."""
    try:
        workflow.change(
            [(entry, int(form.version.data or 0))],
            current_user,
            # can_change let only a member of the entry's team this far
            last_review(entry.team, finished=False) if entry.team else None,
            status=form.status.data,
            owner=form.chosen_owner(),
            decision=(form.decision.data or "").strip(),
            due_on=form.due_on.data,
        )
    except ValueError:
        abort(400)
    except workflow.Conflict:
        db.session.rollback()
        state = db.session.get(SignalStatus, entry.id)
        form.version.data = str(state.version if state else 0)
        flash(
            _(
                "Someone changed this signal while you were looking at it. Nothing was "
                "overwritten: check where it stands now and decide again."
            ),
            "error",
        )
        return 409
    except workflow.Refused as refused:
        form.status.errors = [*form.status.errors, str(refused.message)]
        return 400
    return 200


def _chosen_entries(team, tokens) -> list[tuple[Entry, int]]:
    """Return the chosen signals of the team with the versions the page showed; 400 if not."""
    entries = {
        e.id: e
        for e in db.session.scalars(select(Entry).where(Entry.id.in_([i for i, _ in tokens])))
    }
    chosen = []
    for entry_id, version in tokens:
        entry = entries.get(entry_id)
        if entry is None or entry.team_id != team.id or not can_view(current_user, entry):
            abort(400)
        chosen.append((entry, version))
    return chosen


def _back(args) -> str:
    """Return the review page for the period the form came from."""
    return url_for("review.index", **period_values(args))


@bp.route("/signals", methods=["POST"])
@login_required
def bulk():
    """Decide on several signals at once, link them to a wijk theme or make one of them."""
    team = _team_i_run()
    themes = services.open_wijk_themes(team)
    form = BulkForm(members=_members(team), wijk_themes=themes)
    args = {k: form[k].data for k in PERIOD_ARGS}
    if not form.validate_on_submit():
        return render_page(
            team, args, status=400, bulk=form, selected={f"{i}:{v}" for i, v in form.tokens}
        )
    running = last_review(team, finished=False)
    if form.join.data:
        return _join(team, themes, form.joining, running, args)
    tokens = form.tokens
    if form.group_keys:
        tokens = services.with_whole_groups(
            current_user, team, period_of(team, args)[0], form.group_keys, tokens
        )
    chosen = _chosen_entries(team, tokens)
    if form.action.data == "apply":
        return _apply(team, form, chosen, running, args)
    if form.action.data == "link":
        theme = next(t for t in themes if t.id == form.wijk_theme.data)
        return _link(theme, [e for e, _ in chosen], running, args)
    return _make_theme(team, form, chosen, running, args)


def _link(theme: WijkTheme, entries: list[Entry], running, args):
    """Add the chosen signals to an open wijk theme."""
    count = workflow.link(theme, entries, current_user, running)
    flash(
        ngettext(
            "%(num)d signal added to %(name)s.",
            "%(num)d signals added to %(name)s.",
            count,
            name=theme.name,
        ),
        "success",
    )
    return redirect(_back(args))


def _make_theme(team, form, chosen, running, args):
    """Make a new wijk theme of the chosen signals, under the name the form gives."""
    entries = [e for e, _ in chosen]
    try:
        theme = workflow.make_wijk_theme_of(
            team,
            entries,
            (form.name.data or "").strip(),
            current_user,
            running,
            lookups(team, set()).wijk,
        )
    except workflow.Refused as refused:
        form.name.errors = [str(refused.message)]
        return render_page(
            team, args, status=400, bulk=form, selected={f"{e.id}:{v}" for e, v in chosen}
        )
    flash(_("Wijk theme %(name)s made.", name=theme.name), "success")
    return redirect(_back(args))


def _join(team, themes, joining, running, args):
    """Put one signal into the open wijk theme the page suggested for it."""
    theme_id, entry_id = joining
    theme = next((t for t in themes if t.id == theme_id), None)
    entry = db.session.get(Entry, entry_id)
    if theme is None or entry is None or entry.team_id != team.id:
        abort(400)
    workflow.link(theme, [entry], current_user, running)
    flash(_("Added to %(name)s.", name=theme.name), "success")
    return redirect(_back(args))


def _apply(team, form, chosen, running, args):
    """Apply the bulk form's status, owner, decision and due date to the chosen signals."""
    try:
        count = workflow.change(
            chosen,
            current_user,
            running,
            status=form.status.data or workflow.KEEP,
            owner=form.members[form.owner.data] if form.owner.data else workflow.KEEP,
            decision=(form.decision.data or "").strip() or workflow.KEEP,
            due_on=form.due_on.data or workflow.KEEP,
        )
    except workflow.Conflict as conflict:
        db.session.rollback()
        flash(
            _(
                "Someone changed %(num)d of these signals meanwhile. Nothing was "
                "overwritten: they are marked below as they are now; decide again.",
                num=len(conflict.entry_ids),
            ),
            "error",
        )
        return render_page(team, args, status=409, conflict=set(conflict.entry_ids))
    except workflow.Refused as refused:
        flash(_("Nothing was saved: %(reason)s", reason=refused.message), "error")
        return render_page(
            team,
            args,
            status=400,
            bulk=form,
            selected={f"{e.id}:{v}" for e, v in chosen},
            conflict=set(refused.entry_ids),
        )
    flash(ngettext("%(num)d signal updated.", "%(num)d signals updated.", count), "success")
    return redirect(_back(args))


@bp.route("/proposals", methods=["POST"])
@login_required
def proposal():
    """Confirm a proposed group as a wijk theme, perhaps edited, or dismiss it for good."""
    team = _team_i_run()
    form = ProposalForm()
    args = {k: form[k].data for k in PERIOD_ARGS}
    if not form.validate_on_submit():
        return render_page(team, args, status=400, proposal=form)
    period = period_of(team, args)[0]
    found = services.find_proposal(current_user, team, period, form.key.data or "")
    back = _back(args)
    if found is None:
        flash(_("This proposal changed meanwhile. Nothing was saved; look at it again."), "error")
        return redirect(back)
    if form.action.data == "dismiss":
        workflow.dismiss(team, found.key, found.entry_ids, current_user)
        flash(_("The proposal is dismissed; it will not come back."), "success")
        return redirect(back)
    name, running = (form.name.data or "").strip(), last_review(team, finished=False)
    theme = workflow.confirm_proposal(team, found, form.kept(), name, current_user, running)
    flash(_("Wijk theme %(name)s made.", name=theme.name), "success")
    return redirect(back)


@bp.route("/themes/<int:theme_id>", methods=["GET", "POST"])
@login_required
def wijk_theme(theme_id: int):
    """Show a wijk theme with its signals and running log; change it or add to the log."""
    theme = db.get_or_404(WijkTheme, theme_id)
    _team_or_404(theme.team_id)
    runs = services.can_run(current_user, theme.team)
    may = runs or theme.owner_id == current_user.id
    if request.method == "POST" and not may:
        abort(403)
    if request.method == "POST" and "unlink" in request.form:
        return _unlink(theme, runs)
    form = WijkThemeForm(members=_members(theme.team), data=services.wijk_theme_data(theme))
    status = 200
    if form.validate_on_submit():
        status = _update_theme(theme, form, runs)
        if status == 200:
            flash(_("The wijk theme is updated."), "success")
            return redirect(url_for("review.wijk_theme", theme_id=theme.id))
    elif form.errors:
        status = 400
    return render_template(
        "review/wijk_theme.html",
        theme=theme,
        form=form,
        may=may,
        runs=runs,
        day=date_formatter("EEE d MMM", tz()),
        **services.wijk_theme_page(current_user, theme),
    ), status


def _unlink(theme: WijkTheme, runs: bool):
    """Take one signal out of a wijk theme: for those who run the review."""
    unlink = UnlinkForm()
    if not runs:
        abort(403)
    if not unlink.validate_on_submit():
        abort(400)
    entry = db.session.get(Entry, unlink.entry_id)
    if entry is not None:
        workflow.unlink(theme, entry, current_user, last_review(theme.team, finished=False))
    flash(_("The signal is taken out of this wijk theme."), "success")
    return redirect(url_for("review.wijk_theme", theme_id=theme.id))


def _update_theme(theme: WijkTheme, form: WijkThemeForm, runs: bool) -> int:
    """Save the wijk theme form; return the page's status: 200 saved, 409 changed meanwhile,
    400 refused (the reason is on the form)."""
    try:
        workflow.update_wijk_theme(
            theme,
            int(form.version.data or 0),
            current_user,
            last_review(theme.team, finished=False),
            (form.name.data or "").strip(),
            form.status.data,
            form.members.get(form.owner.data),
            (form.note.data or "").strip() or None,
            public=form.public.data if runs else None,
            may_reassign=runs,
        )
    except ValueError:
        abort(400)
    except workflow.Conflict:
        db.session.rollback()
        db.session.refresh(theme)
        form.version.data = str(theme.version)
        flash(
            _(
                "Someone changed this wijk theme meanwhile. Nothing was overwritten: "
                "check it below and save again."
            ),
            "error",
        )
        return 409
    except workflow.NotPublic as refused:
        db.session.rollback()
        (form.public if runs else form.name).errors = [str(refused.message)]
        return 400
    except workflow.Refused as refused:
        form.owner.errors = [str(refused.message)]
        return 400
    return 200


def _review_or_404(review_id: int) -> Review:
    """Return a review of the user's team; 404 for anything else."""
    review = db.get_or_404(Review, review_id)
    _team_or_404(review.team_id)
    return review


@bp.route("/meetings/<int:review_id>", methods=["GET", "POST"])
@login_required
def meeting(review_id: int):
    """Show a meeting's record: date, who came, what was decided; keep it or close it."""
    review = _review_or_404(review_id)
    runs = services.can_run(current_user, review.team)
    if request.method == "POST" and not runs:
        abort(403)
    members = sorted({*_members(review.team), *review.attendees}, key=lambda u: u.name)
    form = MeetingForm(members=members, data=record.meeting_data(review))
    status = 200
    if form.validate_on_submit():
        held_on = form.held_on.data
        assert held_on is not None  # the form requires the day
        record.save(review, held_on, form.chosen_attendees(), form.decisions.data, form.finish.data)
        flash(
            _("The meeting is closed and its record kept.")
            if form.finish.data
            else _("The record is saved."),
            "success",
        )
        return redirect(url_for("review.meeting", review_id=review.id))
    if form.errors:
        status = 400
    return render_template(
        "review/meeting.html",
        review=review,
        form=form,
        runs=runs,
        day=date_formatter("EEE d MMM", tz()),
        **record.meeting_page(review),
    ), status


@bp.route("/meetings/<int:review_id>/summary")
@login_required
def summary(review_id: int):
    """Print a meeting on one page, without personal data, to share it."""
    review = _review_or_404(review_id)
    return render_template("review/summary.html", summary=record.summary(review))


@bp.route("/meetings")
@login_required
def meetings():
    """List the team's meetings, the latest first."""
    if current_user.team is None:
        return render_template("review/no_team.html")
    reviews = db.session.scalars(
        select(Review)
        .where(Review.team_id == current_user.team_id)
        .order_by(Review.held_on.desc(), Review.id.desc())
    )
    return render_template("review/meetings.html", reviews=list(reviews))


@bp.route("/mine")
@login_required
def mine():
    """List what the user owns — signals and wijk themes — what is due first."""
    rows, themes = record.my_actions(current_user, tz())
    visible = [r for r in rows if can_view(current_user, r)]
    people = lookups(current_user.team, {r.author_id for r in visible})
    return render_template(
        "review/mine.html",
        rows=visible,
        hidden=len(rows) - len(visible),
        themes=themes,
        ui=row_context(people, tz()),
    )
