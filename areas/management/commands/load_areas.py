"""manage.py load_areas: create or update the administrative-area tree from areas/data/ or another province's files."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from areas.loader import AreaDataError, forget_shipped_areas, load_area_tree, read_area_files
from areas.models import Area


class Command(BaseCommand):
    help = (
        "Create or update the administrative areas, their validity dates and successors: the shipped ones "
        "(the former Quảng Nam and today's Đà Nẵng units formed from it) or another province's files "
        "(--units and --successions, written as areas/data/README.md says). Every line is checked first; "
        "one bad line and nothing is loaded. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--units", type=Path, help="A units.csv of your own (with --successions).")
        parser.add_argument("--successions", type=Path, help="A successions.csv of your own (with --units).")
        parser.add_argument("--check", action="store_true", help="Only check the files; load nothing.")
        parser.add_argument(
            "--forget-shipped",
            action="store_true",
            help="With --units: delete the shipped Quảng Nam/Đà Nẵng areas that are not in your files "
            "(refused, changing nothing, once a record points at one).",
        )

    def handle(self, *args, units=None, successions=None, check=False, forget_shipped=False, **options):
        if (units is None) != (successions is None):
            raise CommandError(_("Give both --units and --successions, or neither (the shipped files)."))
        if forget_shipped and units is None:
            raise CommandError(_("--forget-shipped goes with your own --units and --successions."))
        before = Area.objects.count()
        try:
            if check:
                found, links = read_area_files(units, successions) if units else read_area_files()
                self.stdout.write(
                    _("The files are good: %(units)s areas, %(links)s successions. Nothing was loaded.")
                    % {"units": len(found), "links": len(links)}
                )
                return
            with transaction.atomic():
                areas = load_area_tree(units_path=units, successions_path=successions)
                if forget_shipped:
                    removed = forget_shipped_areas({(area.code, area.valid_from) for area in areas.values()})
                    self.stdout.write(_("%(count)s shipped areas deleted.") % {"count": removed})
        except ProtectedError as exc:
            raise CommandError(
                _(
                    "%(count)s records already point at shipped areas, so those stay (nothing was changed): "
                    "load your files without --forget-shipped."
                )
                % {"count": len(exc.protected_objects)}
            ) from exc
        except AreaDataError as exc:
            for problem in exc.problems:
                self.stderr.write(problem)
            raise CommandError(
                ngettext(
                    "%(count)s problem in the files (listed above); nothing was loaded.",
                    "%(count)s problems in the files (listed above); nothing was loaded.",
                    len(exc.problems),
                )
                % {"count": len(exc.problems)}
            ) from exc
        self.stdout.write(
            _("%(total)s areas in the data files; %(created)s new.")
            % {"total": len(areas), "created": Area.objects.count() - before}
        )
