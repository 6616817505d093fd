"""Administration: users, teams, areas, places and themes."""

from datetime import UTC, datetime, timedelta

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from buurtlog.accounts.services import normalise_email, revoke_token, set_password
from buurtlog.accounts.token_views import token_rows
from buurtlog.admin.forms import (
    AreaForm,
    AreaImportForm,
    AuditFilterForm,
    PlaceForm,
    TeamForm,
    ThemeForm,
    UserForm,
)
from buurtlog.areas import services as areas
from buurtlog.areas.services import ImportResult
from buurtlog.audit.services import record_event
from buurtlog.bounds import int_arg
from buurtlog.extensions import db
from buurtlog.labels import label
from buurtlog.models import Area, AuditEvent, Entry, Place, Team, Theme, User

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.before_request
@login_required
def require_admin():
    """Keep everyone but admins out."""
    if not current_user.is_admin:
        abort(403)


@bp.route("/")
def index():
    """Show what there is to manage, with counts."""
    counts = {
        model.__name__: db.session.scalar(select(func.count()).select_from(model))
        for model in (User, Team, Area, Place, Theme, Entry)
    }
    return render_template("admin/index.html", counts=counts)


def _save(form, record, model, created_message, updated_message, **derived):
    """Copy a validated form (and values derived from it) onto a (new) record and audit it."""
    is_new = record is None
    record = record or model()
    columns = set(model.__table__.columns.keys())
    changed = []
    for name, field in form._fields.items():
        if name in columns and getattr(record, name) != field.data:
            setattr(record, name, field.data)
            changed.append(name)
    for name, value in derived.items():
        if getattr(record, name) != value:
            setattr(record, name, value)
            changed.append(name)
    if is_new:
        db.session.add(record)
        db.session.flush()
    record_event(
        f"admin.{model.__tablename__}.{'created' if is_new else 'updated'}",
        record,
        fields=",".join(changed),
    )
    return record, (created_message if is_new else updated_message)


def _finish(message, endpoint):
    """Commit, tell the admin, and go back to the list."""
    db.session.commit()
    flash(message, "success")
    return redirect(url_for(endpoint))


def _get(model, record_id):
    """Return a record by id, or None for a new one; 404 when it does not exist."""
    if record_id is None:
        return None
    return db.session.get(model, record_id) or abort(404)


@bp.route("/users")
def users():
    """List all users."""
    rows = db.session.scalars(select(User).order_by(User.active.desc(), User.name, User.id))
    table = [
        {
            "url": url_for("admin.user", record_id=u.id),
            "cells": [
                u.name,
                u.email,
                label("role", u.role),
                u.team.name if u.team else "—",
                _("yes") if u.active else _("no"),
            ],
        }
        for u in rows
    ]
    return render_template(
        "admin/list.html",
        title=_("Users"),
        rows=table,
        new_url=url_for("admin.user"),
        headers=[_("Name"), _("Email"), _("Role"), _("Team"), _("Active")],
    )


@bp.route("/users/new", methods=["GET", "POST"])
@bp.route("/users/<int:record_id>", methods=["GET", "POST"])
def user(record_id=None):
    """Add or change a user."""
    record = _get(User, record_id)
    form = UserForm(record=record)
    if form.validate_on_submit():
        form.email.data = normalise_email(form.email.data or "")
        form.locale.data = form.locale.data or None
        record, message = _save(form, record, User, _("User added."), _("User saved."))
        if form.password.data:
            set_password(record, form.password.data)
            record_event("admin.password_set", record)
        return _finish(message, "admin.users")
    return _form_page(
        form,
        _l("User"),
        record,
        "admin.users",
        tokens_url=url_for("admin.user_tokens", record_id=record.id)
        if record is not None
        else None,
    )


@bp.route("/users/<int:record_id>/tokens")
def user_tokens(record_id):
    """List a user's personal API tokens, each with a button that revokes it."""
    owner = _get(User, record_id)
    return render_template(
        "admin/tokens.html",
        owner=owner,
        rows=token_rows(owner, "admin.revoke_user_token", record_id=owner.id),
    )


@bp.route("/users/<int:record_id>/tokens/<int:token_id>/revoke", methods=["POST"])
def revoke_user_token(record_id, token_id):
    """Revoke one of a user's API tokens."""
    owner = _get(User, record_id)
    if not revoke_token(owner, token_id):
        abort(404)
    db.session.commit()
    flash(_("The API token is revoked."), "success")
    return redirect(url_for("admin.user_tokens", record_id=owner.id))


@bp.route("/teams")
def teams():
    """List all teams with their districts."""
    rows = db.session.scalars(select(Team).order_by(Team.name))
    table = [
        {
            "url": url_for("admin.team", record_id=t.id),
            "cells": [t.name, ", ".join(a.name for a in t.areas) or "—", str(len(t.members))],
        }
        for t in rows
    ]
    return render_template(
        "admin/list.html",
        title=_("Teams"),
        rows=table,
        new_url=url_for("admin.team"),
        headers=[_("Name"), _("Wijken"), _("Members")],
    )


@bp.route("/teams/new", methods=["GET", "POST"])
@bp.route("/teams/<int:record_id>", methods=["GET", "POST"])
def team(record_id=None):
    """Add or change a team."""
    record = _get(Team, record_id)
    form = TeamForm(record=record)
    if form.validate_on_submit():
        chosen = db.session.scalars(select(Area).where(Area.id.in_(form.area_ids.data or [])))
        record, message = _save(
            form, record, Team, _("Team added."), _("Team saved."), areas=list(chosen)
        )
        return _finish(message, "admin.teams")
    return _form_page(form, _l("Team"), record, "admin.teams")


@bp.route("/areas", methods=["GET", "POST"])
def area_list():
    """List the areas as a tree, and import a CSV file of areas."""
    form = AreaImportForm()
    result = ImportResult()
    if form.validate_on_submit():
        result = areas.import_file(form.file.data.read(), form.retire_missing.data)
        if not result.errors:
            return _imported(result)
        flash(_("Nothing was imported. Fix the lines below and try again."), "error")
    tops = db.session.scalars(
        select(Area).where(Area.parent_id.is_(None)).order_by(Area.name, Area.id)
    )
    status = 400 if result.errors or form.errors else 200
    return render_template(
        "admin/areas.html", tops=list(tops), form=form, import_errors=result.errors
    ), status


def _imported(result: ImportResult):
    """Keep an import of areas, audited by its counts, and say what it did."""
    record_event(
        "admin.areas.imported",
        created=result.created,
        updated=result.updated,
        retired=result.retired,
    )
    db.session.commit()
    flash(
        _(
            "Imported: %(created)d new, %(updated)d changed, %(unchanged)d unchanged, "
            "%(retired)d retired.",
            created=result.created,
            updated=result.updated,
            unchanged=result.unchanged,
            retired=result.retired,
        ),
        "success",
    )
    return redirect(url_for("admin.area_list"))


@bp.route("/areas/new", methods=["GET", "POST"])
@bp.route("/areas/<int:record_id>", methods=["GET", "POST"])
def area(record_id=None):
    """Add or change an area."""
    record = _get(Area, record_id)
    form = AreaForm(record=record)
    if form.validate_on_submit():
        form.code.data = (form.code.data or "").strip()
        record, message = _save(
            form, record, Area, _("Area added."), _("Area saved."), level=form.level
        )
        return _finish(message, "admin.area_list")
    return _form_page(form, _l("Area"), record, "admin.area_list")


@bp.route("/places")
def places():
    """List all places with their area."""
    rows = db.session.scalars(
        select(Place).join(Place.area).order_by(Area.name, Place.name, Place.id)
    )
    table = [
        {
            "url": url_for("admin.place", record_id=p.id),
            "cells": [
                p.name,
                label("place_kind", p.kind),
                p.area.name,
                _("yes") if p.active else _("no"),
            ],
        }
        for p in rows
    ]
    return render_template(
        "admin/list.html",
        title=_("Places"),
        rows=table,
        new_url=url_for("admin.place"),
        headers=[_("Name"), _("Kind"), _("Area"), _("In use")],
    )


@bp.route("/places/new", methods=["GET", "POST"])
@bp.route("/places/<int:record_id>", methods=["GET", "POST"])
def place(record_id=None):
    """Add or change a place."""
    record = _get(Place, record_id)
    form = PlaceForm(record=record)
    if form.validate_on_submit():
        record, message = _save(form, record, Place, _("Place added."), _("Place saved."))
        return _finish(message, "admin.places")
    return _form_page(form, _l("Place"), record, "admin.places")


@bp.route("/themes")
def themes():
    """List the theme taxonomy."""
    rows = db.session.scalars(select(Theme).order_by(Theme.position, Theme.name_nl))
    table = [
        {
            "url": url_for("admin.theme", record_id=t.id),
            "cells": [
                t.name_nl,
                t.name_en,
                t.slug,
                _("yes") if t.sensitive else _("no"),
                _("yes") if t.active else _("no"),
            ],
        }
        for t in rows
    ]
    return render_template(
        "admin/list.html",
        title=_("Themes"),
        rows=table,
        new_url=url_for("admin.theme"),
        headers=[_("Dutch"), _("English"), _("Code"), _("Sensitive"), _("In use")],
    )


@bp.route("/themes/new", methods=["GET", "POST"])
@bp.route("/themes/<int:record_id>", methods=["GET", "POST"])
def theme(record_id=None):
    """Add or change a theme."""
    record = _get(Theme, record_id)
    form = ThemeForm(record=record)
    if form.validate_on_submit():
        form.slug.data = (form.slug.data or "").strip()
        record, message = _save(form, record, Theme, _("Theme added."), _("Theme saved."))
        return _finish(message, "admin.themes")
    return _form_page(form, _l("Theme"), record, "admin.themes")


AUDIT_PAGE = 100


@bp.route("/audit")
def audit():
    """Show the audit log, newest first, filtered by action, person and day."""
    form = AuditFilterForm(request.args, meta={"csrf": False})
    query = select(AuditEvent).options(selectinload(AuditEvent.actor))
    if form.validate():
        if form.action.data:
            query = query.where(AuditEvent.action.startswith(form.action.data.strip()))
        if form.actor.data:
            query = query.join(AuditEvent.actor).where(
                User.email == normalise_email(form.actor.data)
            )
        if form.day.data:
            start = datetime.combine(form.day.data, datetime.min.time(), tzinfo=UTC)
            query = query.where(AuditEvent.at >= start, AuditEvent.at < start + timedelta(days=1))
    page = int_arg(request.args, "page", default=1, low=1)
    events = list(
        db.session.scalars(
            query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
            .offset((page - 1) * AUDIT_PAGE)
            .limit(AUDIT_PAGE + 1)
        )
    )
    return render_template(
        "admin/audit.html",
        form=form,
        events=events[:AUDIT_PAGE],
        page=page,
        more=len(events) > AUDIT_PAGE,
    ), 400 if form.errors else 200


def _form_page(form, noun, record, list_endpoint, **extra):
    """Render an admin form, with 400 when a submission was refused."""
    status = 400 if form.errors else 200
    return render_template(
        "admin/form.html",
        form=form,
        noun=noun,
        record=record,
        back_url=url_for(list_endpoint),
        **extra,
    ), status
