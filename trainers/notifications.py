"""Notifications through an outbox: rows keyed by what they are about, sent by a Celery task.

Queueing inserts `Notification` rows with `ignore_conflicts`, so a second insert of the same
(user, kind, object key, period) is a no-op; sending claims a row with a conditional UPDATE
(`status='pending'` → `'sending'`) that only one worker can win, then sends and records `sent_at`.

What that guarantees (neither exactly once nor strictly at most once, and the admin says so):
- One row per message owed, and never two workers sending the same row at the same time; a task
  run twice (retry, redelivery) finds nothing to claim and sends nothing.
- A send that raises (SMTP refused, connection dropped) gives the row back to `pending` and is
  tried again, by Celery's retry or the sweeper, up to `MAX_ATTEMPTS` claims; then it is `failed`.
  If the mail server had in fact accepted the message before the error, the retry delivers it a
  second time: for those rows delivery is *at least once* (the `X-Idempotency-Key` header lets a
  provider that honours it drop the copy).
- A worker that dies between sending and recording leaves the row in `sending`; the sweeper marks
  it `failed` and never re-sends it by itself: the message may or may not have gone out.
- Failed rows are listed for administrators (Trainer programme → Notifications, scoped to their
  area), who may "send again" after being told the person may already have received it.

Channels (trainers/channels): each row goes by e-mail when there is an address and consent to it, else by
the site's phone channel (NOTIFICATION_PHONE_CHANNEL: SMS through eSMS.vn, or Zalo ZNS) with consent to be
written to by phone; a withdrawn channel is never used. The row records its channel and cost. A channel
without credentials, without a ZNS template for the kind, or past its daily cost cap
(NOTIFICATION_DAILY_CAP_VND) leaves the row pending with the reason in `last_error`: visible, never dropped.
A provider's refusal (an invalid number, a template error) fails the row at once with the provider's reason;
its "try later" (a rate limit, a timeout) is retried like an SMTP error. The SMS RequestId and ZNS
tracking_id are the row's, so eSMS drops a retried copy of a message it had accepted.

Every e-mail the site sends goes through here. Messages are rendered when sent, in the row's
`language` or else the recipient's (`user.preferred_language`), from
`templates/trainers/emails/<language>/<kind>.txt` and `<kind>_subject.txt`; another app's kind is
written by the function it registered with `notification_writer` (the showcase's Startup Day
notices and team invitations, showcase/notices.py), which may also say the message is no longer due.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import CharField, DateTimeField, Exists, F, Max, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Cast, Coalesce, Concat, Greatest
from django.template.loader import select_template
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.links import absolute_url
from accounts.models import PhoneCode
from accounts.phone_codes import CODE_LIFETIME, code_for, is_live
from accounts.privacy import consent_to_channel
from areas.rollup import administrators_by_area
from courses.models import CoursePage, Enrollment, LessonCompletion, QuizAttempt

from .channels import CONSENT_CHANNEL, PHONE_CHANNELS, NotSendable, ProviderBusy, channel, phone_channel_name
from .models import Certificate, Notification

logger = logging.getLogger(__name__)

INACTIVE_DAYS = 14
EXPIRY_NOTICE_DAYS = (90, 30, 7)  # reminders before a trainer certificate expires
SENDING_STALE_AFTER = datetime.timedelta(hours=1)
# A pending row older than this lost its task (the broker was away when it was published): the sweeper queues it
# again. Queueing a row whose task is merely late is harmless: only one task can claim it.
PENDING_RESEND_AFTER = datetime.timedelta(minutes=2)
BATCH = 1000
MAX_ATTEMPTS = 5  # claims of one row before a raising send is left `failed` for a person to look at
RESEND_LOG_ACTION = "trainers.notification.resend"
# Told to an account's owner about their account itself, not a notification they may decline.
# A code the person asked for themselves, about their own account, is not a notification they may decline.
NO_CONSENT_NEEDED = {Notification.REGISTRATION_ATTEMPT, Notification.PHONE_CODE}
NO_CONSENT_REASON = "No consent to notifications by this channel (withdrawn or never given)."
NO_ADDRESS_REASON = "No e-mail address and no phone number to write to."
HELD = "held"  # left pending: its channel is off, has no template for it, or has reached its daily cost cap

# kind -> writer(notification) -> (subject, body), or None when the message is no longer due.
Writer = Callable[[Notification], "tuple[str, str] | None"]
_writers: dict[str, Writer] = {}


def notification_writer(kind: str) -> Callable[[Writer], Writer]:
    """Register how another app writes its kind of message (called in the active language, from its ready())."""

    def register(writer: Writer) -> Writer:
        _writers[kind] = writer
        return writer

    return register


# --- Queueing ------------------------------------------------------------------------------------


def notifications_queue(rows: Iterable[Notification]) -> list[int]:
    """Insert the rows that are new (duplicates are no-ops) and enqueue sending once the transaction commits.

    Returns the ids of the pending rows of this batch (also those queued earlier and not sent yet:
    a second send task for them finds nothing to claim).
    """
    rows = list(rows)
    if not rows:
        return []
    Notification.objects.bulk_create(rows, ignore_conflicts=True, batch_size=BATCH)
    kinds = {row.kind for row in rows}
    keys = {row.object_key for row in rows}
    periods = {row.period for row in rows}
    wanted = {_natural_key(row.user_id, row.address, row.kind, row.object_key, row.period) for row in rows}
    pending = Notification.objects.pending().filter(kind__in=kinds)
    if len(keys) <= BATCH:
        pending = pending.filter(object_key__in=keys)
    if len(periods) <= BATCH:
        pending = pending.filter(period__in=periods)
    ids = [
        pk
        for pk, *key in pending.values_list("pk", "user_id", "address", "kind", "object_key", "period")
        if _natural_key(*key) in wanted
    ]
    _enqueue(ids)
    return ids


def _natural_key(user_id, address, kind, object_key, period) -> tuple:
    # A row with an account is known by the account; one without, by its address (the model's two constraints).
    return (user_id, "" if user_id else address, kind, object_key, period)


def _enqueue(ids: list[int]) -> None:
    from .tasks import send_notification  # tasks import this module

    for pk in ids:
        send_notification.delay_on_commit(pk)


def notification_queue(
    *,
    kind: str,
    object_key: str,
    user_id: int | None = None,
    address: str = "",
    language: str = "",
    period: str = "",
    context: dict | None = None,
) -> list[int]:
    """Queue one notification (a no-op if it exists already), to an account or else to an address."""
    return notifications_queue(
        [
            Notification(
                user_id=user_id,
                address=address or "",
                language=language or "",
                kind=kind,
                object_key=object_key,
                period=period,
                context=context or {},
            )
        ]
    )


def queue_enrolment_confirmation(sender, enrollment, **kwargs) -> None:
    """courses.signals.enrolled: confirm a new enrolment to the learner."""
    notification_queue(
        user_id=enrollment.user_id,
        kind=Notification.ENROLLED,
        object_key=f"enrollment:{enrollment.pk}",
        context={"course_id": enrollment.course_id},
    )


def phone_code_channel(user) -> str:
    """The phone channel a code goes by: the person's choice, else the site's (NOTIFICATION_PHONE_CHANNEL), if on.

    Failing those, another phone channel that is on; with none on, the site's (the row then waits, reason shown).
    """
    chosen = getattr(user, "notification_channel", "")
    first = [chosen] if chosen in PHONE_CHANNELS else []
    names = [*first, phone_channel_name(), *PHONE_CHANNELS]
    return next((name for name in names if _phone_code_channel_on(name)), phone_channel_name())


def _phone_code_channel_on(name: str) -> bool:
    through = channel(name)
    if through.off_reason():
        return False
    return name != "zalo" or through.template_for(Notification.PHONE_CODE, "vi") is not None


def phone_codes_sendable() -> bool:
    """Whether a code can go by phone: SMS configured, or Zalo with an approved template for codes."""
    return any(_phone_code_channel_on(name) for name in PHONE_CHANNELS)


def queue_phone_code(code: PhoneCode) -> None:
    """accounts.phone_codes: one message per code (its key is the code's row), to the number it was made for."""
    notification_queue(
        user_id=code.user_id,
        kind=Notification.PHONE_CODE,
        object_key=f"phone_code:{code.pk}",
        context={"phone_code_id": code.pk},
    )


@notification_writer(Notification.PHONE_CODE)
def write_phone_code(notification: Notification) -> tuple[str, str] | None:
    """The code's message; none once the code is used, expired or out of attempts (a late send is pointless)."""
    code = PhoneCode.objects.filter(pk=(notification.context or {}).get("phone_code_id")).first()
    if code is None or not is_live(code):
        return None
    return write_from_templates(notification)


def queue_registration_attempt_notices(sender, users, **kwargs) -> None:
    """accounts.signals.registration_attempted: tell each account's owner, at most once a day each."""
    today = timezone.localdate().isoformat()
    notifications_queue(
        Notification(
            user_id=user.pk, kind=Notification.REGISTRATION_ATTEMPT, object_key=f"user:{user.pk}", period=today
        )
        for user in users
    )


def queue_certificate_notifications(*, since_days: int = 7) -> int:
    """Tell holders their certificate is ready, once its PDF has been rendered (the link then works)."""
    since = timezone.now() - datetime.timedelta(days=since_days)
    told = Notification.objects.filter(
        kind=Notification.CERTIFICATE_ISSUED, user=OuterRef("person"), object_key=_certificate_key(OuterRef("pk"))
    )
    certificates = (
        Certificate.objects.filter(status=Certificate.VALID, pdf_rendered_at__gte=since)
        .annotate(told=Exists(told))
        .filter(told=False)
        .values_list("pk", "person_id")
    )
    return len(
        notifications_queue(
            Notification(
                user_id=person_id,
                kind=Notification.CERTIFICATE_ISSUED,
                object_key=f"certificate:{pk}",
                context={"certificate_id": pk},
            )
            for pk, person_id in certificates
        )
    )


def _certificate_key(pk_expression):
    return Concat(Value("certificate:"), Cast(pk_expression, CharField()), output_field=CharField())


def inactive_learners(*, now: datetime.datetime | None = None):
    """Learners with an unfinished course and no activity (enrolment, lesson, quiz) for 14 days."""
    from django.contrib.auth import get_user_model

    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=INACTIVE_DAYS)
    unfinished = Enrollment.objects.in_progress().filter(user=OuterRef("pk"))
    last_lesson = (
        LessonCompletion.objects.filter(enrollment__user=OuterRef("pk"))
        .order_by("-completed_at")
        .values("completed_at")
    )
    last_quiz = (
        QuizAttempt.objects.filter(enrollment__user=OuterRef("pk")).order_by("-submitted_at").values("submitted_at")
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Exists(unfinished))
        .annotate(last_enrolled=Max("enrollments__enrolled_at"))
        .annotate(
            last_active=Greatest(
                F("last_enrolled"),
                Coalesce(Subquery(last_lesson[:1]), F("last_enrolled"), output_field=DateTimeField()),
                Coalesce(Subquery(last_quiz[:1]), F("last_enrolled"), output_field=DateTimeField()),
            )
        )
        .filter(last_active__lt=cutoff)
    )


def queue_inactivity_reminders(*, now: datetime.datetime | None = None) -> int:
    """One reminder per spell of inactivity: the period is the day the learner was last active."""
    tz = timezone.get_current_timezone()
    learners = inactive_learners(now=now).values_list("pk", "last_active")
    return len(
        notifications_queue(
            Notification(
                user_id=pk,
                kind=Notification.INACTIVE_REMINDER,
                object_key="learning",
                period=timezone.localtime(last_active, tz).date().isoformat(),
            )
            for pk, last_active in learners
        )
    )


def expiry_reminder_stage(days_left: int) -> int | None:
    """Which reminder a certificate expiring in `days_left` days is owed: the nearest of 90, 30 and 7 days ahead.

    A day the task missed is caught up on the next run (at 85 days left, the 90-day reminder is sent).
    """
    due = [days for days in EXPIRY_NOTICE_DAYS if days_left <= days]
    return min(due) if due and days_left >= 0 else None


def queue_expiry_reminders(*, today: datetime.date | None = None) -> int:
    """Trainer certificates expiring within 90, 30 and 7 days: to the holder and to their area's administrators.

    One row per certificate, stage and recipient (the period is "<expiry day>/<stage>"), so each reminder is
    sent once however often the task runs; a certificate already renewed is not reminded of.
    """
    today = today or timezone.localdate()
    certificates = list(
        Certificate.objects.filter(
            kind=Certificate.TRAINER,
            status=Certificate.VALID,
            expires_on__gte=today,
            expires_on__lte=today + datetime.timedelta(days=max(EXPIRY_NOTICE_DAYS)),
            renewed_by__isnull=True,
        ).values_list("pk", "person_id", "area_id", "expires_on")
    )
    if not certificates:
        return 0
    admins_for_area = administrators_by_area()
    rows = []
    for pk, person_id, area_id, expires_on in certificates:
        stage = expiry_reminder_stage((expires_on - today).days)
        common = {
            "object_key": f"certificate:{pk}",
            "period": f"{expires_on.isoformat()}/{stage}",
            "context": {"certificate_id": pk, "days": stage},
        }
        rows.append(Notification(user_id=person_id, kind=Notification.EXPIRY_REMINDER, **common))
        for admin_id in admins_for_area.get(area_id, ()):
            rows.append(Notification(user_id=admin_id, kind=Notification.EXPIRY_ADMIN_REMINDER, **common))
    return len(notifications_queue(rows))


def notifications_sweep(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Re-enqueue pending rows whose task was lost; mark rows stuck in 'sending' as failed (never re-sent)."""
    now = now or timezone.now()
    failed = Notification.objects.filter(status=Notification.SENDING, claimed_at__lt=now - SENDING_STALE_AFTER).update(
        status=Notification.FAILED,
        last_error="The worker stopped while sending: it may have been delivered, so it is not retried by itself.",
    )
    ids = list(
        Notification.objects.pending()
        .filter(created_at__lt=now - PENDING_RESEND_AFTER)
        .values_list("pk", flat=True)[: BATCH * 10]
    )
    _enqueue(ids)
    return {"failed": failed, "requeued": len(ids)}


# --- Sending -------------------------------------------------------------------------------------


def notification_route(notification: Notification) -> tuple[str, str] | str:
    """(channel, to) for the row, or the reason it goes nowhere.

    The channel the person chose on their account page first (`User.notification_channel`: e-mail, SMS or
    Zalo), when they have its address and consent to it; else e-mail when there is an address and consent to
    it; else the site's phone channel (SMS or Zalo) when the person has a phone number and consent to be
    written to by phone. A withdrawn channel is never used.
    """
    user = notification.user
    if notification.kind == Notification.PHONE_CODE:  # to the number the code was made for, by a phone channel
        code = PhoneCode.objects.filter(pk=(notification.context or {}).get("phone_code_id")).first()
        return (phone_code_channel(user), code.phone) if code else NO_ADDRESS_REASON
    needs_consent = user is not None and notification.kind not in NO_CONSENT_NEEDED
    email = notification.address or (user.email if user else "") or ""
    phone = (user.phone if user else "") or ""
    chosen = (user.notification_channel if user else "") or ""
    routes = []
    if chosen in PHONE_CHANNELS and phone:
        routes.append((chosen, phone))
    if email:
        routes.append(("email", email))
    if phone and phone_channel_name() != chosen:
        routes.append((phone_channel_name(), phone))
    refused = False
    for name, to in routes:
        if not needs_consent or consent_to_channel(person_id=user.pk, channel=CONSENT_CHANNEL[name]):
            return name, to
        refused = True
    return NO_CONSENT_REASON if refused else NO_ADDRESS_REASON


def channel_spent_today(name: str) -> int:
    """What a channel has cost today (VND): rows sent, or being sent, since local midnight."""
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    spent = Notification.objects.filter(
        channel=name, status__in=[Notification.SENT, Notification.SENDING], claimed_at__gte=midnight
    ).aggregate(total=Sum("cost"))["total"]
    return spent or 0


def _hold(notification_id: int, name: str, reason: str) -> str:
    """Leave the row pending, its channel and the reason it waits shown in the outbox."""
    Notification.objects.filter(pk=notification_id, status=Notification.PENDING).update(
        channel=name, last_error=str(reason)[:1000]
    )
    return HELD


def notification_send(*, notification_id: int) -> str:
    """Render the row in the recipient's language, pick its channel, claim it (only one worker can), send, record.

    Rendering reads the database, so it comes before the claim: a database that goes away meanwhile leaves
    the row pending for the task's retry, not claimed and stuck in 'sending'. A channel that is off (no
    credentials) or has spent its day's allowance leaves the row pending with the reason ("held").
    """
    notification = Notification.objects.select_related("user").filter(pk=notification_id).first()
    if notification is None or notification.status != Notification.PENDING:
        return "skipped"
    user = notification.user
    route = notification_route(notification)
    if isinstance(route, str):
        # Nowhere to write, or withdrawn (or never given) consent to every channel the person has: the row says why.
        Notification.objects.filter(pk=notification_id, status=Notification.PENDING).update(
            status=Notification.SKIPPED, last_error=route
        )
        return Notification.SKIPPED
    name, to = route
    written = render_notification(notification) if user is None or user.is_active else None
    if written is None:  # no longer due (a cancelled registration, a withdrawn invitation), or an inactive account
        Notification.objects.filter(pk=notification_id, status=Notification.PENDING).update(status=Notification.SKIPPED)
        return Notification.SKIPPED
    subject, body = written
    through = channel(name)
    if off := through.off_reason():
        return _hold(notification_id, name, off)
    try:
        outgoing = through.prepare(
            notification=notification, subject=subject, body=body, context=lambda: _template_context(notification)
        )
    except NotSendable as reason:
        return _hold(notification_id, name, str(reason))
    cap = settings.NOTIFICATION_DAILY_CAP_VND.get(name) if through.paid else None
    if cap is not None and channel_spent_today(name) + outgoing.cost > cap:
        return _hold(
            notification_id,
            name,
            _("Daily cost cap of the %(channel)s channel reached (%(cap)s VND): it waits until tomorrow.")
            % {"channel": name, "cap": cap},
        )
    claimed = Notification.objects.filter(pk=notification_id, status=Notification.PENDING).update(
        status=Notification.SENDING,
        claimed_at=timezone.now(),
        attempts=F("attempts") + 1,
        channel=name,
        cost=outgoing.cost,
    )
    if not claimed:
        return "skipped"
    try:
        result = through.send(to, outgoing.text, outgoing.template_params)
    except Exception as error:
        # Not sent (as far as we know): give the row back so a retry or the sweeper claims it again,
        # until it has had its attempts; then it waits, failed, for an administrator.
        give_back = Notification.FAILED if notification.attempts + 1 >= MAX_ATTEMPTS else Notification.PENDING
        reason = str(error) if isinstance(error, ProviderBusy) else repr(error)
        Notification.objects.filter(pk=notification_id, status=Notification.SENDING).update(
            status=give_back, last_error=reason[:1000]
        )
        raise
    if not result.ok:  # refused for good by the provider (an invalid number, a template error): not retried
        Notification.objects.filter(pk=notification_id, status=Notification.SENDING).update(
            status=Notification.FAILED, last_error=result.error[:1000]
        )
        return Notification.FAILED
    Notification.objects.filter(pk=notification_id).update(
        status=Notification.SENT, sent_at=timezone.now(), last_error=""
    )
    return Notification.SENT


@transaction.atomic
def notification_resend(*, notification: Notification, user) -> bool:
    """Put a failed row back in the queue (False if it is no longer failed); written to the audit log."""
    requeued = Notification.objects.filter(pk=notification.pk, status=Notification.FAILED).update(
        status=Notification.PENDING, claimed_at=None
    )
    if not requeued:
        return False
    log(instance=notification, action=RESEND_LOG_ACTION, user=user, data={"attempts": notification.attempts})
    _enqueue([notification.pk])
    return True


def render_notification(notification: Notification) -> tuple[str, str] | None:
    """(subject, body) in the row's or the recipient's language; None when the message is no longer due."""
    user = notification.user
    language = notification.language or (user.preferred_language if user else "") or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        writer = _writers.get(notification.kind, write_from_templates)
        written = writer(notification)
    return None if written is None else (" ".join(written[0].split()), written[1].strip() + "\n")


def write_from_templates(notification: Notification, **extra) -> tuple[str, str]:
    """The kind's templates (`trainers/emails/<language>/<kind>[_subject].txt`), the outbox's context and `extra`."""
    context = {"user": notification.user, "notification": notification, **_context(notification), **extra}
    language = translation.get_language()
    names = [f"trainers/emails/{language}/{notification.kind}", f"trainers/emails/vi/{notification.kind}"]
    subject = select_template([f"{name}_subject.txt" for name in names]).render(context)
    body = select_template([f"{name}.txt" for name in names]).render(context)
    return subject, body


def _template_context(notification: Notification) -> dict:
    """What a channel's template fields are read from: the outbox's context with the recipient and the row."""
    return {"user": notification.user, "notification": notification, **_context(notification)}


def _context(notification: Notification) -> dict:
    data = notification.context or {}
    context: dict = {"site_url": settings.SITE_URL.rstrip("/"), "site_name": settings.WAGTAIL_SITE_NAME}
    if "course_id" in data:
        course = CoursePage.objects.filter(pk=data["course_id"]).first()
        context["course"] = course
        context["course_url"] = absolute_url(course.url) if course and course.url else ""
    if "certificate_id" in data:
        certificate = (
            Certificate.objects.select_related("course", "person", "area").filter(pk=data["certificate_id"]).first()
        )
        context["certificate"] = certificate
        if certificate:
            context["pdf_url"] = absolute_url(reverse("trainers:certificate_pdf", args=[certificate.number]))
            context["verify_url"] = absolute_url(reverse("trainers:verify", args=[certificate.code]))
            context["admin_url"] = absolute_url(reverse("certificate:inspect", args=[certificate.pk]))
            context["renewal_url"] = absolute_url(reverse("trainers:certificate_renewal", args=[certificate.number]))
            context["renew_admin_url"] = absolute_url(reverse("certificate:renew", args=[certificate.pk]))
    if notification.kind == Notification.PHONE_CODE:
        code = PhoneCode.objects.filter(pk=data.get("phone_code_id")).first()
        if code is not None:
            context["code"] = code_for(code)
            context["purpose"] = code.purpose
            context["minutes"] = int(CODE_LIFETIME.total_seconds() // 60)
    if notification.kind == Notification.REGISTRATION_ATTEMPT:
        context["login_url"] = absolute_url(reverse("accounts:login"))
        context["password_reset_url"] = absolute_url(reverse("accounts:password_reset"))
    if notification.kind == Notification.INACTIVE_REMINDER:
        context["courses"] = list(
            CoursePage.objects.filter(
                pk__in=Enrollment.objects.in_progress().filter(user=notification.user).values("course")
            ).order_by("title")
        )
        context["my_learning_url"] = absolute_url(reverse("my_learning"))
    return context
