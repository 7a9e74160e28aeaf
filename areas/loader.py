"""Load the administrative-area tree from the data files in `data/` (sources: `data/README.md`).

The files are the one home of the tree: the former Quảng Nam province, its districts and communes with
their validity dates, the 2025-01-01 mergers, and today's units of Đà Nẵng formed from them on
2025-07-01. Loading upserts by (code, start date), so it can run on every deploy and as often as
wanted; it never deletes a row or a link, because records may point at them.
"""

import csv
import dataclasses
import datetime
from pathlib import Path

from django.db import transaction

from .models import Area

DATA_DIR = Path(__file__).resolve().parent / "data"
KINDS = {kind for kind, _label in Area.KINDS}
STATUSES = {"verified", "unverified"}


class AreaDataError(ValueError):
    """The data files contradict themselves; nothing was written."""


@dataclasses.dataclass(frozen=True)
class UnitRow:
    key: str  # the code, or "code@start" for a unit that reuses a code from a given day
    code: str
    kind: str
    name: str
    parent: str  # the parent's key, or "" for a province
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    status: str
    source: str


@dataclasses.dataclass(frozen=True)
class SuccessionRow:
    predecessor: str
    successor: str
    on: datetime.date
    status: str
    source: str


def _date(value: str) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def read_units(data_dir: Path = DATA_DIR) -> list[UnitRow]:
    """The unit rows, checked: unique keys, known kinds and parents, ordered dates."""
    units = []
    for line, row in enumerate(_rows(data_dir / "units.csv"), start=2):
        try:
            unit = UnitRow(
                key=row["key"],
                code=row["code"],
                kind=row["kind"],
                name=row["name"],
                parent=row["parent"],
                valid_from=_date(row["valid_from"]),
                valid_to=_date(row["valid_to"]),
                status=row["status"],
                source=row["source"],
            )
        except ValueError as error:
            raise AreaDataError(f"units.csv line {line}: {error}") from error
        expected_key = f"{unit.code}@{unit.valid_from.isoformat()}" if unit.valid_from else unit.code
        problems = [
            unit.key != expected_key and f"key {unit.key!r} should be {expected_key!r}",
            unit.kind not in KINDS and f"unknown kind {unit.kind!r}",
            unit.status not in STATUSES and f"unknown status {unit.status!r}",
            not unit.name and "no name",
            unit.valid_from and unit.valid_to and unit.valid_to < unit.valid_from and "ends before it starts",
        ]
        if any(problems):
            raise AreaDataError(f"units.csv line {line}: " + "; ".join(p for p in problems if p))
        units.append(unit)
    keys = [u.key for u in units]
    if len(keys) != len(set(keys)):
        raise AreaDataError(f"units.csv: duplicate keys {sorted({k for k in keys if keys.count(k) > 1})}")
    known = set(keys)
    for unit in units:
        if unit.parent and unit.parent not in known:
            raise AreaDataError(f"units.csv: {unit.key} names an unknown parent {unit.parent!r}")
    return units


def read_successions(data_dir: Path = DATA_DIR, units: list[UnitRow] | None = None) -> list[SuccessionRow]:
    """The succession rows, checked against the units: a link joins a unit that ends to one that exists the next day."""
    by_key = {u.key: u for u in (units if units is not None else read_units(data_dir))}
    links = []
    for line, row in enumerate(_rows(data_dir / "successions.csv"), start=2):
        link = SuccessionRow(row["predecessor"], row["successor"], _date(row["on"]), row["status"], row["source"])
        before, after = by_key.get(link.predecessor), by_key.get(link.successor)
        problems = [
            before is None and f"unknown predecessor {link.predecessor!r}",
            after is None and f"unknown successor {link.successor!r}",
            link.status not in STATUSES and f"unknown status {link.status!r}",
        ]
        if before and after and link.on:
            last_day = link.on - datetime.timedelta(days=1)
            problems += [
                before.valid_to != last_day and f"{before.key} does not end on {last_day}",
                not (after.valid_from is None or after.valid_from <= link.on) and f"{after.key} starts after {link.on}",
                after.valid_to is not None and after.valid_to < link.on and f"{after.key} ends before {link.on}",
            ]
        if link.on is None:
            problems.append("no date")
        if any(problems):
            raise AreaDataError(f"successions.csv line {line}: " + "; ".join(p for p in problems if p))
        links.append(link)
    return links


def _depth(unit: UnitRow, by_key: dict[str, UnitRow]) -> int:
    depth = 0
    while unit.parent:
        unit = by_key[unit.parent]
        depth += 1
        if depth > 5:
            raise AreaDataError(f"units.csv: the parents of {unit.key} loop")
    return depth


@transaction.atomic
def load_area_tree(data_dir: Path = DATA_DIR) -> dict[str, Area]:
    """Create or update every area and succession link in the data files; returns the areas by key.

    A handful of queries whatever the size of the tree: existing rows are read once, then the missing
    ones are created and the changed ones updated level by level (a parent before its children).
    """
    units = read_units(data_dir)
    links = read_successions(data_dir, units)
    by_key = {u.key: u for u in units}
    existing = {(a.code, a.valid_from): a for a in Area.objects.filter(code__in={u.code for u in units})}
    areas: dict[str, Area] = {}
    fields = ["name", "kind", "parent_id", "valid_to"]
    for depth in sorted({_depth(u, by_key) for u in units}):
        to_create, to_update = [], []
        for unit in (u for u in units if _depth(u, by_key) == depth):
            values = {
                "name": unit.name,
                "kind": unit.kind,
                "parent_id": areas[unit.parent].pk if unit.parent else None,
                "valid_to": unit.valid_to,
            }
            area = existing.get((unit.code, unit.valid_from))
            if area is None:
                area = Area(code=unit.code, valid_from=unit.valid_from, **values)
                to_create.append(area)
            elif any(getattr(area, f) != v for f, v in values.items()):
                for field, value in values.items():
                    setattr(area, field, value)
                to_update.append(area)
            areas[unit.key] = area
        Area.objects.bulk_create(to_create)
        Area.objects.bulk_update(to_update, fields)
    Through = Area.successors.through
    pairs = {(areas[link.predecessor].pk, areas[link.successor].pk) for link in links}
    have = set(
        Through.objects.filter(from_area__in=[a.pk for a in areas.values()]).values_list("from_area_id", "to_area_id")
    )
    Through.objects.bulk_create([Through(from_area_id=f, to_area_id=t) for f, t in sorted(pairs - have)])
    return areas


def load_areas() -> dict[str, Area]:
    """Create or update the whole area tree from the data files; returns the former districts by name.

    The tree (areas/data/) holds Duy Xuyên's 14 communes, Nông Sơn → Quế Sơn and the four
    communes that replaced Duy Xuyên exactly as the demo accounts and their records expect.
    """
    areas = load_area_tree()
    return {area.name: area for area in areas.values() if area.is_district}
