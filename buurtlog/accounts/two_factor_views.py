"""Two-factor sign-in pages: the code after the password, setting up, recovery codes, turning off.

These routes join the accounts blueprint (`accounts.*`, templates in templates/accounts/).
"""

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from buurtlog.accounts import services, sessions, two_factor
from buurtlog.accounts.forms import CodeForm, PasswordCheckForm, SignInCodeForm
from buurtlog.accounts.signing_in import bp, finish_sign_in, limit_per_address, note_rate_limited
from buurtlog.audit.services import record_event
from buurtlog.extensions import db, limiter, login_manager
from buurtlog.models import User


def _pending_account() -> str:
    """Key the per-account limit on the pending user, shared with the password step."""
    user, _step, _next = sessions.pending()
    return "login:" + (user.email if user is not None else "-")


def _account_limit() -> str:
    """Return the per-account sign-in limit."""
    return current_app.config["LOGIN_LIMIT_PER_ACCOUNT"]


def _password_checker(user):
    """Return a function that tells whether a password is the user's."""
    return lambda password: services.authenticate(user.email, password)[1] == "ok"


@bp.route("/login/code", methods=["GET", "POST"])
@limit_per_address
@limiter.shared_limit(
    _account_limit,
    scope="sign-in-account",
    methods=["POST"],
    key_func=_pending_account,
    on_breach=note_rate_limited,
)
def login_code():
    """Ask for the authenticator (or a recovery) code after the password, then sign in."""
    user, step, next_url = sessions.pending()
    if user is None or step != "code":
        flash(_("Please sign in again."), "info")
        return redirect(url_for("accounts.login"))
    form = SignInCodeForm()
    status = 200
    if form.validate_on_submit():
        if two_factor.verify_code(user, form.code.data or ""):
            finish_sign_in(user, mfa=True, second_factor="totp")
            db.session.commit()
            return redirect(next_url or "/")  # pending() gives one with the user
        if two_factor.use_recovery_code(user, form.code.data or ""):
            return _signed_in_with_recovery_code(user, next_url)
        record_event("two_factor.failed", user, actor=user, step="sign_in")
        db.session.commit()
        form.code.errors = [
            *form.code.errors,
            _("That code is not right. Check your authenticator app and try again."),
        ]
        status = 401
    elif form.errors:
        status = 400
    return render_template("accounts/login_code.html", form=form), status


@bp.route("/two-factor")
@login_required
def two_factor_settings():
    """Show whether two-factor sign-in is on, with what can be done about it."""
    return _settings_page()


def _settings_page(codes_form=None, disable_form=None, status=200):
    """Render the two-factor settings page with its two password-checked forms."""
    user = current_user
    return render_template(
        "accounts/two_factor.html",
        codes_form=codes_form or PasswordCheckForm(prefix="codes"),
        disable_form=disable_form or PasswordCheckForm(prefix="disable"),
        required=two_factor.is_required(user),
        codes_left=two_factor.recovery_codes_left(user) if user.has_two_factor else 0,
    ), status


def _signed_in_with_recovery_code(user: User, next_url: str | None):
    """Finish signing in with a recovery code, and say how many are left."""
    left = two_factor.recovery_codes_left(user)
    finish_sign_in(user, mfa=True, second_factor="recovery_code")
    db.session.commit()
    flash(
        ngettext(
            "You used a recovery code; %(num)d is left. Make new ones in your profile.",
            "You used a recovery code; %(num)d are left. Make new "
            "ones in your profile when you run low.",
            left,
        ),
        "info",
    )
    return redirect(next_url or "/")  # pending() gives one with the user


@bp.route("/two-factor/setup", methods=["GET", "POST"])
@limit_per_address
def two_factor_setup():
    """Set up an authenticator app: scan the QR code (or type the key), confirm with a code.

    Open to a signed-in user, and to someone whose role requires it right after the password.
    """
    pending_user, step, next_url = sessions.pending()
    user = _enrolling(pending_user, step)
    if user is None:
        return login_manager.unauthorized()
    if user.has_two_factor:
        return redirect(url_for("accounts.two_factor_settings"))
    form = CodeForm()
    status = 200
    if form.validate_on_submit():
        codes = two_factor.confirm_enrolment(user, form.code.data or "")
        if codes is not None:
            return _enrolled(user, codes, pending_user is user, next_url)
        record_event("two_factor.failed", user, actor=user, step="enrol")
        form.code.errors = [
            *form.code.errors,
            _("That code is not right. Check that the app shows buurtlog and try the newest code."),
        ]
        status = 400
    elif form.errors:
        status = 400
    return _setup_page(user, form, pending_user is user), status


def _enrolling(pending_user: User | None, step: str | None) -> User | None:
    """Return who sets up an authenticator: the signed-in user, or the one whose role requires
    it right after the password; None for anyone else."""
    if current_user.is_authenticated:
        return current_user._get_current_object()
    return pending_user if pending_user is not None and step == "enrol" else None


def _enrolled(user: User, codes: list[str], pending: bool, next_url: str | None) -> str:
    """Finish the set-up: sign in (or renew the session) and show the recovery codes once."""
    if pending:
        finish_sign_in(user, mfa=True, second_factor="enrolled")
    else:
        sessions.start(user, mfa=True)
        next_url = url_for("accounts.two_factor_settings")
    db.session.commit()
    return render_template(
        "accounts/recovery_codes.html", codes=codes, next_url=next_url, enrolled=True
    )


def _setup_page(user: User, form: CodeForm, pending: bool) -> str:
    """Render the set-up page with a new key (kept until confirmed) as QR code and text."""
    secret = two_factor.start_enrolment(user)
    db.session.commit()
    uri = two_factor.provisioning_uri(user)
    return render_template(
        "accounts/two_factor_setup.html",
        form=form,
        qr_code=two_factor.qr_code_data_uri(uri),
        secret=two_factor.grouped_secret(secret),
        pending=pending,
        required=two_factor.is_required(user),
    )


@bp.route("/two-factor/recovery-codes", methods=["POST"])
@login_required
def two_factor_recovery_codes():
    """Replace the recovery codes with ten new ones, after the password, and show them once."""
    user = current_user._get_current_object()
    if not user.has_two_factor:
        return redirect(url_for("accounts.two_factor_settings"))
    form = PasswordCheckForm(prefix="codes", check_password=_password_checker(user))
    if not form.validate_on_submit():
        return _settings_page(codes_form=form, status=400)
    codes = two_factor.new_recovery_codes(user)
    record_event("two_factor.recovery_codes_renewed", user)
    db.session.commit()
    return render_template(
        "accounts/recovery_codes.html",
        codes=codes,
        next_url=url_for("accounts.two_factor_settings"),
        enrolled=False,
    )


@bp.route("/two-factor/disable", methods=["POST"])
@login_required
def two_factor_disable():
    """Turn two-factor sign-in off, after the password; not when the role requires it."""
    user = current_user._get_current_object()
    if two_factor.is_required(user):
        abort(403)
    if not user.has_two_factor:
        return redirect(url_for("accounts.two_factor_settings"))
    form = PasswordCheckForm(prefix="disable", check_password=_password_checker(user))
    if not form.validate_on_submit():
        return _settings_page(disable_form=form, status=400)
    two_factor.disable(user, actor=user)  # ends every session of the user …
    sessions.start(user, mfa=False)  # … but this one goes on
    db.session.commit()
    flash(_("Two-factor sign-in is off."), "success")
    return redirect(url_for("accounts.two_factor_settings"))
