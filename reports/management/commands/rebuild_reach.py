"""Recompute the reports' kept reach tables from the records (idempotent; PostgreSQL keeps them by triggers).

FirstReach (when each person was first reached) and CascadeReach/TrainerReach (whom each trainer's
cascade reached): run after restoring rows written with triggers off (a bulk load, a restore with
session_replication_role = replica).
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from reports import cascade_reach, first_reach
from reports.models import CascadeReach, FirstReach


class Command(BaseCommand):
    help = "Recompute when each person was first reached and whom each trainer's cascade reached."

    def handle(self, *args, **options):
        if not first_reach.in_use():
            self.stdout.write("Not kept on this database: the reports count from the records themselves.")
            return
        with transaction.atomic():
            first_reach.rebuild()
            cascade_reach.rebuild()
        self.stdout.write(
            f"{FirstReach.objects.count()} people reached; {CascadeReach.objects.count()} trainer–person pairs."
        )
