"""The application factory, its configuration, and error pages."""

import pytest
from sqlalchemy import text

from buurtlog import create_app
from buurtlog.extensions import db


def test_missing_secret_key_in_production_is_a_start_up_error(monkeypatch, tmp_path):
    """Refuse to start in production without FLASK_SECRET_KEY."""
    monkeypatch.delenv("FLASK_SECRET_KEY", raising=False)
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    with pytest.raises(RuntimeError, match="FLASK_SECRET_KEY"):
        create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.sqlite"})


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


def test_development_mode_keeps_a_generated_key_in_the_instance_folder(monkeypatch, tmp_path):
    """Generate a development key once and reuse it, so `make run` needs no set-up."""
    monkeypatch.delenv("FLASK_SECRET_KEY", raising=False)
    monkeypatch.setenv("FLASK_DEBUG", "1")
    config = {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/dev.sqlite"}
    first = create_app(config)
    second = create_app(config)
    assert first.config["SECRET_KEY"] and first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert first.config["SESSION_COOKIE_SECURE"] is False


def test_sqlite_opens_with_wal_foreign_keys_and_a_busy_timeout(tmp_path):
    """Open SQLite connections with WAL, enforced foreign keys and a busy timeout."""
    app = create_app({"TESTING": True, "SECRET_KEY": "x",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/p.sqlite"})
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
    left = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": url,
                       "POSTGRES_RANDOM_PAGE_COST": None})
    assert "connect_args" not in left.config["SQLALCHEMY_ENGINE_OPTIONS"]
    sqlite = create_app({"TESTING": True, "SECRET_KEY": "x",
                         "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/b.sqlite"})
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
