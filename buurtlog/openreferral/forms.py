"""The upload form of the Open Referral import."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired

from buurtlog.forms import Form


class ImportForm(Form):
    """Upload an HSDS file: a zip of CSV files with datapackage.json, or JSON."""

    file = FileField(
        _l("HSDS file"),
        validators=[
            FileRequired(_l("Choose a file.")),
            FileAllowed(["zip", "json"], _l("Choose a .zip (CSV) or .json file.")),
        ],
        description=_l("A zip of CSV files with datapackage.json, or HSDS JSON."),
    )
