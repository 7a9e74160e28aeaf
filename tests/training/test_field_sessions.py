"""Trainers run their own classes on the public site: plan, submit, get approved or returned, record results,
submit the class report; administrators of the area approve. From the outside, with real form posts."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from areas.models import Area
from courses.models import Audience
from trainers.models import Certificate, Notification, SessionReport, Trainer
from trainers.notifications import notification_send
from trainers.services import certification_issue, trainer_certification_unmet
from training.models import SessionParticipant, SessionReview, SessionStatus, TrainingSession
from training.notifications import queue_session_reminders

from ..trainers.factories import (
    ParticipantFactory,
    TrainerFactory,
    TrainingSessionFactory,
    UserFactory,
    areas,
    attend,
    district_admin,
)

pytestmark = pytest.mark.django_db
LIST = reverse("training:session_list")
CREATE = reverse("training:session_create")


def certified(trainer: Trainer) -> Trainer:
    certification_issue(
        person=trainer.person, kind=Certificate.TRAINER, trainer_level=trainer.level, area=trainer.home_area
    )
    return trainer


@pytest.fixture
def world():
    tree = areas()
    duy_xuyen, tam_ky = tree["Duy Xuyên"], tree["Tam Kỳ"]
    today = timezone.localdate()
    duy_xuyen_today = [a for a in Area.objects.within(duy_xuyen) if a.is_valid_on(today) and not a.is_district]
    return {
        "duy_xuyen": duy_xuyen,
        "tam_ky": tam_ky,
        "commune": sorted(duy_xuyen_today, key=lambda a: a.code)[0],  # one of today's communes of Duy Xuyên
        "admin": district_admin(duy_xuyen),
        "other_admin": district_admin(tam_ky, email="tamky.admin@example.org"),
        "minh": certified(TrainerFactory(person=UserFactory(full_name="Trần Văn Minh"), home_area=duy_xuyen)),
        "hoa": certified(TrainerFactory(person=UserFactory(full_name="Ngô Thị Hòa"), home_area=duy_xuyen)),
        "ngoc": certified(TrainerFactory(person=UserFactory(full_name="Hà Bảo Ngọc"), home_area=tam_ky)),
    }


def session_data(area: Area, **extra) -> dict:
    starts = timezone.localdate() + datetime.timedelta(days=20)
    return {
        "title": "Khởi nghiệp cho đoàn viên",
        "mode": TrainingSession.IN_PERSON,
        "starts_on": starts.isoformat(),
        "ends_on": (starts + datetime.timedelta(days=1)).isoformat(),
        "area": area.pk,
        "venue": "Nhà văn hóa",
        "audience": Audience.objects.get(code="youth").pk,
        "expected_size": "30",
        **extra,
    }


def trainer_session(world, trainer_key="minh", status=SessionStatus.DRAFT, **extra) -> TrainingSession:
    defaults = {"area": world["commune"], "review_status": status, "report_status": SessionReport.NOT_RECORDED}
    session = TrainingSessionFactory(**{**defaults, **extra})
    session.trainers.add(world[trainer_key])
    return session


def test_a_certified_trainer_plans_a_draft_submits_it_and_the_districts_administrator_is_told(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world["minh"].person)
    page = client.get(CREATE)
    assert page.status_code == 200
    assert world["commune"].name in page.content.decode()
    response = client.post(CREATE, session_data(world["commune"], co_trainers=[world["hoa"].pk]))
    session = TrainingSession.objects.get(title="Khởi nghiệp cho đoàn viên")
    assert response.status_code == 302 and response.url == reverse("training:session_detail", args=[session.pk])
    assert session.review_status == SessionStatus.DRAFT
    assert session.report_status == SessionReport.NOT_RECORDED
    assert session.expected_size == 30 and session.created_by == world["minh"].person
    assert set(session.trainers.all()) == {world["minh"], world["hoa"]}
    assert "Khởi nghiệp cho đoàn viên" in client.get(LIST).content.decode()

    with django_capture_on_commit_callbacks(execute=False):
        client.post(reverse("training:session_submit", args=[session.pk]))
    session.refresh_from_db()
    assert session.review_status == SessionStatus.SUBMITTED
    told = Notification.objects.filter(kind=Notification.SESSION_SUBMITTED)
    assert [n.user for n in told] == [world["admin"]]  # Tam Kỳ's administrator hears nothing
    notification_send(notification_id=told.get().pk)
    assert "Khởi nghiệp cho đoàn viên" in mail.outbox[0].subject
    assert reverse("training_session:review", args=[session.pk]) in mail.outbox[0].body
    # Waiting for approval: no more changes.
    response = client.post(reverse("training:session_edit", args=[session.pk]), session_data(world["commune"]))
    assert response.status_code == 302
    assert TrainingSession.objects.get(pk=session.pk).venue == "Nhà văn hóa"
    history = client.get(reverse("training:session_detail", args=[session.pk])).content.decode()
    assert "Chờ duyệt" in history


def test_a_session_outside_the_trainers_area_is_refused_with_a_message(client, world):
    client.force_login(world["minh"].person)
    response = client.post(CREATE, session_data(world["tam_ky"]))
    assert response.status_code == 200
    assert "Hãy chọn địa bàn bạn dạy: địa bàn của bạn hoặc một đơn vị trực thuộc." in response.content.decode()
    response = client.post(CREATE, session_data(world["commune"], ends_on="2000-01-01"))
    assert "Ngày kết thúc không được trước ngày bắt đầu." in response.content.decode()
    assert not TrainingSession.objects.exists()


def test_a_district_trainer_picks_todays_communes_that_succeed_the_district(client, world):
    client.force_login(world["minh"].person)
    html = client.get(CREATE).content.decode()
    html = html[html.index('<select name="area"') :]
    html = html[: html.index("</select>")]
    today = timezone.localdate()
    for commune in Area.objects.within(world["duy_xuyen"]):
        if commune.is_valid_on(today) and not commune.is_district:
            assert f'value="{commune.pk}"' in html
    assert f'value="{world["tam_ky"].pk}"' not in html


@pytest.mark.parametrize("who", ["learner", "candidate", "lapsed"])
def test_only_a_certified_trainer_plans_a_session(client, world, who):
    if who == "learner":
        person = UserFactory()
    elif who == "candidate":
        person = TrainerFactory(level=Trainer.CANDIDATE, home_area=world["duy_xuyen"]).person
    else:  # a core trainer whose certificate was never issued (or lapsed)
        person = TrainerFactory(home_area=world["duy_xuyen"]).person
    client.force_login(person)
    assert client.get(CREATE).status_code == 403
    assert client.post(CREATE, session_data(world["commune"])).status_code == 403
    assert not TrainingSession.objects.exists()
    assert "Lên kế hoạch lớp mới" not in client.get(LIST).content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    response = client.get(LIST)
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_a_trainer_sees_and_edits_only_their_own_and_co_led_sessions(client, world):
    own = trainer_session(world, title="Lớp của Minh")
    co_led = trainer_session(world, "hoa", title="Lớp Hòa mời Minh")
    co_led.trainers.add(world["minh"])
    theirs = trainer_session(world, "ngoc", title="Lớp của Ngọc", area=world["tam_ky"])
    neighbours = trainer_session(world, "hoa", title="Lớp riêng của Hòa")
    client.force_login(world["minh"].person)
    html = client.get(LIST).content.decode()
    assert "Lớp của Minh" in html and "Lớp Hòa mời Minh" in html
    assert "Lớp của Ngọc" not in html and "Lớp riêng của Hòa" not in html
    for session in (theirs, neighbours):
        for name in ("session_detail", "session_edit", "session_results"):
            assert client.get(reverse(f"training:{name}", args=[session.pk])).status_code == 404
        response = client.post(reverse("training:session_edit", args=[session.pk]), session_data(world["commune"]))
        assert response.status_code == 404
        assert client.post(reverse("training:session_submit", args=[session.pk])).status_code == 404
    assert TrainingSession.objects.get(pk=theirs.pk).title == "Lớp của Ngọc"
    assert TrainingSession.objects.get(pk=neighbours.pk).review_status == SessionStatus.DRAFT
    for session in (own, co_led):
        response = client.post(
            reverse("training:session_edit", args=[session.pk]),
            session_data(world["commune"], title=f"{session.title} (sửa)", co_trainers=[world["hoa"].pk]),
        )
        assert response.status_code == 302
        assert TrainingSession.objects.get(pk=session.pk).title.endswith("(sửa)")


def test_the_administrator_of_the_area_approves_and_another_districts_is_refused(
    client, world, django_capture_on_commit_callbacks
):
    session = trainer_session(world, status=SessionStatus.SUBMITTED, title="Lớp chờ duyệt")
    url = reverse("training_session:review", args=[session.pk])
    client.force_login(world["other_admin"])
    assert client.get(url).status_code == 404
    assert client.post(url, {"decision": "approve"}).status_code == 404
    client.force_login(world["minh"].person)  # a trainer never approves, not even their own session
    assert client.post(url, {"decision": "approve"}).status_code in (302, 403, 404)
    assert TrainingSession.objects.get(pk=session.pk).review_status == SessionStatus.SUBMITTED

    client.force_login(world["admin"])
    listing = client.get(reverse("training_session:index"), {"review_status": "submitted"}).content.decode()
    assert "Lớp chờ duyệt" in listing and url in listing
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(url, {"decision": "approve", "comment": ""})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.review_status == SessionStatus.APPROVED
    told = Notification.objects.get(kind=Notification.SESSION_REVIEWED)
    assert told.user == world["minh"].person
    notification_send(notification_id=told.pk)
    assert "đã được duyệt" in mail.outbox[0].subject
    # Reviewed once: a second decision is refused with a message, not applied.
    assert client.get(url).status_code == 200
    response = client.post(url, {"decision": "return", "comment": "Sửa lại"})
    assert response.status_code == 200 and "không chờ duyệt" in response.content.decode()
    assert TrainingSession.objects.get(pk=session.pk).review_status == SessionStatus.APPROVED


def test_returned_with_a_comment_the_trainer_reads_it_changes_and_submits_again(client, world):
    session = trainer_session(world, status=SessionStatus.SUBMITTED, title="Lớp cần sửa")
    url = reverse("training_session:review", args=[session.pk])
    client.force_login(world["admin"])
    response = client.post(url, {"decision": "return", "comment": "  "})
    assert response.status_code == 200 and "Hãy nói rõ giảng viên cần sửa gì" in response.content.decode()
    client.post(url, {"decision": "return", "comment": "Bổ sung địa điểm cụ thể."})
    session.refresh_from_db()
    assert session.review_status == SessionStatus.RETURNED

    client.force_login(world["minh"].person)
    detail = client.get(reverse("training:session_detail", args=[session.pk])).content.decode()
    assert "Bổ sung địa điểm cụ thể." in detail and world["admin"].full_name in detail
    edit = reverse("training:session_edit", args=[session.pk])
    assert client.post(edit, session_data(world["commune"], venue="Hội trường UBND xã")).status_code == 302
    client.post(reverse("training:session_submit", args=[session.pk]))
    session.refresh_from_db()
    assert session.review_status == SessionStatus.SUBMITTED and session.venue == "Hội trường UBND xã"
    actions = list(session.reviews.values_list("stage", "action", "comment"))
    assert actions == [
        ("session", "returned", "Bổ sung địa điểm cụ thể."),
        ("session", "submitted", ""),
    ]


def test_results_count_towards_certification_only_once_the_class_report_is_approved(client, world):
    master = certified(TrainerFactory(level=Trainer.MASTER, home_area=world["duy_xuyen"]))
    world["master"] = master
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    tot = trainer_session(
        world,
        "master",
        status=SessionStatus.APPROVED,
        is_tot=True,
        starts_on=yesterday,
        ends_on=yesterday,
        title="Lớp ToT Duy Xuyên",
    )
    candidate = TrainerFactory(level=Trainer.CANDIDATE, home_area=world["duy_xuyen"])
    place = ParticipantFactory(session=tot, person=candidate.person)
    attend(place)
    unmet_before = trainer_certification_unmet(trainer=candidate)
    assert "Dự một lớp tập huấn ToT." in unmet_before or any("ToT" in rule for rule in unmet_before)

    # A core trainer co-leading a ToT class does not assess its practicum.
    tot.trainers.add(world["minh"])
    client.force_login(world["minh"].person)
    assert client.get(reverse("training:session_results", args=[tot.pk])).status_code == 302

    client.force_login(master.person)
    results = reverse("training:session_results", args=[tot.pk])
    page = client.get(results)
    assert page.status_code == 200 and candidate.person.full_name in page.content.decode()
    form = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(place.pk),
        "form-0-result": SessionParticipant.PASSED,
        "form-0-result_note": "Giảng thử tốt.",
    }
    assert client.post(results, form).status_code == 302
    place.refresh_from_db()
    tot.refresh_from_db()
    assert place.result == SessionParticipant.PASSED and place.assessed_by == master
    assert tot.report_status == SessionReport.RECORDED
    assert trainer_certification_unmet(trainer=candidate) == unmet_before  # recorded is not counted

    client.post(reverse("training:report_submit", args=[tot.pk]))
    tot.refresh_from_db()
    assert tot.report_status == SessionReport.SUBMITTED
    assert client.get(results).status_code == 302  # submitted: results are closed
    assert trainer_certification_unmet(trainer=candidate) == unmet_before

    report_url = reverse("training_session:report_review", args=[tot.pk])
    client.force_login(world["other_admin"])
    assert client.post(report_url, {"decision": "approve"}).status_code == 404
    client.force_login(world["admin"])
    assert candidate.person.full_name in client.get(report_url).content.decode()
    assert client.post(report_url, {"decision": "approve"}).status_code == 302
    tot.refresh_from_db()
    assert tot.report_status == SessionReport.APPROVED
    unmet_after = trainer_certification_unmet(trainer=candidate)
    assert len(unmet_after) == len(unmet_before) - 2  # attended and passed now count
    assert [r.action for r in tot.reviews.filter(stage=SessionReview.REPORT)] == ["submitted", "approved"]


def test_a_report_without_recorded_results_cannot_be_submitted(client, world):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    session = trainer_session(world, status=SessionStatus.APPROVED, starts_on=yesterday, ends_on=yesterday)
    client.force_login(world["minh"].person)
    response = client.post(reverse("training:report_submit", args=[session.pk]), follow=True)
    assert "Ghi kết quả của học viên trước khi gửi báo cáo lớp." in response.content.decode()
    assert TrainingSession.objects.get(pk=session.pk).report_status == SessionReport.NOT_RECORDED
    # Saved with one participant still unassessed: the report waits for every result.
    place = ParticipantFactory(session=session)
    results = reverse("training:session_results", args=[session.pk])
    form = {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-0-id": str(place.pk), "form-0-result": "pending"}
    assert client.post(results, form).status_code == 302
    assert TrainingSession.objects.get(pk=session.pk).report_status == SessionReport.RECORDED
    response = client.post(reverse("training:report_submit", args=[session.pk]), follow=True)
    assert "Hãy cho mỗi học viên một kết quả (đạt hoặc chưa đạt) trước khi gửi." in response.content.decode()
    assert TrainingSession.objects.get(pk=session.pk).report_status == SessionReport.RECORDED
    form["form-0-result"] = SessionParticipant.FAILED
    client.post(results, form)
    client.post(reverse("training:report_submit", args=[session.pk]))
    assert TrainingSession.objects.get(pk=session.pk).report_status == SessionReport.SUBMITTED


def test_reminders_go_only_to_places_in_approved_sessions(world):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    draft = trainer_session(world, starts_on=tomorrow, ends_on=tomorrow)
    approved = trainer_session(world, status=SessionStatus.APPROVED, starts_on=tomorrow, ends_on=tomorrow)
    ParticipantFactory(session=draft)
    ParticipantFactory(session=approved)
    assert queue_session_reminders() == 1


def test_sessions_made_by_administrators_are_approved_at_once(client, world):
    session = TrainingSessionFactory(area=world["commune"])
    assert session.review_status == SessionStatus.APPROVED and session.report_status == SessionReport.APPROVED


def test_the_trainers_list_takes_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    for n in range(8):
        session = trainer_session(world, title=f"Lớp {n}", status=[SessionStatus.DRAFT, SessionStatus.APPROVED][n % 2])
        session.trainers.add(world["hoa"])
        ParticipantFactory(session=session)
    client.force_login(world["minh"].person)
    client.get(LIST)
    with django_assert_max_num_queries(10):
        response = client.get(LIST)
    assert response.content.decode().count('class="card"') == 8


def test_my_learning_leads_a_certified_trainer_to_their_sessions(client, world):
    client.force_login(world["minh"].person)
    assert LIST in client.get(reverse("my_learning")).content.decode()
    client.force_login(UserFactory())
    assert LIST not in client.get(reverse("my_learning")).content.decode()


def test_an_approved_session_leads_its_trainer_to_roll_call_and_learners_to_check_in(client, world):
    session = trainer_session(world, status=SessionStatus.APPROVED)
    roll_call = reverse("rollcall:roll_call", args=[session.pk])
    client.force_login(world["minh"].person)
    assert roll_call in client.get(reverse("training:session_detail", args=[session.pk])).content.decode()
    assert client.get(roll_call).status_code == 200
    draft = trainer_session(world)
    assert (
        reverse("rollcall:roll_call", args=[draft.pk])
        not in client.get(reverse("training:session_detail", args=[draft.pk])).content.decode()
    )
    client.force_login(UserFactory())
    assert reverse("rollcall:enter_code") in client.get(reverse("my_learning")).content.decode()


def test_the_demo_trainers_run_classes_in_every_state_and_the_district_approves_its_own(shared_demo, client):
    field = TrainingSession.objects.exclude(review_status=SessionStatus.APPROVED, report_status=SessionReport.APPROVED)
    states = {(s.review_status, s.report_status) for s in field}
    assert {s for s, _report in states} >= {"draft", "submitted", "approved", "returned"}
    assert (SessionStatus.APPROVED, SessionReport.SUBMITTED) in states
    generations = set(field.values_list("trainers__generation", flat=True))
    assert generations >= {2, 3, 4}
    returned = SessionReview.objects.filter(session__review_status=SessionStatus.RETURNED, action="returned")
    assert returned.exclude(comment="").exists()

    client.force_login(User.objects.get(email="trainer@example.org"))
    html = client.get(LIST).content.decode()
    assert "Tập huấn khởi nghiệp cho đoàn viên thanh niên xã Duy Hòa" in html
    assert "Bản nháp" in html and "Lên kế hoạch lớp mới" in html
    assert client.get(CREATE).status_code == 200
    duy_hoa = TrainingSession.objects.get(title="Tập huấn khởi nghiệp cho đoàn viên thanh niên xã Duy Hòa")
    assert duy_hoa.review_status == SessionStatus.APPROVED and duy_hoa.report_status == SessionReport.APPROVED
    assert client.get(reverse("training:session_detail", args=[duy_hoa.pk])).status_code == 200
    someone_elses = TrainingSession.objects.get(title="Gọi vốn cho dự án khởi nghiệp trẻ")
    assert client.get(reverse("training:session_edit", args=[someone_elses.pk])).status_code == 404

    admin = User.objects.get(email="district.admin@example.org")
    client.force_login(admin)
    waiting = TrainingSession.objects.visible_to(admin).filter(review_status=SessionStatus.SUBMITTED)
    assert waiting.count() == 1
    session = waiting.get()
    listing = client.get(reverse("training_session:index"), {"review_status": "submitted"}).content.decode()
    assert session.title in listing
    review = reverse("training_session:review", args=[session.pk])
    assert client.post(review, {"decision": "approve"}).status_code == 302
    assert TrainingSession.objects.get(pk=session.pk).review_status == SessionStatus.APPROVED
    elsewhere = TrainingSession.objects.get(title="Du lịch cộng đồng và khởi nghiệp cho phụ nữ")  # Hội An
    assert client.get(reverse("training_session:inspect", args=[elsewhere.pk])).status_code in (302, 403, 404)


def test_an_administrator_who_leads_the_session_does_not_approve_it(client, world):
    world["admin_trainer"] = certified(TrainerFactory(person=world["admin"], home_area=world["duy_xuyen"]))
    session = trainer_session(world, "admin_trainer", status=SessionStatus.SUBMITTED)
    client.force_login(world["admin"])
    response = client.post(reverse("training_session:review", args=[session.pk]), {"decision": "approve"})
    assert response.status_code == 200
    assert "Bạn đứng lớp này: một quản trị viên khác sẽ duyệt." in response.content.decode()
    assert TrainingSession.objects.get(pk=session.pk).review_status == SessionStatus.SUBMITTED


def test_the_trainers_guide_points_to_the_sessions_pages(client):
    html = client.get(reverse("guide-trainer")).content.decode()
    assert f'href="{LIST}"' in html and "Học tập của tôi" in html and "Gửi báo cáo lớp" in html


def test_a_class_counts_in_the_reports_only_once_its_report_is_approved(client, world):
    from reports.figures import public_statistics

    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    session = trainer_session(
        world,
        status=SessionStatus.APPROVED,
        starts_on=yesterday,
        ends_on=yesterday,
        report_status=SessionReport.RECORDED,
    )
    for _ in range(2):
        attend(ParticipantFactory(session=session, result=SessionParticipant.PASSED))
    trained = public_statistics()["people_trained"]

    client.force_login(world["minh"].person)
    assert client.post(reverse("training:report_submit", args=[session.pk])).status_code == 302
    session.refresh_from_db()
    assert session.report_status == SessionReport.SUBMITTED
    assert public_statistics()["people_trained"] == trained  # submitted is not counted either

    client.force_login(world["admin"])
    review = reverse("training_session:report_review", args=[session.pk])
    assert client.post(review, {"decision": "approve"}).status_code == 302
    assert public_statistics()["people_trained"] == trained + 2

    session.report_status = SessionReport.RETURNED  # reopened: its people leave the figures again
    session.save()
    assert public_statistics()["people_trained"] == trained


def test_the_site_menu_leads_a_trainer_to_their_sessions_and_not_a_learner(client, world):
    from lms.roles import TRAINERS, role_group

    world["minh"].person.groups.add(role_group(TRAINERS))  # a trainer's role, as Users → Add gives it
    client.force_login(world["minh"].person)
    menu = client.get("/").content.decode().split('class="main-nav"')[1].split("</nav>")[0]
    assert f'href="{LIST}"' in menu and "Lớp tập huấn" in menu
    client.force_login(UserFactory())
    assert f'href="{LIST}"' not in client.get("/").content.decode()
