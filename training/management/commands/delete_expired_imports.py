"""manage.py delete_expired_imports: delete participant lists uploaded but never confirmed or cancelled."""

from django.core.management.base import BaseCommand

from training.attendance_import.pending import EXPIRES_AFTER, delete_expired


class Command(BaseCommand):
    help = (
        f"Delete uploaded participant lists that wait for confirmation longer than "
        f"{int(EXPIRES_AFTER.total_seconds() // 60)} minutes (beat runs this every five minutes). Safe to repeat."
    )

    def handle(self, *args, **options):
        deleted = delete_expired()
        if options["verbosity"]:
            self.stdout.write(f"{deleted} expired upload(s) deleted.")
