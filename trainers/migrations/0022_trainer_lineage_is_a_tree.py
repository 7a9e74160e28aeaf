"""On PostgreSQL the database itself refuses a lineage loop, whoever writes `trained_by` (even raw SQL).

A BEFORE trigger on trainers_trainer walks up from the new trainer; reaching the row being written means the
row would be trained, directly or down the cascade, by itself: the statement fails with a check violation
(`trainer_lineage_is_a_tree`), which `trainers.services` turns into a translated error. It first takes the
lineage lock (`trainers.models.people.LINEAGE_LOCK`, held to the end of the transaction), so the walk sees
every lineage change committed before it (each statement in a PL/pgSQL function reads a fresh snapshot under
READ COMMITTED) and two transactions cannot each close half of a loop. SQLite (development) allows no
recursive query in a trigger; there every write is serialised and `trainer_lineage_set` checks.
"""

from django.db import migrations

LOCK = (4901, 1)  # trainers.models.people.LINEAGE_LOCK, as it was when this migration was written

INSTALL = f"""
CREATE OR REPLACE FUNCTION trainers_trainer_lineage_is_a_tree() RETURNS trigger AS $$
BEGIN
    PERFORM pg_advisory_xact_lock({LOCK[0]}, {LOCK[1]});
    IF EXISTS (
        WITH RECURSIVE above(id) AS (
            SELECT NEW.trained_by_id
            UNION
            SELECT t.trained_by_id FROM trainers_trainer t JOIN above ON t.id = above.id
            WHERE t.trained_by_id IS NOT NULL
        )
        SELECT 1 FROM above WHERE above.id = NEW.id
    ) THEN
        -- No percent sign here: the statement goes through the driver's parameter formatting.
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'trainer_lineage_is_a_tree',
            MESSAGE = 'trainer ' || NEW.id || ' cannot be trained by trainer ' || NEW.trained_by_id
                || ', who is down their own lineage';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER trainers_trainer_lineage_is_a_tree
    BEFORE INSERT ON trainers_trainer
    FOR EACH ROW WHEN (NEW.trained_by_id IS NOT NULL)
    EXECUTE FUNCTION trainers_trainer_lineage_is_a_tree();
-- Only when the lineage changes: saving a trainer's other fields takes no lock.
CREATE TRIGGER trainers_trainer_lineage_stays_a_tree
    BEFORE UPDATE OF trained_by_id ON trainers_trainer
    FOR EACH ROW WHEN (NEW.trained_by_id IS NOT NULL AND NEW.trained_by_id IS DISTINCT FROM OLD.trained_by_id)
    EXECUTE FUNCTION trainers_trainer_lineage_is_a_tree();
"""

UNINSTALL = """
DROP TRIGGER IF EXISTS trainers_trainer_lineage_is_a_tree ON trainers_trainer;
DROP TRIGGER IF EXISTS trainers_trainer_lineage_stays_a_tree ON trainers_trainer;
DROP FUNCTION IF EXISTS trainers_trainer_lineage_is_a_tree();
"""


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(UNINSTALL)
        schema_editor.execute(INSTALL)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(UNINSTALL)


class Migration(migrations.Migration):
    dependencies = [("trainers", "0021_notification_to_an_address")]

    operations = [migrations.RunPython(install, uninstall, elidable=False)]
