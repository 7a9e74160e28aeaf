"""The triggers that keep the reports' tables are written from the models' own table and column names."""

import re

import pytest
from django.core.exceptions import FieldDoesNotExist
from django.db import connection

from reports import cascade_reach, first_reach, tables
from trainers.models import Profile
from training.models import SessionParticipant

pytestmark = pytest.mark.django_db


def test_names_in_the_kept_sql_come_from_the_models(monkeypatch):
    monkeypatch.setattr(SessionParticipant._meta, "db_table", "training_participant")
    monkeypatch.setattr(Profile._meta.get_field("commune"), "column", "former_commune_id")
    assert tables.sql("SELECT p.@participant.person FROM @participant p") == (
        "SELECT p.person_id FROM training_participant p"
    )
    assert tables.column("profile", "commune") == "former_commune_id"
    with pytest.raises(FieldDoesNotExist):  # a field that is gone fails here, not in a trigger in production
        tables.sql("@participant.no_such_field")


def test_every_table_the_triggers_name_exists_and_every_trigger_is_installed():
    existing = set(connection.introspection.table_names())
    assert {model._meta.db_table for model in tables.MODELS.values()} <= existing
    statements = [first_reach.ROWS_OF, first_reach.REFRESH, *first_reach.REBUILD]
    if cascade_reach.in_use():
        statements += [cascade_reach.REFRESH_FUNCTION, cascade_reach.TRIGGERS, cascade_reach.REBUILD]
    for statement in statements:
        assert "@" not in statement  # every name was resolved
        for table in re.findall(r"\b(?:FROM|JOIN|INTO|ON)\s+([a-z_]+_[a-z_]+)\b", statement):
            assert table in existing, table
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'")
            generated = {(name, table) for name, table, _statement in first_reach._sqlite_triggers()}
        else:
            cursor.execute(
                "SELECT tgname, relname FROM pg_trigger JOIN pg_class ON pg_class.oid = tgrelid WHERE NOT tgisinternal"
            )
            generated = {(name, table) for name, table, _statement in first_reach._postgresql_triggers()}
        installed = set(cursor.fetchall())
    assert generated <= installed
