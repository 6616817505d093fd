"""The initiatives register on the phone: kept by the service worker for use offline."""

from tests.browser.conftest import sign_in
from tests.browser.test_offline import WAIT_FOR_WORKER


def test_the_register_opens_offline_after_one_visit(phone, worker, make_initiative):
    """Open the register once online; offline, the service worker serves the same list."""
    make_initiative(
        name="Geheugenhuis", offer="Koffie en samen iets doen", areas=list(worker.team.areas)
    )
    sign_in(phone, worker)
    phone.evaluate(WAIT_FOR_WORKER)
    phone.goto("/initiatives/")
    assert phone.get_by_role("link", name="Geheugenhuis").is_visible()
    phone.context.set_offline(True)
    response = phone.reload()
    assert response.from_service_worker
    assert phone.get_by_role("heading", name="Initiatieven").is_visible()
    assert "Geheugenhuis" in phone.content()
