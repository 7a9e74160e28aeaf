"""Pure quiz scoring: no database, no request; the server is the only judge of answers."""

from dataclasses import dataclass


@dataclass(frozen=True)
class QuestionResult:
    question_id: str
    chosen: frozenset[str]
    correct_choices: frozenset[str]

    @property
    def is_correct(self) -> bool:
        return bool(self.chosen) and self.chosen == self.correct_choices


@dataclass(frozen=True)
class QuizResult:
    results: tuple[QuestionResult, ...]
    score: int  # percent, rounded down
    passed: bool

    @property
    def correct_count(self) -> int:
        return sum(r.is_correct for r in self.results)


def score_quiz(questions, answers: dict[str, list[str]], pass_mark: int) -> QuizResult:
    """Score submitted answers against a quiz's questions.

    `questions` is the quiz StreamField (blocks with an id, a kind and choices with ids);
    `answers` maps a question id to the chosen choice ids. Unknown ids are ignored and a
    single-choice question answered with several choices counts as wrong, so a tampered
    form can never score more than an honest one.
    """
    results = []
    for question in questions:
        value = question.value
        choice_ids = {choice.id for choice in value["choices"].bound_blocks}
        correct = frozenset(choice.id for choice in value["choices"].bound_blocks if choice.value["correct"])
        chosen = frozenset(a for a in answers.get(question.id, []) if a in choice_ids)
        if value["kind"] != "multiple" and len(chosen) > 1:
            chosen = frozenset()
        results.append(QuestionResult(question.id, chosen, correct))
    total = len(results)
    score = (100 * sum(r.is_correct for r in results) // total) if total else 0
    return QuizResult(tuple(results), score, score >= pass_mark)
