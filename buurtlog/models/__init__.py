"""The domain model of buurtlog: areas, places, themes, teams, users, entries and the audit log.

Names are English in code and Dutch in the interface; DESIGN.md has the glossary. The core
models live in `core`, those of each later feature in a module of their own (`review`, `wijk`,
`walkin`, `initiatives`, `accounts`); all are re-exported here, so `from buurtlog.models import
X` works for every model, and no module of this package imports the package itself.
"""

from buurtlog.models.accounts import RateLimitCounter, RecoveryCode, end_sessions  # noqa: F401
from buurtlog.models.core import (  # noqa: F401
    AREA_LEVELS,
    CONTACT_TYPES,
    FOLLOW_UPS,
    INITIATED_BY,
    KINDS,
    NOTE_MAX,
    PEOPLE_MAX,
    PLACE_KINDS,
    QUESTION_MAX,
    ROLES,
    SETTINGS,
    ApiToken,
    Area,
    AuditEvent,
    Entry,
    EntryTombstone,
    Place,
    Team,
    Theme,
    User,
    UTCDateTime,
    choice,
    entry_themes,
    has_sensitive_theme,
    team_areas,
    utcnow,
)
from buurtlog.models.initiatives import (  # noqa: F401
    CARRIED_BY,
    EXCHANGE_KINDS,
    EXCHANGE_STATUSES,
    INITIATIVE_STATUSES,
    MATCH_STATUSES,
    STALE_AFTER_DAYS,
    ExchangeItem,
    ExchangeMatch,
    Initiative,
    InitiativeSchedule,
    Referral,
    initiative_areas,
    initiative_themes,
)
from buurtlog.models.review import (  # noqa: F401
    DECISION_MAX,
    DECISIONS_MAX,
    LOG_NOTE_MAX,
    OUTCOMES,
    SIGNAL_STATUSES,
    WIJK_THEME_EVENTS,
    WIJK_THEME_NAME_MAX,
    WIJK_THEME_STATUSES,
    DismissedProposal,
    Review,
    SignalStatus,
    StatusChange,
    WijkTheme,
    WijkThemeNote,
    review_attendees,
    wijk_theme_entries,
)
from buurtlog.models.walkin import (  # noqa: F401
    CHECKIN_SOURCES,
    REFERRED_ELSEWHERE_MAX,
    VISITOR_KINDS,
    CheckIn,
    WalkInSchedule,
    WalkInSession,
)
from buurtlog.models.wijk import (  # noqa: F401
    PRESENCE_MAX_HOURS,
    SKETCH_MAX,
    AreaFigures,
    Presence,
    WijkSettings,
    WijkSketch,
)
