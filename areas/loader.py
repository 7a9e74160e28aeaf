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

from django.db import models, transaction
from django.utils.translation import gettext as _

from .models import Area

DATA_DIR = Path(__file__).resolve().parent / "data"
UNITS_FILE = "units.csv"
SUCCESSIONS_FILE = "successions.csv"
KINDS = {kind for kind, _label in Area.KINDS}
STATUSES = {"verified", "unverified"}
UNIT_COLUMNS = ("key", "code", "kind", "name", "parent", "valid_from", "valid_to", "status", "source")
SUCCESSION_COLUMNS = ("predecessor", "successor", "on", "status", "source")


class AreaDataError(ValueError):
    """The data files contradict themselves; nothing was written. `problems`: one line per bad row, each
    starting with its file and line number, in the active language."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


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
    line: int = 0


@dataclasses.dataclass(frozen=True)
class SuccessionRow:
    predecessor: str
    successor: str
    on: datetime.date | None
    status: str
    source: str
    line: int = 0


class _Problems:
    """Collects every bad line of one file, so that the report names all of them at once, in line order."""

    def __init__(self, path: Path):
        self.name = path.name
        self.found: list[tuple[int, str]] = []

    def add(self, line: int | None, reasons: list) -> None:
        reasons = [r for r in reasons if r]
        if not reasons:
            return
        if line is None:
            text = _("%(file)s: %(reasons)s") % {"file": self.name, "reasons": "; ".join(reasons)}
        else:
            text = _("%(file)s line %(line)s: %(reasons)s") % {
                "file": self.name,
                "line": line,
                "reasons": "; ".join(reasons),
            }
        self.found.append((line or 0, text))

    def report_to(self, problems: list[str]) -> None:
        problems.extend(text for _line, text in sorted(self.found, key=lambda found: found[0]))


def _date(value: str, column: str, reasons: list) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        reasons.append(_("%(column)s %(value)r is not a date written YYYY-MM-DD") % {"column": column, "value": value})
        return None


def _rows(path: Path, columns: tuple[str, ...], problems: _Problems) -> list[tuple[int, dict[str, str]]]:
    """The file's rows with their line numbers (the header is line 1); [] and a problem if unreadable."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in columns if c not in (reader.fieldnames or [])]
            if missing:
                problems.add(
                    None, [_("the first line lacks the columns %(columns)s") % {"columns": ", ".join(missing)}]
                )
                return []
            rows = []
            for row in reader:
                values = {k: (v or "").strip() for k, v in row.items() if k is not None}
                if any(values.values()):  # a blank line is no unit
                    rows.append((reader.line_num, values))
            return rows
    except FileNotFoundError:
        problems.add(None, [_("no such file")])
    except UnicodeDecodeError:
        problems.add(None, [_("not UTF-8 text (save the spreadsheet as “CSV UTF-8”)")])
    except csv.Error as error:
        problems.add(None, [str(error)])
    return []


def _read_units(path: Path, problems: list[str]) -> list[UnitRow]:
    found = _Problems(path)
    units: list[UnitRow] = []
    lines_of: dict[str, int] = {}
    for line, row in _rows(path, UNIT_COLUMNS, found):
        reasons: list = []
        unit = UnitRow(
            key=row["key"],
            code=row["code"],
            kind=row["kind"],
            name=row["name"],
            parent=row["parent"],
            valid_from=_date(row["valid_from"], "valid_from", reasons),
            valid_to=_date(row["valid_to"], "valid_to", reasons),
            status=row["status"],
            source=row["source"],
            line=line,
        )
        expected_key = f"{unit.code}@{unit.valid_from.isoformat()}" if unit.valid_from else unit.code
        reasons += [
            not unit.code and _("no code"),
            unit.code
            and unit.key != expected_key
            and _("key %(key)r should be %(expected)r") % {"key": unit.key, "expected": expected_key},
            unit.kind not in KINDS
            and _("unknown kind %(kind)r (one of %(kinds)s)") % {"kind": unit.kind, "kinds": ", ".join(sorted(KINDS))},
            unit.status not in STATUSES
            and _("unknown status %(status)r (verified or unverified)") % {"status": unit.status},
            not unit.name and _("no name"),
            unit.valid_from and unit.valid_to and unit.valid_to < unit.valid_from and _("ends before it starts"),
            unit.key in lines_of
            and _("key %(key)r is already on line %(line)s") % {"key": unit.key, "line": lines_of[unit.key]},
        ]
        found.add(line, reasons)
        lines_of.setdefault(unit.key, line)
        units.append(unit)
    by_key = {u.key: u for u in units}
    for unit in units:
        if unit.parent and unit.parent not in by_key:
            found.add(unit.line, [_("unknown parent %(parent)r") % {"parent": unit.parent}])
        elif unit.parent and _loops(unit, by_key):
            found.add(unit.line, [_("its parents loop back to it")])
    found.report_to(problems)
    return units


def _read_successions(path: Path, units: list[UnitRow], problems: list[str]) -> list[SuccessionRow]:
    found = _Problems(path)
    by_key = {u.key: u for u in units}
    links = []
    for line, row in _rows(path, SUCCESSION_COLUMNS, found):
        reasons: list = []
        link = SuccessionRow(
            row["predecessor"], row["successor"], _date(row["on"], "on", reasons), row["status"], row["source"], line
        )
        before, after = by_key.get(link.predecessor), by_key.get(link.successor)
        reasons += [
            before is None and _("unknown predecessor %(key)r") % {"key": link.predecessor},
            after is None and _("unknown successor %(key)r") % {"key": link.successor},
            link.status not in STATUSES
            and _("unknown status %(status)r (verified or unverified)") % {"status": link.status},
            not row["on"] and _("no date"),
        ]
        if before and after and link.on:
            last_day = link.on - datetime.timedelta(days=1)
            reasons += [
                before.valid_to != last_day
                and _("%(key)s does not end on %(day)s") % {"key": before.key, "day": last_day},
                not (after.valid_from is None or after.valid_from <= link.on)
                and _("%(key)s starts after %(day)s") % {"key": after.key, "day": link.on},
                after.valid_to is not None
                and after.valid_to < link.on
                and _("%(key)s ends before %(day)s") % {"key": after.key, "day": link.on},
            ]
        found.add(line, reasons)
        links.append(link)
    found.report_to(problems)
    return links


def read_area_files(
    units_path: Path = DATA_DIR / UNITS_FILE, successions_path: Path = DATA_DIR / SUCCESSIONS_FILE
) -> tuple[list[UnitRow], list[SuccessionRow]]:
    """Both files, checked: AreaDataError listing every bad line of either (with its line number and why)."""
    problems: list[str] = []
    units = _read_units(Path(units_path), problems)
    links = _read_successions(Path(successions_path), units, problems)
    if problems:
        raise AreaDataError(problems)
    return units, links


def read_units(data_dir: Path = DATA_DIR) -> list[UnitRow]:
    """The unit rows, checked: unique keys, known kinds and parents, ordered dates."""
    problems: list[str] = []
    units = _read_units(data_dir / UNITS_FILE, problems)
    if problems:
        raise AreaDataError(problems)
    return units


def read_successions(data_dir: Path = DATA_DIR, units: list[UnitRow] | None = None) -> list[SuccessionRow]:
    """The succession rows, checked against the units: a link joins a unit that ends to one that exists the next day."""
    if units is None:
        return read_area_files(data_dir / UNITS_FILE, data_dir / SUCCESSIONS_FILE)[1]
    problems: list[str] = []
    links = _read_successions(data_dir / SUCCESSIONS_FILE, units, problems)
    if problems:
        raise AreaDataError(problems)
    return links


def _loops(unit: UnitRow, by_key: dict[str, UnitRow]) -> bool:
    """Whether following the unit's parents comes back to a unit already seen."""
    seen = {unit.key}
    while unit.parent in by_key:
        unit = by_key[unit.parent]
        if unit.key in seen:
            return True
        seen.add(unit.key)
    return False


def _depth(unit: UnitRow, by_key: dict[str, UnitRow]) -> int | None:
    """How many parents above the unit; None if they loop (or, in a file still to be checked, one is unknown)."""
    depth = 0
    while unit.parent:
        unit = by_key.get(unit.parent)
        depth += 1
        if unit is None or depth > 5:
            return None
    return depth


@transaction.atomic
def load_area_tree(
    data_dir: Path = DATA_DIR,
    *,
    units_path: Path | None = None,
    successions_path: Path | None = None,
    area_model=Area,
) -> dict:
    """Create or update every area and succession link in the data files; returns the areas by key.

    The files default to the shipped ones in `data_dir`; another province names its own. Nothing is
    written unless every line of both files is good (AreaDataError lists the bad ones). `area_model`:
    the data migration passes its historical model.

    A handful of queries whatever the size of the tree: existing rows are read once, then the missing
    ones are created and the changed ones updated level by level (a parent before its children).
    """
    units, links = read_area_files(units_path or data_dir / UNITS_FILE, successions_path or data_dir / SUCCESSIONS_FILE)
    by_key = {u.key: u for u in units}
    depths = {u.key: _depth(u, by_key) for u in units}
    existing = {(a.code, a.valid_from): a for a in area_model.objects.filter(code__in={u.code for u in units})}
    areas: dict = {}
    fields = ["name", "kind", "parent_id", "valid_to"]
    for depth in sorted(set(depths.values())):
        to_create, to_update = [], []
        for unit in (u for u in units if depths[u.key] == depth):
            values = {
                "name": unit.name,
                "kind": unit.kind,
                "parent_id": areas[unit.parent].pk if unit.parent else None,
                "valid_to": unit.valid_to,
            }
            area = existing.get((unit.code, unit.valid_from))
            if area is None:
                area = area_model(code=unit.code, valid_from=unit.valid_from, **values)
                to_create.append(area)
            elif any(getattr(area, f) != v for f, v in values.items()):
                for field, value in values.items():
                    setattr(area, field, value)
                to_update.append(area)
            areas[unit.key] = area
        area_model.objects.bulk_create(to_create)
        area_model.objects.bulk_update(to_update, fields)
    Through = area_model.successors.through
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


@transaction.atomic
def forget_shipped_areas(keep: set[tuple[str, datetime.date | None]]) -> int:
    """Delete the shipped tree's areas (areas/data/) except those in `keep` (code, start date); returns how many.

    For a province elsewhere, before anyone registers: communes first, then districts, then provinces.
    ProtectedError (nothing deleted) when a record already points at one of them.
    """
    units, _links = read_area_files()
    by_key = {u.key: u for u in units}
    doomed = [u for u in units if (u.code, u.valid_from) not in keep]
    removed = 0
    for depth in sorted({_depth(u, by_key) for u in doomed}, reverse=True):
        level = models.Q()
        for unit in (u for u in doomed if _depth(u, by_key) == depth):
            level |= models.Q(code=unit.code, valid_from=unit.valid_from)
        removed += Area.objects.filter(level).delete()[1].get(Area._meta.label, 0)
    return removed
