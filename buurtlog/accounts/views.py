"""Signing in and out, the user's profile and the "more" menu."""

from urllib.parse import urlsplit

from flask import (
    current_app,
    flash,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import refresh
from flask_login import current_user, login_required, logout_user

from buurtlog.accounts import services, sessions, two_factor
from buurtlog.accounts.forms import LoginForm, ProfileForm
from buurtlog.accounts.signing_in import bp, finish_sign_in, limit_per_address, note_rate_limited
from buurtlog.audit.services import record_event
from buurtlog.errors import wants_json
from buurtlog.extensions import db, limiter, login_manager
from buurtlog.models import User, end_sessions
from buurtlog.start.services import start_page


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """Load the signed-in user from the session, unless the session has ended."""
    return sessions.load(user_id)


@login_manager.request_loader
def load_user_from_token(req) -> User | None:
    """Sign API calls in by a personal token in the Authorization header.

    A token opens /api/v1 only: the pages ask for the password and the second factor.
    """
    scheme, _sep, token = req.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token or not req.path.startswith("/api/v1/"):
        return None
    user = services.user_for_token(token.strip())
    if user is not None and (db.session.dirty or db.session.new):  # its use, audited
        db.session.commit()
    return user


@login_manager.unauthorized_handler
def unauthorized():
    """Answer 401 on the API and send people on pages to the sign-in form."""
    if wants_json():
        # RFC 9110 §11.6.1: a 401 names the scheme that would work (the API's bearer token).
        return (
            jsonify(error={"code": 401, "message": "Authentication required."}),
            401,
            {"WWW-Authenticate": 'Bearer realm="buurtlog"'},
        )
    if g.get("session_expired"):
        flash(_("You were signed out after a while without use. Please sign in again."), "info")
    else:
        flash(_("Please sign in to continue."), "info")
    return redirect(url_for("accounts.login", next=request.full_path.rstrip("?")))


def _safe_next(target: str | None, user: User) -> str:
    """Return a local path to continue to after signing in, never another site.

    A control character (a line break would break the Location header) or a backslash (which
    browsers read as a slash, making "/\\host" another site) sends the user to their start
    page, as does the bare start address ("/", where signing in began).
    """
    if (
        target
        and target.startswith("/")
        and not target.startswith("//")
        and target != "/"
        and "\\" not in target
        and not any(ord(c) < 32 or 127 <= ord(c) < 160 for c in target)
    ):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return start_page(user)


def _attempted_account() -> str:
    """Key the per-account limit on the email address that is being tried."""
    return "login:" + services.normalise_email(request.form.get("email", ""))


@bp.route("/login", methods=["GET", "POST"])
@limit_per_address
@limiter.shared_limit(
    lambda: current_app.config["LOGIN_LIMIT_PER_ACCOUNT"],
    scope="sign-in-account",
    methods=["POST"],
    key_func=_attempted_account,
    on_breach=note_rate_limited,
)
def login():
    """Show the sign-in form and sign the user in."""
    if current_user.is_authenticated:
        return redirect(_safe_next(request.args.get("next"), current_user))
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        user, outcome = services.authenticate(form.email.data or "", form.password.data or "")
        if outcome == "ok" and user is not None:  # "ok" always comes with the user
            return _password_accepted(user, _safe_next(request.args.get("next"), user))
        record_event("login.failed", user, actor=user, reason=outcome)
        db.session.commit()
        flash(_("That email address and password do not match an active account."), "error")
        status = 401
    elif form.errors:
        status = 400
    return render_template("accounts/login.html", form=form), status


def _password_accepted(user: User, next_url: str):
    """Sign in, or go on to the code (or to setting up an authenticator) first."""
    if user.has_two_factor or two_factor.must_enrol(user):
        step = "code" if user.has_two_factor else "enrol"
        sessions.begin_pending(user, step, next_url)  # signed in to nothing yet
        db.session.commit()
        return redirect(
            url_for("accounts.login_code" if step == "code" else "accounts.two_factor_setup")
        )
    finish_sign_in(user, mfa=False)
    db.session.commit()
    return redirect(next_url)


@bp.route("/logout", methods=["GET", "POST"])
def logout():
    """Ask for confirmation, then sign the user out."""
    if request.method == "POST":  # CSRFProtect has checked the form's token
        if current_user.is_authenticated:
            end_sessions(current_user)  # on every device, not only this one
            record_event("logout", current_user)
            db.session.commit()
        logout_user()
        session.clear()
        flash(_("You are signed out."), "success")
        response = redirect(url_for("accounts.login"))
        # Wipe what this browser kept: the offline copies, and the outbox and the service
        # worker only when the page says nothing unsent is left in it (a colleague's unsent
        # entries on a shared phone stay, to be sent when that colleague signs in again).
        storage = ', "storage"' if request.form.get("clear_storage") == "1" else ""
        response.headers["Clear-Site-Data"] = '"cache"' + storage
        return response
    if not current_user.is_authenticated:
        return redirect(url_for("accounts.login"))
    return render_template("accounts/logout.html")


@bp.route("/profile", methods=["GET", "POST"])
@login_required
def profile():
    """Let users change their name, language and password."""
    form = ProfileForm(
        obj=current_user,
        check_password=lambda pw: services.authenticate(current_user.email, pw)[1] == "ok",
    )
    if request.method == "GET":
        form.locale.data = current_user.locale or ""
    if form.validate_on_submit():
        current_user.name = (form.name.data or "").strip()
        current_user.locale = form.locale.data or None
        if form.new_password.data:
            services.set_password(current_user, form.new_password.data)  # ends every session
            record_event("password.changed", current_user)
            sessions.restart(current_user._get_current_object())  # but this one goes on
        db.session.commit()
        refresh()  # the confirmation in the language just chosen, not the one cached for this page
        flash(_("Your profile is saved."), "success")
        return redirect(url_for("accounts.profile"))
    return render_template("accounts/profile.html", form=form), 400 if form.errors else 200


@bp.route("/more")
@login_required
def more():
    """List every destination the user's role may reach."""
    return render_template("accounts/more.html")


# The two-factor and API token pages join this blueprint; they live in modules of their own.
from buurtlog.accounts import token_views, two_factor_views  # noqa: E402, F401
