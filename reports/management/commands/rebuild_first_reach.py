"""Recompute the FirstReach table from the sessions and enrolments (idempotent; PostgreSQL keeps it by triggers)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from reports import first_reach
from reports.models import FirstReach


class Command(BaseCommand):
    help = "Recompute when each person was first reached (the reports' cumulative figures read it)."

    def handle(self, *args, **options):
        if not first_reach.in_use():
            self.stdout.write("Not kept on this database: the reports count from the sessions and enrolments.")
            return
        with transaction.atomic():
            first_reach.rebuild()
        self.stdout.write(f"{FirstReach.objects.count()} people.")
