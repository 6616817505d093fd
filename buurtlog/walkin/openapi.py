"""The OpenAPI description of the walk-in and presence sync calls (merged into /api/v1's)."""

from buurtlog.models import REFERRED_ELSEWHERE_MAX, VISITOR_KINDS


def _error(description: str) -> dict:
    """Return a response object for an error with the common JSON body."""
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _post(summary: str, operation: str, batch: str, answer: str) -> dict:
    """Describe a POST of a batch answered per item."""
    return {
        "post": {
            "summary": summary,
            "operationId": operation,
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": f"#/components/schemas/{batch}"}}
                },
            },
            "responses": {
                "200": {
                    "description": answer,
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/ItemResults"}}
                    },
                },
                "400": _error(
                    "Malformed JSON, a body that is not an object, or a missing CSRF header."
                ),
                "401": _error("Not signed in: no session and no valid bearer token."),
                "403": _error("This device is in kiosk mode."),
                "413": _error("More than 500 items or more than 1 MB."),
            },
        }
    }


PATHS = {
    "/checkins": _post(
        "Record walk-in check-ins (one visitor each), exactly once each",
        "postCheckIns",
        "CheckInBatch",
        "One result per check-in, in the order sent. A second tap on the same button within a "
        "second, not confirmed as a second visitor, answers duplicate with double_tap.",
    ),
    "/checkins/undo": _post(
        "Take back walk-in taps (the row is kept, marked undone)",
        "undoCheckIns",
        "UndoBatch",
        "One result per undo: created when undone now, duplicate when undone already.",
    ),
    "/kiosk/taps": _post(
        "Count visitors' own taps that a kiosk kept offline, exactly once each",
        "postKioskTaps",
        "KioskTapBatch",
        "One result per tap: created, duplicate (sent before, or one visitor's double tap), "
        "conflict (the same id with another content) or invalid (also beyond the kiosk's "
        "pace in the minute the tap was made). Open to a device in kiosk mode.",
    ),
    "/walkins": _post(
        "Start and end walk-ins kept offline, exactly once each",
        "postWalkIns",
        "WalkInBatch",
        "One result per item: created; duplicate (started by the caller at that place before, "
        "or ended before); conflict (the id is another walk-in) or invalid.",
    ),
    "/presence": _post(
        "Replay starts and stops of presence kept offline",
        "postPresence",
        "PresenceBatch",
        "One result per item: created, duplicate (sent before), conflict (the same id with "
        "another place or time) or invalid.",
    ),
}

SCHEMAS = {
    "ItemResults": {
        "type": "object",
        "required": ["results"],
        "properties": {
            "results": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "status"],
                    "properties": {
                        "id": {"type": ["string", "null"]},
                        "status": {"enum": ["created", "duplicate", "conflict", "invalid"]},
                        "double_tap": {"type": "boolean"},
                        "errors": {"type": "object", "additionalProperties": {"type": "string"}},
                    },
                },
            }
        },
    },
    "CheckInIn": {
        "type": "object",
        "required": ["id", "session", "visitor"],
        "properties": {
            "id": {
                "type": "string",
                "format": "uuid",
                "description": "Made by the client; the same id is never counted twice.",
            },
            "session": {
                "type": "string",
                "format": "uuid",
                "description": "The walk-in session (its host's or the team's).",
            },
            "visitor": {"type": "string", "enum": list(VISITOR_KINDS)},
            "occurred_at": {
                "type": "string",
                "format": "date-time",
                "description": "The tap, with a UTC offset; defaults to arrival.",
            },
            "theme": {"type": ["string", "null"], "description": "Theme slug of the question."},
            "just_company": {
                "type": "boolean",
                "default": False,
                "description": "Just coffee and company; not with a theme.",
            },
            "initiative": {
                "type": ["integer", "null"],
                "description": "Referred to this initiative of the session's wijk.",
            },
            "referred_elsewhere": {
                "type": ["string", "null"],
                "maxLength": REFERRED_ELSEWHERE_MAX,
                "description": "Referred to this organisation (never a person).",
            },
            "confirmed_double": {
                "type": "boolean",
                "default": False,
                "description": "The host confirmed a second visitor within a second of the first.",
            },
        },
    },
    "CheckInBatch": {
        "type": "object",
        "required": ["checkins"],
        "properties": {
            "checkins": {
                "type": "array",
                "maxItems": 500,
                "items": {"$ref": "#/components/schemas/CheckInIn"},
            }
        },
    },
    "UndoIn": {
        "type": "object",
        "required": ["id"],
        "properties": {
            "id": {"type": "string", "format": "uuid", "description": "The check-in's id."},
            "undone_at": {"type": "string", "format": "date-time"},
        },
    },
    "UndoBatch": {
        "type": "object",
        "required": ["undo"],
        "properties": {
            "undo": {
                "type": "array",
                "maxItems": 500,
                "items": {"$ref": "#/components/schemas/UndoIn"},
            }
        },
    },
    "KioskTapIn": {
        "type": "object",
        "required": ["id", "session", "visitor", "occurred_at"],
        "properties": {
            "id": {
                "type": "string",
                "format": "uuid",
                "description": "Made by the kiosk; the same id is never counted twice.",
            },
            "session": {"type": "string", "format": "uuid"},
            "visitor": {"type": "string", "enum": list(VISITOR_KINDS)},
            "occurred_at": {
                "type": "string",
                "format": "date-time",
                "description": "The tap, with a UTC offset.",
            },
        },
    },
    "KioskTapBatch": {
        "type": "object",
        "required": ["taps"],
        "properties": {
            "taps": {
                "type": "array",
                "maxItems": 500,
                "items": {"$ref": "#/components/schemas/KioskTapIn"},
            }
        },
    },
    "WalkInIn": {
        "type": "object",
        "required": ["id", "action", "at"],
        "properties": {
            "id": {
                "type": "string",
                "format": "uuid",
                "description": "The walk-in's id, made by the phone when it was started.",
            },
            "action": {"enum": ["start", "end"]},
            "place": {"type": "integer", "description": "An active place; required to start."},
            "at": {
                "type": "string",
                "format": "date-time",
                "description": "When it was started or ended, with a UTC offset.",
            },
        },
    },
    "WalkInBatch": {
        "type": "object",
        "required": ["walkins"],
        "properties": {
            "walkins": {
                "type": "array",
                "maxItems": 500,
                "items": {"$ref": "#/components/schemas/WalkInIn"},
            }
        },
    },
    "PresenceIn": {
        "type": "object",
        "required": ["id", "action", "at"],
        "properties": {
            "id": {
                "type": "string",
                "format": "uuid",
                "description": "The presence's id, made by the client when it was started.",
            },
            "action": {"enum": ["start", "stop"]},
            "place": {"type": "integer", "description": "Required to start."},
            "at": {
                "type": "string",
                "format": "date-time",
                "description": "With a UTC offset; within the last week, not ahead.",
            },
        },
    },
    "PresenceBatch": {
        "type": "object",
        "required": ["presence"],
        "properties": {
            "presence": {
                "type": "array",
                "maxItems": 500,
                "items": {"$ref": "#/components/schemas/PresenceIn"},
            }
        },
    },
}
