"""The application factory, its configuration, and error pages."""

import pytest
from flask import Flask
from sqlalchemy import text

from buurtlog import config, create_app
from buurtlog.extensions import db, make_private_folder


def bare_app(instance_path, **settings) -> Flask:
    """Return a Flask app with buurtlog's defaults and an instance folder of the test's own."""
    app = Flask("buurtlog", instance_path=str(instance_path))
    app.config.from_mapping(config.defaults(app))
    app.config.update(settings)
    return app


def test_missing_secret_key_in_production_is_a_start_up_error(tmp_path):
    """Refuse to start in production without FLASK_SECRET_KEY or a kept key."""
    with pytest.raises(RuntimeError, match="FLASK_SECRET_KEY"):
        config.finish(bare_app(tmp_path))
    assert not (tmp_path / "secret-key").exists()


def test_secret_key_and_database_come_from_the_environment(monkeypatch, tmp_path):
    """Read FLASK_SECRET_KEY and FLASK_SQLALCHEMY_DATABASE_URI, and secure the cookies."""
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    monkeypatch.setenv("FLASK_SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("FLASK_SQLALCHEMY_DATABASE_URI", f"sqlite:///{tmp_path}/env.sqlite")
    app = create_app()
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("env.sqlite")
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_development_mode_keeps_a_generated_key_in_the_instance_folder(tmp_path):
    """Generate a development key once and reuse it, so `make dev` needs no set-up."""
    first, second = bare_app(tmp_path, DEBUG=True), bare_app(tmp_path, DEBUG=True)
    config.finish(first)
    config.finish(second)
    assert first.config["SECRET_KEY"] and first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert first.config["SESSION_COOKIE_SECURE"] is False


def test_production_uses_the_key_kept_in_the_instance_folder(tmp_path):
    """Serve without FLASK_SECRET_KEY when `make run` has kept a key in instance/, and keep
    the cookies secure: that is how one machine runs buurtlog with gunicorn."""
    app = bare_app(tmp_path)
    config.write_secret_key(tmp_path / "secret-key")
    config.finish(app)
    assert app.config["SECRET_KEY"] == (tmp_path / "secret-key").read_text()
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert (tmp_path / "secret-key").stat().st_mode & 0o077 == 0


def test_sqlite_opens_with_wal_foreign_keys_and_a_busy_timeout(tmp_path):
    """Open SQLite connections with WAL, enforced foreign keys and a busy timeout."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/p.sqlite",
        }
    )
    with app.app_context(), db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000
        db.engine.dispose()


def test_postgresql_connections_price_index_reads_for_memory_and_ssd(tmp_path):
    """Open PostgreSQL connections with random_page_cost 1.1 unless told otherwise; leave
    SQLite and an explicit None alone."""
    url = "postgresql+psycopg://buurtlog@db.invalid/buurtlog"
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": url})
    options = app.config["SQLALCHEMY_ENGINE_OPTIONS"]
    assert options["connect_args"] == {"options": "-c random_page_cost=1.1"}
    assert options["pool_pre_ping"] is True
    left = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "SQLALCHEMY_DATABASE_URI": url,
            "POSTGRES_RANDOM_PAGE_COST": None,
        }
    )
    assert "connect_args" not in left.config["SQLALCHEMY_ENGINE_OPTIONS"]
    sqlite = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/b.sqlite",
        }
    )
    assert "connect_args" not in sqlite.config["SQLALCHEMY_ENGINE_OPTIONS"]


def test_the_setting_reaches_the_postgresql_session(app):
    """Plan with the setting on the database the suite runs on, when that is PostgreSQL."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only: SQLite has no planner costs")
    assert db.session.execute(text("SHOW random_page_cost")).scalar() == "1.1"


def test_unknown_page_is_a_friendly_404_in_dutch(client):
    """Answer an unknown URL with a friendly page in the default language."""
    response = client.get("/bestaat-niet")
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert '<html lang="nl">' in page
    assert "Deze pagina bestaat niet" in page


def test_unknown_page_in_english_for_an_english_browser(client):
    """Follow the browser's language when the user has not chosen one."""
    response = client.get("/nope", headers={"Accept-Language": "en-GB,en;q=0.8"})
    assert response.status_code == 404
    assert "This page does not exist" in response.get_data(as_text=True)


def test_api_errors_are_json(client):
    """Answer errors under /api/ with JSON, not a page."""
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.is_json and response.get_json()["error"]["code"] == 404


@pytest.mark.own_app
def test_server_error_is_a_calm_page(app, client):
    """Show a calm 500 page that leaks nothing."""
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret detail")

    response = client.get("/boom", headers={"Accept-Language": "en"})
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "secret detail" not in page
    assert "Something went wrong on our side" in page


def test_the_instance_folder_is_private(tmp_path):
    """Make the instance folder 0700, also one an older version left open to others."""
    folder = tmp_path / "instance"
    folder.mkdir()
    folder.chmod(0o755)
    make_private_folder(folder)
    assert folder.stat().st_mode & 0o777 == 0o700
    make_private_folder(tmp_path / "new")
    assert (tmp_path / "new").stat().st_mode & 0o777 == 0o700


def test_the_sqlite_files_are_private(tmp_path):
    """Make the database, its WAL and its shared memory 0600, new or left readable before."""
    database = tmp_path / "p.sqlite"
    app = create_app(
        {"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}"}
    )
    with app.app_context():
        with db.engine.begin() as connection:
            connection.execute(text("CREATE TABLE t (x)"))
            connection.execute(text("INSERT INTO t VALUES (1)"))
            modes = {p.name: p.stat().st_mode & 0o777 for p in tmp_path.iterdir()}
        assert modes == {"p.sqlite": 0o600, "p.sqlite-wal": 0o600, "p.sqlite-shm": 0o600}
        db.engine.dispose()
        database.chmod(0o644)
        with db.engine.connect() as connection:
            connection.execute(text("SELECT x FROM t"))
        assert database.stat().st_mode & 0o777 == 0o600
        db.engine.dispose()


@pytest.mark.parametrize(
    "method, path, allowed",
    [
        ("put", "/login", {"GET", "POST"}),
        ("get", "/presence/stop", {"POST"}),
        ("delete", "/api/v1/privacy-check", {"POST"}),
    ],
)
def test_method_not_allowed_names_the_allowed_methods(client, method, path, allowed):
    """Answer 405 with the Allow header HTTP requires, on pages and on the API alike."""
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert allowed <= {m.strip() for m in response.headers["Allow"].split(",")}
    assert response.is_json == path.startswith("/api/")


MARKER = "Geheim-7Q3 mevrouw op de derde"


def _failing_database_view(app, db, path, failure):
    """Add a view at `path` that commits (so the signed-in user must be read again), then hits
    a database error that leaves the transaction failed, with MARKER in its parameters."""
    from buurtlog.models import Theme

    @app.get(path, endpoint=f"boom_{failure}_{path.startswith('/api/')}")
    def boom():
        db.session.commit()  # expires every loaded object, the signed-in user included
        if failure == "integrity":  # the same slug twice: IntegrityError at the flush
            db.session.add_all(
                [
                    Theme(slug="dubbel", name_nl=MARKER, name_en=MARKER, position=1),
                    Theme(slug="dubbel", name_nl=MARKER, name_en=MARKER, position=2),
                ]
            )
            db.session.flush()
        else:  # a failed statement: on PostgreSQL "current transaction is aborted" after it
            db.session.execute(
                text("SELECT no_such_column FROM themes WHERE name_nl = :note"), {"note": MARKER}
            )
        return "not reached"


@pytest.mark.own_app
@pytest.mark.parametrize("failure", ["integrity", "statement"])
def test_after_a_database_error_the_error_page_still_works(
    app, client, auth, make_user, db, failure
):
    """Roll the failed transaction back before rendering the friendly 500 page, so the page
    (which reads the signed-in user, their language and team) shows in the user's language,
    with no statement, parameter or traceback in it."""
    app.config["PROPAGATE_EXCEPTIONS"] = False
    _failing_database_view(app, db, "/boom-db", failure)
    auth.login_as(make_user(locale="nl", team=None))
    response = client.get("/boom-db", headers={"Accept-Language": "en"})
    page = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Er ging bij ons iets mis" in page  # Dutch: the user's choice, not the browser's
    assert 'class="topbar"' in page and 'data-user-id="' in page
    for leak in (MARKER, "Traceback", "INSERT", "SELECT", "no_such_column", "IntegrityError"):
        assert leak not in page
    assert client.get("/profile").status_code == 200  # and the next request is fine


@pytest.mark.own_app
@pytest.mark.parametrize("failure", ["integrity", "statement"])
def test_after_a_database_error_the_api_answers_json(app, client, make_user, db, failure):
    """Answer a database error on the API with a JSON 500 that names no detail."""
    from buurtlog.accounts import services as accounts

    app.config["PROPAGATE_EXCEPTIONS"] = False
    _failing_database_view(app, db, "/api/v1/boom-db", failure)
    token = accounts.issue_token(make_user())
    db.session.commit()
    response = client.get("/api/v1/boom-db", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 500
    assert response.is_json and response.get_json()["error"]["code"] == 500
    body = response.get_data(as_text=True)
    assert MARKER not in body and "SELECT" not in body and "INSERT" not in body


@pytest.mark.own_app
def test_when_the_database_is_gone_the_error_page_still_shows(app, client, auth, make_user, db):
    """Show a plain 500 page in the browser's language when even reading the signed-in user
    fails, as when the database server went away mid-request."""
    from sqlalchemy import event
    from sqlalchemy.exc import OperationalError

    app.config["PROPAGATE_EXCEPTIONS"] = False

    def refuse(*args, **kwargs):
        """Fail every statement, as a database that is down does."""
        raise OperationalError("SELECT", {}, Exception("server closed the connection"))

    @app.get("/boom-gone")
    def boom():
        db.session.commit()  # the signed-in user must be read again to show the page
        event.listen(db.engine, "before_cursor_execute", refuse)
        db.session.execute(text("SELECT 1"))

    auth.login_as(make_user(locale="nl"))
    try:
        response = client.get("/boom-gone", headers={"Accept-Language": "en"})
    finally:
        event.remove(db.engine, "before_cursor_execute", refuse)
    page = response.get_data(as_text=True)
    assert response.status_code == 500
    assert '<html lang="en">' in page and "Something went wrong on our side" in page
    assert "server closed" not in page and "Traceback" not in page
