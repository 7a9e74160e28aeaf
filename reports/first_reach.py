"""The `FirstReach` table: kept by database triggers (PostgreSQL and SQLite alike), rebuilt on demand.

`ROWS_OF` is the rule, written once: a person is reached by taking part in a training session that
counts (its class report approved, `COUNTED_REPORT`) or enrolling in an online course, from the first
day of their first session or their first enrolment, and is filed under their profile's commune, else
its area (`Profile.filed_area`), with its gender and learner groups, while the person consents to the
programme's statistics (`accounts.privacy.consent_to_statistics`; without it: counted, with none of
these). A person's row is recomputed from it whenever one of those records or their consents are
written, moved or deleted, a session they took part in changes its first day or its report's state, or
a learner group changes its code: recomputing (not adjusting) makes every trigger idempotent. "Pupils
and students" is the learner group whose code is `students` (`Audience.STUDENTS`).

Installed by a migration (reports 0005): when the rule or the table changes, the migration that
changes it installs it again, and earlier ones stay empty, since they would run today's statements
against their day's table.

PostgreSQL runs the recomputation in a function under a per-person advisory lock (two transactions
writing one person would otherwise each miss the other's record); SQLite, which writes one
transaction at a time and has no functions, repeats the two statements in each trigger.
"""

from django.db import connection

from courses.models import Audience
from trainers.models.people import filed_area_sql

from . import tables

# Bit i of `FirstReach.learner_groups` is set for the learner group with code Audience.CODES[i];
# OTHER_GROUP for a group with any other code (so "in no group" stays exact).
GROUP_BITS = {code: i for i, (code, _label) in enumerate(Audience.CODES)}
OTHER_GROUP = 30
_BIT_OF_CODE = (
    tables.sql("CASE a.@audience.code ")
    + " ".join(f"WHEN '{code}' THEN {bit}" for code, bit in GROUP_BITS.items())
    + f" ELSE {OTHER_GROUP} END"
)

_SESSIONS_OF_PERSON = f"""FROM @participant sp JOIN @session ts ON ts.@session.id = sp.@participant.session
        WHERE sp.@participant.person = people.person_id AND {tables.counted_session("ts")}"""
_ENROLMENTS_OF_PERSON = "FROM @enrollment e WHERE e.@enrollment.user = people.person_id"
_GROUPS_OF_PROFILE = """FROM @profile_group g JOIN @audience a ON a.@audience.id = g.@profile_group.audience
               WHERE g.@profile_group.profile = pf.@profile.id"""

# Whether the statistics may use the person's area, gender and groups (accounts.privacy.consent_to_statistics):
# without it the person is still counted as reached, filed nowhere, with no gender and no group.
_CONSENTED = tables.statistics_consented("people.person_id")

# The FirstReach row of each person `{people}` (a SELECT of `person_id`) names, reached or not.
ROWS_OF = tables.sql(f"""
SELECT people.person_id,
       (SELECT min(ts.@session.starts_on) {_SESSIONS_OF_PERSON}) AS first_session_on,
       (SELECT max(ts.@session.starts_on) {_SESSIONS_OF_PERSON}) AS last_session_on,
       (SELECT min(e.@enrollment.enrolled_at) {_ENROLMENTS_OF_PERSON}) AS first_enrolled_at,
       (SELECT max(e.@enrollment.enrolled_at) {_ENROLMENTS_OF_PERSON}) AS last_enrolled_at,
       pf.@profile.id AS profile_id,
       CASE WHEN {_CONSENTED} THEN {filed_area_sql("pf")} END AS area_id,
       CASE WHEN {_CONSENTED} THEN coalesce(pf.@profile.gender, '') ELSE '' END AS gender,
       {_CONSENTED}
           AND EXISTS (SELECT 1 {_GROUPS_OF_PROFILE} AND a.@audience.code = '{Audience.STUDENTS}') AS is_student,
       CASE WHEN {_CONSENTED} THEN coalesce((SELECT sum(DISTINCT 1 << ({_BIT_OF_CODE})) {_GROUPS_OF_PROFILE}), 0)
            ELSE 0 END AS learner_groups
FROM ({{people}}) people
LEFT JOIN @profile pf ON pf.@profile.user = people.person_id
""")
# FirstReach's columns, in the order ROWS_OF selects them.
COLUMNS = [
    tables.column("first_reach", name)
    for name in (
        "person",
        "first_session_on",
        "last_session_on",
        "first_enrolled_at",
        "last_enrolled_at",
        "profile",
        "area",
        "gender",
        "is_student",
        "learner_groups",
    )
]

# Write the rows of the people `{people}` names: kept if reached, deleted if no longer.
REFRESH = tables.sql(f"""
INSERT INTO @first_reach ({", ".join(COLUMNS)})
SELECT * FROM ({ROWS_OF}) r WHERE r.first_session_on IS NOT NULL OR r.first_enrolled_at IS NOT NULL
ON CONFLICT ({COLUMNS[0]}) DO UPDATE
    SET {", ".join(f"{column} = excluded.{column}" for column in COLUMNS[1:])};
DELETE FROM @first_reach
WHERE @first_reach.person IN ({{people}})
  AND NOT EXISTS (SELECT 1 FROM @participant sp JOIN @session ts ON ts.@session.id = sp.@participant.session
                  WHERE sp.@participant.person = @first_reach.@first_reach.person AND {tables.counted_session("ts")})
  AND NOT EXISTS (SELECT 1 FROM @enrollment e WHERE e.@enrollment.user = @first_reach.@first_reach.person);
""")

# What names the people to recompute, for each table the triggers watch: (table, events, people by row).
# `{row}` is NEW or OLD.
WATCHED = [
    (
        tables.table("participant"),
        tables.sql("@participant.person, @participant.session"),
        tables.sql("SELECT {row}.@participant.person AS person_id"),
    ),
    (
        tables.table("enrollment"),
        tables.sql("@enrollment.user, @enrollment.enrolled_at"),
        tables.sql("SELECT {row}.@enrollment.user AS person_id"),
    ),
    (
        tables.table("profile"),
        tables.sql("@profile.user, @profile.area, @profile.commune, @profile.gender"),
        tables.sql("SELECT {row}.@profile.user AS person_id"),
    ),
    (
        tables.table("consent"),
        tables.sql("@consent.person, @consent.purpose, @consent.withdrawn_at"),
        tables.sql("SELECT {row}.@consent.person AS person_id"),
    ),
    (
        tables.table("profile_group"),
        None,
        tables.sql(
            "SELECT pf.@profile.user AS person_id FROM @profile pf WHERE pf.@profile.id = {row}.@profile_group.profile"
        ),
    ),
]
# Updates only: a session's first day or whether it counts (its report approved), a learner group's code.
WATCHED_UPDATES = [
    (
        tables.table("session"),
        (tables.column("session", "starts_on"), tables.column("session", "report_status")),
        tables.sql(
            "SELECT sp.@participant.person FROM @participant sp WHERE sp.@participant.session = NEW.@session.id"
        ),
    ),
    (
        tables.table("audience"),
        (tables.column("audience", "code"),),
        tables.sql(
            "SELECT pf.@profile.user AS person_id FROM @profile_group g JOIN @profile pf"
            " ON pf.@profile.id = g.@profile_group.profile WHERE g.@profile_group.audience = NEW.@audience.id"
        ),
    ),
]

# The per-person locks are striped (person id modulo LOCK_STRIPES): a statement touching many people
# (a trainer's lineage corrected, a learner group renamed) takes at most this many locks, where one
# lock per person would exhaust PostgreSQL's shared lock table ("out of shared memory").
LOCK_SPACE = "hashtext('reports_first_reach')"
LOCK_STRIPES = 1024

POSTGRESQL_FUNCTION = f"""
CREATE OR REPLACE FUNCTION reports_first_reach_refresh(p bigint) RETURNS void AS $$
BEGIN
    IF p IS NULL THEN
        RETURN;
    END IF;
    -- One recomputation of a person at a time. A second transaction writing the same person waits
    -- here until the first commits; its statements below then read what the first wrote (each
    -- statement of a function takes a fresh snapshot under READ COMMITTED), so neither overwrites
    -- the other's row with a count that misses it.
    PERFORM pg_advisory_xact_lock({LOCK_SPACE}, mod(p, {LOCK_STRIPES})::int);
    {REFRESH.format(people="SELECT p AS person_id")}
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION reports_first_reach_rows() RETURNS trigger AS $$
DECLARE
    people text := TG_ARGV[0];  -- the query naming the people of a row, the row as $1
    person bigint;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND TG_ARGV[1] = 'old and new' THEN
        FOR person IN EXECUTE people USING OLD LOOP
            PERFORM reports_first_reach_refresh(person);
        END LOOP;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        FOR person IN EXECUTE people USING NEW LOOP
            PERFORM reports_first_reach_refresh(person);
        END LOOP;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
"""


def _postgresql_triggers() -> list[tuple[str, str, str]]:
    """(name, table, statement) of each row trigger: `reports_first_reach_rows` with the query naming the row's
    people ($1: the row)."""

    def as_argument(people: str) -> str:
        query = people.format(row="($1)").replace("NEW.", "($1).")
        return "'" + query.replace("'", "''") + "'"

    triggers = []
    for table, columns, people in WATCHED:
        name = f"reports_first_reach_{table}"
        events = f"INSERT OR DELETE OR UPDATE OF {columns}" if columns else "INSERT OR DELETE OR UPDATE"
        statement = (
            f"CREATE TRIGGER {name} AFTER {events} ON {table} FOR EACH ROW "
            f"EXECUTE FUNCTION reports_first_reach_rows({as_argument(people)}, 'old and new')"
        )
        triggers.append((name, table, statement))
    for table, columns, people in WATCHED_UPDATES:
        name = f"reports_first_reach_{table}"
        changed = " OR ".join(f"OLD.{column} IS DISTINCT FROM NEW.{column}" for column in columns)
        statement = (
            f"CREATE TRIGGER {name} AFTER UPDATE OF {', '.join(columns)} ON {table} FOR EACH ROW "
            f"WHEN ({changed}) "
            f"EXECUTE FUNCTION reports_first_reach_rows({as_argument(people)}, 'new')"
        )
        triggers.append((name, table, statement))
    return triggers


def _sqlite_triggers() -> list[tuple[str, str, str]]:
    """(name, table, statement) of each row trigger, the recomputation written into each."""
    triggers = []
    for table, columns, people in WATCHED:
        of = f" OF {columns}" if columns else ""
        for event, rows in (("INSERT", ["NEW"]), ("DELETE", ["OLD"]), (f"UPDATE{of}", ["OLD", "NEW"])):
            body = "".join(REFRESH.format(people=people.format(row=row)) for row in rows)
            name = f"reports_first_reach_{table}_{event.split()[0].lower()}"
            statement = f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW BEGIN {body} END"
            triggers.append((name, table, statement))
    for table, columns, people in WATCHED_UPDATES:
        name = f"reports_first_reach_{table}_update"
        changed = " OR ".join(f"OLD.{column} IS NOT NEW.{column}" for column in columns)
        statement = (
            f"CREATE TRIGGER {name} AFTER UPDATE OF {', '.join(columns)} ON {table} FOR EACH ROW "
            f"WHEN {changed} BEGIN {REFRESH.format(people=people)} END"
        )
        triggers.append((name, table, statement))
    return triggers


# Names of the triggers and functions before the rule had one template (reports 0003), dropped on install.
_EARLIER_POSTGRESQL = tables.sql("""
DROP TRIGGER IF EXISTS reports_first_reach_participant ON @participant;
DROP TRIGGER IF EXISTS reports_first_reach_enrollment ON @enrollment;
DROP TRIGGER IF EXISTS reports_first_reach_session ON @session;
DROP TRIGGER IF EXISTS reports_first_reach_profile ON @profile;
DROP TRIGGER IF EXISTS reports_first_reach_learner_group ON @profile_group;
DROP TRIGGER IF EXISTS reports_first_reach_audience ON @audience;
DROP FUNCTION IF EXISTS reports_first_reach_session();
DROP FUNCTION IF EXISTS reports_first_reach_learner_group();
DROP FUNCTION IF EXISTS reports_first_reach_audience();
DROP FUNCTION IF EXISTS reports_first_reach_person();
""")

_EVERYONE_REACHED = tables.sql(
    "SELECT @participant.person FROM @participant UNION SELECT @enrollment.user FROM @enrollment"
)
REBUILD = [
    f"DELETE FROM {tables.table('first_reach')}",
    f"INSERT INTO {tables.table('first_reach')} ({', '.join(COLUMNS)}) SELECT * FROM "
    f"({ROWS_OF.format(people=_EVERYONE_REACHED)}) r "
    "WHERE r.first_session_on IS NOT NULL OR r.first_enrolled_at IS NOT NULL",
]


def _execute(schema_editor, statements: list[str]) -> None:
    for statement in statements:
        schema_editor.execute(statement, params=None)


def uninstall(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _execute(schema_editor, [_EARLIER_POSTGRESQL])
        drops = [f"DROP TRIGGER IF EXISTS {name} ON {table}" for name, table, _statement in _postgresql_triggers()]
        _execute(schema_editor, drops)
        _execute(schema_editor, ["DROP FUNCTION IF EXISTS reports_first_reach_rows()"])
        _execute(schema_editor, ["DROP FUNCTION IF EXISTS reports_first_reach_refresh(bigint)"])
    elif vendor == "sqlite":
        _execute(schema_editor, [f"DROP TRIGGER IF EXISTS {name}" for name, _table, _ in _sqlite_triggers()])


def install(schema_editor) -> None:
    """Create the triggers and fill the table (a migration's forward step)."""
    vendor = schema_editor.connection.vendor
    if vendor not in ("postgresql", "sqlite"):  # the databases the project runs on
        return
    uninstall(schema_editor)
    if vendor == "postgresql":
        _execute(schema_editor, [POSTGRESQL_FUNCTION, *(statement for _n, _t, statement in _postgresql_triggers())])
    else:
        _execute(schema_editor, [statement for _n, _t, statement in _sqlite_triggers()])
    _execute(schema_editor, REBUILD)


def rebuild() -> None:
    """Recompute every row from the sessions and enrolments (idempotent)."""
    with connection.cursor() as cursor:
        for statement in REBUILD:
            cursor.execute(statement)
