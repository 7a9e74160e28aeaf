"""The one definition of which records count under an area, across the reforms of 2025.

Policy (every scope, report, export, filter and notification calls this module):
- A record keeps the area it was filed under.
- A former district (huyện, thị xã, thành phố thuộc tỉnh) covers its communes and every later
  unit formed from them, following successor links through each reform, and the districts merged
  into it (Nông Sơn into Quế Sơn on 2025-01-01).
- Any other unit covers the units below it and its predecessors' records, transitively: today's
  Xã Thu Bồn covers Duy Hòa, Duy Tân and, through Duy Tân, Duy Thu. A predecessor split between
  several units (a district into four communes) passes its own records only to the unit that kept
  its code: the others cannot be attributed.
- A unit formed from communes of two former districts counts under the district of the
  predecessor whose code it kept (resolution 1659/NQ-UBTVQH15 keeps one predecessor's code for
  each new unit), so that no record counts under two districts.
- A province (or today's city) covers everything.

The tree is loaded in one query and worked out in memory: a few hundred units. Inside
`one_area_tree()` (every request: `OneAreaTreeMiddleware`) it is loaded once and shared by every
caller of `area_tree()`; outside it, each call loads the tree afresh, so a change to the areas
is seen at once.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.utils import timezone

from .models import AdminScope, Area


class AreaTree:
    """The area tree in memory: former district of every unit, and the units whose records count under one."""

    def __init__(self, today: datetime.date | None = None):
        self.today = today or timezone.localdate()
        self.areas: dict[int, Area] = {}
        self.predecessors: dict[int, list[int]] = {}
        self.successors: dict[int, list[int]] = {}
        # One query: each area once per successor link (once, with None, when it has none).
        fields = [f.attname for f in Area._meta.concrete_fields]
        for row in Area.objects.order_by("code", "valid_from", "successors").values_list(*fields, "successors"):
            *values, successor = row
            if values[0] not in self.areas:
                self.areas[values[0]] = Area.from_db(Area.objects.db, fields, values)
            if successor is not None:
                self.successors.setdefault(values[0], []).append(successor)
                self.predecessors.setdefault(successor, []).append(values[0])
        self.children: dict[int, list[int]] = {}
        for area in self.areas.values():
            if area.parent_id is not None:
                self.children.setdefault(area.parent_id, []).append(area.pk)
        # Records under a unit's children and predecessors count under the unit; a predecessor split
        # between several units (a district into four communes) only under the one that kept its code.
        self._below_or_before = {
            pk: self.children.get(pk, []) + [p for p in self.predecessors.get(pk, []) if self._passes_on(p, pk)]
            for pk in self.areas
        }
        self.district_of: dict[int, int | None] = {}
        for pk in self.areas:
            self.district_of[pk] = self._district_of(pk, seen=set())
        self._members: dict[int, frozenset[int]] = {}

    def _passes_on(self, predecessor: int, unit: int) -> bool:
        """Whether the predecessor's records become the unit's: it went wholly into it, or the unit kept its code."""
        return len(self.successors.get(predecessor, [])) == 1 or self.areas[predecessor].code == self.areas[unit].code

    def _district_of(self, pk: int, seen: set[int]) -> int | None:
        if pk in self.district_of:
            return self.district_of[pk]
        if pk in seen:
            return None
        seen.add(pk)
        area, steps = self.areas[pk], 0
        while area is not None and steps < 6:
            if area.is_district:
                return area.pk
            area = self.areas.get(area.parent_id) if area.parent_id else None
            steps += 1
        unit = self.areas[pk]
        if unit.kind == Area.PROVINCE:
            return None
        predecessors = self.predecessors.get(pk, [])
        kept_code = [p for p in predecessors if self.areas[p].code == unit.code]
        if kept_code:
            return self._district_of(kept_code[0], seen)
        districts = {self._district_of(p, seen) for p in predecessors} - {None}
        return districts.pop() if len(districts) == 1 else None

    def _closure(self, start: Iterable[int], links: dict[int, list[int]]) -> set[int]:
        found, frontier = set(start), list(start)
        while frontier:
            for nxt in links.get(frontier.pop(), []):
                if nxt not in found:
                    found.add(nxt)
                    frontier.append(nxt)
        return found

    def members(self, area: Area | int) -> set[int]:
        """Every area whose records count under `area` (itself included)."""
        pk = area if isinstance(area, int) else area.pk
        if pk not in self._members:
            self._members[pk] = frozenset(self._compute_members(pk))
        return set(self._members[pk])

    def _compute_members(self, pk: int) -> set[int]:
        area = self.areas[pk]
        if area.kind == Area.PROVINCE:
            return set(self.areas)
        if area.is_district:
            merged_in = {p for p in self._closure([pk], self.predecessors) if self.areas[p].is_district}
            return {a for a, district in self.district_of.items() if district in merged_in}
        return self._closure([pk], self._below_or_before)

    def district(self, area: Area | int | None, on: datetime.date | None = None) -> Area | None:
        """The former district a record filed under `area` counts for (None: province level or unknown).

        With `on`, a district merged before that day is followed to the district that took it over.
        """
        if area is None:
            return None
        pk = area if isinstance(area, int) else area.pk
        district = self.district_of.get(pk)
        while district is not None and on is not None and not self.areas[district].is_valid_on(on):
            later = [s for s in self.successors.get(district, []) if self.areas[s].is_district]
            if len(later) != 1:
                break
            district = later[0]
        return self.areas[district] if district is not None else None

    def current_units(self, area: Area | int, on: datetime.date | None = None) -> list[Area]:
        """The units valid `on` a day (today by default) that the area's records now belong to, following successors.

        Duy Hòa (made in 2024) → [Xã Thu Bồn]; Duy Thu → Duy Tân → [Xã Thu Bồn]; a unit that
        ended without a recorded successor is returned as it is.
        """
        on = on or self.today
        result: dict[int, Area] = {}
        seen: set[int] = set()
        frontier = [area if isinstance(area, int) else area.pk]
        while frontier:
            pk = frontier.pop()
            if pk in seen:
                continue
            seen.add(pk)
            successors = self.successors.get(pk, [])
            if self.areas[pk].is_valid_on(on) or not successors:
                result[pk] = self.areas[pk]
            else:
                frontier.extend(successors)
        return sorted(result.values(), key=lambda a: a.code)

    def districts(self) -> list[Area]:
        """Former district-level units, in code order: the rows of every report by district."""
        return sorted((a for a in self.areas.values() if a.is_district), key=lambda a: a.code)

    def choices(self, allowed: set[int] | None) -> list[Area]:
        """Former districts and today's units an administrator may filter by."""
        units = [
            a
            for a in self.areas.values()
            if (a.is_district or a.is_valid_on(self.today)) and (allowed is None or a.pk in allowed)
        ]
        return sorted(units, key=lambda a: (not a.is_district, a.kind == Area.PROVINCE, a.name))


# The tree of the request being served, once built; None outside `one_area_tree()`.
_request_memo: ContextVar[dict[str, AreaTree] | None] = ContextVar("area_tree_memo", default=None)


@contextmanager
def one_area_tree() -> Iterator[None]:
    """Within the block, `area_tree()` loads the tree once: areas do not change while one request is served."""
    token = _request_memo.set({})
    try:
        yield
    finally:
        _request_memo.reset(token)


class OneAreaTreeMiddleware:
    """One area tree per request: every scope, filter and report of the request shares it (`one_area_tree`)."""

    def __init__(self, get_response: Callable):
        self.get_response = get_response

    def __call__(self, request):
        with one_area_tree():
            return self.get_response(request)


def area_tree() -> AreaTree:
    """The area tree as of today: the request's own inside `one_area_tree()`, else freshly loaded."""
    memo = _request_memo.get()
    if memo is None:
        return AreaTree()
    if "tree" not in memo:
        memo["tree"] = AreaTree()
    return memo["tree"]


def administrators_by_area(tree: AreaTree | None = None) -> dict[int, set[int]]:
    """{area id: active administrators below the province who answer for records filed there}.

    The reverse of `members`: an administrator answers for a record when its area is among the
    members of their scope's area. Province administrators answer for everything and are left out.
    """
    scopes = list(
        AdminScope.objects.filter(user__is_active=True)
        .exclude(area__kind=Area.PROVINCE)
        .values_list("user_id", "area_id")
    )
    if not scopes:
        return {}
    tree = tree or area_tree()
    result: dict[int, set[int]] = {}
    for user_id, area_id in scopes:
        for pk in tree.members(area_id):
            result.setdefault(pk, set()).add(user_id)
    return result
