"""Error pages in the user's language, and JSON errors for the API."""

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError


def wants_json() -> bool:
    """Tell whether the request came to the JSON API rather than a page."""
    return request.path.startswith("/api/")


def _render(error: HTTPException):
    """Answer an HTTP error as JSON on the API and as a friendly page elsewhere."""
    code = error.code or 500
    if wants_json():
        return jsonify(error={"code": code, "message": error.description}), code
    return render_template("errors.html", code=code, message=_message(code)), code


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
    """Answer an unexpected error without leaking details."""
    return _render(InternalServerError())


def register(app: Flask) -> None:
    """Install the error handlers."""
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _render)
    app.register_error_handler(InternalServerError, _server_error)
