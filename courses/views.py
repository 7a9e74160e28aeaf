import random
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from core.page_cache import public
from core.text import fold_vi

from .attempts import attempt_allowance, quiz_history
from .models import CoursePage, CourseTag, Enrollment, LessonPage, OfflineReceipt, QuizPage
from .navigation import course_outline, lesson_context
from .progress import enrollment_progress
from .rendering import serve_search
from .services import (
    AttemptLimitReached,
    enrollment_create,
    is_offline_key,
    lesson_complete,
    offline_item_record,
    quiz_attempt_submit,
)


def _rank(page, words: list[str]) -> tuple[int, ...]:
    """Lower is better: the phrase in the title, then in a heading, then every word in the title."""
    phrase = re.compile(r"\b" + re.escape(" ".join(words)) + r"\b")
    title = fold_vi(page.title)
    headings = fold_vi(" | ".join(page.heading_texts())) if isinstance(page, LessonPage) else ""
    return (
        0 if phrase.search(title) else 1,
        0 if phrase.search(headings) else 1,
        0 if all(word in title for word in words) else 1,
        0 if phrase.search(page.search_text) else 1,
    )


def search(request):
    """Courses and lessons matching every word typed, with or without diacritics, best matches first."""
    query = request.GET.get("q", "").strip()[:200]
    page_number = request.GET.get("page")
    return serve_search(request, query=query, page_number=page_number, context=lambda: _search(query, page_number))


def _search(query: str, page_number: str | None) -> dict:
    """The search page's context: it depends on the published content and what was typed, nothing else."""
    words = fold_vi(query).split()
    results = []
    if words:
        condition = Q()
        for word in words:
            condition &= Q(search_text__contains=word)
        fields = ("title", "url_path", "search_text")
        courses = public(CoursePage.objects.live()).filter(condition).only(*fields, "summary")
        lessons = public(LessonPage.objects.live()).filter(condition).only(*fields, "body")
        candidates = list(courses.order_by("path")[:50]) + list(lessons.order_by("path")[:100])
        # sorted() is stable: equal ranks keep courses before lessons, in reading order.
        results = sorted(candidates, key=lambda page: _rank(page, words))
    context = {"query": query, "results": Paginator(results, 20).get_page(page_number)}
    if words and not results:
        context["topics"] = CourseTag.tags_for(CoursePage).order_by("name")
    return context


@require_POST
@login_required
def enroll(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live().public(), pk=course_id)
    _enrollment, created = enrollment_create(user=request.user, course=course)
    if created:
        messages.success(request, _("You are enrolled. Welcome to the course!"))
    first = course.lessons().first()
    return redirect(first.url if first else course.url)


@require_POST
@login_required
def complete_lesson(request, lesson_id: int):
    lesson = get_object_or_404(LessonPage.objects.live().public(), pk=lesson_id)
    enrollment = lesson_complete(user=request.user, lesson=lesson)
    if enrollment.completed_at:
        messages.success(request, _("Congratulations! You have completed the course."))
        return redirect("my_learning")
    nxt = lesson_context(lesson, request)["next_item"]
    return redirect(nxt["url"] if nxt else lesson.url)


@login_required
def resume(request, course_id: int):
    """Take a learner to the first step not done from where they stopped, in reading order.

    A learner who marked a lesson done was shown the next one: that is where they expect to come
    back, not to the lesson already finished. Steps skipped earlier come after; a finished course
    opens where they stopped.
    """
    enrollment = get_object_or_404(
        Enrollment.objects.visible_to(request.user).select_related("course"), course_id=course_id
    )
    _course, outline = course_outline(enrollment.course.path)
    ids = [item["id"] for item in outline]
    start = ids.index(enrollment.last_page_id) if enrollment.last_page_id in ids else 0
    done = enrollment_progress(enrollment).done_ids
    pending = [page_id for page_id in ids[start:] + ids[:start] if page_id not in done]
    target_id = pending[0] if pending else enrollment.last_page_id
    target = Page.objects.filter(pk=target_id).first() if target_id else None
    return redirect(target.url if target else enrollment.course.url)


def _questions_for_display(quiz: QuizPage, seed: str) -> list[dict]:
    """Questions without their answers, shuffled the same way for the same learner and attempt."""
    rng = random.Random(seed)
    questions = []
    for block in quiz.questions:
        choices = [{"id": c.id, "text": c.value["text"]} for c in block.value["choices"].bound_blocks]
        if quiz.shuffle and block.value["kind"] != "true_false":
            rng.shuffle(choices)
        questions.append(
            {
                "id": block.id,
                "text": block.value["text"],
                "kind": block.value["kind"],
                "choices": choices,
            }
        )
    if quiz.shuffle:
        rng.shuffle(questions)
    return questions


def quiz_view(request, quiz: QuizPage):
    if request.method == "POST":
        return _quiz_submit(request, quiz)
    context = {"page": quiz, "self": quiz, **lesson_context(quiz, request)}
    attempts, grants = quiz_history(enrollment=context["enrollment"], quiz=quiz)
    allowance = attempt_allowance(quiz, attempts, grants)
    context.update(
        attempts=attempts,
        allowance=allowance,
        remaining=allowance.left,
        has_passed=any(a.passed for a in attempts),
    )
    seed = f"{request.user.pk}:{quiz.pk}:{len(attempts)}"
    context["questions"] = _questions_for_display(quiz, seed)
    return TemplateResponse(request, "courses/quiz_page.html", context)


def _quiz_submit(request, quiz: QuizPage):
    """Record an attempt and show its result, from what the submission read (nothing is read twice)."""
    if not request.user.is_authenticated:
        return redirect_to_login(quiz.url)
    answers = {block.id: request.POST.getlist(f"q-{block.id}") for block in quiz.questions}
    key = request.POST.get("offline_key")
    key = key if is_offline_key(key) else ""
    if key:
        # Sent with a key by static/js/offline.js: recorded once, whether this request or the
        # phone's later copy (sent when this result page never reached it) arrives first.
        receipt = offline_item_record(
            user=request.user, key=key, kind=OfflineReceipt.QUIZ, page_id=quiz.pk, answers=answers, served=quiz
        )
        submission = getattr(receipt, "submission", None)
        if submission is None:
            if receipt.reason:
                messages.error(request, receipt.reason)
            else:
                messages.info(request, _("These answers were recorded already."))
            return redirect(quiz.url)
    else:
        try:
            submission = quiz_attempt_submit(user=request.user, quiz=quiz, answers=answers)
        except AttemptLimitReached:
            # The quiz page it redirects to says when the learner may try again, or whom to ask.
            messages.error(request, _("You have used all your attempts for this quiz."))
            return redirect(quiz.url)
    result = submission.result
    state = (submission.enrollment, submission.progress)
    context = {"page": quiz, "self": quiz, **lesson_context(quiz, request, state=state)}
    by_id = {block.id: block for block in quiz.questions}
    allowance = attempt_allowance(quiz, submission.attempts, submission.grants)
    reveal = quiz.reveals_answers(passed=result.passed, final=allowance.final)
    context.update(
        offline_key=key,
        attempt=submission.attempt,
        result=result,
        attempts=submission.attempts,
        allowance=allowance,
        remaining=allowance.left,
        has_passed=any(a.passed for a in submission.attempts[:-1]),
        reveal=reveal,
        total=len(result.results),
        # Per-question feedback names the right answers, so it waits for the quiz's policy.
        feedback=[]
        if not reveal
        else [
            {
                "question": by_id[r.question_id].value,
                "result": r,
                "choices": [
                    {
                        "text": c.value["text"],
                        "chosen": c.id in r.chosen,
                        "correct": c.value["correct"],
                    }
                    for c in by_id[r.question_id].value["choices"].bound_blocks
                ],
            }
            for r in result.results
        ],
    )
    return TemplateResponse(request, "courses/quiz_result.html", context)
