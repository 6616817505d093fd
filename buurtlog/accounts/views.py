"""Signing in and out, the user's profile and the "more" menu."""

from urllib.parse import urlsplit

from flask import (
    Blueprint,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from buurtlog.accounts import services
from buurtlog.accounts.forms import LoginForm, ProfileForm
from buurtlog.audit.services import record_event
from buurtlog.errors import wants_json
from buurtlog.extensions import db, limiter, login_manager
from buurtlog.models import User, utcnow

bp = Blueprint("accounts", __name__)


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """Load the signed-in user from the session."""
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None


@login_manager.request_loader
def load_user_from_token(req) -> User | None:
    """Sign API calls in by a personal token in the Authorization header."""
    scheme, _sep, token = req.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    user = services.user_for_token(token.strip())
    if user is not None and db.session.dirty:
        db.session.commit()
    return user


@login_manager.unauthorized_handler
def unauthorized():
    """Answer 401 on the API and send people on pages to the sign-in form."""
    if wants_json():
        return jsonify(error={"code": 401, "message": "Authentication required."}), 401
    flash(_("Please sign in to continue."), "info")
    return redirect(url_for("accounts.login", next=request.full_path.rstrip("?")))


def _safe_next(target: str | None) -> str:
    """Return a local path to continue to after signing in, never another site."""
    if target and target.startswith("/") and not target.startswith("//"):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return url_for("entries.new")


def _attempted_account() -> str:
    """Key the per-account limit on the email address that is being tried."""
    return "login:" + services.normalise_email(request.form.get("email", ""))


def _note_rate_limited(limit) -> None:
    """Put a refused burst of sign-in attempts in the audit log (without the address)."""
    record_event("login.rate_limited", limit=str(limit.limit))
    db.session.commit()


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT_PER_ADDRESS"], methods=["POST"],
               on_breach=_note_rate_limited)
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT_PER_ACCOUNT"], methods=["POST"],
               key_func=_attempted_account, on_breach=_note_rate_limited)
def login():
    """Show the sign-in form and sign the user in."""
    if current_user.is_authenticated:
        return redirect(_safe_next(request.args.get("next")))
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        user, outcome = services.authenticate(form.email.data, form.password.data)
        if outcome == "ok":
            session.clear()  # a fresh session on every sign-in
            login_user(user)
            user.last_login_at = utcnow()
            record_event("login.succeeded", user, actor=user)
            db.session.commit()
            return redirect(_safe_next(request.args.get("next")))
        record_event("login.failed", user, actor=user, reason=outcome)
        db.session.commit()
        flash(_("That email address and password do not match an active account."), "error")
        status = 401
    elif form.errors:
        status = 400
    return render_template("accounts/login.html", form=form), status


@bp.route("/logout", methods=["GET", "POST"])
def logout():
    """Ask for confirmation, then sign the user out."""
    if request.method == "POST":  # CSRFProtect has checked the form's token
        if current_user.is_authenticated:
            record_event("logout", current_user)
            db.session.commit()
        logout_user()
        session.clear()
        flash(_("You are signed out."), "success")
        response = redirect(url_for("accounts.login"))
        # Wipe what this browser kept: the outbox, the offline copies and the service worker.
        response.headers["Clear-Site-Data"] = '"cache", "storage"'
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
        current_user.name = form.name.data.strip()
        current_user.locale = form.locale.data or None
        if form.new_password.data:
            services.set_password(current_user, form.new_password.data)
            record_event("password.changed", current_user)
        db.session.commit()
        flash(_("Your profile is saved."), "success")
        return redirect(url_for("accounts.profile"))
    return render_template("accounts/profile.html", form=form), 400 if form.errors else 200


@bp.route("/more")
@login_required
def more():
    """List every destination the user's role may reach."""
    return render_template("accounts/more.html")
