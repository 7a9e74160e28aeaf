"""Recompute the reports' kept reach tables from the records (idempotent; triggers keep them between runs).

FirstReach (when each person was first reached) and, on PostgreSQL, CascadeReach/TrainerReachDay
(whom each trainer's cascade reached): run after loading rows with triggers off (a bulk load, a
restore with --disable-triggers or session_replication_role = replica).
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from reports import cascade_reach, first_reach
from reports.models import CascadeReach, FirstReach


class Command(BaseCommand):
    help = "Recompute when each person was first reached and whom each trainer's cascade reached."

    def handle(self, *args, **options):
        with transaction.atomic():
            first_reach.rebuild()
            cascade_reach.rebuild()
        message = f"{FirstReach.objects.count()} people reached"
        if cascade_reach.in_use():
            message += f"; {CascadeReach.objects.count()} trainer–person pairs in the cascades"
        self.stdout.write(message + ".")
