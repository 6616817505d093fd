"""No free text in any log: database errors, the engine's own log, exceptions Flask logs."""

import logging
import uuid

import pytest
from sqlalchemy import select

from buurtlog.accounts import services as accounts
from buurtlog.api import services as api_services
from buurtlog.models import Entry

MARKER = "Geheimpje-Kanaalstraat-7731"
LOGGERS = ("sqlalchemy", "sqlalchemy.engine", "sqlalchemy.pool", "flask", "werkzeug", "buurtlog")


@pytest.fixture
def logs(app, caplog):
    """Capture every log record of the database, Flask and werkzeug down to DEBUG."""
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    app.logger.setLevel(logging.DEBUG)
    caplog.set_level(logging.DEBUG)
    return caplog


@pytest.fixture
def api(client, db, make_team, make_user, make_place, make_theme):
    """Return a client that syncs as a worker with a bearer token, and the worker's place."""
    place = make_place()
    worker = make_user(team=make_team(areas=[place.area.parent]))
    make_theme("eenzaamheid")
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {accounts.issue_token(worker)}"
    db.session.commit()
    return client, place


def logged_text(caplog) -> str:
    """Return everything the captured records would write: messages and tracebacks."""
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    return "\n".join(formatter.format(record) for record in caplog.records)


def batch(place, note: str) -> dict:
    """Return a batch of two entries whose notes carry the text."""
    return {
        "entries": [
            {
                "id": str(uuid.uuid4()),
                "occurred_at": "2026-11-20T14:32:05+01:00",
                "place": place.id,
                "setting": "shop_table",
                "kind": "signal",
                "themes": ["eenzaamheid"],
                "people": 1,
                "first_contact": False,
                "initiated_by": "resident",
                "contact_type": "resident",
                "follow_up": "none",
                "underlying_question": f"Vraag {note}",
                "note": f"Notitie {note}",
            }
            for _ in range(2)
        ]
    }


def test_a_database_error_while_saving_a_batch_logs_no_note(app, api, logs, monkeypatch, db):
    """Fail the batch's INSERT in the database itself; its notes appear in no log record."""
    client, place = api
    insert = api_services._insert

    def insert_for_a_team_that_does_not_exist(new, user_id, _team_id):
        """Insert the entries for a team id the database refuses (a foreign key), without
        the savepoints that would refuse the entries one by one."""
        return insert(new, user_id, 999_999), set()

    monkeypatch.setattr(api_services, "_insert_apart", insert_for_a_team_that_does_not_exist)
    app.config["PROPAGATE_EXCEPTIONS"] = False  # logged and answered as in production
    response = client.post("/api/v1/entries", json=batch(place, MARKER))
    assert response.status_code == 500
    assert MARKER not in response.get_data(as_text=True)
    text = logged_text(logs)
    assert "IntegrityError" in text  # the error was logged, without its values
    assert "INSERT INTO entries" in text
    assert MARKER not in text
    db.session.rollback()
    assert db.session.scalars(select(Entry)).all() == []


def test_the_engine_log_at_debug_shows_no_values(app, api, logs, db):
    """Save and read notes with the engine logging at DEBUG: statements, never values."""
    client, place = api
    response = client.post("/api/v1/entries", json=batch(place, MARKER))
    assert response.status_code == 200
    assert {e.note for e in db.session.scalars(select(Entry))} == {f"Notitie {MARKER}"}
    text = logged_text(logs)
    assert "SELECT" in text and "INSERT INTO entries" in text  # the engine did log
    assert MARKER not in text


def test_an_environment_cannot_show_the_parameters_again(monkeypatch, tmp_path):
    """Keep hide_parameters on when FLASK_SQLALCHEMY_ENGINE_OPTIONS replaces the options."""
    from buurtlog import create_app

    monkeypatch.setenv("FLASK_SQLALCHEMY_ENGINE_OPTIONS", '{"pool_pre_ping": false}')
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/e.sqlite",
        }
    )
    assert app.config["SQLALCHEMY_ENGINE_OPTIONS"] == {
        "pool_pre_ping": False,
        "hide_parameters": True,
    }
    with app.app_context():
        from buurtlog.extensions import db

        assert db.engine.hide_parameters
        db.engine.dispose()
