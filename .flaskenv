# Read by the `flask` command (python-dotenv) in a development checkout only.
# Production runs gunicorn with FLASK_SECRET_KEY and FLASK_SQLALCHEMY_DATABASE_URI set.
FLASK_APP=app
FLASK_DEBUG=1
