# Read by the `flask` command (python-dotenv) in a checkout. No FLASK_DEBUG here: `make run`
# serves with gunicorn and no debugger; `make dev` asks for the debug server itself.
FLASK_APP=app
