"""Roll-call on a phone, from outside: check-in by the day's code, the tick list, latecomers, who may run it."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from lms import roles
from trainers.models import Profile, Trainer
from training.models import Attendance, SessionDayCode, SessionParticipant
from training.rollcall import day_code_for

from .import_factories import make_admin, make_areas, make_person, make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def areas():
    return make_areas()


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def session(areas, trainer, today):
    """A two-day session in Duy Hòa that started yesterday, led by trainer@example.org."""
    session = make_session(areas["duy_hoa"], starts_on=today - datetime.timedelta(days=1), days=2)
    session.trainers.add(Trainer.objects.create(person=trainer, home_area=areas["duy_xuyen"]))
    return session


def check_in_url(session, code):
    return reverse("rollcall:check_in", args=[session.pk, code.code])


# --- Check-in by code ---------------------------------------------------------------------------


def test_participant_checks_in_once_per_day(client, session, learner, today):
    code = day_code_for(session, today)
    client.force_login(learner)
    page = client.get(check_in_url(session, code))
    assert page.status_code == 200
    assert "Tôi có mặt" in page.content.decode()  # "I am here"

    first = client.post(check_in_url(session, code), follow=True)
    second = client.post(check_in_url(session, code), follow=True)  # a double tap, or a retry on a weak signal

    assert Attendance.objects.filter(participant__session=session, participant__person=learner).count() == 1
    assert SessionParticipant.objects.filter(session=session, person=learner).count() == 1
    assert "Bạn đã điểm danh" in first.content.decode()  # "You are checked in"
    assert "đã điểm danh hôm nay rồi" in second.content.decode()  # "already checked in today"


def test_expired_code_is_refused(client, session, learner, today):
    yesterday = day_code_for(session, today - datetime.timedelta(days=1))
    client.force_login(learner)
    response = client.post(check_in_url(session, yesterday), follow=True)
    assert response.status_code == 410
    assert "đã hết hạn" in response.content.decode()  # "has expired"
    assert not Attendance.objects.exists()


def test_code_of_another_session_is_refused(client, session, areas, learner, today):
    other = make_session(areas["hoi_an"], starts_on=today, days=1, title="Another class")
    others_code = day_code_for(other, today)
    client.force_login(learner)
    response = client.post(check_in_url(session, others_code), follow=True)
    assert response.status_code == 410
    assert "thuộc một lớp tập huấn khác" in response.content.decode()  # "belongs to another training session"
    assert not Attendance.objects.exists()


def test_code_for_a_later_day_is_refused(client, areas, learner, today):
    later = make_session(areas["duy_hoa"], starts_on=today + datetime.timedelta(days=1), days=1)
    code = day_code_for(later, later.starts_on)
    client.force_login(learner)
    response = client.post(check_in_url(later, code))
    assert response.status_code == 410
    assert not Attendance.objects.exists()


def test_visitor_is_sent_to_log_in_and_comes_back(client, session, today):
    code = day_code_for(session, today)
    url = check_in_url(session, code)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert f"next={url}" in response["Location"].replace("%2F", "/")


def test_learner_types_the_short_code(client, session, learner, today):
    code = day_code_for(session, today)
    client.force_login(learner)
    typed = f"{code.code[:5].lower()}-{code.code[5:].lower()}"
    response = client.post(reverse("rollcall:enter_code"), {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == check_in_url(session, code)

    unknown = client.post(reverse("rollcall:enter_code"), {"code": "AAAAA-AAAAA"})
    assert unknown.status_code == 200
    assert "không tồn tại" in unknown.content.decode()  # "does not exist"


def test_trainer_sees_the_day_code_as_a_qr(client, session, trainer, today):
    client.force_login(trainer)
    response = client.get(reverse("rollcall:day_code", args=[session.pk]), {"day": today.isoformat()})
    assert response.status_code == 200
    code = SessionDayCode.objects.get(session=session, day=today)
    body = response.content.decode()
    assert "<svg" in body
    assert code.display_code in body
    # Asking again shows the same code: one code per session day.
    client.get(reverse("rollcall:day_code", args=[session.pk]), {"day": today.isoformat()})
    assert SessionDayCode.objects.filter(session=session).count() == 1


# --- The tick list ------------------------------------------------------------------------------


def _enrol(session, *names):
    return [
        SessionParticipant.objects.create(session=session, person=make_person(name, email=f"p{i}@example.org"))
        for i, name in enumerate(names)
    ]


def test_ticking_twice_counts_once_and_a_stale_form_never_undoes_a_check_in(client, session, trainer, today):
    anh, binh, chi = _enrol(session, "Lê Anh", "Trần Bình", "Phạm Chi")
    client.force_login(trainer)
    url = reverse("rollcall:roll_call", args=[session.pk])
    page = client.get(url, {"day": today.isoformat()})
    assert page.status_code == 200
    form = {"day": today.isoformat(), "shown": [anh.pk, binh.pk, chi.pk], "present": [anh.pk, binh.pk]}

    client.post(url, form)
    client.post(url, form)  # resubmitted on a weak signal

    present = Attendance.objects.filter(participant__session=session, day=today, present=True)
    assert sorted(present.values_list("participant_id", flat=True)) == [anh.pk, binh.pk]
    assert present.count() == 2

    # Chi checks in by QR meanwhile; the trainer's old form (Chi unticked) is posted again: Chi stays present.
    client.force_login(chi.person)
    client.post(check_in_url(session, day_code_for(session, today)))
    client.force_login(trainer)
    client.post(url, form)
    assert Attendance.objects.get(participant=chi, day=today).present is True

    # Unticking a name the form showed as present marks it absent.
    client.post(url, {"day": today.isoformat(), "shown": [anh.pk], "shown_present": [anh.pk], "present": []})
    assert Attendance.objects.get(participant=anh, day=today).present is False
    assert Attendance.objects.filter(participant__session=session, day=today).count() == 3


def test_tick_list_runs_a_fixed_number_of_queries(client, session, trainer, today, django_assert_max_num_queries):
    _enrol(session, *[f"Học viên {n}" for n in range(30)])
    client.force_login(trainer)
    url = reverse("rollcall:roll_call", args=[session.pk])
    client.get(url)  # warm the session and permission caches
    with django_assert_max_num_queries(14):
        response = client.get(url, {"day": today.isoformat()})
    assert response.content.decode().count('name="present"') == 30


def test_tick_list_ignores_another_sessions_participants(client, session, areas, trainer, today):
    other = make_session(areas["hoi_an"], starts_on=today, days=1, title="Another class")
    (stranger,) = _enrol(other, "Người Lạ")
    client.force_login(trainer)
    client.post(
        reverse("rollcall:roll_call", args=[session.pk]),
        {"day": today.isoformat(), "shown": [stranger.pk], "present": [stranger.pk]},
    )
    assert not Attendance.objects.exists()


# --- Latecomers ---------------------------------------------------------------------------------


def _latecomer(client, session, day, **data):
    form = {
        "day": day.isoformat(),
        "full_name": "Nguyễn Thị Muộn",
        "phone": "0905 111 222",
        "gender": Profile.FEMALE,
        "birth_year": "1998",
        "commune": "",
        **data,
    }
    return client.post(reverse("rollcall:latecomer", args=[session.pk]), form, follow=True)


def test_latecomer_with_an_account_outside_the_area_is_recorded_as_listed(client, session, areas, trainer, today):
    outsider = make_person("Hồ Bí Mật", phone="+84905111222", area=areas["hoi_an"])
    client.force_login(trainer)
    response = _latecomer(client, session, today, commune=areas["duy_hoa"].pk)

    participant = SessionParticipant.objects.get(session=session)
    assert participant.person is None  # never linked: nothing counts for the other area's account …
    assert participant.listed_name == "Nguyễn Thị Muộn"  # … the person is as the trainer wrote them
    assert participant.listed_commune == "Duy Hòa"
    assert Attendance.objects.get(participant=participant).day == today
    outsider.refresh_from_db()
    assert outsider.full_name == "Hồ Bí Mật" and outsider.profile.area == areas["hoi_an"]  # nothing changed
    body = response.content.decode()
    assert "Nguyễn Thị Muộn" in body
    assert "Bí Mật" not in body
    _latecomer(client, session, today, commune=areas["duy_hoa"].pk)  # sent again on a weak signal
    assert SessionParticipant.objects.filter(session=session).count() == 1
    assert Attendance.objects.filter(participant__session=session).count() == 1
    page = client.get(reverse("rollcall:roll_call", args=[session.pk]), {"day": today.isoformat()})
    assert "Bí Mật" not in page.content.decode()
    scores = client.get(reverse("rollcall:paper_scores", args=[session.pk]))
    assert "Bí Mật" not in scores.content.decode()


def test_latecomer_with_an_account_in_the_area_is_linked(client, session, areas, trainer, today):
    local = make_person("Võ Văn Địa Phương", phone="+84905111222", area=areas["duy_xuyen"], commune=areas["duy_hoa"])
    client.force_login(trainer)
    response = _latecomer(client, session, today, full_name="Võ Văn Địa Phương", commune=areas["duy_hoa"].pk)
    assert SessionParticipant.objects.get(session=session).person == local
    assert "liên kết với tài khoản" in response.content.decode()  # "linked to their account"


def test_latecomer_with_a_new_phone_gets_an_account_filed_in_the_district(client, session, areas, trainer, today):
    client.force_login(trainer)
    _latecomer(client, session, today, commune=areas["nam_phuoc"].pk)
    _latecomer(client, session, today, commune=areas["nam_phuoc"].pk)  # the form posted twice
    person = User.objects.get(phone="+84905111222")
    assert person.full_name == "Nguyễn Thị Muộn"
    assert not person.has_usable_password()
    assert person.profile.area == areas["duy_xuyen"] and person.profile.commune == areas["nam_phuoc"]
    assert person.profile.birth_year == 1998
    assert Attendance.objects.filter(participant__person=person, day=today).count() == 1


def test_latecomer_form_refuses_bad_input_with_clear_errors(client, session, trainer, today):
    client.force_login(trainer)
    response = _latecomer(client, session, today, phone="12", birth_year="1850")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Nhập số điện thoại Việt Nam hợp lệ" in body
    assert "1850" in body
    assert not SessionParticipant.objects.exists()


# --- Who may run the roll-call ------------------------------------------------------------------


def _pages(session):
    return [
        reverse("rollcall:roll_call", args=[session.pk]),
        reverse("rollcall:latecomer", args=[session.pk]),
        reverse("rollcall:day_code", args=[session.pk]),
        reverse("rollcall:test_edit", args=[session.pk, "pre"]),
        reverse("rollcall:paper_scores", args=[session.pk]),
    ]


def test_trainer_cannot_open_a_session_they_do_not_lead(client, session, areas, today):
    other_trainer = User.objects.create_user(email="other.trainer@example.org", password="x", full_name="Khác")
    other_trainer.groups.add(Group.objects.get(name=roles.TRAINERS.name))
    Trainer.objects.create(person=other_trainer, home_area=areas["duy_xuyen"])
    client.force_login(other_trainer)
    for url in _pages(session):
        assert client.get(url).status_code == 403, url
    response = client.post(reverse("rollcall:roll_call", args=[session.pk]), {"day": today.isoformat()})
    assert response.status_code == 403
    assert not SessionDayCode.objects.exists()
    assert client.get(reverse("rollcall:index")).content.decode().count(session.title) == 0


def test_administrators_run_the_sessions_of_their_district_only(client, session, areas):
    own = make_admin("duy.xuyen@example.org", areas["duy_xuyen"])
    other = make_admin("hoi.an@example.org", areas["hoi_an"])
    client.force_login(own)
    assert all(client.get(url).status_code == 200 for url in _pages(session))
    client.force_login(other)
    assert all(client.get(url).status_code == 403 for url in _pages(session))


def test_learner_cannot_open_the_tick_list(client, session, learner):
    client.force_login(learner)
    assert client.get(reverse("rollcall:roll_call", args=[session.pk])).status_code == 403
