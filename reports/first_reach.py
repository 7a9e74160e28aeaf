"""The `FirstReach` table: kept by PostgreSQL triggers, rebuilt from scratch on demand.

A person's row is recomputed from their participations and enrolments whenever one of them is
written, moved or deleted, or a session they took part in changes its first day: recomputing (not
adjusting) makes every trigger idempotent. Other databases (SQLite in development) have no
triggers: the reports count from the sessions and enrolments themselves there (`in_use`).
"""

from django.db import connection

REFRESH_FUNCTION = """
CREATE OR REPLACE FUNCTION reports_first_reach_refresh(p bigint) RETURNS void AS $$
BEGIN
    IF p IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO reports_firstreach (person_id, first_session_on, first_enrolled_at)
    SELECT p, s.first_on, e.first_at
    FROM (SELECT min(ts.starts_on) AS first_on
          FROM trainers_sessionparticipant sp JOIN trainers_trainingsession ts ON ts.id = sp.session_id
          WHERE sp.person_id = p) s,
         (SELECT min(enrolled_at) AS first_at FROM courses_enrollment WHERE user_id = p) e
    WHERE s.first_on IS NOT NULL OR e.first_at IS NOT NULL
    ON CONFLICT (person_id) DO UPDATE
        SET first_session_on = EXCLUDED.first_session_on, first_enrolled_at = EXCLUDED.first_enrolled_at;
    IF NOT FOUND THEN
        DELETE FROM reports_firstreach WHERE person_id = p;
    END IF;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION reports_first_reach_person() RETURNS trigger AS $$
DECLARE
    column_name text := TG_ARGV[0];
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM reports_first_reach_refresh((to_jsonb(OLD) ->> column_name)::bigint);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM reports_first_reach_refresh((to_jsonb(NEW) ->> column_name)::bigint);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION reports_first_reach_session() RETURNS trigger AS $$
BEGIN
    PERFORM reports_first_reach_refresh(sp.person_id)
    FROM trainers_sessionparticipant sp WHERE sp.session_id = NEW.id;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
"""

TRIGGERS = """
CREATE TRIGGER reports_first_reach_participant
    AFTER INSERT OR DELETE OR UPDATE OF person_id, session_id ON trainers_sessionparticipant
    FOR EACH ROW EXECUTE FUNCTION reports_first_reach_person('person_id');
CREATE TRIGGER reports_first_reach_enrollment
    AFTER INSERT OR DELETE OR UPDATE OF user_id, enrolled_at ON courses_enrollment
    FOR EACH ROW EXECUTE FUNCTION reports_first_reach_person('user_id');
CREATE TRIGGER reports_first_reach_session
    AFTER UPDATE OF starts_on ON trainers_trainingsession
    FOR EACH ROW WHEN (OLD.starts_on IS DISTINCT FROM NEW.starts_on)
    EXECUTE FUNCTION reports_first_reach_session();
"""

DROP = """
DROP TRIGGER IF EXISTS reports_first_reach_participant ON trainers_sessionparticipant;
DROP TRIGGER IF EXISTS reports_first_reach_enrollment ON courses_enrollment;
DROP TRIGGER IF EXISTS reports_first_reach_session ON trainers_trainingsession;
DROP FUNCTION IF EXISTS reports_first_reach_session();
DROP FUNCTION IF EXISTS reports_first_reach_person();
DROP FUNCTION IF EXISTS reports_first_reach_refresh(bigint);
"""

REBUILD = """
DELETE FROM reports_firstreach;
INSERT INTO reports_firstreach (person_id, first_session_on, first_enrolled_at)
SELECT person_id, min(first_on), min(first_at) FROM (
    SELECT sp.person_id, ts.starts_on AS first_on, NULL::timestamptz AS first_at
    FROM trainers_sessionparticipant sp JOIN trainers_trainingsession ts ON ts.id = sp.session_id
    UNION ALL
    SELECT user_id, NULL, min(enrolled_at) FROM courses_enrollment GROUP BY user_id
) events
GROUP BY person_id;
"""


def in_use(using=None) -> bool:
    """Whether the table is kept (PostgreSQL) and so may stand in for the sessions and enrolments."""
    return (using or connection).vendor == "postgresql"


def install(schema_editor) -> None:
    """Create the triggers and fill the table (a migration's forward step)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(DROP)
    schema_editor.execute(REFRESH_FUNCTION)
    schema_editor.execute(TRIGGERS)
    schema_editor.execute(REBUILD)


def uninstall(schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


def rebuild() -> None:
    """Recompute every row from the sessions and enrolments (idempotent)."""
    if in_use():
        with connection.cursor() as cursor:
            cursor.execute(REBUILD)
