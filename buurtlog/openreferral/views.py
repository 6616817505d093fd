"""Open Referral: coordinators and admins download the register as HSDS and import one."""

from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from buurtlog.models import utcnow
from buurtlog.openreferral import importer, reader, saving, services
from buurtlog.openreferral.forms import ImportForm

bp = Blueprint("openreferral", __name__, url_prefix="/openreferral")
FORMATS = {"csv": ("application/zip", "zip"), "json": ("application/json", "json")}


@bp.before_request
@login_required
def coordinators_only():
    """Let only coordinators and admins exchange the register."""
    if not current_user.is_coordinator:
        abort(403)


@bp.route("/")
def index():
    """Show the download links and the import form."""
    return _page(ImportForm(formdata=None))


def _page(form: ImportForm, errors=None, skipped=None) -> str:
    """Render the page of downloads and the import form, with what an import found."""
    count = len(services.public_initiatives())
    return render_template(
        "openreferral/index.html", form=form, count=count, errors=errors, skipped=skipped
    )


@bp.route("/export/<fmt>")
def export(fmt: str):
    """Download the public register as HSDS: a zip of CSV files, or JSON (audited)."""
    if fmt not in FORMATS:
        abort(404)
    data, _count = services.export(fmt, actor=current_user)
    mimetype, extension = FORMATS[fmt]
    name = f"buurtlog-hsds-{utcnow():%Y%m%d}.{extension}"
    return Response(
        data, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@bp.route("/import", methods=["POST"])
def import_file():
    """Import an uploaded HSDS file, all or nothing; list every invalid row."""
    form = ImportForm()
    if not form.validate_on_submit():
        return _page(form), 400
    upload = form.file.data
    data, name = upload.read(), upload.filename or ""
    source = (
        reader.read_json(data, name)
        if name.lower().endswith(".json")
        else reader.read_zip(data, name)
    )
    result = saving.apply(
        importer.check(source, may_create=current_user.is_admin), actor=current_user
    )
    if result.errors:
        return _page(ImportForm(formdata=None), errors=result.errors), 400
    flash(
        _(
            "Imported: %(created)d new, %(updated)d updated, %(unchanged)d unchanged.",
            created=result.created,
            updated=result.updated,
            unchanged=result.unchanged,
        ),
        "success",
    )
    if result.skipped:  # say what was left out, on this page: a redirect would lose it
        return _page(ImportForm(formdata=None), skipped=result.skipped)
    return redirect(url_for("openreferral.index"))
