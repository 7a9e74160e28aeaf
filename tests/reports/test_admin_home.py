"""The administrators' first screen: their area's key figures and their to-dos on the Wagtail admin home."""

import datetime
import re

import pytest
from django.utils import timezone

from reports.figures import ReportFilters, progress_against_targets
from reports.models import Target
from tests.trainers.factories import ParticipantFactory, TrainingSessionFactory, district_admin
from trainers.models import Certificate

from . import test_figures as test_reports

pytestmark = pytest.mark.django_db
programme = test_reports.programme  # the hand-counted fixture (Duy Xuyên, Hội An, Duy Hòa, Thu Bồn)
HOME = "/admin/"


def panel(html: str) -> str:
    match = re.search(r'id="administrator-home.*?</section>', html, re.S)
    assert match, "the administrator's panel is missing"
    return match.group(0)


def figures(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'<dd data-figure="\d+">(\d+)</dd>', panel(html))]


def dashboard_row(admin, area_name: str) -> dict[str, int]:
    """The dashboard's latest ("Value 2030", i.e. today) figures for one district, by indicator."""
    report = progress_against_targets(ReportFilters(), admin)
    labels = {str(label): key for key, label in Target.INDICATORS}
    return {labels[r[1]]: r[6] for r in report.rows if r[0] == area_name}


@pytest.fixture
def this_year(programme):
    """One session in each district this year, so "sessions this year" is not trivially zero."""
    today = timezone.localdate()
    for area, n in ((programme["dx"], 1), (programme["ha"], 2)):
        for _ in range(n):
            session = TrainingSessionFactory(area=area, starts_on=today.replace(month=1, day=2), ends_on=today)
            ParticipantFactory(session=session)
    return programme


def test_a_district_admin_sees_their_districts_figures_and_not_another(client, this_year):
    admin = district_admin(this_year["dx"])
    client.force_login(admin)
    html = client.get(HOME).content.decode()
    shown = figures(html)
    row = dashboard_row(this_year["province_admin"], "Duy Xuyên")
    assert shown == [row["certified_trainers"], row["people_trained"], 1, row["startup_projects"]]
    hoi_an = dashboard_row(this_year["province_admin"], "Hội An")
    assert [row["certified_trainers"], row["people_trained"]] != [
        hoi_an["certified_trainers"],
        hoi_an["people_trained"],
    ]
    assert "Duy Xuyên" in panel(html) and "Hội An" not in panel(html)
    assert 'href="/admin/reports/#report-certified"' in panel(html)


def test_the_province_admin_sees_the_whole_province(client, this_year):
    client.force_login(this_year["province_admin"])
    html = client.get(HOME).content.decode()
    dx = dashboard_row(this_year["province_admin"], "Duy Xuyên")
    ha = dashboard_row(this_year["province_admin"], "Hội An")
    certified, people, sessions, _projects = figures(html)
    assert certified == dx["certified_trainers"] + ha["certified_trainers"]
    assert people >= dx["people_trained"] + ha["people_trained"]  # plus people filed under no district
    assert sessions == 3


def test_the_to_dos_count_expiring_certificates_and_link_the_import(client, programme):
    admin = district_admin(programme["dx"])
    today = timezone.localdate()
    trainer = programme["trainers"][0]
    Certificate.objects.filter(person=trainer.person, status=Certificate.VALID).update(
        expires_on=today + datetime.timedelta(days=30)
    )
    client.force_login(admin)
    todo = panel(client.get(HOME).content.decode())
    expiring = Certificate.objects.filter(person=trainer.person, status=Certificate.VALID).count()
    assert expiring >= 1
    assert f'<li data-count="{expiring}"><a href="/admin/reports/#report-expiring">' in todo
    assert 'href="/admin/participant-lists/"' in todo  # imports keep no error record: the import itself


def test_a_trainer_sees_their_lessons_in_review_and_an_editor_what_awaits_them(client, course_tree, trainer, editor):
    lesson = course_tree.lessons[0]
    revision = lesson.save_revision(user=trainer)
    lesson.get_workflow().start(lesson, trainer)
    assert revision.pk
    client.force_login(trainer)
    mine = panel(client.get(HOME).content.decode())
    assert '<li data-count="1"><a href="#objects-in-workflow-section">' in mine
    assert "data-figure" not in mine  # a trainer has no district figures
    client.force_login(editor)
    theirs = panel(client.get(HOME).content.decode())
    assert '<li data-count="1"><a href="#awaiting-review-section">' in theirs


def test_a_learner_has_no_admin_home(client, learner):
    client.force_login(learner)
    assert client.get(HOME).status_code in (302, 403)


def test_the_admin_home_runs_a_fixed_number_of_queries(client, this_year, django_assert_max_num_queries):
    admin = district_admin(this_year["dx"])
    client.force_login(admin)
    client.get(HOME)  # warm caches (content types, site, area tree)
    today = timezone.localdate()
    for _ in range(10):  # more sessions and people change no query count
        session = TrainingSessionFactory(area=this_year["dx"], starts_on=today, ends_on=today)
        ParticipantFactory(session=session)
    # 33 before one area tree per request; most of the rest are Wagtail's own panels.
    with django_assert_max_num_queries(24):
        html = client.get(HOME).content.decode()
    assert figures(html)[2] == 11
