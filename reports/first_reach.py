"""The `FirstReach` table: kept by PostgreSQL triggers, rebuilt from scratch on demand.

A person's row is recomputed from their participations, enrolments and profile whenever one of
them is written, moved or deleted, a session they took part in changes its first day, or their
learner groups change: recomputing (not adjusting) makes every trigger idempotent. "Pupils and
students" is the learner group whose code is `students` (`Audience.STUDENTS`). Other databases
(SQLite in development) have no triggers: the reports count from the sessions and enrolments
themselves there (`in_use`).
"""

from django.db import connection

from courses.models import Audience

# Bit i of `FirstReach.learner_groups` is set for the learner group with code Audience.CODES[i];
# OTHER_GROUP for a group with any other code (so "in no group" stays exact).
GROUP_BITS = {code: i for i, (code, _label) in enumerate(Audience.CODES)}
OTHER_GROUP = 30
_BIT_OF_CODE = (
    "CASE a.code "
    + " ".join(f"WHEN '{code}' THEN {bit}" for code, bit in GROUP_BITS.items())
    + f" ELSE {OTHER_GROUP} END"
)
_GROUPS_OF_PROFILE = f"""(SELECT coalesce(bit_or(1 << ({_BIT_OF_CODE})), 0)
        FROM trainers_profile_learner_groups g JOIN courses_audience a ON a.id = g.audience_id
        WHERE g.profile_id = pf.id)"""

REFRESH_FUNCTION = f"""
CREATE OR REPLACE FUNCTION reports_first_reach_refresh(p bigint) RETURNS void AS $$
BEGIN
    IF p IS NULL THEN
        RETURN;
    END IF;
    -- One recomputation of a person at a time. A second transaction writing the same person waits
    -- here until the first commits; its queries below then read what the first wrote (each
    -- statement of a function takes a fresh snapshot under READ COMMITTED), so neither overwrites
    -- the other's row with a count that misses it.
    PERFORM pg_advisory_xact_lock(hashtext('reports_first_reach'), mod(p, 2147483647)::int);
    INSERT INTO reports_firstreach (person_id, first_session_on, first_enrolled_at, profile_id, area_id, gender,
                                    is_student, learner_groups)
    SELECT p, s.first_on, e.first_at, pr.id, pr.area_key, coalesce(pr.gender, ''), coalesce(pr.is_student, false),
           coalesce(pr.learner_groups, 0)
    FROM (SELECT min(ts.starts_on) AS first_on
          FROM trainers_sessionparticipant sp JOIN trainers_trainingsession ts ON ts.id = sp.session_id
          WHERE sp.person_id = p) s
    CROSS JOIN (SELECT min(enrolled_at) AS first_at FROM courses_enrollment WHERE user_id = p) e
    LEFT JOIN LATERAL (
        SELECT pf.id, coalesce(pf.commune_id, pf.area_id) AS area_key, pf.gender,
               EXISTS (SELECT 1 FROM trainers_profile_learner_groups g JOIN courses_audience a ON a.id = g.audience_id
                       WHERE g.profile_id = pf.id AND a.code = 'students') AS is_student,
               {_GROUPS_OF_PROFILE} AS learner_groups
        FROM trainers_profile pf WHERE pf.user_id = p
    ) pr ON true
    WHERE s.first_on IS NOT NULL OR e.first_at IS NOT NULL
    ON CONFLICT (person_id) DO UPDATE
        SET first_session_on = EXCLUDED.first_session_on, first_enrolled_at = EXCLUDED.first_enrolled_at,
            profile_id = EXCLUDED.profile_id, area_id = EXCLUDED.area_id, gender = EXCLUDED.gender,
            is_student = EXCLUDED.is_student, learner_groups = EXCLUDED.learner_groups;
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

CREATE OR REPLACE FUNCTION reports_first_reach_learner_group() RETURNS trigger AS $$
BEGIN
    PERFORM reports_first_reach_refresh(pf.user_id)
    FROM trainers_profile pf
    WHERE pf.id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.profile_id ELSE NEW.profile_id END);
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

CREATE OR REPLACE FUNCTION reports_first_reach_audience() RETURNS trigger AS $$
BEGIN
    PERFORM reports_first_reach_refresh(pf.user_id)
    FROM trainers_profile_learner_groups g JOIN trainers_profile pf ON pf.id = g.profile_id
    WHERE g.audience_id = NEW.id;
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
CREATE TRIGGER reports_first_reach_profile
    AFTER INSERT OR DELETE OR UPDATE OF user_id, area_id, commune_id, gender ON trainers_profile
    FOR EACH ROW EXECUTE FUNCTION reports_first_reach_person('user_id');
CREATE TRIGGER reports_first_reach_learner_group
    AFTER INSERT OR DELETE OR UPDATE ON trainers_profile_learner_groups
    FOR EACH ROW EXECUTE FUNCTION reports_first_reach_learner_group();
CREATE TRIGGER reports_first_reach_session
    AFTER UPDATE OF starts_on ON trainers_trainingsession
    FOR EACH ROW WHEN (OLD.starts_on IS DISTINCT FROM NEW.starts_on)
    EXECUTE FUNCTION reports_first_reach_session();
CREATE TRIGGER reports_first_reach_audience
    AFTER UPDATE OF code ON courses_audience
    FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code)
    EXECUTE FUNCTION reports_first_reach_audience();
"""

DROP = """
DROP TRIGGER IF EXISTS reports_first_reach_participant ON trainers_sessionparticipant;
DROP TRIGGER IF EXISTS reports_first_reach_enrollment ON courses_enrollment;
DROP TRIGGER IF EXISTS reports_first_reach_session ON trainers_trainingsession;
DROP TRIGGER IF EXISTS reports_first_reach_profile ON trainers_profile;
DROP TRIGGER IF EXISTS reports_first_reach_learner_group ON trainers_profile_learner_groups;
DROP TRIGGER IF EXISTS reports_first_reach_audience ON courses_audience;
DROP FUNCTION IF EXISTS reports_first_reach_session();
DROP FUNCTION IF EXISTS reports_first_reach_learner_group();
DROP FUNCTION IF EXISTS reports_first_reach_audience();
DROP FUNCTION IF EXISTS reports_first_reach_person();
DROP FUNCTION IF EXISTS reports_first_reach_refresh(bigint);
"""

REBUILD = f"""
DELETE FROM reports_firstreach;
INSERT INTO reports_firstreach (person_id, first_session_on, first_enrolled_at, profile_id, area_id, gender,
                                is_student, learner_groups)
SELECT r.person_id, r.first_on, r.first_at, pf.id, coalesce(pf.commune_id, pf.area_id), coalesce(pf.gender, ''),
       pf.id IS NOT NULL AND EXISTS (
           SELECT 1 FROM trainers_profile_learner_groups g JOIN courses_audience a ON a.id = g.audience_id
           WHERE g.profile_id = pf.id AND a.code = 'students'),
       coalesce({_GROUPS_OF_PROFILE}, 0)
FROM (
    SELECT person_id, min(first_on) AS first_on, min(first_at) AS first_at FROM (
        SELECT sp.person_id, min(ts.starts_on) AS first_on, NULL::timestamptz AS first_at
        FROM trainers_sessionparticipant sp JOIN trainers_trainingsession ts ON ts.id = sp.session_id
        GROUP BY sp.person_id
        UNION ALL
        SELECT user_id, NULL, min(enrolled_at) FROM courses_enrollment GROUP BY user_id
    ) events
    GROUP BY person_id
) r
LEFT JOIN trainers_profile pf ON pf.user_id = r.person_id;
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
