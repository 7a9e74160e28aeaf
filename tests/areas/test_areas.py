"""Rolling records up by former district or by today's unit, across the 2025 mergers."""

import datetime

import pytest

from areas.models import Area, admin_area_ids, area_labels
from core.text import vietnamese_sort_key
from tests.trainers.factories import UserFactory, areas, district_admin, province_admin

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


def test_vietnamese_order_puts_d_stroke_after_d_and_tones_after_letters():
    names = ["Đông Giang", "Điện Bàn", "Duy Xuyên", "Đại Lộc", "Bắc Trà My"]
    assert sorted(names, key=vietnamese_sort_key) == ["Bắc Trà My", "Duy Xuyên", "Đại Lộc", "Điện Bàn", "Đông Giang"]
    tones = ["Bạ", "Bá", "Bã", "Bả", "Bà", "Ba"]
    assert sorted(tones, key=vietnamese_sort_key) == ["Ba", "Bà", "Bả", "Bã", "Bá", "Bạ"]
    # The letter outweighs the tone; ơ follows ô follows o; a shorter name first.
    assert sorted(["Ơn", "Ôn", "Ón", "On"], key=vietnamese_sort_key) == ["On", "Ón", "Ôn", "Ơn"]
    assert sorted(["Tam Xuân II", "Tam Xuân", "Tam Xuân I"], key=vietnamese_sort_key) == [
        "Tam Xuân",
        "Tam Xuân I",
        "Tam Xuân II",
    ]
    # Decomposed input (as some keyboards send it) sorts like composed input.
    assert vietnamese_sort_key("Điện Bàn")[:2] == vietnamese_sort_key("Đie\u0302\u0323n Ba\u0300n")[:2]


def test_names_display_as_people_say_them(tree):
    assert str(commune("20611", new=True)) == "Xã Thu Bồn"
    assert str(tree["Hội An"]) == "Hội An" and tree["Hội An"].full_name == "Thành phố Hội An"
    assert str(tree["Điện Bàn"]) == "Điện Bàn" and tree["Điện Bàn"].full_name == "Thị xã Điện Bàn"
    assert str(commune("20599")) == "Thị trấn Nam Phước"
    assert str(tree["province"]) == "Quảng Nam"


def test_todays_units_are_offered_in_vietnamese_order(tree):
    choices = Area.objects.current().choices()
    labels = [label for _pk, label in choices]
    assert len(labels) == 78 == len(set(labels))
    assert {pk for pk, _label in choices} == set(
        Area.objects.filter(parent=commune("20611", new=True).parent).values_list("pk", flat=True)
    )
    assert labels.index("Xã Duy Xuyên") < labels.index("Xã Đại Lộc") < labels.index("Phường Điện Bàn")
    assert labels.index("Xã Thu Bồn") < labels.index("Xã Tiên Phước")
    names = [Area.objects.get(pk=pk).name for pk, _label in choices]
    assert names == sorted(names, key=vietnamese_sort_key)
    assert "Duy Xuyên" not in labels  # the former district is not offered


def test_units_that_read_the_same_are_told_apart(tree):
    old, new = commune("20635"), commune("20635", new=True)  # Xã Duy Nghĩa before and after the reform
    que_son_district, que_son_commune = tree["Quế Sơn"], Area.objects.get(code="20641", valid_from=D(2025, 7, 1))
    labels = area_labels([old, new, que_son_district, que_son_commune], on=D(2026, 1, 1))
    assert labels[new.pk] == "Xã Duy Nghĩa"
    assert labels[old.pk] == "Xã Duy Nghĩa (Duy Xuyên, đến 30/06/2025)"
    assert labels[que_son_district.pk] == "Huyện Quế Sơn" and labels[que_son_commune.pk] == "Xã Quế Sơn"
    # Alone, each reads as people say it.
    assert area_labels([que_son_district])[que_son_district.pk] == "Quế Sơn"
    # Before the reform the old commune is the one that exists, so it keeps the plain name.
    before = area_labels([old, new], on=D(2025, 3, 1))
    assert before[old.pk] == "Xã Duy Nghĩa" and before[new.pk] == "Xã Duy Nghĩa (Đà Nẵng, từ 01/07/2025)"
