"""The tables and columns the reports' kept SQL reads and writes, named by the models themselves.

`sql(text)` writes `@name` as the table of the model `name` stands for (`MODELS`) and `@name.field`
as that field's column, so the triggers that keep the reports' tables are generated from the models'
own `_meta`: a renamed table or column renames it in the triggers too (installed again by the
migration that renames it), and a field that is gone fails on import, in a test, not in production.
"""

import re

from django.db import models

from accounts.models import Consent
from courses.models import Audience, Enrollment
from trainers.models import COUNTED_REPORT, Profile, Trainer
from training.models import SessionParticipant, TrainingSession

from .models import CascadeReach, FirstReach, TrainerReachDay


def _through(model: type[models.Model], field: str) -> type[models.Model]:
    return model._meta.get_field(field).remote_field.through


MODELS: dict[str, type[models.Model]] = {
    "participant": SessionParticipant,
    "session": TrainingSession,
    "session_trainer": _through(TrainingSession, "trainers"),
    "enrollment": Enrollment,
    "profile": Profile,
    "profile_group": _through(Profile, "learner_groups"),
    "audience": Audience,
    "trainer": Trainer,
    "first_reach": FirstReach,
    "cascade_reach": CascadeReach,
    "reach_day": TrainerReachDay,
    "consent": Consent,
}

_NAME = re.compile(r"@(\w+)(?:\.(\w+))?")


def table(name: str) -> str:
    return MODELS[name]._meta.db_table


def column(name: str, field: str) -> str:
    return MODELS[name]._meta.get_field(field).column


def sql(text: str) -> str:
    """`text` with `@model` and `@model.field` written as the table and the column they name."""
    return _NAME.sub(lambda m: column(m[1], m[2]) if m[2] else table(m[1]), text)


def counted_session(alias: str) -> str:
    """The condition that the session `alias` counts in reports (`COUNTED_REPORT`: its report approved)."""
    return f"{alias}.{column('session', 'report_status')} = '{COUNTED_REPORT}'"


def statistics_consented(person: str) -> str:
    """The condition that the statistics may use the attributes of the person whose id is the SQL `person`: the rule
    of `accounts.privacy.consent_to_statistics` (no answer at all yet, or consent to statistics in force)."""
    return sql(
        f"(NOT EXISTS (SELECT 1 FROM @consent c WHERE c.@consent.person = {person})"
        f" OR EXISTS (SELECT 1 FROM @consent c WHERE c.@consent.person = {person}"
        f" AND c.@consent.purpose = '{Consent.STATISTICS}' AND c.@consent.withdrawn_at IS NULL))"
    )
