"""A bare Flask JSON endpoint: the baseline the sync ingest is measured against."""

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/api/v1/entries")
def entries():
    """Parse the batch and answer 'created' for each entry, touching no database."""
    items = request.get_json()["entries"]
    return jsonify(results=[{"id": item.get("id"), "status": "created"} for item in items])
