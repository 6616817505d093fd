"""Entry point for `flask run`, `flask --app app …` and gunicorn (`app:app`)."""

from buurtlog import create_app

app = create_app()
