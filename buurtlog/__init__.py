"""buurtlog: street presence logging for neighbourhood social workers."""

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from buurtlog import config, errors, headers, i18n
from buurtlog.accounts import rate_limits  # noqa: F401 - registers the database:// limit storage
from buurtlog.bounds import BoundedIntConverter
from buurtlog.extensions import (
    babel,
    csrf,
    db,
    enable_sqlite_pragmas,
    keep_free_text_out_of_logs,
    limiter,
    login_manager,
    make_private_folder,
    migrate,
)
from buurtlog.labels import label


def create_app(test_config: dict | None = None) -> Flask:
    """Create and wire the buurtlog application."""
    app = Flask(__name__, instance_relative_config=True)
    app.url_map.converters["int"] = BoundedIntConverter  # before any route is added
    app.config.from_mapping(config.defaults(app))
    app.config.from_prefixed_env()
    if test_config:
        app.config.update(test_config)
    make_private_folder(app.instance_path)
    config.finish(app)
    if app.config["TRUSTED_PROXIES"]:  # the client's address as the proxies in front tell it
        hops = int(app.config["TRUSTED_PROXIES"])
        # Flask's documented way to add WSGI middleware; mypy sees a method being replaced.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=hops, x_proto=hops
        )

    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(app.root_path) / "migrations"))
    csrf.init_app(app)
    babel.init_app(app, locale_selector=i18n.get_locale, timezone_selector=i18n.get_timezone)
    login_manager.init_app(app)
    limiter.init_app(app)
    keep_free_text_out_of_logs()
    with app.app_context():
        enable_sqlite_pragmas(db.engine)

    from buurtlog.accounts import cli as accounts_cli
    from buurtlog.accounts.views import bp as accounts_bp
    from buurtlog.admin.views import bp as admin_bp
    from buurtlog.api.views import bp as api_bp
    from buurtlog.areas import cli as areas_cli
    from buurtlog.demo import cli as demo_cli
    from buurtlog.entries.views import bp as entries_bp
    from buurtlog.exchange.views import bp as exchange_bp
    from buurtlog.initiatives.views import bp as initiatives_bp
    from buurtlog.openreferral import cli as openreferral_cli
    from buurtlog.openreferral.views import bp as openreferral_bp
    from buurtlog.presence.views import bp as presence_bp
    from buurtlog.pwa.views import bp as pwa_bp
    from buurtlog.retention import cli as retention_cli
    from buurtlog.review.views import bp as review_bp
    from buurtlog.start.views import bp as start_bp
    from buurtlog.walkin.views import bp as walkin_bp
    from buurtlog.wijk.views import bp as wijk_bp

    app.register_blueprint(accounts_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(entries_bp)
    app.register_blueprint(exchange_bp)
    app.register_blueprint(openreferral_bp)
    app.register_blueprint(initiatives_bp)
    app.register_blueprint(pwa_bp)
    app.register_blueprint(review_bp)
    app.register_blueprint(presence_bp)
    app.register_blueprint(start_bp)
    app.register_blueprint(wijk_bp)
    app.register_blueprint(walkin_bp)
    app.cli.add_command(accounts_cli.users)
    app.cli.add_command(areas_cli.areas)
    app.cli.add_command(demo_cli.demo)
    app.cli.add_command(openreferral_cli.openreferral)
    app.cli.add_command(retention_cli.retention)
    app.cli.add_command(retention_cli.backup)
    accounts_cli.users.add_command(retention_cli.remove_user, "remove")

    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.globals["label"] = label
    errors.register(app)
    headers.register(app)
    i18n.register(app)
    return app
