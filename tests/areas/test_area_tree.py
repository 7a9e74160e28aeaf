"""The area tree shipped in areas/data/: counts, the 2025 mergers, succession paths, idempotent loading."""

import datetime
import shutil

import pytest
from django.core.management import call_command
from django.utils import translation

from areas.loader import DATA_DIR, AreaDataError, load_area_tree
from areas.models import Area

pytestmark = pytest.mark.django_db
D = datetime.date
COMMUNE_KINDS = (Area.WARD, Area.COMMUNE, Area.TOWNSHIP)
TODAY = D(2026, 1, 1)


@pytest.fixture
def tree():
    return load_area_tree()


def test_eighteen_former_districts_until_the_january_2025_merger(tree):
    on_last_day = Area.objects.districts().valid_on(D(2024, 12, 31))
    assert on_last_day.count() == 18
    assert set(on_last_day.values_list("kind", flat=True)) == {Area.CITY, Area.TOWN, Area.DISTRICT}
    assert Area.objects.districts().valid_on(D(2025, 1, 1)).count() == 17
    assert not Area.objects.districts().current(on=TODAY).exists()  # the district level ended on 30/06/2025
    assert Area.objects.filter(kind__in=COMMUNE_KINDS).valid_on(D(2024, 12, 31)).count() == 241
    assert Area.objects.filter(kind__in=COMMUNE_KINDS).valid_on(D(2025, 6, 30)).count() == 233


def test_nong_son_communes_are_under_que_son_from_january_2025(tree):
    nong_son, que_son = tree["519"], tree["509"]
    assert nong_son.valid_to == D(2024, 12, 31) and list(nong_son.successors.all()) == [que_son]
    old = Area.objects.filter(parent=nong_son)
    assert old.count() == 6 and all(c.valid_to == D(2024, 12, 31) for c in old)
    for commune in old:
        (follower,) = commune.current_units(on=D(2025, 3, 1))
        assert follower.parent == que_son and follower.valid_from == D(2025, 1, 1)
        assert commune.former_district(on=D(2025, 3, 1)) == que_son
    assert Area.objects.filter(parent=que_son).valid_on(D(2025, 3, 1)).count() == 13 + 5  # Sơn Viên into Quế Lộc
    assert tree["20672"].current_units(on=D(2025, 3, 1)) == [tree["20671@2025-01-01"]]


def test_every_former_commune_leads_to_todays_units(tree):
    da_nang = tree["48"]
    former = Area.objects.filter(kind__in=COMMUNE_KINDS, valid_from__isnull=True)
    assert former.count() == 241
    for commune in former:
        units = commune.current_units(on=TODAY)
        assert len(units) == 1, commune
        assert units[0].parent == da_nang and units[0].valid_from == D(2025, 7, 1)


def test_todays_units_carry_the_code_of_one_predecessor(tree):
    today = Area.objects.current(on=TODAY).prefetch_related("predecessors")
    assert today.count() == 78
    assert today.filter(kind=Area.WARD).count() == 11
    for unit in today:
        assert unit.code in {p.code for p in unit.predecessors.all()}, unit
        assert unit.former_district() is not None, unit  # each was formed within one former district


def test_known_mapping_error_is_not_repeated(tree):
    # NQ 1659 §59: the Quảng Nam xã Phước Ninh went into Xã Quế Phước only, not into Phường Hải Châu.
    assert [str(u) for u in tree["20669"].current_units(on=TODAY)] == ["Xã Quế Phước"]
    assert not Area.objects.filter(code="20674").exists()  # a GSO listing error, see areas/data/README.md


def test_the_demo_subtree_is_unchanged(tree):
    duy_xuyen = tree["508"]
    communes = Area.objects.filter(parent=duy_xuyen).order_by("code")
    assert [(c.code, c.name) for c in communes][:3] == [
        ("20599", "Nam Phước"),
        ("20602", "Duy Thu"),
        ("20605", "Duy Phú"),
    ]
    assert communes.count() == 14 and communes.filter(kind=Area.TOWNSHIP).count() == 1
    assert list(tree["20602"].successors.all()) == [tree["20608"]]
    new = duy_xuyen.current_units(on=TODAY)
    assert [(u.code, u.name) for u in new] == [
        ("20599", "Nam Phước"),
        ("20611", "Thu Bồn"),
        ("20623", "Duy Xuyên"),
        ("20635", "Duy Nghĩa"),
    ]
    predecessors = tree["20611@2025-07-01"].predecessors.filter(kind__in=COMMUNE_KINDS)
    assert {p.name for p in predecessors} == {"Duy Châu", "Duy Hòa", "Duy Phú", "Duy Tân"}  # NQ 1659 §63


def _snapshot():
    rows = Area.objects.values_list("code", "valid_from", "valid_to", "name", "kind", "parent__code")
    links = Area.successors.through.objects.values_list("from_area__code", "to_area__code")
    return sorted(rows, key=str), sorted(links)


def test_loading_twice_changes_nothing(tree, django_assert_max_num_queries):
    first = _snapshot()
    with django_assert_max_num_queries(12):
        load_area_tree()
    assert _snapshot() == first
    assert len(first[0]) == 346 and len(first[1]) == 328


def test_loading_restores_a_changed_row_and_keeps_extra_rows(tree):
    Area.objects.filter(pk=tree["508"].pk).update(name="Duy Xuyen", valid_to=None, parent=tree["48"])
    extra = Area.objects.create(code="99999", name="Thử nghiệm", kind=Area.COMMUNE, parent=tree["48"])
    load_area_tree()
    duy_xuyen = Area.objects.get(pk=tree["508"].pk)
    assert (duy_xuyen.name, duy_xuyen.valid_to, duy_xuyen.parent) == ("Duy Xuyên", D(2025, 6, 30), tree["49"])
    assert Area.objects.filter(pk=extra.pk).exists()  # records may point at it: the loader never deletes


def test_inconsistent_data_is_refused_and_nothing_is_written(tmp_path):
    shutil.copy(DATA_DIR / "units.csv", tmp_path / "units.csv")
    lines = (DATA_DIR / "successions.csv").read_text(encoding="utf-8").splitlines()
    lines.append("20611,20623@2025-07-01,2025-01-01,verified,wrong day")
    (tmp_path / "successions.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with translation.override("en"), pytest.raises(AreaDataError, match="does not end on 2024-12-31"):
        load_area_tree(data_dir=tmp_path)
    assert not Area.objects.exists()


def test_load_areas_command_is_idempotent(capsys):
    from django.utils import translation

    with translation.override("en"):
        call_command("load_areas")
        assert "346 areas" in capsys.readouterr().out
        first = _snapshot()
        call_command("load_areas")
        assert "0 new" in capsys.readouterr().out
    assert _snapshot() == first
