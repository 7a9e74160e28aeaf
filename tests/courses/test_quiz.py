import importlib
import json
import re

import pytest
from django.utils import translation

from courses.models import QuizAttempt
from courses.scoring import score_quiz
from courses.services import AttemptLimitReached, quiz_attempt_submit

from .factories import build_course, quiz_questions

pytestmark = pytest.mark.django_db

ALL_RIGHT = {"q-single": ["s-right"], "q-multi": ["m-a", "m-b"], "q-tf": ["t-true"]}


def test_all_right_scores_100(course_tree):
    result = score_quiz(course_tree.quizzes[0].questions, ALL_RIGHT, pass_mark=60)
    assert (result.score, result.passed, result.correct_count) == (100, True, 3)


def test_partial_multiple_choice_is_wrong(course_tree):
    answers = {**ALL_RIGHT, "q-multi": ["m-a"]}
    result = score_quiz(course_tree.quizzes[0].questions, answers, pass_mark=60)
    assert result.score == 66 and result.passed


def test_tampered_answers_never_score(course_tree):
    questions = course_tree.quizzes[0].questions
    # Every choice ticked on a single-choice question, unknown ids, a foreign question id.
    tampered = {
        "q-single": ["s-right", "s-wrong"],
        "q-multi": ["m-a", "m-b", "forged"],
        "q-tf": ["t-true", "t-false"],
        "not-a-question": ["s-right"],
    }
    result = score_quiz(questions, tampered, pass_mark=60)
    assert result.correct_count == 1  # only the multiple-choice, after dropping the forged id
    assert result.score == 33 and not result.passed


def test_empty_submission_fails(course_tree):
    result = score_quiz(course_tree.quizzes[0].questions, {}, pass_mark=60)
    assert (result.score, result.passed) == (0, False)


def test_attempt_limit(home, learner):
    tree = build_course(home, slug="gioi-han", max_attempts=2)
    quiz = tree.quizzes[0]
    quiz_attempt_submit(user=learner, quiz=quiz, answers={})
    quiz_attempt_submit(user=learner, quiz=quiz, answers={})
    with pytest.raises(AttemptLimitReached):
        quiz_attempt_submit(user=learner, quiz=quiz, answers=ALL_RIGHT)
    assert list(QuizAttempt.objects.values_list("number", flat=True)) == [1, 2]


def test_correct_answers_not_in_quiz_html(client, course_tree, learner):
    client.force_login(learner)
    html = client.get(course_tree.quizzes[0].url).content.decode()
    assert "Khoản vay ngân hàng" in html  # the choices are shown…
    assert "correct" not in html.lower().replace("incorrect", "")  # …but nothing marks the right one
    assert "Vốn mồi là khoản vốn đầu tiên." not in html  # explanations wait for a submission


def test_submit_through_the_page_shows_explanations(client, course_tree, learner):
    client.force_login(learner)
    quiz = course_tree.quizzes[0]
    form = {f"q-{qid}": ids for qid, ids in ALL_RIGHT.items()}
    response = client.post(quiz.url, form)
    html = response.content.decode()
    assert response.status_code == 200
    assert "100%" in html and "Vốn mồi là khoản vốn đầu tiên." in html
    assert QuizAttempt.objects.get().passed


def test_attempt_limit_through_the_page(client, home, learner):
    tree = build_course(home, slug="mot-lan", max_attempts=1)
    quiz = tree.quizzes[0]
    client.force_login(learner)
    client.post(quiz.url, {})
    response = client.post(quiz.url, {f"q-{k}": v for k, v in ALL_RIGHT.items()}, follow=True)
    assert "Bạn đã dùng hết số lần làm bài" in response.content.decode()
    assert QuizAttempt.objects.count() == 1


def _without_ids(questions):
    """The quiz content as the old demo loader stored it: answer choices without ids."""
    return [{**q, "value": {**q["value"], "choices": [c["value"] for c in q["value"]["choices"]]}} for q in questions]


def _old_style_quiz(course_tree):
    quiz = course_tree.quizzes[0]
    quiz.questions = _without_ids(quiz_questions())
    quiz.save_revision().publish()
    quiz.refresh_from_db()
    assert all("id" not in c for q in quiz.questions.raw_data for c in q["value"]["choices"])
    return quiz


def test_choices_stored_without_ids_can_be_answered_right(client, course_tree, learner):
    quiz = _old_style_quiz(course_tree)
    client.force_login(learner)
    html = client.get(quiz.url).content.decode()
    right = {"Khoản vốn đầu tiên", "Nhà đầu tư", "Vườn ươm", "Đúng"}
    form = {}
    for name, value, text in re.findall(r'name="([^"]+)" value="([^"]+)">\s*<span>([^<]+?)</span>', html):
        if text in right:
            form.setdefault(name, []).append(value)
    assert len(form) == 3
    response = client.post(quiz.url, form)
    assert "100%" in response.content.decode()
    assert QuizAttempt.objects.get().passed


def test_migration_gives_pages_and_revisions_stable_choice_ids(course_tree):
    from django.apps import apps

    from courses.blocks import stable_choice_id

    migration = importlib.import_module("courses.migrations.0005_stable_quiz_choice_ids")
    quiz = _old_style_quiz(course_tree)
    migration.give_choices_ids(apps, None)
    migration.give_choices_ids(apps, None)  # a second run changes nothing

    quiz.refresh_from_db()
    stored = [c for q in quiz.questions.raw_data for c in q["value"]["choices"]]
    assert stored[0] == {
        "type": "item",
        "id": stable_choice_id(0, "Khoản vốn đầu tiên"),
        "value": {"text": "Khoản vốn đầu tiên", "correct": True},
    }
    for revision in quiz.revisions.all():
        questions = json.loads(revision.content["questions"])
        assert all(c["id"] for q in questions for c in q["value"]["choices"])
    # The latest revision, as an editor opens it, has the same ids as the live page.
    draft = quiz.get_latest_revision_as_object()
    assert [c.id for q in draft.questions for c in q.value["choices"].bound_blocks] == [c["id"] for c in stored]


WRONG = {"q-single": ["s-wrong"], "q-multi": ["m-c"], "q-tf": ["t-false"]}
RIGHT_TEXTS = ("right answer", "Vốn mồi là khoản vốn đầu tiên.")  # the mark and an explanation


def _post(client, quiz, answers, prefix="/en"):
    with translation.override("vi"):  # a request under /en/ leaves English active in the thread
        url = prefix + quiz.url
    response = client.post(url, {f"q-{k}": v for k, v in answers.items()})
    assert response.status_code == 200
    return response.content.decode()


def test_a_failed_attempt_does_not_reveal_the_answers(client, home, learner):
    quiz = build_course(home, slug="ba-lan", max_attempts=3).quizzes[0]
    client.force_login(learner)
    html = _post(client, quiz, WRONG)
    assert "You scored 0% (0 of 3 correct)" in html
    assert not any(text in html for text in RIGHT_TEXTS)
    assert "The correct answers are shown once you pass or have used all your attempts." in html
    # Second failure, one attempt still left: still nothing.
    html = _post(client, quiz, WRONG)
    assert not any(text in html for text in RIGHT_TEXTS)


def test_the_last_failed_attempt_reveals_the_answers(client, home, learner):
    quiz = build_course(home, slug="hai-lan", max_attempts=2).quizzes[0]
    client.force_login(learner)
    _post(client, quiz, WRONG)
    html = _post(client, quiz, WRONG)
    assert all(text in html for text in RIGHT_TEXTS)
    assert "Try again" not in html


def test_passing_reveals_the_answers_and_unlimited_quizzes_wait_for_a_pass(client, course_tree, learner):
    quiz = course_tree.quizzes[0]  # no attempt limit
    client.force_login(learner)
    html = _post(client, quiz, WRONG)
    assert "The correct answers are shown once you pass." in html
    assert not any(text in html for text in RIGHT_TEXTS)
    html = _post(client, quiz, ALL_RIGHT)
    assert all(text in html for text in RIGHT_TEXTS)


def test_a_quiz_may_show_the_answers_after_every_attempt(client, course_tree, learner):
    quiz = course_tree.quizzes[0]
    quiz.reveal_answers = quiz.REVEAL_ALWAYS
    quiz.save_revision().publish()
    client.force_login(learner)
    html = _post(client, quiz, WRONG)
    assert all(text in html for text in RIGHT_TEXTS)


def test_over_the_limit_the_quiz_refuses_in_the_learners_language(client, home, learner):
    quiz = build_course(home, slug="mot-lan-en", max_attempts=1).quizzes[0]
    client.force_login(learner)
    _post(client, quiz, WRONG)
    with translation.override("vi"):
        url = "/en" + quiz.url
    response = client.post(url, {f"q-{k}": v for k, v in ALL_RIGHT.items()}, follow=True)
    html = response.content.decode()
    assert "You have used all your attempts for this quiz." in html
    assert '<form method="post" class="quiz"' not in html  # no form to submit again
    assert QuizAttempt.objects.count() == 1 and not QuizAttempt.objects.get().passed


def test_each_answer_is_a_label_wrapping_its_input(client, course_tree, learner):
    client.force_login(learner)
    html = client.get(course_tree.quizzes[0].url).content.decode()
    choices = re.findall(r'<li><label><input type="(radio|checkbox)" name="q-[^"]+" value="[^"]+"> <span>', html)
    assert len(choices) == 7  # one line (list item) per answer, the text inside the label
