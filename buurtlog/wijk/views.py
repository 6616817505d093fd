"""The wijk picture: a wijk's page, the view across wijken, two wijken side by side, the
exports and the quarterly report, and the public page "What we hear in the wijk"."""

from datetime import timedelta

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale, to_user_timezone
from flask_babel import gettext as _
from flask_login import current_user, login_required

from buurtlog import spreadsheet
from buurtlog.areas import figures
from buurtlog.models import Area, utcnow
from buurtlog.wijk import across, charts, outputs, services, stats, wording
from buurtlog.wijk.forms import CompareForm, MapForm, PeriodForm, PublicForm, SketchForm

bp = Blueprint("wijk", __name__, url_prefix="/wijk")
PUBLIC_DAYS = 91


def _tz() -> str:
    """Return the time zone the teams work in."""
    return current_app.config["BABEL_DEFAULT_TIMEZONE"]


def _today():
    """Return today's date where the teams work."""
    return to_user_timezone(utcnow()).date()


def _period(
    default: str = stats.DEFAULT_PERIOD, cut: bool = True
) -> tuple[PeriodForm, stats.Period, int]:
    """Read the period picker; on bad input keep the default period and answer 400.

    The default is the last four complete weeks, meaningful on any day. A period holding
    today is cut off at today (`cut`), so it is compared with the same days before it.
    """
    form = PeriodForm(request.args, data={"period": default})
    if "period" not in request.args:
        form.period.data = default
    today = _today()
    status = 200
    if not form.validate():
        kind, anchor, last, status = default, None, None, 400
    else:
        kind, anchor, last = form.period.data or default, form.start.data, form.end.data
    if kind == "custom":
        assert anchor is not None  # PeriodForm requires both days of a custom period
        period = stats.period_for("custom", anchor, _tz(), last=last)
    else:
        if anchor is None:
            anchor = stats.default_anchor(today) if kind == "weeks4" else today
        period = stats.period_for(kind, anchor, _tz())
    return form, stats.so_far(period, today, _tz()) if cut else period, status


@bp.context_processor
def _period_words():
    """Let the wijk pages say in words which days they show and what they compare them with."""
    return {
        "period_words": lambda period, compared=True: wording.period_words(
            period, _tz(), _today(), compared
        )
    }


def _wijk_or_404(code: str) -> Area:
    """Return the wijk if the user may see its page; otherwise act as if it did not exist."""
    wijk = services.find_wijk(code)
    if wijk is None or not services.can_see_wijk(current_user, wijk):
        abort(404)
    return wijk


def _team_member_or_403(wijk: Area) -> None:
    """Refuse a change or a row-level export to anyone outside the wijk's team."""
    if current_user.team is None or wijk not in current_user.team.areas:
        abort(403)


@bp.route("/")
@login_required
def index():
    """List the wijken whose picture the user may open."""
    return render_template("wijk/index.html", wijken=services.wijken_for(current_user))


@bp.route("/<code>")
@login_required
def show(code: str):
    """Show the picture of one wijk for the chosen period, beside the previous one."""
    return _show_page(_wijk_or_404(code), SketchForm(formdata=None))


def _show_page(wijk: Area, sketch_form: SketchForm, status: int = 200):
    """Render a wijk's page, with the wijkschets form as it stands (perhaps held back)."""
    form, period, period_status = _period()
    page = services.picture(current_user, wijk, period, _tz())
    public = outputs.public_enabled(wijk)
    locale = str(get_locale())
    map_form = MapForm(request.args, themes=services.map_themes(current_user, wijk), locale=locale)
    return render_template(
        "wijk/show.html",
        wijk=wijk,
        form=form,
        period=period,
        page=page,
        charts=charts,
        sketch_form=sketch_form,
        map_form=map_form,
        wijk_map=services.wijk_map(wijk, period, map_form, locale),
        public_form=(
            PublicForm(formdata=None, public="on" if public else "off")
            if services.can_switch_public(current_user, wijk)
            else None
        ),
        public=public,
        public_initiatives=outputs.public_initiatives_on(wijk),
    ), max(status, period_status)


@bp.route("/<code>/schets", methods=["POST"])
@login_required
def sketch(code: str):
    """Save a new version of the team's wijkschets; a refused text stays in the form."""
    wijk = _wijk_or_404(code)
    _team_member_or_403(wijk)
    form = SketchForm()
    if not form.validate_on_submit():
        return _show_page(wijk, form, 400)
    services.add_sketch(current_user, wijk, form.text.data or "")
    flash(_("The wijkschets is saved."), "success")
    return redirect(url_for("wijk.show", code=code, _anchor="wijkschets"))


@bp.route("/<code>/publiek/instellen", methods=["POST"])
@login_required
def switch_public(code: str):
    """Switch the wijk's public page on or off (coordinators of its team only)."""
    wijk = _wijk_or_404(code)
    if not services.can_switch_public(current_user, wijk):
        abort(403)
    form = PublicForm()
    if not form.validate_on_submit():
        flash(_("Choose on or off."), "error")
        return redirect(url_for("wijk.show", code=code)), 400
    outputs.set_public(current_user, wijk, form.public.data == "on")
    flash(
        _("The public page is on.") if form.public.data == "on" else _("The public page is off."),
        "success",
    )
    return redirect(url_for("wijk.show", code=code))


@bp.route("/<code>/publiek")
def public(code: str):
    """Show residents what they told the team and what it did with it; no login needed."""
    wijk = services.find_wijk(code)
    if wijk is None or not outputs.public_enabled(wijk):
        abort(404)
    today = _today()
    period = stats.period_for("custom", today - timedelta(days=PUBLIC_DAYS - 1), _tz(), last=today)
    return render_template(
        "wijk/public.html",
        wijk=wijk,
        period=period,
        page=outputs.public_page(wijk, period),
        public_initiatives=outputs.public_initiatives_on(wijk),
    )


@bp.route("/<code>/export.<any(csv, xlsx):fmt>")
@login_required
def export(code: str, fmt: str):
    """Download the wijk's entries (coded) or its counts (small ones hidden) as a spreadsheet:
    CSV for Dutch Excel or XLSX."""
    wijk = _wijk_or_404(code)
    form, period, status = _period(cut=False)
    if status != 200:
        abort(400)
    counts = request.args.get("format") == "counts"
    if counts:
        body = outputs.export_counts(current_user, wijk, period, fmt)
    else:
        _team_member_or_403(wijk)
        body = outputs.export_entries(current_user, wijk, period, bool(form.text.data), fmt)
    name = f"buurtlog-{wijk.code}-{period.first}-{period.last}{'-counts' if counts else ''}.{fmt}"
    return Response(
        body,
        mimetype=spreadsheet.MIMETYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.route("/<code>/rapport")
@login_required
def report(code: str):
    """Show the printable quarterly report for the municipality and funders. A quarter still
    running is cut off at today and compared with the same days of the quarter before."""
    wijk = _wijk_or_404(code)
    form, period, status = _period(default="quarter")
    return render_template(
        "wijk/report.html",
        wijk=wijk,
        form=form,
        period=period,
        page=outputs.report(current_user, wijk, period, _tz()),
        printed=_today(),
    ), status


@bp.route("/overzicht")
@login_required
def overview():
    """Show every wijk of the municipality × theme for the period, and entries pointing out."""
    form, period, status = _period()
    wijken = services.municipality_wijken(current_user)
    people = figures.inhabitants(wijken)
    per_1000 = request.args.get("per") == "1000"
    return render_template(
        "wijk/overview.html",
        form=form,
        period=period,
        wijken=wijken,
        people=people,
        per_1000=per_1000,
        period_args={k: v for k, v in request.args.items() if k != "per"},
        heat=across.heatmap(current_user, wijken, period, people if per_1000 else None),
        outside=across.outside_the_wijk(current_user, period),
    ), status


@bp.route("/vergelijk")
@login_required
def compare():
    """Put two wijken side by side: their themes and reach in the same period."""
    period_form, period, status = _period()
    wijken = services.municipality_wijken(current_user)
    form = CompareForm(request.args, wijken=wijken)
    valid = form.validate()
    chosen = [form.by_code[c] for c in (form.a.data, form.b.data) if valid and c]
    people = figures.inhabitants(chosen)
    sides = [
        across.with_rates(across.comparison(current_user, w, period), people[w.id]) for w in chosen
    ]
    if not valid:
        status = 400
    return render_template(
        "wijk/compare.html", form=form, period_form=period_form, period=period, sides=sides
    ), status
