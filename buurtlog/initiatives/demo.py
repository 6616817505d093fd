"""Give the demo municipality Havenstad a register of initiatives, and referrals to them.

Upserted by name, so a rerun changes nothing; some are stale on purpose (not checked for over
six months), some serve several wijken or the whole gemeente, and Kanaalzone's rising theme
"spelen" has only a paused initiative: a gap for the weekly review.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from buurtlog.extensions import db
from buurtlog.models import Area, Entry, Initiative, InitiativeSchedule, Place, Referral, Theme

REFERRALS = 60

# name, offer, audience, carried by, organisation, place, areas, themes, schedule text,
# slots (weekday, opens, closes, every weeks), contact, url, status, public, days since checked
INITIATIVES = (
    (
        "Geheugenhuis",
        "Koffie, een praatje en samen iets doen voor mensen met geheugenklachten en hun naasten.",
        "Mensen met geheugenklachten en mantelzorgers",
        "residents",
        None,
        "Wijkcentrum De Leeuw",
        ("WK990102", "WK990101"),
        ("eenzaamheid", "gezondheid"),
        "Elke woensdag 10–12 uur",
        ((2, time(10), time(12), 1),),
        "geheugenhuis@wijkcentrumdeleeuw.example",
        None,
        "active",
        True,
        20,
    ),
    (
        "Budgetmaatjes Havenstad",
        "Een getraind maatje helpt je overzicht te krijgen in je geld en post.",
        "Iedereen met geldzorgen",
        "organisation",
        "Stichting Budgetmaatjes Havenstad",
        None,
        ("GM9901",),
        ("armoede-schulden",),
        "Spreekuur elke dinsdagmiddag, verder op afspraak",
        ((1, time(13), time(15), 1),),
        "info@budgetmaatjes-havenstad.example",
        "https://budgetmaatjes-havenstad.example",
        "active",
        True,
        250,
    ),
    (
        "Taalcafé Oude Dorp",
        "Nederlands oefenen in een ontspannen sfeer, met vrijwilligers uit de buurt.",
        "Iedereen die Nederlands wil oefenen",
        "residents",
        None,
        "Bibliotheek Oude Dorp",
        ("WK990103", "WK990104"),
        ("taal", "ontmoeting"),
        "Donderdagavond, niet in de zomervakantie",
        ((3, time(19), time(20, 30), 1),),
        "Bibliotheek Oude Dorp, balie",
        None,
        "active",
        True,
        40,
    ),
    (
        "Stadstuin Parkzoom",
        "Samen tuinieren en oogsten in het park; geen ervaring nodig.",
        None,
        "residents",
        None,
        "Stadspark Havenstad",
        ("WK990104",),
        ("groen", "ontmoeting"),
        "Om de week op zaterdagochtend",
        ((5, time(10), time(13), 2),),
        None,
        None,
        "active",
        True,
        300,
    ),
    (
        "Formulierenbrigade",
        "Hulp bij formulieren, brieven van instanties en digitale zaken.",
        "Inwoners van De Weiden",
        "organisation",
        "Welzijn Havenstad",
        "Bibliotheek De Weiden",
        ("WK990102",),
        ("armoede-schulden", "digitaal"),
        "Maandagochtend inloop",
        ((0, time(9, 30), time(11, 30), 1),),
        "Welzijn Havenstad, 0800 123 4567",
        None,
        "active",
        True,
        None,
    ),
    (
        "Speelotheek Smaragdplein",
        "Speelgoed lenen en samen buiten spelen op het plein.",
        "Kinderen tot 12 en hun ouders",
        "residents",
        None,
        "Smaragdplein",
        ("WK990101",),
        ("spelen", "opvoeding"),
        "Woensdagmiddag (nu even niet: vrijwilligers gezocht)",
        ((2, time(14), time(16), 1),),
        None,
        None,
        "paused",
        True,
        90,
    ),
    (
        "Koffieochtend Buurtkamer Vogelbuurt",
        "Elke vrijdag staat de koffie klaar; binnenlopen mag altijd.",
        None,
        "residents",
        None,
        "Buurtkamer Vogelbuurt",
        ("WK990104", "WK990103"),
        ("ontmoeting", "eenzaamheid"),
        "Vrijdagochtend",
        ((4, time(10), time(12), 1),),
        "Buurtkamer Vogelbuurt",
        None,
        "active",
        True,
        10,
    ),
    (
        "Lotgenotengroep Zorgen om je hoofd",
        "Een besloten groep onder begeleiding van een ggz-professional.",
        "Volwassenen met psychische klachten",
        "organisation",
        "GGZ Havenstad",
        None,
        ("GM9901",),
        ("psychische-gezondheid",),
        "Om de week, op aanmelding",
        ((1, time(19), time(21), 2),),
        "aanmelden@ggz-havenstad.example",
        None,
        "active",
        False,
        60,
    ),
)


def load_initiatives(today: date) -> int:
    """Upsert the demo register and refer some demo entries once; return the initiatives added."""
    areas = {a.code: a for a in db.session.scalars(select(Area))}
    if "GM9901" not in areas:
        return 0
    places = {p.name: p for p in db.session.scalars(select(Place))}
    themes = {t.slug: t for t in db.session.scalars(select(Theme))}
    known = {
        i.name: i
        for i in db.session.scalars(
            select(Initiative).where(Initiative.name.in_([row[0] for row in INITIATIVES]))
        )
    }
    added = 0
    for (
        name,
        offer,
        audience,
        carried_by,
        organisation,
        place,
        codes,
        slugs,
        text,
        slots,
        contact,
        url,
        status,
        public,
        checked,
    ) in INITIATIVES:
        if name in known:
            continue  # keep what was changed in the app since the last load
        db.session.add(
            Initiative(
                name=name,
                offer=offer,
                audience=audience,
                carried_by=carried_by,
                organisation=organisation,
                place=places[place] if place else None,
                areas=[areas[c] for c in codes],
                themes=[themes[s] for s in slugs],
                schedule_text=text,
                contact=contact,
                url=url,
                status=status,
                public=public,
                last_checked_on=None if checked is None else today - timedelta(days=checked),
                schedules=[
                    InitiativeSchedule(weekday=d, opens_at=o, closes_at=c, every_weeks=n)
                    for d, o, c, n in slots
                ],
            )
        )
        added += 1
    db.session.flush()
    _refer_entries(areas)
    return added


def _refer_entries(areas: dict[str, Area]) -> None:
    """Refer demo entries marked "refer" to a fitting active initiative, once."""
    initiatives = db.session.scalars(
        select(Initiative)
        .where(Initiative.name.in_([row[0] for row in INITIATIVES]), Initiative.status == "active")
        .options(selectinload(Initiative.themes), selectinload(Initiative.areas))
    ).all()
    if db.session.scalar(
        select(Referral.id).where(Referral.initiative_id.in_([i.id for i in initiatives])).limit(1)
    ):
        return
    entries = db.session.scalars(
        select(Entry)
        .where(
            Entry.follow_up == "refer",
            Entry.area_id.in_(
                [a.id for a in areas.values() if a.code.startswith(("WK9901", "BU9901"))]
            ),
        )
        .options(selectinload(Entry.themes), selectinload(Entry.area), selectinload(Entry.author))
        .order_by(Entry.occurred_at)
    ).all()
    made = 0
    for entry in entries:
        wijk = entry.area.wijk
        for initiative in initiatives:
            serves = {a.code for a in initiative.areas}
            if (
                wijk is not None
                and (wijk.code in serves or "GM9901" in serves)
                and set(entry.themes) & set(initiative.themes)
            ):
                db.session.add(
                    Referral(
                        initiative=initiative,
                        entry=entry,
                        team_id=entry.team_id,
                        created_by=entry.author,
                        created_at=entry.occurred_at,
                    )
                )
                made += 1
                break
        if made >= REFERRALS:
            break
