"""Demo roll-call, tests and evaluations on the Duy Hòa session led by trainer@example.org.

The data: demo_data/rollcall.json.

Called at the end of `training.demo.load_sessions`; everything is looked up before it is created, so loading
twice changes nothing.
"""

import json
from decimal import Decimal
from pathlib import Path

from .models import Evaluation, SessionDayCode, SessionParticipant, SessionTest, TestResult, TrainingSession
from .rollcall import score_answers, session_days

DATA = Path(__file__).parent / "demo_data" / "rollcall.json"


def load_rollcall_demo() -> None:
    """Check-in codes for each day, a pre-test and a post-test, scores and evaluations."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    session = TrainingSession.objects.filter(title=data["session"]).first()
    if session is None:
        return
    for day in session_days(session):
        SessionDayCode.objects.get_or_create(session=session, day=day)
    tests = {}
    for kind, questions in data["tests"].items():
        tests[kind], _created = SessionTest.objects.update_or_create(
            session=session, kind=kind, defaults={"questions": questions}
        )
    participants = {
        p.person.email: p for p in SessionParticipant.objects.filter(session=session).select_related("person")
    }
    for row in data["results"]:
        participant = participants.get(row["email"])
        if participant is None:
            continue
        for kind in ("pre", "post"):
            if row.get(kind) is None:
                continue
            score = Decimal(row[kind])
            answers = []
            if row["source"] == TestResult.ONLINE:
                # Answers that give the score: the first n right, the rest wrong.
                questions = tests[kind].questions
                right = round(len(questions) * row[kind] / 100)
                answers = [
                    q["answer"] if i < right else (q["answer"] + 1) % len(q["choices"]) for i, q in enumerate(questions)
                ]
                score = score_answers(tests[kind], answers)
            TestResult.objects.get_or_create(
                participant=participant,
                kind=kind,
                defaults={"score": score, "answers": answers, "source": row["source"]},
            )
        if row.get("evaluation"):
            content, trainer, usefulness, comment = row["evaluation"]
            Evaluation.objects.get_or_create(
                participant=participant,
                defaults={"content": content, "trainer": trainer, "usefulness": usefulness, "comment": comment},
            )
