"""The demo's presence (issue 17): every worker present at the places they visit, in blocks
that hold the entries logged there, so presence per place can be judged on any day."""

from collections import defaultdict
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from buurtlog.demo import data
from buurtlog.models import Entry, Presence, User, utcnow


@pytest.fixture
def demo(runner):
    """Run `flask demo` once."""
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output


def test_every_worker_has_presence_blocks_holding_their_entries(demo, db):
    """Give every demo worker blocks of presence, several a week, each a few hours, all in the
    past, and every entry logged at a place inside one of its author's blocks there."""
    workers = [email for email, _, role, *_ in data.USERS if role == "worker"]
    blocks = db.session.scalars(select(Presence)).all()
    by_user = defaultdict(list)
    for block in blocks:
        by_user[block.user_id].append(block)
        assert timedelta(hours=1) <= block.ended_at - block.started_at <= timedelta(hours=4)
        assert block.ended_at <= utcnow()
    ids = dict(db.session.execute(select(User.email, User.id)).all())
    recent = utcnow() - timedelta(weeks=4)
    for email in workers:
        mine = by_user[ids[email]]
        assert sum(b.started_at >= recent for b in mine) >= 8, email  # 2+ a week
    windows = defaultdict(list)
    for block in blocks:
        windows[block.user_id, block.place_id].append((block.started_at, block.ended_at))
    entries = db.session.execute(
        select(Entry.author_id, Entry.place_id, Entry.occurred_at).where(
            Entry.place_id.is_not(None)
        )
    ).all()
    assert entries
    for author, place, at in entries:
        assert any(start <= at < end for start, end in windows[author, place])


def test_running_the_demo_again_adds_no_presence(demo, runner, db):
    """Leave the presence as it was on a second run."""
    before = db.session.scalar(select(func.count()).select_from(Presence))
    assert before
    assert runner.invoke(args=["demo"]).exit_code == 0
    assert db.session.scalar(select(func.count()).select_from(Presence)) == before


def test_presence_hours_have_a_dutch_decimal_comma(client, auth, demo, db):
    """Write the hours on the wijk page as "7,5" in Dutch, never "7.5"."""
    auth.login_as(db.session.scalar(select(User).where(User.email == "sanne@havenstad.example")))
    html = client.get(f"/wijk/{data.RISE['wijk']}").get_data(as_text=True)
    table = html[html.index('id="presence"') : html.index('id="wijk-themes"')]
    assert "Uren" in table and ",0</td>" in table and ".0</td>" not in table
