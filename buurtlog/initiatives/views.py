"""The initiatives register: the searchable list, an initiative's page, adding and changing
one, referring an entry with one tap, the opportunities for a collective approach, and the
public list of what there is to do in a wijk."""

import uuid

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
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required

from buurtlog.entries.services import active_places, active_themes, audit_sensitive_view, can_view
from buurtlog.extensions import db
from buurtlog.initiatives import charts, gaps, referrals, services
from buurtlog.initiatives.forms import (
    ActionForm,
    FilterForm,
    InitiativeForm,
    PublicListForm,
    ReferForm,
    weekday_choices,
)
from buurtlog.models import Area, Entry, Initiative, Referral
from buurtlog.wijk.outputs import public_enabled, public_initiatives_on
from buurtlog.wijk.services import can_switch_public, find_wijk, wijken_for

bp = Blueprint("initiatives", __name__, url_prefix="/initiatives")


def _initiative_or_404(initiative_id: int) -> Initiative:
    """Return the initiative, or answer 404."""
    initiative = db.session.get(Initiative, initiative_id)
    if initiative is None:
        abort(404)
    return initiative


def _form(initiative: Initiative | None = None, **kwargs) -> InitiativeForm:
    """Build the initiative form with the places, areas and themes to choose from."""
    themes = active_themes()
    if initiative is not None:  # keep a retired theme choosable on the initiative that has it
        themes += [t for t in initiative.themes if t not in themes]
    may_end = initiative is not None and services.can_end(current_user, initiative)
    return InitiativeForm(
        places=active_places(),
        areas=services.servable_areas(),
        themes=themes,
        locale=str(get_locale()),
        may_end=may_end,
        **kwargs,
    )


def _data(initiative: Initiative) -> dict:
    """Return an initiative as the form's initial data."""
    return {
        "name": initiative.name,
        "offer": initiative.offer,
        "audience": initiative.audience,
        "carried_by": initiative.carried_by,
        "organisation": initiative.organisation,
        "place": initiative.place_id,
        "areas": [a.id for a in initiative.areas],
        "themes": [t.slug for t in initiative.themes],
        "schedule_text": initiative.schedule_text,
        "contact": initiative.contact,
        "url": initiative.url,
        "status": initiative.status,
        "public": initiative.public,
        "slots": [
            {
                "weekday": s.weekday,
                "opens_at": s.opens_at,
                "closes_at": s.closes_at,
                "every_weeks": s.every_weeks,
            }
            for s in initiative.schedules
        ],
    }


@bp.route("/")
@login_required
def index():
    """List the register, narrowed by words, wijk, theme, day, status or staleness."""
    locale = str(get_locale())
    wijken, themes = services.active_wijken(), active_themes()
    form = FilterForm(request.args, wijken=wijken, themes=themes, locale=locale)
    valid = form.validate()
    filters = form.filters() if valid else services.Filters()
    today = services.local_today()
    found = services.search(filters, today)
    page = render_template(
        "initiatives/index.html",
        form=form,
        today=today,
        initiatives=found,
        is_stale=services.is_stale,
        stale_count=sum(services.is_stale(i, today) for i in found),
        can_add=services.can_add(current_user),
        switches=_switches(),
    )
    response = make_response(page, 200 if valid else 400)
    if valid and not request.args and not session.get("_flashes"):
        response.headers["X-Offline-Cacheable"] = "1"  # the register, on the phone offline
    return response


def _switches() -> list[tuple[Area, bool]]:
    """Return the wijken whose public list the user may switch, with whether it is on."""
    return [
        (w, public_initiatives_on(w))
        for w in wijken_for(current_user)
        if can_switch_public(current_user, w)
    ]


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    """Add an initiative to the register."""
    if not services.can_add(current_user):
        abort(403)
    prefill = {
        "areas": [int(a) for a in request.args.getlist("area") if a.isdigit()],
        "themes": request.args.getlist("theme"),
    }
    form = _form(data=prefill if request.method == "GET" else None)
    if form.validate_on_submit():
        initiative = services.save(Initiative(), form, current_user)
        flash(_("The initiative is added to the register."), "success")
        return redirect(url_for("initiatives.show", initiative_id=initiative.id))
    return render_template("initiatives/form.html", form=form, initiative=None), (
        400 if form.errors else 200
    )


@bp.route("/<int:initiative_id>")
@login_required
def show(initiative_id: int):
    """Show an initiative: what, for whom, where and when, its contact and its referrals."""
    initiative = _initiative_or_404(initiative_id)
    today = services.local_today()
    months = referrals.per_month(initiative, today, current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return render_template(
        "initiatives/show.html",
        initiative=initiative,
        stale=services.is_stale(initiative, today),
        months=months,
        charts=charts,
        wijken=services.served_wijken(initiative),
        action=ActionForm(formdata=None),
        can_edit=services.can_edit(current_user, initiative),
        can_end=services.can_end(current_user, initiative),
    )


@bp.route("/<int:initiative_id>/edit", methods=["GET", "POST"])
@login_required
def edit(initiative_id: int):
    """Change an initiative."""
    initiative = _initiative_or_404(initiative_id)
    if not services.can_edit(current_user, initiative):
        abort(403)
    form = _form(initiative, data=_data(initiative) if request.method == "GET" else None)
    if form.validate_on_submit():
        services.save(initiative, form, current_user)
        flash(_("Your changes are saved."), "success")
        return redirect(url_for("initiatives.show", initiative_id=initiative.id))
    return render_template("initiatives/form.html", form=form, initiative=initiative), (
        400 if form.errors else 200
    )


def _action(initiative_id: int, allowed) -> Initiative:
    """Return the initiative for a button's action, checking the right and the CSRF token."""
    initiative = _initiative_or_404(initiative_id)
    if not allowed(current_user, initiative):
        abort(403)
    if not ActionForm().validate_on_submit():
        abort(400)
    return initiative


@bp.route("/<int:initiative_id>/checked", methods=["POST"])
@login_required
def checked(initiative_id: int):
    """Record that the initiative was checked today and is still as described."""
    initiative = _action(initiative_id, services.can_edit)
    services.mark_checked(initiative, current_user)
    flash(_("Marked as checked today."), "success")
    return redirect(url_for("initiatives.show", initiative_id=initiative.id))


@bp.route("/<int:initiative_id>/end", methods=["POST"])
@login_required
def end(initiative_id: int):
    """Mark the initiative as ended; it stays in the register with its referrals."""
    initiative = _action(initiative_id, services.can_end)
    services.end(initiative, current_user)
    flash(_("The initiative is marked as ended."), "success")
    return redirect(url_for("initiatives.show", initiative_id=initiative.id))


@bp.route("/<int:initiative_id>/remove", methods=["POST"])
@login_required
def remove(initiative_id: int):
    """Remove an initiative entered by mistake, with its referrals."""
    initiative = _action(initiative_id, services.can_end)
    services.remove(initiative, current_user)
    flash(_("The initiative is removed from the register."), "success")
    return redirect(url_for("initiatives.index"))


def _entry_or_404(entry_id: uuid.UUID) -> Entry:
    """Return the entry if the user may see it; otherwise act as if it did not exist."""
    entry = db.session.get(Entry, entry_id)
    if entry is None or not can_view(current_user, entry):
        abort(404)
    if request.method == "GET":
        audit_sensitive_view(current_user, entry)
    return entry


@bp.route("/refer/<uuid:entry_id>", methods=["GET", "POST"])
@login_required
def refer(entry_id: uuid.UUID):
    """Refer an entry to an initiative with one tap; initiatives that fit come first."""
    entry = _entry_or_404(entry_id)
    form = ReferForm()
    status = 200
    if request.method == "POST":
        initiative = (
            db.session.get(Initiative, form.initiative.data) if form.validate_on_submit() else None
        )
        if initiative is not None and initiative.status == "active":
            created = referrals.refer(entry, initiative, current_user)[1]
            flash(
                _("Referred to %(name)s.", name=initiative.name)
                if created
                else _("This was already referred to %(name)s.", name=initiative.name),
                "success",
            )
            return redirect(url_for("initiatives.refer", entry_id=entry.id))
        flash(_("Choose one of the active initiatives below."), "error")
        status = 400
    suggested, others = referrals.suggestions(entry)
    return render_template(
        "initiatives/refer.html",
        entry=entry,
        suggested=suggested,
        others=others,
        done=referrals.of_entry(entry),
        action=ActionForm(formdata=None),
        can_undo=referrals.can_undo,
    ), status


@bp.route("/referrals/<int:referral_id>/undo", methods=["POST"])
@login_required
def undo_referral(referral_id: int):
    """Take back a referral made by mistake."""
    referral = db.session.get(Referral, referral_id)
    if referral is None or (
        referral.entry is not None and not can_view(current_user, referral.entry)
    ):
        abort(404)
    if not referrals.can_undo(current_user, referral) or not ActionForm().validate_on_submit():
        abort(403)
    entry_id = referral.entry_id
    referrals.undo(referral)
    flash(_("The referral is taken back."), "success")
    if entry_id is None:
        return redirect(url_for("initiatives.show", initiative_id=referral.initiative_id))
    return redirect(url_for("initiatives.refer", entry_id=entry_id))


@bp.route("/kansen")
@login_required
def opportunities():
    """List per wijk the themes with many signals and no active initiative for them."""
    return render_template(
        "initiatives/gaps.html",
        gaps=gaps.by_wijk(gaps.for_user(current_user)),
        weeks=gaps.WEEKS,
        minimum=gaps.MIN_SIGNALS,
    )


@bp.route("/wijk/<code>/publiek")
def public(code: str):
    """Show residents what there is to do in the wijk; no login needed."""
    wijk = find_wijk(code)
    if wijk is None or not public_initiatives_on(wijk):
        abort(404)
    return render_template(
        "initiatives/public.html",
        wijk=wijk,
        initiatives=services.public_list(wijk),
        what_we_hear=public_enabled(wijk),
    )


@bp.route("/wijk/<code>/publiek/instellen", methods=["POST"])
@login_required
def switch_public(code: str):
    """Switch the wijk's public list of initiatives on or off (its team's coordinators)."""
    wijk = find_wijk(code)
    if wijk is None:
        abort(404)
    if not can_switch_public(current_user, wijk):
        abort(403)
    form = PublicListForm()
    if not form.validate_on_submit():
        flash(_("Choose on or off."), "error")
        return redirect(url_for("initiatives.index")), 400
    on = form.public.data == "on"
    services.set_public_initiatives(current_user, wijk, on)
    flash(
        _("The public list of %(wijk)s is on.", wijk=wijk.name)
        if on
        else _("The public list of %(wijk)s is off.", wijk=wijk.name),
        "success",
    )
    return redirect(url_for("initiatives.index", _anchor="public-lists"))


@bp.app_template_global()
def weekday_names() -> list[str]:
    """Name Monday to Sunday in the user's language (0 is Monday)."""
    return [c.label for c in weekday_choices()]
