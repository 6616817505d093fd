"""The OpenAPI 3.1 description of /api/v1, kept beside the views it describes."""

from buurtlog.initiatives import openapi as initiatives_openapi
from buurtlog.models import (
    CONTACT_TYPES,
    FOLLOW_UPS,
    INITIATED_BY,
    KINDS,
    NOTE_MAX,
    PEOPLE_MAX,
    QUESTION_MAX,
    SETTINGS,
)
from buurtlog.walkin import openapi as walkin_openapi

FINDING_KINDS = ["name", "phone", "email", "postcode", "bsn", "iban", "address"]


def _error(description: str) -> dict:
    """Return a response object for an error with the common JSON body."""
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _json(description: str, schema: str) -> dict:
    """Return a JSON response object with a schema reference."""
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


UNAUTHORIZED = {
    **_error("Not signed in: no session and no valid bearer token."),
    "headers": {
        "WWW-Authenticate": {
            "description": "The scheme that would work: Bearer.",
            "schema": {"type": "string"},
        }
    },
}
BAD_REQUEST = _error("Malformed JSON, a body that is not an object, or a missing CSRF header.")
TOO_LARGE = _error(
    "More than 500 items or more than 1 MB; for entries also more notes and questions than "
    f"the privacy guard reads per request ({50 * (NOTE_MAX + QUESTION_MAX)} characters, fifty "
    "full-length entries). Nothing of the batch is saved: send it in smaller parts."
)

ENTRY_FIELDS = {
    "occurred_at": {
        "type": "string",
        "format": "date-time",
        "description": "With a UTC offset; at most a day ahead, not before 2000.",
    },
    "area": {"type": ["string", "null"], "description": "Area code; defaults to the place's."},
    "place": {"type": ["integer", "null"]},
    "setting": {"type": "string", "enum": list(SETTINGS)},
    "contact_type": {"type": "string", "enum": list(CONTACT_TYPES), "default": "resident"},
    "people": {"type": "integer", "minimum": 1, "maximum": PEOPLE_MAX, "default": 1},
    "first_contact": {"type": "boolean", "default": False},
    "initiated_by": {"type": "string", "enum": list(INITIATED_BY), "default": "resident"},
    "kind": {"type": "string", "enum": list(KINDS)},
    "themes": {
        "type": "array",
        "items": {"type": "string"},
        "description": "Theme slugs; at least one unless kind is contact.",
    },
    "underlying_question": {"type": ["string", "null"], "maxLength": QUESTION_MAX},
    "note": {"type": ["string", "null"], "maxLength": NOTE_MAX},
    "follow_up": {"type": "string", "enum": list(FOLLOW_UPS), "default": "none"},
}


def document() -> dict:
    """Return the OpenAPI document."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "buurtlog API",
            "version": "1",
            "description": "Sync of entries logged offline, reference data for the "
            "offline pickers, and the privacy check.",
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfHeader": []}],
        "paths": {
            "/entries": {
                "post": {
                    "summary": "Save a batch of entries, exactly once each",
                    "description": "A batch that is a JSON object with a list `entries` is "
                    "answered 200 with one result per item, in the order sent, "
                    "even when items are malformed: an item that is not an "
                    "object, lacks a string UUID `id` or fails a field's rule "
                    "gets `status: invalid` with `errors` by field, and the "
                    "others are saved. `id` in a result is the id sent when it "
                    "was a string, else null. 400 is only for a body that is "
                    "not such an object.",
                    "operationId": "postEntries",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/EntryBatch"}
                            }
                        },
                    },
                    "responses": {
                        "200": _json("One result per entry, in the order sent.", "EntryResults"),
                        "400": BAD_REQUEST,
                        "401": UNAUTHORIZED,
                        "413": TOO_LARGE,
                    },
                },
                "get": {
                    "summary": "The caller's own entries changed, and those deleted, since "
                    "a moment",
                    "description": "Changes oldest first, at most 1000 (entries and deletions "
                    "together). Keep the latest `updated_at` or `deleted_at` "
                    "seen and pass it as `since` next time; while `more` is "
                    "true, call again at once. Drop every entry listed under "
                    "`deleted` (deletions from before the server kept them, "
                    "migration 0011, are not listed).",
                    "operationId": "getEntries",
                    "parameters": [
                        {
                            "name": "since",
                            "in": "query",
                            "required": False,
                            "description": "Leave it out for everything; when given "
                            "it must be a date-time with an offset "
                            "(an empty value is refused with 400).",
                            "schema": {"type": "string", "format": "date-time", "minLength": 1},
                        }
                    ],
                    "responses": {
                        "200": _json(
                            "Entries changed and entries deleted, oldest change first.", "EntryList"
                        ),
                        "400": _error("'since' is not a date-time with an offset."),
                        "401": UNAUTHORIZED,
                    },
                },
            },
            "/reference": {
                "get": {
                    "summary": "Areas, places and themes for the offline pickers",
                    "operationId": "getReference",
                    "responses": {
                        "200": {
                            **_json("Reference data, with an ETag.", "Reference"),
                            "headers": {"ETag": {"schema": {"type": "string"}}},
                        },
                        "304": {"description": "Not modified since the ETag in If-None-Match."},
                        "401": UNAUTHORIZED,
                    },
                }
            },
            "/privacy-check": {
                "post": {
                    "summary": "Find personal data in a text",
                    "operationId": "privacyCheck",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["text"],
                                    "properties": {"text": {"type": "string"}},
                                }
                            }
                        },
                    },
                    "responses": {
                        "200": _json(
                            "Findings, by offset in characters and in UTF-16 code units.",
                            "Findings",
                        ),
                        "400": BAD_REQUEST,
                        "401": UNAUTHORIZED,
                        "413": TOO_LARGE,
                    },
                }
            },
            **walkin_openapi.PATHS,
            "/session": {
                "get": {
                    "summary": "Who is signed in, and a fresh CSRF token for the page",
                    "operationId": "getSession",
                    "responses": {
                        "200": _json("The signed-in user.", "Session"),
                        "401": UNAUTHORIZED,
                    },
                }
            },
        },
        "components": {
            "securitySchemes": {
                "bearerAuth": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "A personal token from `flask users token`.",
                },
                "sessionCookie": {"type": "apiKey", "in": "cookie", "name": "session"},
                "csrfHeader": {"type": "apiKey", "in": "header", "name": "X-CSRFToken"},
            },
            "schemas": {
                **walkin_openapi.SCHEMAS,
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "required": ["code", "message"],
                            "properties": {
                                "code": {"type": "integer"},
                                "message": {"type": "string"},
                            },
                        }
                    },
                },
                "EntryIn": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {
                        "id": {
                            "type": "string",
                            "format": "uuid",
                            "description": "Made by the client; the same id is never saved twice, "
                            "nor again after its entry was deleted.",
                        },
                        **ENTRY_FIELDS,
                        "privacy_confirmed": {
                            "type": "boolean",
                            "default": False,
                            "description": "The worker confirmed that flagged text is no personal "
                            "data.",
                        },
                    },
                },
                "EntryBatch": {
                    "type": "object",
                    "required": ["entries"],
                    "properties": {
                        "entries": {
                            "type": "array",
                            "maxItems": 500,
                            "items": {"$ref": "#/components/schemas/EntryIn"},
                        }
                    },
                },
                "EntryResults": {
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
                                    "status": {
                                        "enum": ["created", "duplicate", "conflict", "invalid"]
                                    },
                                    "errors": {
                                        "type": "object",
                                        "additionalProperties": {"type": "string"},
                                    },
                                    "findings": {
                                        "type": "object",
                                        "description": (
                                            "For an entry the privacy guard held back: what it "
                                            "found, by field, as POST /privacy-check answers."
                                        ),
                                        "additionalProperties": {
                                            "type": "array",
                                            "items": {"$ref": "#/components/schemas/Finding"},
                                        },
                                    },
                                },
                            },
                        }
                    },
                },
                "Entry": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string", "format": "uuid"},
                        **ENTRY_FIELDS,
                        "area": {"type": "string"},
                        "sensitive": {"type": "boolean"},
                        "version": {"type": "integer"},
                        "updated_at": {"type": "string", "format": "date-time"},
                    },
                },
                "EntryList": {
                    "type": "object",
                    "required": ["entries", "deleted", "more"],
                    "properties": {
                        "entries": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Entry"},
                        },
                        "deleted": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Tombstone"},
                        },
                        "more": {"type": "boolean"},
                    },
                },
                "Tombstone": {
                    "type": "object",
                    "required": ["id", "deleted_at"],
                    "description": "An entry of the caller's that was deleted.",
                    "properties": {
                        "id": {"type": "string", "format": "uuid"},
                        "deleted_at": {"type": "string", "format": "date-time"},
                    },
                },
                "Reference": {
                    "type": "object",
                    "required": ["areas", "places", "themes", "initiatives"],
                    "properties": {
                        "areas": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "code": {"type": "string"},
                                    "name": {"type": "string"},
                                    "level": {"enum": ["gemeente", "wijk", "buurt"]},
                                    "parent": {"type": ["string", "null"]},
                                },
                            },
                        },
                        "places": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "id": {"type": "integer"},
                                    "name": {"type": "string"},
                                    "kind": {"type": "string"},
                                    "area": {"type": "string"},
                                },
                            },
                        },
                        "themes": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "slug": {"type": "string"},
                                    "sensitive": {"type": "boolean"},
                                    "name": {
                                        "type": "object",
                                        "properties": {
                                            "nl": {"type": "string"},
                                            "en": {"type": "string"},
                                        },
                                    },
                                },
                            },
                        },
                        "initiatives": {
                            "type": "array",
                            "items": initiatives_openapi.REFERENCE_ITEM,
                        },
                    },
                },
                "Finding": {
                    "type": "object",
                    "required": ["kind", "start", "end", "start_utf16", "end_utf16"],
                    "properties": {
                        "kind": {"enum": FINDING_KINDS},
                        "start": {
                            "type": "integer",
                            "minimum": 0,
                            "description": (
                                "Offset in Unicode characters (code points), as Python's "
                                "str indexes: an emoji counts once."
                            ),
                        },
                        "end": {
                            "type": "integer",
                            "minimum": 0,
                            "description": "End (exclusive), in code points.",
                        },
                        "start_utf16": {
                            "type": "integer",
                            "minimum": 0,
                            "description": (
                                "The same offset in UTF-16 code units, as JavaScript's "
                                "String.slice: an emoji counts twice. The browser's own "
                                "check (static/js/privacy.js) gives these."
                            ),
                        },
                        "end_utf16": {
                            "type": "integer",
                            "minimum": 0,
                            "description": "End (exclusive), in UTF-16 code units.",
                        },
                    },
                },
                "Findings": {
                    "type": "object",
                    "required": ["findings"],
                    "properties": {
                        "findings": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Finding"},
                        }
                    },
                },
                "Session": {
                    "type": "object",
                    "required": ["user", "csrf_token"],
                    "properties": {
                        "user": {
                            "type": "object",
                            "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
                        },
                        "csrf_token": {"type": "string"},
                    },
                },
            },
        },
    }
