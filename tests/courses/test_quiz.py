import pytest

from courses.models import QuizAttempt
from courses.scoring import score_quiz
from courses.services import AttemptLimitReached, quiz_attempt_submit

from .factories import build_course

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
