"""`CascadeReach` and `TrainerReachDay`: whom each trainer's cascade reached, kept by PostgreSQL triggers.

The rule (the cascade report's): a trainer reaches the people in the sessions they led that count
(their class report approved, `COUNTED_REPORT`), and their
cascade reaches those plus everyone reached by the trainers they trained, and so on down the
lineage (`Trainer.trained_by`). `REACH_OF_PEOPLE` is that rule for a set of people; the triggers
recompute a person's rows from it whenever something that decides them is written (their
participations, a session's trainers, first day or report state, a trainer's lineage) and adjust the per-trainer,
per-day counts by what was removed and added, so recomputing twice changes nothing. A trainer's deletion
removes their rows last (their sessions' links and their trainees' lineage are written first, each
recomputing the people concerned). The same one-person-at-a-time advisory locks as `FirstReach`
(striped, `first_reach.LOCK_STRIPES`) keep two transactions writing one person from both
subtracting the same rows.

SQLite allows no recursive query in a trigger: there the report counts live over the same rule
(`REACH_CTES`, in `reports.figures.cascade`), as on PostgreSQL for a range with both ends or a
course, which first and last days cannot answer.
"""

from django.db import connection

from . import first_reach, tables

# The rule, as common table expressions: `taught` (each person taught in a session, by each of its trainers,
# on the session's first day; `{taught}` narrows the participations `p`) and `lineage` (every trainer above each
# trainer who taught, themselves included; `{above}` may narrow the trainers walked up to).
REACH_CTES = tables.sql(f"""taught AS (
    SELECT p.@participant.person AS person_id, st.@session_trainer.trainer AS trainer_id,
           s.@session.starts_on AS starts_on
    FROM @participant p
    JOIN @session s ON s.@session.id = p.@participant.session
    JOIN @session_trainer st ON st.@session_trainer.trainingsession = p.@participant.session
    WHERE {tables.counted_session("s")} AND ({{taught}})
),
lineage(leader_id, trainer_id) AS (
    SELECT DISTINCT trainer_id, trainer_id FROM taught
    UNION
    SELECT lineage.leader_id, t.@trainer.trained_by
    FROM lineage JOIN @trainer t ON t.@trainer.id = lineage.trainer_id
    WHERE t.@trainer.trained_by IS NOT NULL{{above}}
)""")
# (trainer_id, person_id, first_on, direct_on, last_on, last_direct_on) over `taught` and `lineage`: the first
# and last day each person was taught in each trainer's cascade, and by the trainer: the rows the kept tables
# hold. Where the kept days cannot answer, the cascade report counts over the same CTEs (reports.figures).
REACH_ROWS = """SELECT lineage.trainer_id, taught.person_id,
       min(taught.starts_on), min(taught.starts_on) FILTER (WHERE lineage.trainer_id = taught.trainer_id),
       max(taught.starts_on), max(taught.starts_on) FILTER (WHERE lineage.trainer_id = taught.trainer_id)
FROM taught JOIN lineage ON lineage.leader_id = taught.trainer_id
GROUP BY lineage.trainer_id, taught.person_id"""
# The rows of the people `{people}` selects (`p.person_id …`).
REACH_OF_PEOPLE = (
    "WITH RECURSIVE " + REACH_CTES.replace("{taught}", "{people}").replace("{above}", "") + "\n" + REACH_ROWS + "\n"
)
COLUMNS = "trainer_id, person_id, first_on, direct_on, last_on, last_direct_on"

# A person's rows counted per trainer and day, added (sign 1) to or subtracted (-1) from the day counts:
# by the day each person was first reached (direct, downstream) and last reached (…_last).
COUNT_BY_DAY = """
    INSERT INTO @reach_day (trainer_id, day, direct, downstream, direct_last, downstream_last)
    SELECT trainer_id, day, {sign} * sum(direct), {sign} * sum(downstream),
           {sign} * sum(direct_last), {sign} * sum(downstream_last)
    FROM (
        SELECT trainer_id, first_on AS day, 0 AS direct, 1 AS downstream, 0 AS direct_last, 0 AS downstream_last
        FROM {rows}
        UNION ALL
        SELECT trainer_id, direct_on, 1, 0, 0, 0 FROM {rows} WHERE direct_on IS NOT NULL
        UNION ALL
        SELECT trainer_id, last_on, 0, 0, 0, 1 FROM {rows}
        UNION ALL
        SELECT trainer_id, last_direct_on, 0, 0, 1, 0 FROM {rows} WHERE last_direct_on IS NOT NULL
    ) counted
    GROUP BY trainer_id, day ORDER BY trainer_id, day
    ON CONFLICT (trainer_id, day) DO UPDATE
        SET direct = @reach_day.@reach_day.direct + EXCLUDED.direct,
            downstream = @reach_day.@reach_day.downstream + EXCLUDED.downstream,
            direct_last = @reach_day.@reach_day.direct_last + EXCLUDED.direct_last,
            downstream_last = @reach_day.@reach_day.downstream_last + EXCLUDED.downstream_last"""

# Each statement of a plpgsql function sees what the statements before it wrote; the counts are
# adjusted in trainer order so that two transactions touching the same trainers lock them alike.
REFRESH_FUNCTION = tables.sql(f"""
CREATE OR REPLACE FUNCTION reports_cascade_refresh(people bigint[]) RETURNS void AS $$
BEGIN
    people := ARRAY(SELECT DISTINCT x FROM unnest(people) x WHERE x IS NOT NULL ORDER BY x);
    IF cardinality(people) = 0 THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock({first_reach.LOCK_SPACE}, stripe)
    FROM (SELECT DISTINCT mod(x, {first_reach.LOCK_STRIPES})::int AS stripe FROM unnest(people) x) stripes
    ORDER BY stripe;
    WITH gone AS (
        DELETE FROM @cascade_reach WHERE person_id = ANY(people) RETURNING {COLUMNS}
    )
    {COUNT_BY_DAY.format(sign=-1, rows="gone")};
    WITH added AS (
        INSERT INTO @cascade_reach ({COLUMNS})
        {REACH_OF_PEOPLE.format(people="p.@participant.person = ANY(people)")}
        RETURNING {COLUMNS}
    )
    {COUNT_BY_DAY.format(sign=1, rows="added")};
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION reports_cascade_participant() RETURNS trigger AS $$
BEGIN
    PERFORM reports_cascade_refresh(CASE TG_OP
        WHEN 'INSERT' THEN ARRAY[NEW.@participant.person]
        WHEN 'DELETE' THEN ARRAY[OLD.@participant.person]
        ELSE ARRAY[OLD.@participant.person, NEW.@participant.person] END);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION reports_cascade_session() RETURNS trigger AS $$
DECLARE
    column_name text := TG_ARGV[0];
BEGIN
    PERFORM reports_cascade_refresh(ARRAY(
        SELECT p.@participant.person FROM @participant p
        WHERE p.@participant.session IN (
            (to_jsonb(OLD) ->> column_name)::bigint, (to_jsonb(NEW) ->> column_name)::bigint)));
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION reports_cascade_lineage() RETURNS trigger AS $$
BEGIN
    -- Everyone the trainer's own cascade reached gains or loses the trainers above it.
    PERFORM reports_cascade_refresh(ARRAY(
        SELECT r.person_id FROM @cascade_reach r WHERE r.trainer_id = NEW.@trainer.id));
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION reports_cascade_trainer_gone() RETURNS trigger AS $$
BEGIN
    DELETE FROM @cascade_reach WHERE trainer_id = OLD.@trainer.id;
    DELETE FROM @reach_day WHERE trainer_id = OLD.@trainer.id;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
""")

TRIGGERS = tables.sql("""
CREATE TRIGGER reports_cascade_participant
    AFTER INSERT OR DELETE OR UPDATE OF @participant.person, @participant.session ON @participant
    FOR EACH ROW EXECUTE FUNCTION reports_cascade_participant();
CREATE TRIGGER reports_cascade_session_trainer
    AFTER INSERT OR DELETE OR UPDATE ON @session_trainer
    FOR EACH ROW EXECUTE FUNCTION reports_cascade_session('@session_trainer.trainingsession');
CREATE TRIGGER reports_cascade_session_day
    AFTER UPDATE OF @session.starts_on, @session.report_status ON @session
    FOR EACH ROW WHEN (OLD.@session.starts_on IS DISTINCT FROM NEW.@session.starts_on
                       OR OLD.@session.report_status IS DISTINCT FROM NEW.@session.report_status)
    EXECUTE FUNCTION reports_cascade_session('@session.id');
CREATE TRIGGER reports_cascade_lineage
    AFTER UPDATE OF @trainer.trained_by ON @trainer
    FOR EACH ROW WHEN (OLD.@trainer.trained_by IS DISTINCT FROM NEW.@trainer.trained_by)
    EXECUTE FUNCTION reports_cascade_lineage();
CREATE TRIGGER reports_cascade_trainer_gone
    AFTER DELETE ON @trainer
    FOR EACH ROW EXECUTE FUNCTION reports_cascade_trainer_gone();
""")

DROP = tables.sql("""
DROP TRIGGER IF EXISTS reports_cascade_participant ON @participant;
DROP TRIGGER IF EXISTS reports_cascade_session_trainer ON @session_trainer;
DROP TRIGGER IF EXISTS reports_cascade_session_day ON @session;
DROP TRIGGER IF EXISTS reports_cascade_lineage ON @trainer;
DROP TRIGGER IF EXISTS reports_cascade_trainer_gone ON @trainer;
DROP FUNCTION IF EXISTS reports_cascade_participant();
DROP FUNCTION IF EXISTS reports_cascade_session();
DROP FUNCTION IF EXISTS reports_cascade_lineage();
DROP FUNCTION IF EXISTS reports_cascade_trainer_gone();
DROP FUNCTION IF EXISTS reports_cascade_refresh(bigint[]);
""")

REBUILD = tables.sql(f"""
DELETE FROM @cascade_reach;
DELETE FROM @reach_day;
INSERT INTO @cascade_reach ({COLUMNS})
{REACH_OF_PEOPLE.format(people="true")};
{COUNT_BY_DAY.format(sign=1, rows="@cascade_reach")};
""")


def in_use(using=None) -> bool:
    """Whether the tables are kept: PostgreSQL only (SQLite allows no recursive query in a trigger)."""
    return (using or connection).vendor == "postgresql"


def install(schema_editor) -> None:
    """Create the triggers and fill the tables (a migration's forward step)."""
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
    """Recompute every row from the sessions and the lineage (idempotent)."""
    if in_use():
        with connection.cursor() as cursor:
            cursor.execute(REBUILD)
