"""Walk-in mornings: start and end a session, tally visitors, summarise, and the kiosk."""

import uuid

from flask import (
    Blueprint,
    abort,
    flash,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask import session as cookie
from flask_babel import force_locale, format_percent, get_locale, to_user_timezone
from flask_babel import gettext as _
from flask_login import current_user, login_required

from buurtlog.entries import services as entries
from buurtlog.entries.forms import log_form
from buurtlog.extensions import db, limiter
from buurtlog.models import CheckIn, Place, WalkInSession, utcnow
from buurtlog.walkin import kiosk as kiosk_mode
from buurtlog.walkin import services, summary
from buurtlog.walkin.forms import (
    ButtonForm,
    CheckInForm,
    KioskLeaveForm,
    KioskStartForm,
    KioskTapForm,
    StartForm,
)
from buurtlog.wijk import charts

bp = Blueprint("walkin", __name__, url_prefix="/walkin")
# The kiosk page, its taps (also those its outbox kept offline) and what that outbox needs.
KIOSK_ENDPOINTS = {
    "walkin.kiosk",
    "walkin.kiosk_tap",
    "walkin.kiosk_leave",
    "static",
    "api.session_info",
    "api.post_kiosk_taps",
}
PIN_LIMIT = "5 per 5 minutes"


@bp.before_app_request
def keep_kiosk_locked():
    """Keep a tablet in kiosk mode on the kiosk page until the host's PIN lets it out."""
    if "kiosk" not in cookie or request.endpoint in KIOSK_ENDPOINTS:
        return None
    if (request.endpoint or "").startswith("pwa."):
        return None
    if request.path.startswith("/api/"):
        return jsonify(error={"code": 403, "message": "This device is in kiosk mode."}), 403
    return redirect(url_for("walkin.kiosk"))


@bp.after_app_request
def mark_kiosk_pages(response):
    """Tell the service worker on every page whether this device is a kiosk (it locks offline)."""
    if response.mimetype == "text/html":
        response.headers["X-Buurtlog-Kiosk"] = "on" if "kiosk" in cookie else "off"
    return response


def _local_now():
    """Return the current moment in the user's time zone."""
    return to_user_timezone(utcnow())


def _session_or_404(session_id: uuid.UUID) -> WalkInSession:
    """Return the session when the user may use it; 404 otherwise."""
    session = services.get_session(session_id, current_user)
    if session is None:
        abort(404)
    return session


def _tally_form(session: WalkInSession, **kwargs) -> CheckInForm:
    """Build the tally form with the themes and the initiatives of the session's wijk."""
    return CheckInForm(
        themes=entries.themes_for(current_user),
        initiatives=services.referral_initiatives(session.place),
        locale=str(get_locale()),
        **kwargs,
    )


@bp.route("/")
@login_required
def index():
    """Show the running walk-in mornings, the start form and the latest finished ones."""
    slot = services.usual_schedule(current_user, _local_now())
    form = StartForm(
        places=entries.active_places(),
        formdata=None,
        place=slot.place_id if slot else None,
        id=str(uuid.uuid4()),
    )
    response = make_response(
        render_template(
            "walkin/index.html",
            form=form,
            slot=slot,
            running=services.sessions_for(current_user, open_only=True),
            finished=services.sessions_for(current_user, open_only=False),
        )
    )
    if not cookie.get("_flashes") and not request.args:  # kept: start a walk-in offline
        response.headers["X-Offline-Cacheable"] = "1"
    return response


# The id of the tally page kept for walk-ins started offline; the page puts in the real one.
OFFLINE_SESSION = uuid.UUID(int=0)


@bp.route("/offline-tally")
@login_required
def offline_tally():
    """Give the service worker a tally page for walk-ins started offline (static/js/sw.js).

    No server session is behind it yet: no counts, no taps, no initiatives to refer to (only
    "elsewhere"); walkin-offline.js fills in the walk-in's id and place.
    """
    session = WalkInSession(id=OFFLINE_SESSION, place=Place(name="…"), started_at=utcnow())
    form = CheckInForm(
        formdata=None,
        themes=entries.themes_for(current_user),
        initiatives=[],
        locale=str(get_locale()),
        id=str(uuid.uuid4()),
    )
    page = _tally_page(session, form, offline_shell=True)
    response = make_response(page)
    if not cookie.get("_flashes"):
        response.headers["X-Offline-Cacheable"] = "1"
    return response


@bp.route("/start", methods=["POST"])
@login_required
def start():
    """Start a walk-in morning at a place, and remember it as the usual slot."""
    form = StartForm(places=entries.active_places())
    if not form.validate_on_submit():
        return render_template(
            "walkin/index.html",
            form=form,
            slot=None,
            running=services.sessions_for(current_user, open_only=True),
            finished=[],
        ), 400
    session = services.start_session(
        current_user, form.places[form.place.data], form.session_id(), _local_now()
    )
    return redirect(url_for("walkin.tally", session_id=session.id))


def _render_tally(
    session: WalkInSession,
    form: CheckInForm,
    status: int = 200,
    kiosk_form: KioskStartForm | None = None,
):
    """Render the tally screen with its counts and the latest taps."""
    double = request.args.get("double")
    return _tally_page(
        session,
        form,
        counts=services.counts(session),
        recent=services.recent_checkins(session),
        double_form=_tally_form(session, formdata=None, id=str(uuid.uuid4())),
        kiosk_form=kiosk_form,
        double=double if double in ("new", "known") else None,
    ), status


def _tally_page(
    session: WalkInSession,
    form: CheckInForm,
    counts: tuple[int, int] = (0, 0),
    recent: list | None = None,
    double_form: CheckInForm | None = None,
    kiosk_form: KioskStartForm | None = None,
    double: str | None = None,
    offline_shell: bool = False,
) -> str:
    """Render the tally screen: for a walk-in on the server, and as the shell of one started
    offline (no counts and no taps yet)."""
    visitors, new = counts
    return render_template(
        "walkin/tally.html",
        session=session,
        form=form,
        visitors=visitors,
        new=new,
        undo_form=ButtonForm(formdata=None),
        end_form=ButtonForm(formdata=None),
        kiosk_form=kiosk_form or KioskStartForm(formdata=None),
        double_form=double_form or form,
        recent=recent or [],
        rendered_at=int(utcnow().timestamp() * 1000),
        double=double,
        offline_shell=offline_shell,
    )


@bp.route("/sessions/<uuid:session_id>")
@login_required
def tally(session_id: uuid.UUID):
    """Show the tally screen: big buttons, chips, undo and the running count."""
    session = _session_or_404(session_id)
    page, status = _render_tally(session, _tally_form(session, formdata=None, id=str(uuid.uuid4())))
    response = make_response(page, status)
    if not cookie.get("_flashes") and not request.args:  # kept by the service worker
        response.headers["X-Offline-Cacheable"] = "1"
    return response


@bp.route("/sessions/<uuid:session_id>/tally", methods=["POST"])
@login_required
def tap(session_id: uuid.UUID):
    """Count one visitor (a page sent twice counts nobody twice)."""
    session = _session_or_404(session_id)
    form = _tally_form(session)
    if not form.validate_on_submit():
        return _render_tally(session, form, 400)
    status, checkin = services.record_checkin(
        session, current_user, form.checkin_id(), form.chosen()
    )
    if status == "double_tap":
        return redirect(url_for("walkin.tally", session_id=session.id, double=form.visitor.data))
    if status == "created" and checkin is not None:  # a new check-in comes back with it
        flash(
            _("Counted: a new visitor.")
            if checkin.visitor == "new"
            else _("Counted: a known face."),
            "success",
        )
        if checkin.late:
            flash(
                _("This walk-in was already ended; the visitor is kept and marked late."), "error"
            )
    elif status == "conflict":
        flash(_("That tap was already saved differently; nothing was changed."), "error")
    return redirect(url_for("walkin.tally", session_id=session.id))


@bp.route("/sessions/<uuid:session_id>/undo", methods=["POST"])
@login_required
def undo(session_id: uuid.UUID):
    """Take back the last tap of this user in the session."""
    session = _session_or_404(session_id)
    if ButtonForm().validate_on_submit():
        last = services.last_checkin(session, current_user)
        if last is not None and services.undo_checkin(last):
            flash(_("The last tap is undone."), "success")
        else:
            flash(_("There is no tap to undo."), "error")
    return redirect(url_for("walkin.tally", session_id=session.id))


@bp.route("/sessions/<uuid:session_id>/end", methods=["POST"])
@login_required
def end(session_id: uuid.UUID):
    """End the walk-in morning and show its summary."""
    session = _session_or_404(session_id)
    if ButtonForm().validate_on_submit():
        if services.end_session(session, current_user, _local_now()):
            flash(_("The walk-in is ended."), "success")
        else:
            flash(_("A colleague had already ended this walk-in."), "error")
    return redirect(url_for("walkin.summary_page", session_id=session.id))


@bp.route("/sessions/<uuid:session_id>/summary")
@login_required
def summary_page(session_id: uuid.UUID):
    """Summarise a walk-in morning, with the trend at its place."""
    session = _session_or_404(session_id)
    return render_template(
        "walkin/summary.html",
        session=session,
        page=summary.summary(session, str(get_locale())),
        trend=summary.trend(session),
        charts=charts,
        percent=format_percent,
    )


@bp.route("/checkins/<uuid:checkin_id>/entry", methods=["GET", "POST"])
@login_required
def entry(checkin_id: uuid.UUID):
    """Turn a check-in into a full entry: the log form, filled in from the walk-in."""
    checkin = db.session.get(CheckIn, checkin_id)
    if checkin is None or not services.can_use(current_user, checkin.session):
        abort(404)
    if checkin.entry_id is not None:
        flash(_("This visit already has a full entry."), "error")
        return redirect(url_for("entries.edit", entry_id=checkin.entry_id))
    session = checkin.session
    keep = [checkin.theme] if checkin.theme is not None else []
    form = log_form(current_user, keep, data=services.entry_data(checkin))
    if form.validate_on_submit():
        services.attach_entry(checkin, entries.new_entry(form, current_user))
        db.session.commit()
        flash(_("Saved as a full entry."), "success")
        return redirect(
            url_for("walkin.tally", session_id=session.id)
            if session.is_open
            else url_for("walkin.summary_page", session_id=session.id)
        )
    return render_template(
        "walkin/entry.html", form=form, checkin=checkin, session=session
    ), 400 if form.errors else 200


# --- Kiosk ----------------------------------------------------------------------------------


@bp.route("/sessions/<uuid:session_id>/kiosk", methods=["POST"])
@login_required
def kiosk_start(session_id: uuid.UUID):
    """Switch this device to kiosk mode, locked with the host's PIN."""
    session = _session_or_404(session_id)
    form = KioskStartForm()
    if not session.is_open:
        flash(_("This walk-in has ended."), "error")
        return redirect(url_for("walkin.summary_page", session_id=session.id))
    if not form.validate_on_submit():
        return _render_tally(
            session, _tally_form(session, formdata=None, id=str(uuid.uuid4())), 400, kiosk_form=form
        )
    kiosk_mode.start(session, form.pin.data or "")
    cookie["kiosk"] = str(session.id)
    return redirect(url_for("walkin.kiosk"))


def _kiosk_session() -> WalkInSession | None:
    """Return the session this device is kiosk for."""
    try:
        session_id = uuid.UUID(cookie.get("kiosk", ""))
    except ValueError:
        return None
    return db.session.get(WalkInSession, session_id)


def _bilingual(text_nl: str, text_en: str) -> dict:
    """Return a kiosk text in Dutch and English at once."""
    return {"nl": text_nl, "en": text_en}


def _kiosk_words() -> dict:
    """Give every word of the kiosk in Dutch and in English, whatever the host's language."""
    words = {}
    for locale in ("nl", "en"):
        with force_locale(locale):
            words[locale] = {
                "welcome": _("Welcome! Tap once, then have a coffee."),
                "new": _("First time here"),
                "known": _("I have been here before"),
                "thanks": _("Thank you, and welcome!"),
                "slow": _("Just a moment, please. Ask the host."),
            }
    return words


def _render_kiosk(status: int = 200, pin_error: bool = False, thanks: bool = False):
    """Render the kiosk page: two big buttons, and the host's way out."""
    session = _kiosk_session()
    if session is None or not services.can_use(current_user, session):
        cookie.pop("kiosk", None)
        return redirect(url_for("walkin.index"))
    return render_template(
        "walkin/kiosk.html",
        session=session,
        words=_kiosk_words(),
        tap_form=KioskTapForm(formdata=None),
        leave_form=KioskLeaveForm(formdata=None),
        pin_error=pin_error,
        thanks=thanks,
        slow=status == 429,
    ), status


@bp.route("/kiosk")
@login_required
def kiosk():
    """Show the kiosk page, or go back to the walk-ins when this device is no kiosk."""
    if "kiosk" not in cookie:
        return redirect(url_for("walkin.index"))
    return _render_kiosk(thanks=request.args.get("thanks") == "1")


@bp.route("/kiosk/tap", methods=["POST"])
@login_required
def kiosk_tap():
    """Count a visitor who tapped in at the kiosk; a burst of taps is slowed down."""
    session = _kiosk_session()
    form = KioskTapForm()
    if session is None or not services.can_use(current_user, session):
        return _render_kiosk()
    if not form.validate_on_submit():
        return _render_kiosk(400)
    if kiosk_mode.tap(session, current_user, form.visitor.data) == "rate_limited":
        return _render_kiosk(429)
    return redirect(url_for("walkin.kiosk", thanks=1))


def _kiosk_key() -> str:
    """Key the PIN limit on the kiosk's session, so guessing on one tablet is slowed down."""
    return "kiosk-pin:" + str(cookie.get("kiosk", ""))


def _too_many_pins(_limit):
    """Refuse PIN guesses beyond the limit on the kiosk page itself."""
    page = _render_kiosk(429, pin_error=True)
    return make_response(*page) if isinstance(page, tuple) else page


@bp.route("/kiosk/leave", methods=["POST"])
@login_required
@limiter.limit(
    PIN_LIMIT,
    key_func=_kiosk_key,
    deduct_when=lambda r: r.status_code == 401,
    on_breach=_too_many_pins,
)
def kiosk_leave():
    """Leave kiosk mode with the host's PIN."""
    session = _kiosk_session()
    form = KioskLeaveForm()
    if session is None:
        cookie.pop("kiosk", None)
        return redirect(url_for("walkin.index"))
    if form.validate_on_submit() and kiosk_mode.pin_matches(session, form.pin.data or ""):
        cookie.pop("kiosk", None)
        flash(_("Kiosk mode is off."), "success")
        return redirect(url_for("walkin.tally", session_id=session.id))
    return _render_kiosk(401, pin_error=True)
