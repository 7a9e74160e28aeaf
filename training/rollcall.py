"""Roll-call services: who may run it, check-in by code, the tick list, latecomers, tests, evaluations, results.

One home for each rule the roll-call screens, the reports and the demo share:
- `may_run(user, session)`: who manages a session's roll-call and results;
- `participant_check_in`: one person attends once per day, whoever records it (QR, tick, latecomer),
  relying on the database's unique constraints, so a retry or a double tap is never counted twice;
- `latecomer_add`: the attendance import's rule for accounts (`training.attendance_import`): a phone that
  belongs to an account filed outside the session's area records the person "as listed", never showing
  or changing that account;
- `learning_results`: learning gain and satisfaction for any queryset of sessions.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from areas.models import Area, vietnamese_sort_key
from areas.rollup import AreaTree, area_tree
from trainers.models import Profile

from .attendance_import.match import COMMUNE_KINDS, home_district
from .models import (
    LISTED_FIELDS,
    RATING_FIELDS,
    Attendance,
    Evaluation,
    SessionDayCode,
    SessionParticipant,
    SessionTest,
    TestResult,
    TrainingSession,
)

MANAGE_PERMISSION = "training.change_sessionparticipant"


# --- Who may run a session's roll-call --------------------------------------------------------------


def may_run(user, session: TrainingSession) -> bool:
    """Whether the user manages the session's roll-call, tests and results.

    The trainers leading it, and administrators who see it (`TrainingSession.objects.visible_to`) and may
    change participants. Nobody else, however many other sessions they lead.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if not TrainingSession.objects.visible_to(user).filter(pk=session.pk).exists():
        return False
    return user.has_perm(MANAGE_PERMISSION) or TrainingSession.objects.managed_by(user).filter(pk=session.pk).exists()


def sessions_run_by(user) -> QuerySet[TrainingSession]:
    """The sessions whose roll-call the user may run (the list behind `may_run`)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return TrainingSession.objects.none()
    visible = TrainingSession.objects.visible_to(user)
    if user.has_perm(MANAGE_PERMISSION):
        return visible
    return visible & TrainingSession.objects.managed_by(user)


# --- Names as the roll-call shows them -------------------------------------------------------------


def shown_name(participant: SessionParticipant) -> str:
    """The name a roll-call shows: what a list or the trainer wrote, else the person's own (a self check-in).

    A participant recorded "as listed" always has a listed name, so the account behind it is never shown.
    """
    return participant.listed_name or participant.person.full_name


# --- Day codes ------------------------------------------------------------------------------------


def session_days(session: TrainingSession) -> list[datetime.date]:
    days, day = [], session.starts_on
    while day <= session.ends_on:
        days.append(day)
        day += datetime.timedelta(days=1)
    return days


def day_code_for(session: TrainingSession, day: datetime.date) -> SessionDayCode:
    """The session's check-in code for a day, made on first use (two phones asking at once get one code)."""
    try:
        with transaction.atomic():
            code, _created = SessionDayCode.objects.get_or_create(session=session, day=day)
    except IntegrityError:
        code = SessionDayCode.objects.get(session=session, day=day)
    return code


def day_code_refusal(day_code: SessionDayCode | None, session: TrainingSession | None = None) -> str | None:
    """Why a code cannot check anyone in now (None: it can)."""
    if day_code is None:
        return _("This check-in code does not exist. Check the code on the trainer's screen.")
    if session is not None and day_code.session_id != session.pk:
        return _("This check-in code belongs to another training session.")
    today = timezone.localdate()
    if day_code.day < today:
        return _("This check-in code was for %(day)s and has expired. Ask the trainer for today's code.") % {
            "day": date_format(day_code.day, "SHORT_DATE_FORMAT")
        }
    if day_code.day > today:
        return _("This check-in code is for %(day)s: it cannot be used before that day.") % {
            "day": date_format(day_code.day, "SHORT_DATE_FORMAT")
        }
    return None


# --- Attendance -----------------------------------------------------------------------------------


@dataclass
class CheckIn:
    participant: SessionParticipant
    counted: bool  # False: the person was already recorded present that day


def participant_check_in(
    *, session: TrainingSession, person, day: datetime.date, listed: dict | None = None
) -> CheckIn:
    """Record the person present on the day (enrolling them first); a second call changes nothing.

    The unique constraints (one participant per person per session, one attendance per participant per
    day) decide a race between two taps: the loser reads the winner's row.
    """
    try:
        with transaction.atomic():
            participant, _created = SessionParticipant.objects.get_or_create(
                session=session, person=person, defaults=listed or {}
            )
    except IntegrityError:
        participant = SessionParticipant.objects.get(session=session, person=person)
    return CheckIn(participant, _mark_present(participant, day))


def _listed_check_in(*, session: TrainingSession, day: datetime.date, listed: dict) -> CheckIn:
    """A person with no account, known by the phone the trainer wrote: enrolled once, present once a day."""
    # The session's row lock serialises two posts of the same latecomer (a retry on a weak signal).
    TrainingSession.objects.select_for_update().filter(pk=session.pk).first()
    participant = SessionParticipant.objects.filter(
        session=session, person=None, listed_phone=listed["listed_phone"]
    ).first() or SessionParticipant.objects.create(session=session, person=None, **listed)
    return CheckIn(participant, _mark_present(participant, day))


def _mark_present(participant: SessionParticipant, day: datetime.date) -> bool:
    """Whether this call recorded the day (False when it already was)."""
    try:
        with transaction.atomic():
            Attendance.objects.create(participant=participant, day=day, present=True)
        return True
    except IntegrityError:
        # Already a row for the day: an earlier tap, or a list that marked the person absent.
        return bool(Attendance.objects.filter(participant=participant, day=day, present=False).update(present=True))


@transaction.atomic
def roll_call_tick(
    *, session: TrainingSession, day: datetime.date, ticked: set[int], shown_present: set[int], shown: set[int]
) -> tuple[int, int]:
    """Apply a posted tick list: (marked present, marked absent).

    Only names the form showed are touched, and a name is marked absent only if the form showed it
    present and the trainer unticked it, so a stale or resubmitted form never undoes a later check-in
    and posting the same form twice changes nothing.
    """
    ids = set(SessionParticipant.objects.filter(session=session, pk__in=shown).values_list("pk", flat=True))
    ticked, shown_present = ticked & ids, shown_present & ids
    added = 0
    for participant in SessionParticipant.objects.filter(pk__in=ticked - shown_present):
        added += _mark_present(participant, day)
    removed = Attendance.objects.filter(
        participant__in=shown_present - ticked, participant__session=session, day=day, present=True
    ).update(present=False)
    return added, removed


def present_ids(session: TrainingSession, day: datetime.date) -> set[int]:
    return set(
        Attendance.objects.filter(participant__session=session, day=day, present=True).values_list(
            "participant_id", flat=True
        )
    )


# --- Latecomers -----------------------------------------------------------------------------------


def commune_choices(session: TrainingSession, tree: AreaTree | None = None) -> list[Area]:
    """The communes of the session's former district as they were on its first day, in Vietnamese order."""
    tree = tree or area_tree()
    district = home_district(session.area, tree)
    if not district.is_district:
        return []
    communes = [
        tree.areas[pk]
        for pk in tree.members(district)
        if tree.areas[pk].kind in COMMUNE_KINDS and tree.areas[pk].is_valid_on(session.starts_on)
    ]
    return sorted(communes, key=lambda a: vietnamese_sort_key(a.name))


def filed_within(session: TrainingSession, user_id: int, tree: AreaTree | None = None) -> bool:
    """Whether the account is filed (`Profile.filed_area`) in an area the session's former district covers."""
    tree = tree or area_tree()
    filed = (
        Profile.objects.filter(user_id=user_id)
        .annotate(filed=Coalesce("commune", "area"))
        .values_list("filed", flat=True)
        .first()
    )
    return filed is not None and filed in tree.members(home_district(session.area, tree))


@dataclass
class Latecomer:
    check_in: CheckIn
    linked: bool  # the phone's account is filed in the session's area and is shown as itself
    new_account: bool


@transaction.atomic
def latecomer_add(
    *,
    session: TrainingSession,
    day: datetime.date,
    full_name: str,
    phone: str,
    gender: str = "",
    birth_year: int | None = None,
    commune: Area | None = None,
) -> Latecomer:
    """Record someone who arrived without being listed, as the attendance import would.

    A phone of an account filed in the session's area links to that account; a phone of an account filed
    elsewhere is never linked (the import's rule, `attendance_import.write`): the person is recorded with no
    account, as the trainer wrote them, so nothing of that account is shown and nothing counts for it; an
    unknown phone gets a new account (no password) filed in the session's district.
    """
    User = get_user_model()
    tree = area_tree()
    district = home_district(session.area, tree)
    listed = dict(
        zip(
            LISTED_FIELDS,
            (full_name, gender, None, birth_year, "", phone, "", commune.name if commune else ""),
            strict=True,
        )
    )
    account = User.objects.filter(phone=phone).first()
    new_account = account is None
    if new_account:
        account = User(full_name=full_name, phone=phone)
        account.set_unusable_password()
        account.save()
        Profile.objects.create(user=account, gender=gender, birth_year=birth_year, area=district, commune=commune)
    linked = not new_account and filed_within(session, account.pk, tree)
    if not new_account and not linked:
        return Latecomer(_listed_check_in(session=session, day=day, listed=listed), False, False)
    check_in = participant_check_in(session=session, person=account, day=day, listed=listed)
    participant = check_in.participant
    missing = [name for name in LISTED_FIELDS if getattr(participant, name) in ("", None) and listed[name]]
    if missing:  # an earlier self check-in left the list empty: keep what the trainer wrote now
        for name in missing:
            setattr(participant, name, listed[name])
        participant.save(update_fields=missing)
    return Latecomer(check_in, linked, new_account)


# --- Tests and evaluations ------------------------------------------------------------------------


def attending_participant(session: TrainingSession, person, day: datetime.date) -> SessionParticipant | None:
    """The person's place in the session if they are recorded present on the day."""
    return (
        SessionParticipant.objects.filter(session=session, person=person, attendance__day=day, attendance__present=True)
        .select_related("person")
        .first()
    )


def score_answers(test: SessionTest, answers: list[int | None]) -> Decimal:
    """Share of right answers, out of 100, to one decimal."""
    questions = test.questions
    if not questions:
        return Decimal(0)
    right = sum(1 for q, a in zip(questions, answers, strict=False) if a is not None and a == q["answer"])
    return (Decimal(100) * right / len(questions)).quantize(Decimal("0.1"))


def test_answer(*, participant: SessionParticipant, test: SessionTest, answers: list[int | None]) -> TestResult:
    """Record a learner's answers once; a second attempt is refused (ValidationError)."""
    try:
        with transaction.atomic():
            return TestResult.objects.create(
                participant=participant,
                kind=test.kind,
                score=score_answers(test, answers),
                answers=answers,
                source=TestResult.ONLINE,
                entered_by=participant.person,
            )
    except IntegrityError:
        raise ValidationError(_("You have already answered this test."), code="answered") from None


test_answer.__test__ = False  # a service, not a pytest test


@transaction.atomic
def paper_scores_record(*, session: TrainingSession, scores: dict[tuple[int, str], Decimal | None], by) -> int:
    """Record or correct scores typed from paper: {(participant id, kind): score}; None leaves a score as it is.

    Returns how many scores were recorded or changed (posting the same form again changes none).
    """
    ids = set(SessionParticipant.objects.filter(session=session).values_list("pk", flat=True))
    changed = 0
    for (participant_id, kind), score in scores.items():
        if score is None or participant_id not in ids:
            continue
        result, created = TestResult.objects.get_or_create(
            participant_id=participant_id,
            kind=kind,
            defaults={"score": score, "source": TestResult.PAPER, "entered_by": by},
        )
        if created:
            changed += 1
        elif result.score != score:
            result.score, result.source, result.entered_by, result.answers = score, TestResult.PAPER, by, []
            result.save()
            changed += 1
    return changed


def evaluation_submit(*, participant: SessionParticipant, ratings: dict[str, int], comment: str = "") -> Evaluation:
    """Record a learner's evaluation once; a second one is refused (ValidationError)."""
    try:
        with transaction.atomic():
            return Evaluation.objects.create(participant=participant, comment=comment, **ratings)
    except IntegrityError:
        raise ValidationError(_("You have already evaluated this session."), code="evaluated") from None


# --- Results: learning gain and satisfaction ------------------------------------------------------


@dataclass
class Results:
    """Sums and counts behind a group's learning gain and satisfaction (they add up across groups)."""

    pairs: int = 0  # participants with both a pre-test and a post-test score
    pre_total: Decimal = Decimal(0)
    post_total: Decimal = Decimal(0)
    evaluations: int = 0
    rating_totals: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RATING_FIELDS, 0))

    def add(self, other: Results) -> None:
        self.pairs += other.pairs
        self.pre_total += other.pre_total
        self.post_total += other.post_total
        self.evaluations += other.evaluations
        for name in RATING_FIELDS:
            self.rating_totals[name] += other.rating_totals[name]

    @staticmethod
    def _mean(total, count) -> float | None:
        return round(float(total) / count, 2) if count else None

    @property
    def pre_mean(self) -> float | None:
        return self._mean(self.pre_total, self.pairs)

    @property
    def post_mean(self) -> float | None:
        return self._mean(self.post_total, self.pairs)

    @property
    def gain(self) -> float | None:
        """Mean post-test score minus mean pre-test score, over the participants with both (points of 100)."""
        return self._mean(self.post_total - self.pre_total, self.pairs)

    def rating(self, name: str) -> float | None:
        return self._mean(self.rating_totals[name], self.evaluations)

    @property
    def satisfaction(self) -> float | None:
        """The mean of the three ratings over every evaluation (1–5)."""
        return self._mean(sum(self.rating_totals.values()), 3 * self.evaluations)


GROUPS = {None: None, "session": "session", "area": "session__area", "trainer": "session__trainers"}


def learning_results(sessions: QuerySet[TrainingSession], by: str | None = None) -> dict[int | None, Results]:
    """Learning gain and satisfaction of a queryset of sessions, in two queries: {group key: Results}.

    `by`: None (one group, key None), "session", "area" (the session's own area: roll it up with
    `areas.rollup`) or "trainer" (each trainer leading a session; a session with two trainers counts
    for both).
    """
    path = GROUPS[by]
    session_ids = sessions.values("pk")
    both = SessionParticipant.objects.filter(session__in=session_ids).filter(
        Exists(TestResult.objects.filter(participant=OuterRef("pk"), kind=SessionTest.PRE)),
        Exists(TestResult.objects.filter(participant=OuterRef("pk"), kind=SessionTest.POST)),
    )
    results: dict[int | None, Results] = {}
    keys = [f"participant__{path}"] if path else []
    scores = (
        TestResult.objects.filter(participant__in=both.values("pk"))
        .values(*keys, "kind")
        .annotate(n=Count("pk"), total=Sum("score"))
        .order_by()
    )
    for row in scores:
        key = row[keys[0]] if keys else None
        group = results.setdefault(key, Results())
        if row["kind"] == SessionTest.PRE:
            group.pairs = row["n"]
            group.pre_total = row["total"]
        else:
            group.post_total = row["total"]
    evaluations = Evaluation.objects.filter(participant__session__in=session_ids)
    sums = {"n": Count("pk"), **{name: Sum(name) for name in RATING_FIELDS}}
    if keys:
        ratings = list(evaluations.values(*keys).annotate(**sums).order_by())
    else:  # values() without fields would group by every column
        ratings = [evaluations.aggregate(**sums)]
    for row in ratings:
        if not row["n"]:
            continue
        group = results.setdefault(row[keys[0]] if keys else None, Results())
        group.evaluations = row["n"]
        group.rating_totals = {name: row[name] for name in RATING_FIELDS}
    return results


def session_results(sessions: QuerySet[TrainingSession]) -> Results:
    """All the sessions' results together."""
    return learning_results(sessions).get(None) or Results()
