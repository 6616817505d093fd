"""Fault test: sync through a proxy that drops connections, with a server crash midway.

The app runs in a real gunicorn process on the test database (SQLite file, or PostgreSQL when
TEST_DATABASE_URL is set). A small TCP proxy in this process sits in front of it and, per
connection, passes it on or breaks it at a random point: before the request is complete, after
the server has answered but before the answer arrives, or halfway through the answer. Once, it
kills the server (SIGKILL) while a batch is being handled and starts it again. A client that
behaves like the outbox sends its entries in batches and retries everything that was not
confirmed. Every entry must arrive exactly once.
"""

import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from buurtlog.accounts import services as accounts
from buurtlog.models import Entry, utcnow

pytestmark = pytest.mark.wall_clock(reason="the server is a gunicorn process on the real clock")
ROOT = Path(__file__).resolve().parent.parent
SEED = 20261122
ENTRIES = 240
BATCH = 20
DEADLINE = 60  # seconds; the run takes about ten
PASS, REFUSE, CUT_REQUEST, DROP_RESPONSE, CUT_RESPONSE, CRASH = (
    "pass",
    "refuse",
    "cut_request",
    "drop_response",
    "cut_response",
    "crash",
)
# The first connections go through every kind of fault once, the crash among them; then chance.
FIRST = [PASS, DROP_RESPONSE, CUT_REQUEST, PASS, CUT_RESPONSE, REFUSE, PASS, CRASH]
CHANCES = {PASS: 5, REFUSE: 1, CUT_REQUEST: 1, DROP_RESPONSE: 2, CUT_RESPONSE: 2}


def free_port() -> int:
    """Return a local TCP port that is free right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """The app in a gunicorn process of its own, which can be killed and started again."""

    def __init__(self, env: dict, log: Path):
        self.env, self.log = env, log
        self.port = free_port()
        self.process = None
        self.starts = 0

    def start(self) -> None:
        """Start gunicorn and wait until it answers."""
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "--bind",
                    f"127.0.0.1:{self.port}",
                    "--workers",
                    "1",
                    "--threads",
                    "4",
                    "app:app",
                ],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
        self.starts += 1
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
            try:
                connection.request("GET", "/api/v1/openapi.json")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.1)
            finally:
                connection.close()
            assert self.process.poll() is None, self.log.read_text()[-3000:]
        raise AssertionError("the server did not start:\n" + self.log.read_text()[-3000:])

    def kill(self) -> None:
        """Kill the server and its worker at once, as a crash would."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


class FaultyProxy:
    """Forward one HTTP request per connection to the server, breaking some on purpose."""

    def __init__(self, server: Server, rng: random.Random):
        self.server, self.rng = server, rng
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.lock = threading.Lock()
        self.connections = 0
        self.faults = Counter()
        self.crashed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        """Hand every incoming connection to a thread of its own."""
        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return  # closed
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _choose(self) -> tuple[str, float]:
        """Pick this connection's fate and where to break it (a fraction), reproducibly."""
        with self.lock:
            index = self.connections
            self.connections += 1
            if index < len(FIRST):
                mode = FIRST[index]
            else:
                mode = self.rng.choices(list(CHANCES), weights=list(CHANCES.values()))[0]
            return mode, self.rng.random()

    def _handle(self, client: socket.socket) -> None:
        """Pass one request on and its answer back, unless this connection is to break."""
        mode, where = self._choose()
        client.settimeout(10)
        try:
            if mode == REFUSE:
                return
            request = read_request(client)
            try:
                upstream = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
            except OSError:
                mode = "server_down"
                return
            with upstream:
                if mode == CUT_REQUEST:
                    upstream.sendall(request[: int(len(request) * where)])
                    return
                upstream.sendall(request)
                if mode == CRASH:
                    time.sleep(where * 0.05)  # somewhere while the batch is being saved
                    self.server.kill()
                    self.crashed = True
                    client.close()
                    self.server.start()
                    return
                response = read_all(upstream)
            if mode == DROP_RESPONSE:
                return
            if mode == CUT_RESPONSE:
                client.sendall(response[: max(1, int(len(response) * where))])
                return
            client.sendall(response)
        except OSError:
            mode = "broken_" + mode
        finally:
            with self.lock:
                self.faults[mode] += 1
            client.close()

    def close(self) -> None:
        """Stop accepting connections."""
        self.listener.close()


def read_request(sock: socket.socket) -> bytes:
    """Read one HTTP request (headers and a Content-Length body) from a socket."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("client went away")
        data += chunk
    head, _sep, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _colon, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("client went away")
        body += chunk
    return head + b"\r\n\r\n" + body


def read_all(sock: socket.socket) -> bytes:
    """Read until the other side closes (the client asks for Connection: close)."""
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


class Outbox:
    """Send entries like the browser's outbox: oldest first, in batches, keep all unconfirmed."""

    def __init__(self, port: int, token: str, entries: list[dict]):
        self.port, self.token = port, token
        self.waiting = list(entries)
        self.statuses = Counter()
        self.failures = Counter()

    def post(self, batch: list[dict]) -> list[dict] | None:
        """Send one batch; return the per-entry results, or None when the send failed."""
        body = json.dumps({"entries": batch}).encode()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
        try:
            connection.request(
                "POST",
                "/api/v1/entries",
                body,
                headers={
                    "Authorization": f"Bearer {self.token}",
                    "Content-Type": "application/json",
                    "Connection": "close",
                },
            )
            response = connection.getresponse()
            data = response.read()
            if response.status != 200:
                self.failures[f"http_{response.status}"] += 1
                assert response.status >= 500, data  # a 4xx would be a bug, not a fault
                return None
            return json.loads(data)["results"]
        except (OSError, http.client.HTTPException, ValueError) as error:
            self.failures[type(error).__name__] += 1
            return None
        finally:
            connection.close()

    def sync(self, deadline: float) -> None:
        """Replay until everything is confirmed; back off a little after a failure."""
        while self.waiting:
            assert time.monotonic() < deadline, f"still waiting: {len(self.waiting)}"
            batch = self.waiting[:BATCH]
            results = self.post(batch)
            if results is None:
                time.sleep(0.05)
                continue
            assert [r["id"] for r in results] == [e["id"] for e in batch]
            confirmed = set()
            for result in results:
                self.statuses[result["status"]] += 1
                assert result["status"] in ("created", "duplicate"), result
                confirmed.add(result["id"])
            self.waiting = [e for e in self.waiting if e["id"] not in confirmed]


@pytest.fixture
def setup(app, db, make_team, make_user, make_place, make_theme):
    """Make a worker with a place, a theme and an API token (as `flask users token` does)."""
    place = make_place(name="Buurtsuper Smaragdplein")
    make_theme("eenzaamheid")
    worker = make_user(team=make_team(areas=[place.area.parent]))
    token = accounts.issue_token(worker)
    db.session.commit()
    result = {"token": token, "place": place.id, "author": worker.id}
    db.session.remove()  # hold no connection or lock while the server works
    return result


@pytest.fixture
def server(app, setup, tmp_path):
    """Run the app in gunicorn on the test database; stop it after the test."""
    env = {
        **os.environ,
        "FLASK_SECRET_KEY": "fault-test-secret",
        "FLASK_SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
    }
    env.pop("FLASK_DEBUG", None)
    server = Server(env, tmp_path / "gunicorn.log")
    server.start()
    yield server
    server.kill()


def make_entries(rng: random.Random, place: int) -> list[dict]:
    """Return the entries to send, with ids and contents drawn from the seeded generator."""
    start = utcnow() - timedelta(days=2)
    return [
        {
            "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "occurred_at": (start + timedelta(minutes=7 * n)).isoformat(),
            "place": place,
            "setting": rng.choice(["street", "shop_table", "walk_in"]),
            "kind": rng.choice(["signal", "strength", "question"]),
            "themes": ["eenzaamheid"],
            "people": rng.randint(1, 6),
            "first_contact": rng.random() < 0.3,
            "initiated_by": "resident",
            "contact_type": "resident",
            "follow_up": "none",
            "underlying_question": None,
            "note": None,
        }
        for n in range(ENTRIES)
    ]


def test_every_entry_arrives_exactly_once(app, db, setup, server):
    """Send through a faulty proxy and a server crash; find every entry exactly once."""
    token = setup["token"]
    rng = random.Random(SEED)
    entries = make_entries(rng, setup["place"])
    proxy = FaultyProxy(server, rng)
    outbox = Outbox(proxy.port, token, entries)
    started = time.monotonic()
    try:
        outbox.sync(started + DEADLINE)
    finally:
        proxy.close()
    print(
        f"synced in {time.monotonic() - started:.1f} s over {proxy.connections} connections;"
        f" proxy: {dict(proxy.faults)}; client: {dict(outbox.failures)}; "
        f"answers: {dict(outbox.statuses)}"
    )

    assert proxy.crashed and server.starts == 2
    for fault in (REFUSE, CUT_REQUEST, DROP_RESPONSE, CUT_RESPONSE):
        assert proxy.faults[fault] >= 1, proxy.faults
    # Answers lost after the server saved the batch: the retry found the entries there.
    assert outbox.statuses["duplicate"] >= BATCH, outbox.statuses
    assert sum(outbox.statuses.values()) == ENTRIES  # each confirmed once, then left alone

    db.session.rollback()
    rows = db.session.execute(select(Entry.id, Entry.people, Entry.author_id)).all()
    assert len(rows) == ENTRIES
    assert {str(row.id) for row in rows} == {e["id"] for e in entries}
    assert db.session.scalar(select(func.count(func.distinct(Entry.id)))) == ENTRIES
    assert {(str(row.id), row.people) for row in rows} == {(e["id"], e["people"]) for e in entries}
    assert {row.author_id for row in rows} == {setup["author"]}
