"""Renewal of a certificate: the one home of whether its holder meets the province's rules, with the evidence.

The trainer's page, the administrator's "Renew" action and the service that issues the renewal all call
`renewal_check`, so they never disagree. The rules are the province's (`RenewalRule`, one per kind, edited in the
admin); a kind without a rule is not renewed (its holder is certified again from the start).

What counts (decided here, once):
- Sessions: those the holder led (`Trainer.sessions_led`) whose first day falls in the certificate's validity
  (issued on … expires on) and whose class report is approved (`COUNTED_REPORT`); a session counts towards the
  rule only with at least `min_participants` participants on its approved list.
- Refresher: the rule's course, completed online on or after the day the certificate was issued.
- When: from `opens_days_before` days before expiry, also after expiry; never for a revoked certificate, one
  that does not expire, or one already renewed.

The renewal's dates (`renewal_dates`): it takes effect the day after the old certificate expires, so the holder
is certified without a gap and never twice on one day; approved after that day, it takes effect on the day of
approval (a renewal is never back-dated over days on which the holder was not certified). It runs for the kind's
usual term (`TRAINER_CERTIFICATE_YEARS`). Its number continues the old one's: `<first number>-GH<n>` ("gia hạn",
renewal, the n-th), e.g. 2023-000045-GH1, then 2023-000045-GH2.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Enrollment

from .models import COUNTED_REPORT, Certificate, RenewalRule, Trainer

RENEWAL_SUFFIX = re.compile(r"^(?P<root>.+)-GH(?P<n>\d+)$")


@dataclass
class Evidence:
    """One piece of evidence: a session with its participants, or a completed refresher course."""

    label: str
    day: datetime.date | None = None
    counts: bool = True  # whether it counts towards the rule (a session with too few participants does not)
    participants: int | None = None
    session_id: int | None = None
    course_id: int | None = None


@dataclass
class RuleResult:
    key: str  # "sessions" or "refresher"
    description: str
    met: bool
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class RenewalCheck:
    certificate: Certificate
    rule: RenewalRule | None
    results: list[RuleResult]
    blocked: str = ""  # why it cannot be renewed whatever the evidence (revoked, already renewed, too early…)
    today: datetime.date | None = None

    @property
    def rules_met(self) -> bool:
        return all(result.met for result in self.results)

    @property
    def renewable(self) -> bool:
        """Every rule is met and nothing blocks it: the administrator may renew (and the holder ask for it)."""
        return not self.blocked and self.rule is not None and self.rules_met

    @property
    def unmet(self) -> list[str]:
        return [result.description for result in self.results if not result.met]

    @property
    def effective_from(self) -> datetime.date | None:
        if self.certificate.expires_on is None:
            return None
        return renewal_dates(self.certificate, today=self.today)[0]


def renewal_dates(
    certificate: Certificate, *, today: datetime.date | None = None
) -> tuple[datetime.date, datetime.date]:
    """(issued on, expires on) of the certificate that would renew this one if approved today."""
    from .services import TRAINER_CERTIFICATE_YEARS, add_years  # services uses this module

    today = today or timezone.localdate()
    issued_on = max(certificate.expires_on + datetime.timedelta(days=1), today)
    return issued_on, add_years(issued_on, TRAINER_CERTIFICATE_YEARS)


def renewal_number(certificate: Certificate) -> str:
    """The renewal's number: the first certificate's number and the count of renewals, 2023-000045-GH2."""
    match = RENEWAL_SUFFIX.match(certificate.number)
    if match and certificate.renews_id:
        return f"{match['root']}-GH{int(match['n']) + 1}"
    return f"{certificate.number}-GH1"


def _blocked(certificate: Certificate, rule: RenewalRule | None, today: datetime.date) -> str:
    if rule is None:
        return _("The province has set no renewal rule for this kind of certificate.")
    if certificate.status == Certificate.REVOKED:
        return _("A revoked certificate is not renewed.")
    if certificate.expires_on is None:
        return _("This certificate does not expire.")
    if Certificate.objects.filter(renews=certificate).exists():
        return _("This certificate has already been renewed.")
    opens = certificate.expires_on - datetime.timedelta(days=rule.opens_days_before)
    if today < opens:
        return _("Renewal opens on %(day)s, %(days)s days before the certificate expires.") % {
            "day": opens.strftime("%d/%m/%Y"),
            "days": rule.opens_days_before,
        }
    return ""


def _sessions_result(certificate: Certificate, rule: RenewalRule) -> RuleResult:
    trainer = Trainer.objects.filter(person_id=certificate.person_id).first()
    evidence = []
    if trainer is not None:
        led = (
            trainer.sessions_led.filter(
                report_status=COUNTED_REPORT,
                starts_on__gte=certificate.issued_on,
                starts_on__lte=certificate.expires_on,
            )
            .annotate(participant_count=Count("participants", distinct=True))
            .order_by("starts_on", "pk")
        )
        evidence = [
            Evidence(
                label=session.title,
                day=session.starts_on,
                participants=session.participant_count,
                counts=session.participant_count >= rule.min_participants,
                session_id=session.pk,
            )
            for session in led
        ]
    counted = sum(1 for item in evidence if item.counts)
    description = _(
        "Led at least %(sessions)s approved training sessions with at least %(participants)s participants each "
        "while the certificate was valid (%(counted)s so far)."
    ) % {"sessions": rule.min_sessions, "participants": rule.min_participants, "counted": counted}
    return RuleResult("sessions", description, counted >= rule.min_sessions, evidence)


def _refresher_result(certificate: Certificate, rule: RenewalRule) -> RuleResult:
    course = rule.refresher_course
    completed = (
        Enrollment.objects.completed()
        .filter(user_id=certificate.person_id, course=course, completed_at__date__gte=certificate.issued_on)
        .order_by("completed_at")
        .first()
    )
    evidence = []
    if completed is not None:
        day = timezone.localtime(completed.completed_at).date()
        evidence.append(Evidence(label=course.title, day=day, course_id=course.pk))
    description = _("Completed the refresher course “%(course)s” online.") % {"course": course.title}
    return RuleResult("refresher", description, completed is not None, evidence)


def renewal_check(certificate: Certificate, *, today: datetime.date | None = None) -> RenewalCheck:
    """Each of the province's renewal rules for the certificate, met or not, with its evidence."""
    today = today or timezone.localdate()
    rule = RenewalRule.objects.select_related("refresher_course").filter(kind=certificate.kind).first()
    results = []
    if rule is not None and certificate.expires_on is not None:
        if rule.min_sessions:
            results.append(_sessions_result(certificate, rule))
        if rule.refresher_course_id:
            results.append(_refresher_result(certificate, rule))
    return RenewalCheck(certificate, rule, results, blocked=_blocked(certificate, rule, today), today=today)


def renewal_candidate(person, held: list[Certificate] | None = None) -> Certificate | None:
    """The person's latest trainer certificate that is not revoked nor renewed yet: the one they would renew.

    `held`: the person's certificates already read, newest first with `renewed_by` selected (My learning reads
    them once for every list it shows), to choose among without a query.
    """
    if held is None:
        held = Certificate.objects.filter(person=person, kind=Certificate.TRAINER, status=Certificate.VALID)
        held = held.select_related("renewed_by").order_by("-issued_on", "-pk")
    for certificate in held:
        if (
            certificate.kind == Certificate.TRAINER
            and certificate.status == Certificate.VALID
            and certificate.expires_on is not None
            and getattr(certificate, "renewed_by", None) is None
        ):
            return certificate
    return None
