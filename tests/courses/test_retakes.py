"""Quiz attempts that do not end a career: a waiting period renews them, an administrator grants more."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.attempts import attempt_allowance, attempts_left
from courses.models import AttemptGrant, QuizAttempt
from courses.services import lesson_complete, quiz_attempt_submit
from tests.trainers.factories import ProfileFactory, areas, district_admin, province_admin

from .factories import build_course

pytestmark = pytest.mark.django_db

WRONG = {"q-single": ["s-wrong"], "q-multi": ["m-c"], "q-tf": ["t-false"]}
ALL_RIGHT = {"q-single": ["s-right"], "q-multi": ["m-a", "m-b"], "q-tf": ["t-true"]}
FORM = '<form method="post" class="quiz"'


def _quiz(home, slug="lam-lai", *, limit=2, wait=None):
    quiz = build_course(home, slug=slug, max_attempts=limit).quizzes[0]
    quiz.retake_after_days = wait
    quiz.save_revision().publish()
    return quiz


def _submit(client, quiz, answers=WRONG):
    return client.post(quiz.url, {f"q-{k}": v for k, v in answers.items()}, follow=True)


def _days_ago(quiz, days):
    """Moves every attempt at the quiz back in time, as if they had been made `days` ago."""
    QuizAttempt.objects.filter(quiz=quiz).update(submitted_at=timezone.now() - datetime.timedelta(days=days))


def _exhaust(client, quiz, times=2):
    for _ in range(times):
        assert _submit(client, quiz).status_code == 200
    assert QuizAttempt.objects.filter(quiz=quiz).count() == times


# --- The rule, on its own -------------------------------------------------------------------------


class _Row:
    def __init__(self, at, passed=False, extra=0):
        self.submitted_at = self.granted_at = at
        self.passed, self.extra_attempts = passed, extra


class _Quiz:
    def __init__(self, limit, wait=None):
        self.max_attempts, self.retake_after_days = limit, wait


T0 = timezone.make_aware(datetime.datetime(2026, 12, 7, 9, 30))


def _day(n):
    return T0 + datetime.timedelta(days=n)


def test_rule_without_a_limit_never_runs_out():
    assert attempt_allowance(_Quiz(None), [_Row(T0)] * 20, []).left is None


def test_rule_waiting_period_counts_from_the_last_failed_attempt():
    quiz, tried = _Quiz(2, wait=7), [_Row(_day(0)), _Row(_day(1))]
    waiting = attempt_allowance(quiz, tried, [], today=_day(7).date())
    assert (waiting.left, waiting.retake_on) == (0, datetime.date(2026, 12, 15))
    assert not waiting.final
    assert attempt_allowance(quiz, tried, [], today=datetime.date(2026, 12, 15)).left == 2
    # A new round: its own two attempts, then a new wait from its last one.
    again = [*tried, _Row(_day(10)), _Row(_day(11))]
    assert attempt_allowance(quiz, again, [], today=_day(12).date()).retake_on == datetime.date(2026, 12, 25)


def test_rule_no_retake_after_a_pass_nor_without_a_waiting_period():
    passed = [_Row(_day(0)), _Row(_day(1), passed=True)]
    assert attempt_allowance(_Quiz(2, wait=7), passed, [], today=_day(30).date()).final
    assert attempt_allowance(_Quiz(2), [_Row(_day(0)), _Row(_day(1))], [], today=_day(300).date()).final


def test_rule_a_grant_adds_attempts_and_does_not_cost_a_renewal():
    quiz, tried = _Quiz(2, wait=7), [_Row(_day(0)), _Row(_day(1))]
    assert attempt_allowance(quiz, tried, [_Row(_day(2), extra=1)], today=_day(3).date()).left == 1
    # Granted after the wait was over: the renewed round and the grant together.
    assert attempt_allowance(quiz, tried, [_Row(_day(9), extra=1)], today=_day(9).date()).left == 3
    # A grant used up starts the wait again from the last attempt.
    used = [*tried, _Row(_day(3))]
    late = attempt_allowance(quiz, used, [_Row(_day(2), extra=1)], today=_day(4).date())
    assert (late.left, late.retake_on) == (0, _day(10).date())


# --- From the outside ------------------------------------------------------------------------------


def test_exhausted_attempts_refuse_a_post_and_say_whom_to_ask(client, home, learner):
    quiz = _quiz(home)
    client.force_login(learner)
    _exhaust(client, quiz)
    response = _submit(client, quiz, ALL_RIGHT)
    html = response.content.decode()
    assert "Bạn đã dùng hết số lần làm bài kiểm tra này." in html
    assert "Hãy liên hệ quản trị viên để được cấp thêm lượt làm bài." in html
    assert FORM not in html
    assert QuizAttempt.objects.count() == 2 and not QuizAttempt.objects.filter(passed=True).exists()


def test_after_the_waiting_period_the_learner_tries_again(client, home, learner):
    quiz = _quiz(home, wait=7)
    client.force_login(learner)
    _exhaust(client, quiz)
    _days_ago(quiz, 3)
    html = client.get(quiz.url).content.decode()
    retake_on = timezone.localdate() + datetime.timedelta(days=4)
    assert f"Bạn có thể làm lại từ ngày {retake_on:%d/%m/%Y}." in html
    assert FORM not in html
    _submit(client, quiz, ALL_RIGHT)  # refused while waiting
    assert QuizAttempt.objects.count() == 2

    _days_ago(quiz, 7)
    html = client.get(quiz.url).content.decode()
    assert FORM in html and "Bạn có thể làm lại" not in html
    assert "Còn 2 lần làm bài" in html
    html = _submit(client, quiz, ALL_RIGHT).content.decode()
    assert "100%" in html
    assert list(QuizAttempt.objects.values_list("number", "passed")) == [(1, False), (2, False), (3, True)]
    assert attempts_left(user=learner, quiz=quiz).left == 1


def test_the_last_attempt_before_a_wait_keeps_the_answers_hidden(client, home, learner):
    """The answers wait while a retake is coming: otherwise the next round could be copied."""
    quiz = _quiz(home, wait=7)
    client.force_login(learner)
    _submit(client, quiz)
    html = _submit(client, quiz).content.decode()
    assert "Vốn mồi là khoản vốn đầu tiên." not in html and "đáp án đúng" not in html
    assert ">Làm lại</a>" not in html  # no button to a form that would refuse
    assert "Bạn có thể làm lại từ ngày" in html


@pytest.fixture
def world(home, learner, other_learner):
    """A learner of Duy Hòa (Duy Xuyên) and one of Tam Kỳ, both out of attempts; two administrators."""
    learner.full_name, other_learner.full_name = "Đỗ Thanh Tâm", "Hà Bảo Ngọc"
    learner.save()
    other_learner.save()
    tree = areas()
    duy_xuyen = tree["Duy Xuyên"]
    ProfileFactory(user=learner, area=duy_xuyen, commune=duy_xuyen.children.get(name="Duy Hòa"))
    ProfileFactory(user=other_learner, area=tree["Tam Kỳ"])
    quiz = _quiz(home, "cap-them")
    for person in (learner, other_learner):
        for _ in range(2):
            quiz_attempt_submit(user=person, quiz=quiz, answers={})
    return {
        "quiz": quiz,
        "district_admin": district_admin(duy_xuyen),
        "province_admin": province_admin(tree["province"], email="tinh@example.org"),
    }


def _grant(client, person, quiz, *, extra="1", reason="Mất điện giữa giờ làm bài."):
    return client.post(
        reverse("attempt_grant:add"),
        {"person": person.pk, "quiz": quiz.pk, "extra_attempts": extra, "reason": reason},
    )


def test_an_administrator_grant_adds_attempts_and_is_recorded(client, world, learner):
    quiz, admin = world["quiz"], world["province_admin"]
    client.force_login(admin)
    response = _grant(client, learner, quiz, extra="2")
    assert response.status_code == 302, response.content.decode()[:2000]
    grant = AttemptGrant.objects.get()
    assert (grant.person, grant.quiz_id, grant.extra_attempts, grant.granted_by) == (learner, quiz.pk, 2, admin)
    assert grant.reason == "Mất điện giữa giờ làm bài." and grant.granted_at is not None
    inspect = client.get(reverse("attempt_grant:inspect", args=[grant.pk])).content.decode()
    assert "Mất điện giữa giờ làm bài." in inspect

    client.force_login(learner)
    assert FORM in client.get(quiz.url).content.decode()
    _submit(client, quiz)
    _submit(client, quiz)
    html = _submit(client, quiz).content.decode()  # the two granted attempts are used: refused
    assert "Hãy liên hệ quản trị viên" in html
    assert QuizAttempt.objects.filter(enrollment__user=learner).count() == 4


def test_a_grant_needs_a_reason_and_a_sensible_number(client, world, learner):
    client.force_login(world["province_admin"])
    html = _grant(client, learner, world["quiz"], reason="").content.decode()
    assert "Trường này là bắt buộc." in html
    html = _grant(client, learner, world["quiz"], extra="50").content.decode()
    assert "nhỏ hơn hoặc bằng với 10" in html
    assert not AttemptGrant.objects.exists()


def test_a_grant_cannot_be_rewritten(client, world, learner):
    client.force_login(world["province_admin"])
    _grant(client, learner, world["quiz"])
    grant = AttemptGrant.objects.get()
    for view in ("edit", "delete"):
        url = reverse(f"attempt_grant:{view}", args=[grant.pk])
        response = client.post(url, {"person": learner.pk, "quiz": grant.quiz_id, "extra_attempts": 9, "reason": "x"})
        assert response.status_code in (302, 403, 404) and response.get("Location", "/admin/") == "/admin/"
    grant.refresh_from_db()
    assert grant.extra_attempts == 1


def test_a_district_administrator_grants_only_in_their_district(client, world, learner, other_learner):
    quiz = world["quiz"]
    client.force_login(world["district_admin"])
    form = client.get(reverse("attempt_grant:add")).content.decode()
    assert learner.full_name in form and other_learner.full_name not in form
    response = _grant(client, other_learner, quiz)
    assert response.status_code == 200  # the form again, with the choice refused
    assert "Hãy chọn một mục hợp lệ." in response.content.decode()
    assert not AttemptGrant.objects.exists()
    assert _grant(client, learner, quiz).status_code == 302
    assert AttemptGrant.objects.get().person == learner

    # Another district's grant: neither listed nor opened.
    client.force_login(world["province_admin"])
    _grant(client, other_learner, quiz, reason="Thi lại theo đề nghị của huyện Tam Kỳ.")
    theirs = AttemptGrant.objects.get(person=other_learner)
    client.get(reverse("attempt_grant:index"))  # shows (and so clears) the "added" message naming the person
    client.force_login(world["district_admin"])
    listing = client.get(reverse("attempt_grant:index")).content.decode()
    assert learner.full_name in listing and other_learner.full_name not in listing
    response = client.get(reverse("attempt_grant:inspect", args=[theirs.pk]))
    assert response.status_code in (403, 404) or response.get("Location") == "/admin/"


def test_a_learner_cannot_grant_themselves_attempts(client, world, learner):
    client.force_login(learner)
    response = _grant(client, learner, world["quiz"])
    assert response.status_code in (302, 403) and not AttemptGrant.objects.exists()


# --- Query counts ----------------------------------------------------------------------------------


@pytest.mark.parametrize("history", [0, 8])
def test_quiz_page_and_submission_queries_do_not_grow(
    client, home, learner, superuser, django_assert_max_num_queries, monkeypatch, history
):
    """As many queries as before grants existed, however many attempts and grants a learner has."""
    from core import page_cache

    monkeypatch.setattr(page_cache, "VERSION_TRUST_SECONDS", 3600)  # the steady state, as in test_queries
    quiz = _quiz(home, f"dem-{history}", limit=2, wait=7)
    lesson_complete(user=learner, lesson=quiz.get_prev_siblings().live().first().specific)
    for n in range(history):
        AttemptGrant.objects.create(
            person=learner, quiz=quiz, extra_attempts=1, reason=f"Lần {n}", granted_by=superuser
        )
        quiz_attempt_submit(user=learner, quiz=quiz, answers={})
    client.force_login(learner)
    client.get(quiz.url)  # warm the caches, as any running server has
    with django_assert_max_num_queries(1):  # the attempts and grants, in one query
        html = client.get(quiz.url).content.decode()
    assert FORM in html
    with django_assert_max_num_queries(21):
        assert client.post(quiz.url, {"q-q-single": ["s-wrong"]}).status_code == 200
    assert QuizAttempt.objects.filter(quiz=quiz).count() == history + 1


def test_a_learner_downloads_their_grants_and_deleting_the_account_forgets_the_reason(client, home, learner, superuser):
    import json

    quiz = _quiz(home, "du-lieu")
    AttemptGrant.objects.create(
        person=learner, quiz=quiz, extra_attempts=1, reason="Nằm viện trong tuần thi.", granted_by=superuser
    )
    client.force_login(learner)
    data = json.loads(client.get("/accounts/me/data/").content)
    assert [(g["quiz"], g["extra_attempts"], g["reason"]) for g in data["attempt_grants"]] == [
        (quiz.title, 1, "Nằm viện trong tuần thi.")
    ]
    client.post("/accounts/me/delete/", {"confirm": "yes"})
    grant = AttemptGrant.objects.get()
    assert "Nằm viện" not in grant.reason and grant.extra_attempts == 1  # the count stays for the record
