"""Help across wijken: offers and requests, the matching rule, and confirming a match.

The matching rule. An offer and a request may be paired when they share the theme, both are
open, both still have a worker as contact point, and the pair was never proposed before. When
both come from the same wijk, they may be paired only if NEITHER asked to be matched outside the
own wijk; pairs across wijken are always allowed. Suggestions come in this order: a
neighbouring wijk (another wijk of the same gemeente) first, then the own wijk (where allowed),
then wijken of other gemeenten; within each group the oldest request first, then the oldest
offer.
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import aliased, selectinload

from buurtlog.audit.services import record_event
from buurtlog.extensions import db
from buurtlog.models import Area, ExchangeItem, ExchangeMatch, Theme, User, utcnow

SUGGESTIONS_MAX = 50


def active_wijken() -> list[Area]:
    """Return the wijken in use, by gemeente and name."""
    return list(
        db.session.scalars(
            select(Area)
            .where(Area.active, Area.level == "wijk")
            .options(selectinload(Area.parent))
            .order_by(Area.parent_id, Area.name)
        )
    )


def default_wijk(user: User) -> int | None:
    """Return the first wijk of the user's team, to prefill the form."""
    if user.team is None:
        return None
    wijken = [a for a in user.team.areas if a.level == "wijk"]
    return wijken[0].id if wijken else None


def can_read(user: User, item: ExchangeItem) -> bool:
    """Tell whether the user may read the description: sensitive themes only holder and
    coordinators of the holder's team."""
    if not item.theme.sensitive or item.worker_id == user.id:
        return True
    return user.is_coordinator and item.team_id is not None and item.team_id == user.team_id


def audit_sensitive_views(user: User, items) -> None:
    """Log it when a page shows someone else's sensitive description to the user."""
    shown = sorted(
        {i.id for i in items if i.theme.sensitive and i.worker_id != user.id and can_read(user, i)}
    )
    if shown:
        record_event(
            "exchange.viewed_sensitive",
            actor=user,
            count=len(shown),
            items=",".join(map(str, shown))[:200],
        )
        db.session.commit()


def can_change(user: User, item: ExchangeItem) -> bool:
    """Tell whether the user may close the item: its holder, or a coordinator of its team."""
    if item.worker_id == user.id:
        return True
    return user.is_coordinator and item.team_id is not None and item.team_id == user.team_id


def _loaded(query):
    """Load what the lists show along with the items."""
    return query.options(
        selectinload(ExchangeItem.theme),
        selectinload(ExchangeItem.area).selectinload(Area.parent),
        selectinload(ExchangeItem.worker),
        selectinload(ExchangeItem.team),
    )


def open_items(
    kind: str | None = None, theme_id: int | None = None, area_id: int | None = None
) -> list[ExchangeItem]:
    """Return the open items of every team, newest first, optionally filtered."""
    query = select(ExchangeItem).where(ExchangeItem.status == "open")
    if kind:
        query = query.where(ExchangeItem.kind == kind)
    if theme_id:
        query = query.where(ExchangeItem.theme_id == theme_id)
    if area_id:
        query = query.where(ExchangeItem.area_id == area_id)
    return list(
        db.session.scalars(
            _loaded(query).order_by(ExchangeItem.created_at.desc(), ExchangeItem.id.desc())
        )
    )


def my_items(user: User) -> list[ExchangeItem]:
    """Return the items the user holds, open ones first, newest first."""
    return list(
        db.session.scalars(
            _loaded(select(ExchangeItem).where(ExchangeItem.worker_id == user.id)).order_by(
                ExchangeItem.status != "open",
                ExchangeItem.created_at.desc(),
                ExchangeItem.id.desc(),
            )
        )
    )


def create_item(
    user: User, kind: str, description: str, theme: Theme, wijk: Area, outside_own_wijk: bool
) -> ExchangeItem:
    """Save a new offer or request held by the user."""
    item = ExchangeItem(
        kind=kind,
        description=description.strip(),
        theme=theme,
        area=wijk,
        outside_own_wijk=outside_own_wijk,
        worker=user,
        team=user.team,
    )
    db.session.add(item)
    db.session.commit()
    return item


def close_item(user: User, item: ExchangeItem) -> None:
    """Close an item; pending proposals with it are declined. Audited for others' items."""
    item.status = "closed"
    for match in pending_for_item(item):
        match.status = "declined"
    if item.worker_id != user.id:
        record_event("exchange.item_closed", item, actor=user)
    db.session.commit()


def pair_allowed(offer: ExchangeItem, request: ExchangeItem) -> bool:
    """Apply the matching rule to one pair (see the module's docstring)."""
    if offer.kind != "offer" or request.kind != "request":
        return False
    if offer.status != "open" or request.status != "open":
        return False
    if offer.theme_id != request.theme_id:
        return False
    if offer.worker_id is None or request.worker_id is None:
        return False
    if offer.area_id == request.area_id:
        return not (offer.outside_own_wijk or request.outside_own_wijk)
    return True


def _closeness(offer: ExchangeItem, request: ExchangeItem) -> int:
    """Rank a pair: 0 a neighbouring wijk, 1 the own wijk, 2 another gemeente."""
    if offer.area_id == request.area_id:
        return 1
    return 0 if offer.area.parent_id == request.area.parent_id else 2


def suggestions(theme_id: int | None = None, user: User | None = None) -> list[tuple]:
    """Return the allowed (offer, request) pairs not proposed before, best first.

    With a user, only pairs in which the user holds the offer or the request.
    """
    offer, request = aliased(ExchangeItem), aliased(ExchangeItem)
    query = (
        select(offer, request)
        .join(
            request,
            (request.theme_id == offer.theme_id)
            & (request.kind == "request")
            & (request.status == "open")
            & request.worker_id.is_not(None),
        )
        .where(offer.kind == "offer", offer.status == "open", offer.worker_id.is_not(None))
        .where(
            or_(
                offer.area_id != request.area_id,
                ~offer.outside_own_wijk & ~request.outside_own_wijk,
            )
        )
        .where(
            ~select(ExchangeMatch.id)
            .where(ExchangeMatch.offer_id == offer.id, ExchangeMatch.request_id == request.id)
            .exists()
        )
    )
    if theme_id:
        query = query.where(offer.theme_id == theme_id)
    if user is not None:
        query = query.where(or_(offer.worker_id == user.id, request.worker_id == user.id))
    pairs = [tuple(row) for row in db.session.execute(query)]
    pairs = [p for p in pairs if pair_allowed(*p)]  # the same rule, once more, in one place
    pairs.sort(key=lambda p: (_closeness(*p), p[1].created_at, p[1].id, p[0].created_at, p[0].id))
    return pairs[:SUGGESTIONS_MAX]


def propose(user: User, offer: ExchangeItem, request: ExchangeItem) -> ExchangeMatch | None:
    """Propose a pair if the rule allows it; a holder who proposes confirms their side at once."""
    if not pair_allowed(offer, request):
        return None
    exists = db.session.scalar(
        select(ExchangeMatch.id).where(
            ExchangeMatch.offer_id == offer.id, ExchangeMatch.request_id == request.id
        )
    )
    if exists:
        return None
    now = utcnow()
    match = ExchangeMatch(
        offer=offer,
        request=request,
        proposed_by=user,
        offer_confirmed_at=now if offer.worker_id == user.id else None,
        request_confirmed_at=now if request.worker_id == user.id else None,
    )
    db.session.add(match)
    db.session.flush()
    record_event("exchange.match_proposed", match, actor=user, offer=offer.id, request=request.id)
    _settle(match)
    db.session.commit()
    return match


def is_party(user: User, match: ExchangeMatch) -> bool:
    """Tell whether the user holds the offer or the request of the match."""
    return user.id in (match.offer.worker_id, match.request.worker_id)


def waiting_for(user: User, match: ExchangeMatch) -> bool:
    """Tell whether the match waits for this user's confirmation."""
    if match.status != "proposed":
        return False
    return (match.offer.worker_id == user.id and match.offer_confirmed_at is None) or (
        match.request.worker_id == user.id and match.request_confirmed_at is None
    )


def confirm(user: User, match: ExchangeMatch) -> bool:
    """Confirm the user's side(s) of a proposed match; return whether it is now confirmed."""
    if match.status != "proposed" or not is_party(user, match):
        return False
    if not (match.offer.status == "open" and match.request.status == "open"):
        match.status = "declined"  # one side was matched or closed meanwhile
        db.session.commit()
        return False
    now = utcnow()
    if match.offer.worker_id == user.id and match.offer_confirmed_at is None:
        match.offer_confirmed_at = now
    if match.request.worker_id == user.id and match.request_confirmed_at is None:
        match.request_confirmed_at = now
    record_event("exchange.match_side_confirmed", match, actor=user)
    _settle(match)
    db.session.commit()
    return match.status == "confirmed"


def _settle(match: ExchangeMatch) -> None:
    """Confirm a match both sides agreed to: both items matched, their other proposals declined."""
    if match.offer_confirmed_at is None or match.request_confirmed_at is None:
        return
    match.status = "confirmed"
    match.offer.status = match.request.status = "matched"
    for item in (match.offer, match.request):
        for other in pending_for_item(item):
            if other.id != match.id:
                other.status = "declined"
    record_event("exchange.match_confirmed", match, offer=match.offer_id, request=match.request_id)


def decline(user: User, match: ExchangeMatch) -> bool:
    """Decline a proposed match as one of its two workers; the items stay open."""
    if match.status != "proposed" or not is_party(user, match):
        return False
    match.status = "declined"
    record_event("exchange.match_declined", match, actor=user)
    db.session.commit()
    return True


def pending_for_item(item: ExchangeItem) -> list[ExchangeMatch]:
    """Return the proposed matches the item takes part in."""
    return list(
        db.session.scalars(
            select(ExchangeMatch).where(
                ExchangeMatch.status == "proposed",
                or_(ExchangeMatch.offer_id == item.id, ExchangeMatch.request_id == item.id),
            )
        )
    )


def matches_for(user: User) -> list[ExchangeMatch]:
    """Return the matches with the user's items, waiting for the user first, newest first."""
    offer, request = aliased(ExchangeItem), aliased(ExchangeItem)
    matches = list(
        db.session.scalars(
            select(ExchangeMatch)
            .join(offer, ExchangeMatch.offer)
            .join(request, ExchangeMatch.request)
            .where(or_(offer.worker_id == user.id, request.worker_id == user.id))
            .options(
                *(
                    selectinload(rel).selectinload(sub)
                    for rel in (ExchangeMatch.offer, ExchangeMatch.request)
                    for sub in (ExchangeItem.theme, ExchangeItem.area, ExchangeItem.worker)
                )
            )
            .order_by(ExchangeMatch.created_at.desc(), ExchangeMatch.id.desc())
        )
    )
    return sorted(matches, key=lambda m: not waiting_for(user, m))
