"""Entry point for `flask run`, `flask --app app …` and gunicorn (`app:app`)."""

import gc

from buurtlog import create_app

app = create_app()

# What is loaded by now lives as long as the process. Freezing it keeps it out of the garbage
# collector's full passes, which otherwise rescan it every few requests and add tens of
# milliseconds to a large page (BENCHMARKS.md, weekly review page). Each gunicorn worker
# imports this module after the fork, so every worker freezes its own copy.
gc.freeze()
