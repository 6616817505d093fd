"""Error pages in the user's language, and JSON errors for the API."""

from flask import Flask, current_app, jsonify, render_template, request
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException, InternalServerError

from buurtlog.extensions import db


def wants_json() -> bool:
    """Tell whether the request came to the JSON API rather than a page."""
    return request.path.startswith("/api/")


def _render(error: HTTPException):
    """Answer an HTTP error as JSON on the API and as a friendly page elsewhere, keeping the
    headers the error carries (the Allow of a 405, the Retry-After of a 429)."""
    code = error.code or 500
    headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
    if wants_json():
        return jsonify(error={"code": code, "message": error.description}), code, headers
    return render_template("errors.html", code=code, message=_message(code)), code, headers


def _message(code: int) -> str:
    """Explain an error status in plain words."""
    messages = {
        400: _("Something in that request was not right. Please try again."),
        403: _("You do not have access to this page."),
        404: _("This page does not exist (any more). Check the address or go back."),
        405: _("That action is not possible here."),
        413: _("That was more than buurtlog accepts at once."),
        429: _("Too many attempts. Please wait a moment and try again."),
    }
    return messages.get(code, _("Something went wrong on our side. Nothing you entered is lost."))


def _csrf_error(error: CSRFError):
    """Explain an expired or missing form token without losing the user's trust."""
    if wants_json():
        return jsonify(error={"code": 400, "message": error.description}), 400
    message = _("The form had expired. Please go back, reload the page and submit it again.")
    return render_template("errors.html", code=400, message=message), 400


def _server_error(error: Exception):
    """Answer an unexpected error without leaking details.

    The error may have left the database transaction failed (on PostgreSQL every statement
    after it is refused), and the page reads the signed-in user, their language and team: roll
    back first. When even that reading fails (the database is gone), show a page that needs
    no database, in the browser's language.
    """
    db.session.rollback()
    try:
        return _render(InternalServerError())
    except SQLAlchemyError:
        db.session.rollback()
    if wants_json():
        return jsonify(error={"code": 500, "message": InternalServerError.description}), 500
    return _page_without_database(), 500


def _page_without_database() -> str:
    """Render the 500 page without the user: no database behind it."""
    try:
        locale = str(get_locale())  # the user's, when the request had already chosen it
    except SQLAlchemyError:
        db.session.rollback()
        locale = (
            request.accept_languages.best_match(current_app.config["LANGUAGES"])
            or (current_app.config["BABEL_DEFAULT_LOCALE"])
        )
    with force_locale(locale):  # straight from the template: the context would read the user
        template = current_app.jinja_env.get_template("errors_plain.html")
        return template.render(code=500, message=_message(500), locale=locale)


def register(app: Flask) -> None:
    """Install the error handlers."""
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _render)
    app.register_error_handler(InternalServerError, _server_error)
