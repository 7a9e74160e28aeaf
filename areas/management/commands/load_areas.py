"""manage.py load_areas: create or update the administrative-area tree from areas/data/."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from areas.loader import AreaDataError, load_area_tree
from areas.models import Area


class Command(BaseCommand):
    help = (
        "Create or update the former Quảng Nam districts and communes and today's Đà Nẵng units formed from "
        "them, with validity dates and successors. Running it again changes nothing."
    )

    def handle(self, *args, **options):
        before = Area.objects.count()
        try:
            areas = load_area_tree()
        except AreaDataError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            _("%(total)s areas in the data files; %(created)s new.")
            % {"total": len(areas), "created": Area.objects.count() - before}
        )
