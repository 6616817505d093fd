"""Help across wijken ("vraag & aanbod"): offers and requests, suggested pairs, confirmation."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required

from buurtlog.bounds import int_arg
from buurtlog.entries.services import active_themes
from buurtlog.exchange import services
from buurtlog.exchange.forms import ButtonForm, ItemForm, ProposeForm
from buurtlog.extensions import db
from buurtlog.models import EXCHANGE_KINDS, ExchangeItem, ExchangeMatch

bp = Blueprint("exchange", __name__, url_prefix="/exchange")


def _item_form(formdata=None) -> ItemForm:
    """Build the offer/request form with the active themes and wijken."""
    kwargs = (
        {}
        if formdata is not None
        else {"formdata": None, "area": services.default_wijk(current_user)}
    )
    return ItemForm(
        themes=active_themes(), wijken=services.active_wijken(), locale=str(get_locale()), **kwargs
    )


def _item_or_404(item_id: int) -> ExchangeItem:
    """Return the item or answer 404."""
    item = db.session.get(ExchangeItem, item_id)
    if item is None:
        abort(404)
    return item


def _match_or_404(match_id: int) -> ExchangeMatch:
    """Return the match if the user holds one of its items; otherwise answer 404."""
    match = db.session.get(ExchangeMatch, match_id)
    if match is None or not services.is_party(current_user, match):
        abort(404)
    return match


@bp.route("/")
@login_required
def index():
    """List the open offers and requests of every team, filtered by kind, theme and wijk."""
    kind = request.args.get("kind") if request.args.get("kind") in EXCHANGE_KINDS else None
    theme_id, area_id = int_arg(request.args, "theme"), int_arg(request.args, "wijk")
    filters = {"kind": kind, "theme_id": theme_id, "area_id": area_id}
    items = services.open_items(kind=kind, theme_id=theme_id, area_id=area_id)
    services.audit_sensitive_views(current_user, items)
    return render_template(
        "exchange/index.html",
        items=items,
        filters=filters,
        themes=active_themes(),
        wijken=services.active_wijken(),
        can_read=services.can_read,
        can_change=services.can_change,
        button=ButtonForm(formdata=None),
    )


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    """Add an offer or a request held by the signed-in worker."""
    if request.method == "GET":
        return render_template("exchange/new.html", form=_item_form())
    form = _item_form(request.form)
    if not form.validate_on_submit():
        return render_template("exchange/new.html", form=form), 400
    services.create_item(
        current_user,
        form.kind.data,
        form.description.data or "",
        form.chosen_theme(),
        form.chosen_wijk(),
        form.outside_own_wijk.data,
    )
    flash(_("Saved. You are the contact point; colleagues can propose a match."), "success")
    return redirect(url_for("exchange.mine"))


@bp.route("/mine")
@login_required
def mine():
    """Show my offers and requests, the matches waiting for me, and pairs with my items."""
    matches, suggestions = (
        services.matches_for(current_user),
        services.suggestions(user=current_user),
    )
    services.audit_sensitive_views(
        current_user,
        [i for pair in [*((m.offer, m.request) for m in matches), *suggestions] for i in pair],
    )
    return render_template(
        "exchange/mine.html",
        items=services.my_items(current_user),
        matches=matches,
        waiting_for=services.waiting_for,
        suggestions=suggestions,
        can_read=services.can_read,
        button=ButtonForm(formdata=None),
        propose_form=ProposeForm(formdata=None),
    )


@bp.route("/<int:item_id>/close", methods=["POST"])
@login_required
def close(item_id: int):
    """Close an offer or request (its worker, or a coordinator of the team)."""
    item = _item_or_404(item_id)
    if not services.can_change(current_user, item):
        abort(403)
    if not ButtonForm().validate_on_submit():
        abort(400)
    services.close_item(current_user, item)
    flash(_("Closed."), "success")
    return redirect(url_for("exchange.mine"))


def _matches_page(status: int = 200):
    """Render the suggested pairs, optionally for one theme."""
    theme_id = int_arg(request.args, "theme")
    pairs = services.suggestions(theme_id=theme_id)
    services.audit_sensitive_views(current_user, [i for pair in pairs for i in pair])
    return render_template(
        "exchange/matches.html",
        pairs=pairs,
        theme_id=theme_id,
        themes=active_themes(),
        can_read=services.can_read,
        propose_form=ProposeForm(formdata=None),
    ), status


@bp.route("/matches")
@login_required
def matches():
    """Suggest pairs of an offer and a request across wijken, best first."""
    return _matches_page()


@bp.route("/matches/propose", methods=["POST"])
@login_required
def propose():
    """Propose one suggested pair; the two workers involved confirm it."""
    form = ProposeForm()
    ids = form.ids() if form.validate_on_submit() else None
    offer = db.session.get(ExchangeItem, ids[0]) if ids else None
    wanted = db.session.get(ExchangeItem, ids[1]) if ids else None
    match = services.propose(current_user, offer, wanted) if offer and wanted else None
    if match is None:
        flash(_("This pair cannot be proposed (any more)."), "error")
        return _matches_page(400)
    if match.status == "confirmed":
        flash(_("Match confirmed by both workers."), "success")
    else:
        flash(
            _("Match proposed. It waits for the confirmation of the workers involved."), "success"
        )
    return redirect(
        url_for("exchange.mine" if request.form.get("next") == "mine" else "exchange.matches")
    )


@bp.route("/matches/<int:match_id>/confirm", methods=["POST"])
@login_required
def confirm(match_id: int):
    """Confirm my side of a proposed match."""
    match = _match_or_404(match_id)
    if not ButtonForm().validate_on_submit():
        abort(400)
    if services.confirm(current_user, match):
        flash(_("Match confirmed by both workers."), "success")
    elif match.status == "proposed":
        flash(_("Your side is confirmed; it waits for the other worker."), "success")
    else:
        flash(_("This match can no longer be confirmed."), "error")
    return redirect(url_for("exchange.mine"))


@bp.route("/matches/<int:match_id>/decline", methods=["POST"])
@login_required
def decline(match_id: int):
    """Decline a proposed match; both items stay open."""
    match = _match_or_404(match_id)
    if not ButtonForm().validate_on_submit():
        abort(400)
    if services.decline(current_user, match):
        flash(_("Match declined."), "success")
    else:
        flash(_("This match can no longer be declined."), "error")
    return redirect(url_for("exchange.mine"))
