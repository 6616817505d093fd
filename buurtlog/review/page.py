"""The review page as its template needs it: the period asked for, the page's data, its
forms, and the audit of sensitive signals shown."""

from flask import render_template
from flask_babel import get_locale
from flask_login import current_user

from buurtlog.audit.services import record_event
from buurtlog.entries.services import today
from buurtlog.extensions import db
from buurtlog.initiatives import gaps
from buurtlog.review import proposals, record, services
from buurtlog.review.forms import BulkForm, MeetingForm, ProposalForm
from buurtlog.review.period import LONG_PERIOD, period_of, period_values, tz, weeks_shown
from buurtlog.review.rows import row_context

OPPORTUNITIES = 5  # the largest gaps the page's card names


def render_page(team, args, status=200, **forms):
    """Render the review page for the period in `args`, with forms that came back invalid."""
    period, period_form, wijk, theme = period_of(team, args)
    zone, day = tz(), today(tz())
    narrowed = wijk is not None or theme is not None
    user = current_user._get_current_object()  # read thousands of times: no proxy
    page = services.build_page(
        user,
        team,
        period,
        zone,
        wijk,
        theme,
        limit=None if narrowed else services.ROW_LIMIT,
        collapse=not narrowed and period.end - period.start > LONG_PERIOD,
    )
    runs = services.can_run(current_user, team)
    members = page.people.members
    open_themes = [t for t in page.wijk_themes.values() if t.status != "closed"]
    values = period_values(args)
    bulk = forms.get("bulk")
    if runs and bulk is None:
        bulk = BulkForm(formdata=None, members=members, wijk_themes=open_themes, data=values)
    proposal_forms = proposal_forms_for(page, values, forms.get("proposal")) if runs else {}
    start_form = forms.get("start_form")
    if runs and start_form is None and period.running is None:
        start_form = MeetingForm(
            formdata=None,
            members=members,
            data={"held_on": day, "attendees": [m.id for m in members]},
        )
    ui = row_context(
        page.people,
        zone,
        runs,
        forms.get("selected", ()),
        {str(i) for i in forms.get("conflict", ())},
    )
    # The card names no initiatives elsewhere: the opportunities page does.
    opportunities = gaps.for_user(user, elsewhere=False)
    html = render_template(
        "review/index.html",
        team=team,
        page=page,
        period_form=period_form,
        runs=runs,
        bulk=bulk,
        start_form=start_form,
        proposal_forms=proposal_forms,
        ui=ui,
        follow=record.follow_through(period.previous, user, page.people, page.statuses),
        values=values,
        weeks=weeks_shown(period, day, zone),
        narrowed=narrowed,
        members=members,
        today=day,
        attention_limit=None if args.get("overdue") == "all" else services.ATTENTION_LIMIT,
        names={
            p.key: proposals.suggested_name(p, page.people, str(get_locale()))
            for p in page.proposals()
        },
        opportunities=sorted(opportunities, key=lambda g: -g.total)[:OPPORTUNITIES],
        all_gaps=len(opportunities),
    )
    # Audited after rendering: the commit expires every object the page reads.
    if page.shown_sensitive:
        record_event(
            "review.viewed_sensitive",
            team,
            count=len(page.shown_sensitive),
            entries=",".join(page.shown_sensitive),
        )
        db.session.commit()
    return html, status


def proposal_forms_for(page, values, invalid) -> dict[str, ProposalForm]:
    """Make a form for each proposal of similar words, with ids of its own.

    A proposal of a wijk and theme is confirmed or dismissed with one button, so it needs none.
    """
    forms, locale = {}, str(get_locale())
    for n, found in enumerate(p for p in page.proposals() if p.reason == "words"):
        if invalid is not None and invalid.key.data == found.key:
            form = invalid
        else:
            form = ProposalForm(
                formdata=None,
                data={
                    **values,
                    "key": found.key,
                    "listed": "1" if len(found.entry_ids) <= services.LIST_LIMIT else "",
                    "keep": list(found.entry_ids),
                    "name": proposals.suggested_name(found, page.people, locale),
                },
            )
        for field in form:
            field.id = field.label.field_id = f"p{n}-{field.name}"
        forms[found.key] = form
    return forms
