"""The OpenAPI description of the initiatives in the reference data (GET /api/v1/reference)."""

from buurtlog.models import INITIATIVE_STATUSES

REFERENCE_ITEM = {
    "type": "object",
    "required": ["id", "name", "offer", "status", "areas", "themes", "slots", "stale"],
    "description": "An active or paused initiative of the register, for referring offline.",
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "offer": {"type": "string", "description": "What it offers."},
        "status": {"enum": [s for s in INITIATIVE_STATUSES if s != "ended"]},
        "areas": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Codes of the wijken (or gemeenten) it serves.",
        },
        "themes": {"type": "array", "items": {"type": "string"}, "description": "Theme slugs."},
        "place": {"type": ["integer", "null"], "description": "The id of its place."},
        "schedule": {"type": ["string", "null"], "description": "When, in plain words."},
        "slots": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["weekday", "opens_at", "every_weeks"],
                "properties": {
                    "weekday": {
                        "type": "integer",
                        "minimum": 0,
                        "maximum": 6,
                        "description": "Monday is 0.",
                    },
                    "opens_at": {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"},
                    "closes_at": {"type": ["string", "null"]},
                    "every_weeks": {"type": "integer", "minimum": 1, "maximum": 8},
                },
            },
        },
        "contact": {"type": ["string", "null"], "description": "A public channel only."},
        "url": {"type": ["string", "null"]},
        "stale": {
            "type": "boolean",
            "description": "Not checked for six months: the details may be out of date.",
        },
    },
}
