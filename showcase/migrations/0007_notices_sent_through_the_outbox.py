"""The showcase's e-mails go through the outbox (trainers.Notification): their own `*_sent_at` claims go.

What was still owed when this runs (within the two days the old sweeps kept trying, event not over) is
put in the outbox first, so that its sweeper sends it; the language of an invitation's request is lost,
so it is the site's (as the old sweep did).
"""

import datetime

from django.conf import settings
from django.db import migrations
from django.utils import timezone

OWED_FOR = datetime.timedelta(days=2)


def queue_what_is_owed(apps, schema_editor):
    Registration = apps.get_model("showcase", "Registration")
    ProjectInvitation = apps.get_model("showcase", "ProjectInvitation")
    Notification = apps.get_model("trainers", "Notification")
    now = timezone.now()
    since = now - OWED_FOR
    owed = (
        Registration.objects.filter(email__isnull=False, event__ends_at__gt=now)
        .exclude(email="")
        .exclude(status="cancelled")
    )
    rows = []
    for kind, moment, sent in (
        ("event_registration", "queued_at", "confirmation_sent_at"),
        ("event_place", "promoted_at", "promotion_sent_at"),
    ):
        for registration in owed.filter(**{f"{sent}__isnull": True, f"{moment}__gte": since}):
            rows.append(
                Notification(
                    user_id=registration.person_id,
                    address=registration.email,
                    language=registration.language,
                    kind=kind,
                    object_key=f"registration:{registration.pk}",
                    period=getattr(registration, moment).isoformat(),
                )
            )
    invitations = ProjectInvitation.objects.filter(
        status="pending", sent_at__isnull=True, address__contains="@", created_at__gte=since
    )
    for invitation in invitations:
        rows.append(
            Notification(
                address=invitation.address,
                language=settings.LANGUAGE_CODE,
                kind="project_invitation",
                object_key=f"invitation:{invitation.pk}",
            )
        )
    Notification.objects.bulk_create(rows, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [
        ("showcase", "0006_project_sessions_point_to_training"),
        ("trainers", "0021_notification_to_an_address"),
    ]

    operations = [
        migrations.RunPython(queue_what_is_owed, migrations.RunPython.noop, elidable=True),
        migrations.RemoveField(model_name="projectinvitation", name="sent_at"),
        migrations.RemoveField(model_name="registration", name="confirmation_sent_at"),
        migrations.RemoveField(model_name="registration", name="promotion_sent_at"),
    ]
