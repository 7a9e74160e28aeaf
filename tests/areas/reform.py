"""The 2025 reform as the roll-up and report tests meet it: one tree, built once for both."""

import datetime

from areas.models import Area
from tests.trainers.factories import areas

REFORM = datetime.date(2025, 7, 1)


def reform_tree() -> dict[str, Area]:
    """The shipped area tree: the former districts by name and "province" (`areas()`), and three communes.

    - "Duy Hòa": a commune of the former district Duy Xuyên (code 20611, until the 2025-07-01 reform);
    - "Duy Thu": a Duy Xuyên commune merged into Duy Tân on 2025-01-01, so two reforms before today;
    - "Xã Thu Bồn": today's commune formed from Duy Hòa, Duy Tân and others, keeping Duy Hòa's code.
    Merged districts come with `areas()`: Nông Sơn was merged into Quế Sơn.
    """
    tree = areas()
    tree["Duy Hòa"] = Area.objects.get(code="20611", valid_from=None)
    tree["Duy Thu"] = Area.objects.get(code="20602")
    tree["Xã Thu Bồn"] = Area.objects.get(code="20611", valid_from=REFORM)
    return tree
