"""The throttles' counts now live in `accounts` (accounts 0002, which moved the content type): this table,
which holds only the counts of one-minute windows, is dropped."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("trainers", "0023_notification_session_review_kinds"),
        ("accounts", "0002_throttle_counts_moved_from_trainers"),
    ]

    operations = [
        migrations.DeleteModel(name="ThrottleCount"),
    ]
