"""Schemathesis against the OpenAPI document: no server errors, no answers that break it.

Schemathesis' own pytest integration does not work with pytest 9 yet, so the operations are
driven through Hypothesis directly: one property test per operation, with and without a token.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import CHECKS as REGISTRY
from schemathesis.checks import load_all_checks, not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from buurtlog.accounts import services as accounts

load_all_checks()
# Every check schemathesis has that judges one answer (the rest follow links between
# operations in a stateful run: the 401 test below covers what "ignored_auth" asks).
STATEFUL = {
    "use_after_free",
    "ensure_resource_availability",
    "ignored_auth",
    "object_level_authorization",
}
CHECKS = [c for c in REGISTRY.get_all() if c.__name__ not in STATEFUL]
# Without credentials valid data is refused as well (401), so the checks that want it taken
# do not apply.
UNSIGNED_CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def operations(app, db, make_user, make_team, make_place, make_theme):
    """Load the API's own OpenAPI document from the app, with a world to call it in."""
    place = make_place()
    make_theme("eenzaamheid")
    user = make_user(team=make_team(areas=[place.area.parent]))
    token = accounts.issue_token(user)
    db.session.commit()
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    return token, [result.ok() for result in schema.get_all_operations()]


def _run(operation, headers, examples, checks=CHECKS, mode=GenerationMode.POSITIVE):
    """Call one operation with generated data and check every answer."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def check(case):
        case.call_and_validate(headers=headers, checks=checks)

    check()


@pytest.mark.parametrize("mode", list(GenerationMode), ids=lambda m: m.value)
def test_api_conforms_to_its_document(operations, mode):
    """Call every operation with data that fits its document and with data that does not:
    no 5xx, valid data taken, invalid data refused, every answer and header as documented."""
    token, found = operations
    assert len(found) == 10  # entries (2), reference, privacy check, session, walk-in (5)
    for operation in found:
        _run(operation, {"Authorization": f"Bearer {token}"}, examples=30, mode=mode)


def test_api_without_credentials_answers_a_documented_401(operations):
    """Call every operation without credentials: a documented 401, never a server error."""
    _token, found = operations
    for operation in found:
        _run(operation, {}, examples=5, checks=UNSIGNED_CHECKS)
