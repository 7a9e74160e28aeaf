"""The lineage stays a tree: nobody is trained by themselves or by anyone down their own lineage, and the
generations follow every change.

The demo's case: Võ Thị Mai Hương (generation 1) trained Trần Văn Minh, who trained Lê Thị Lan. Setting Hương
as trained by Minh was once saved, and Minh's reach in the cascade report jumped from 13 to 174.
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from reports.figures import ReportFilters, trainer_reach
from trainers.models import Trainer
from trainers.services import trainer_lineage_set

from .factories import ParticipantFactory, TrainerFactory, TrainingSessionFactory, areas, province_admin

pytestmark = pytest.mark.django_db

LOOP_VI = "Trần Văn Minh do Võ Thị Mai Hương đào tạo (trực tiếp hoặc qua các thế hệ sau), nên không thể là người đã đào tạo Võ Thị Mai Hương."  # noqa: E501


@pytest.fixture
def lineage():
    """Hương → Minh → Lan, each leading a session; Bình stands alone in another tree."""
    tree = areas()
    huong = TrainerFactory(level=Trainer.MASTER, home_area=tree["Tam Kỳ"], person__full_name="Võ Thị Mai Hương")
    minh = TrainerFactory(
        home_area=tree["Duy Xuyên"], trained_by=huong, generation=2, person__full_name="Trần Văn Minh"
    )
    lan = TrainerFactory(home_area=tree["Duy Xuyên"], trained_by=minh, generation=3, person__full_name="Lê Thị Lan")
    binh = TrainerFactory(home_area=tree["Hội An"], person__full_name="Phạm Văn Bình")
    for trainer, people in ((huong, 5), (minh, 3), (lan, 2)):
        session = TrainingSessionFactory(area=trainer.home_area)
        session.trainers.add(trainer)
        ParticipantFactory.create_batch(people, session=session)
    return {
        "tree": tree,
        "huong": huong,
        "minh": minh,
        "lan": lan,
        "binh": binh,
        "admin": province_admin(tree["province"]),
    }


def reach(admin) -> dict[str, tuple]:
    """The cascade report's figures per trainer: (generation, trained directly, trainers below, direct, downstream)."""
    return {row[0]: tuple(row[2:3] + row[4:8]) for row in trainer_reach(ReportFilters(), admin).rows}


def stored() -> dict[str, tuple]:
    return {t.name: (t.trained_by.name if t.trained_by else None, t.generation) for t in Trainer.objects.all()}


def edit(client, trainer, **changes):
    data = {
        "person": trainer.person_id,
        "home_area": trainer.home_area_id,
        "trained_by": trainer.trained_by_id or "",
        "specialities": "",
        "bio": trainer.bio,
    }
    data.update(changes)
    return client.post(reverse("trainer:edit", args=[trainer.pk]), data)


# --- The admin form ------------------------------------------------------------------------------


def test_the_demo_loop_is_refused_in_the_admin_with_a_vietnamese_message_and_nothing_changes(client, lineage):
    client.force_login(lineage["admin"])
    figures, rows = reach(lineage["admin"]), stored()
    assert figures["Trần Văn Minh"][-1] == 5  # Minh's 3 and Lan's 2

    response = edit(client, lineage["huong"], trained_by=lineage["minh"].pk)

    assert response.status_code == 200
    assert LOOP_VI in response.content.decode()
    assert stored() == rows
    assert reach(lineage["admin"]) == figures
    assert not ModelLogEntry.objects.filter(action="trainers.trainer.lineage").exists()


def test_an_edit_that_lost_the_race_is_refused_on_the_form_not_with_an_error_page(client, lineage, monkeypatch):
    """The form's check passed on what was committed then; another edit made the loop before this one took the
    lineage lock. Here the form's own check is skipped to stand for that moment: the service's check under the
    lock refuses, and the administrator reads why on the form."""
    client.force_login(lineage["admin"])
    rows = stored()
    monkeypatch.setattr(Trainer, "clean", lambda self: None)
    response = edit(client, lineage["huong"], trained_by=lineage["minh"].pk)
    assert response.status_code == 200
    assert LOOP_VI in response.content.decode()
    assert stored() == rows


def test_a_grandchild_and_the_trainer_themselves_are_refused_in_the_admin(client, lineage):
    client.force_login(lineage["admin"])
    rows = stored()
    response = edit(client, lineage["huong"], trained_by=lineage["lan"].pk)
    assert response.status_code == 200
    assert "Lê Thị Lan do Võ Thị Mai Hương đào tạo" in response.content.decode()
    # Oneself is not even offered; posting it anyway is refused by the field.
    assert edit(client, lineage["huong"], trained_by=lineage["huong"].pk).status_code == 200
    assert stored() == rows


def test_a_move_in_the_admin_renumbers_the_subtree_and_ignores_a_typed_generation(client, lineage):
    """Minh (with Lan below) moves under Bình's trainee Hoa: generations 3 and 4; a posted generation is ignored."""
    client.force_login(lineage["admin"])
    hoa = TrainerFactory(home_area=lineage["tree"]["Hội An"], trained_by=lineage["binh"], generation=2)
    response = edit(client, lineage["minh"], trained_by=hoa.pk, generation=9)
    assert response.status_code == 302
    assert stored()["Trần Văn Minh"] == (hoa.name, 3)
    assert stored()["Lê Thị Lan"] == ("Trần Văn Minh", 4)
    entry = ModelLogEntry.objects.get(action="trainers.trainer.lineage")
    assert entry.data == {"from": lineage["huong"].pk, "to": hoa.pk} and entry.user == lineage["admin"]


def test_a_new_trainer_gets_the_generation_below_their_trainer(client, lineage):
    from .factories import UserFactory

    client.force_login(lineage["admin"])
    person = UserFactory(full_name="Đỗ Thanh Tâm")
    data = {
        "person": person.pk,
        "level": Trainer.CANDIDATE,
        "home_area": lineage["tree"]["Duy Xuyên"].pk,
        "trained_by": lineage["lan"].pk,
        "specialities": "",
        "bio": "",
    }
    assert client.post(reverse("trainer:add"), data).status_code == 302
    assert Trainer.objects.get(person=person).generation == 4


# --- The service ---------------------------------------------------------------------------------


@pytest.mark.parametrize("below", ["huong", "minh", "lan"])
def test_the_service_refuses_the_trainer_and_everyone_below_them(lineage, below):
    rows = stored()
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        trainer_lineage_set(trainer=lineage["huong"], trained_by=lineage[below], by=lineage["admin"])
    message = refused.value.message_dict["trained_by"][0]
    if below == "huong":
        assert message == "Giảng viên không thể là người đã đào tạo chính mình."
    else:
        assert message.endswith("nên không thể là người đã đào tạo Võ Thị Mai Hương.")
    assert stored() == rows


def test_a_refused_edit_leaves_the_reach_figures_as_they_were(lineage):
    figures = reach(lineage["admin"])
    with pytest.raises(ValidationError):
        trainer_lineage_set(trainer=lineage["huong"], trained_by=lineage["lan"], by=lineage["admin"])
    assert reach(lineage["admin"]) == figures
    assert figures["Võ Thị Mai Hương"][-1] == 10 and figures["Lê Thị Lan"][-1] == 2


def test_a_three_level_subtree_moved_and_moved_back_is_renumbered(lineage):
    """Hương's tree (1, 2, 3) goes under Hoa (generation 2, below Bình), then back to the province."""
    hoa = TrainerFactory(home_area=lineage["tree"]["Hội An"], trained_by=lineage["binh"], generation=2)
    second_trainee = TrainerFactory(home_area=lineage["tree"]["Tam Kỳ"], trained_by=lineage["minh"], generation=3)

    moved = trainer_lineage_set(trainer=lineage["huong"], trained_by=hoa, by=lineage["admin"])

    assert moved.generation == 3
    generations = dict(Trainer.objects.values_list("person__full_name", "generation"))
    assert [generations[n] for n in ("Võ Thị Mai Hương", "Trần Văn Minh", "Lê Thị Lan")] == [3, 4, 5]
    assert Trainer.objects.get(pk=second_trainee.pk).generation == 5
    assert generations["Phạm Văn Bình"] == 1 and Trainer.objects.get(pk=hoa.pk).generation == 2  # above: as they were

    trainer_lineage_set(trainer=lineage["huong"], trained_by=None, by=lineage["admin"])
    generations = dict(Trainer.objects.values_list("person__full_name", "generation"))
    assert [generations[n] for n in ("Võ Thị Mai Hương", "Trần Văn Minh", "Lê Thị Lan")] == [1, 2, 3]
    # And the report's generations follow.
    assert reach(lineage["admin"])["Lê Thị Lan"][0] == 3


def test_a_move_renumbers_in_a_fixed_number_of_queries(lineage, django_assert_max_num_queries):
    for _ in range(3):
        TrainerFactory(home_area=lineage["tree"]["Tam Kỳ"], trained_by=lineage["lan"], generation=4)
    hoa = TrainerFactory(home_area=lineage["tree"]["Hội An"], trained_by=lineage["binh"], generation=2)
    trainer_lineage_set(trainer=lineage["minh"], trained_by=lineage["binh"], by=lineage["admin"])  # warm caches
    # The lock (PostgreSQL), the locked row, the new trainer, the loop check, the save, the subtree, one update
    # for all of it, the log entry (3 with its checks), two savepoints (4), and Wagtail's reference index
    # for the one row saved (6, once the admin has registered it): none of it grows with the subtree.
    with django_assert_max_num_queries(22):
        trainer_lineage_set(trainer=lineage["minh"], trained_by=hoa, by=lineage["admin"])
    assert set(Trainer.objects.filter(trained_by=lineage["lan"]).values_list("generation", flat=True)) == {5}


# --- The database's own guards -------------------------------------------------------------------


def test_the_database_refuses_a_trainer_trained_by_themselves(lineage):
    with pytest.raises(IntegrityError), transaction.atomic():
        Trainer.objects.filter(pk=lineage["huong"].pk).update(trained_by=lineage["huong"])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite allows no recursive query in a trigger")
def test_on_postgresql_even_a_raw_update_cannot_close_a_loop(lineage):
    with pytest.raises(IntegrityError), transaction.atomic():
        Trainer.objects.filter(pk=lineage["huong"].pk).update(trained_by=lineage["lan"])
    # Both halves of a loop in one statement are refused too.
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE trainers_trainer SET trained_by_id = CASE id WHEN %s THEN %s ELSE %s END WHERE id IN (%s, %s)",
            [lineage["binh"].pk, lineage["huong"].pk, lineage["binh"].pk, lineage["binh"].pk, lineage["huong"].pk],
        )
    assert stored()["Võ Thị Mai Hương"] == (None, 1) and stored()["Phạm Văn Bình"] == (None, 1)
