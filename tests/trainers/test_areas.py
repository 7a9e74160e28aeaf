"""Rolling records up by former district or by today's unit, across the 2025 mergers."""

import datetime

import pytest

from trainers.models import Area, admin_area_ids

from .factories import UserFactory, areas, district_admin, province_admin

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def tree():
    return areas()


def commune(code, new=False):
    return Area.objects.get(code=code, valid_from=D(2025, 7, 1) if new else None)


def test_a_commune_rolls_up_to_its_former_district_and_to_todays_unit(tree):
    duy_hoa = commune("20611")
    assert duy_hoa.former_district() == tree["Duy Xuyên"]
    assert duy_hoa.current_units(on=D(2026, 1, 1)) == [commune("20611", new=True)]
    assert commune("20611", new=True).name == "Thu Bồn"
    # On a day before the reform, Duy Hòa is itself the current unit.
    assert duy_hoa.current_units(on=D(2024, 6, 1)) == [duy_hoa]


def test_a_merged_commune_follows_every_step(tree):
    duy_thu = commune("20602")
    assert duy_thu.current_units(on=D(2025, 3, 1)) == [commune("20608")]  # Duy Tân
    assert duy_thu.current_units(on=D(2026, 1, 1)) == [commune("20611", new=True)]  # then Xã Thu Bồn
    assert duy_thu.former_district() == tree["Duy Xuyên"]


def test_a_district_becomes_several_units(tree):
    units = tree["Duy Xuyên"].current_units(on=D(2026, 1, 1))
    assert [u.name for u in units] == ["Nam Phước", "Thu Bồn", "Duy Xuyên", "Duy Nghĩa"]


def test_todays_unit_rolls_back_to_its_former_district(tree):
    assert commune("20611", new=True).former_district() == tree["Duy Xuyên"]


def test_a_district_merged_in_january_2025(tree):
    nong_son = tree["Nông Sơn"]
    assert nong_son.former_district() == nong_son
    assert nong_son.former_district(on=D(2024, 12, 31)) == nong_son
    assert nong_son.former_district(on=D(2025, 3, 1)) == tree["Quế Sơn"]


def test_district_map_matches_the_method(tree, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        mapping = Area.objects.district_map()
    assert mapping[commune("20611").pk] == tree["Duy Xuyên"].pk
    assert mapping[commune("20611", new=True).pk] == tree["Duy Xuyên"].pk
    assert mapping[tree["province"].pk] is None
    assert mapping[tree["Tam Kỳ"].pk] == tree["Tam Kỳ"].pk


def test_admin_scope_covers_the_area_and_below(tree):
    duy_xuyen = tree["Duy Xuyên"]
    scoped = admin_area_ids(district_admin(duy_xuyen))
    assert scoped == set(Area.objects.within(duy_xuyen).values_list("pk", flat=True))
    assert commune("20611").pk in scoped and tree["Tam Kỳ"].pk not in scoped
    assert admin_area_ids(province_admin(tree["province"])) is None
    assert admin_area_ids(UserFactory()) == set()
