"""The periodic schedule: every entry names a registered task and runs at its hour in Vietnam's time zone."""

from celery.schedules import crontab
from django.conf import settings

from lms.celery import app

EXPECTED = {
    "notifications-certificates-issued": "trainers.tasks.queue_certificate_notifications",
    "notifications-session-reminders": "training.tasks.queue_session_reminders",
    "notifications-certification-expiry": "trainers.tasks.queue_expiry_reminders",
    "imports-pending-expire": "training.tasks.delete_expired_imports",
    "notifications-inactive-learners": "trainers.tasks.queue_inactivity_reminders",
    "notifications-sweep": "trainers.tasks.sweep_notifications",
    "certificates-render-missing": "trainers.tasks.render_missing_certificate_pdfs",
    "worker-heartbeat": "home.tasks.record_worker_heartbeat",
    "throttle-counts-forget": "accounts.tasks.forget_throttle_counts",
    "phone-codes-forget": "accounts.tasks.forget_old_phone_codes",
}


def test_schedule_names_and_tasks():
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert set(schedule) == set(EXPECTED)
    app.loader.import_default_modules()
    for name, task in EXPECTED.items():
        assert schedule[name]["task"] == task
        assert task in app.tasks, f"{name}: {task} is not a registered task"


def test_crontab_times_in_ho_chi_minh():
    assert settings.CELERY_TIMEZONE == "Asia/Ho_Chi_Minh"
    schedule = settings.CELERY_BEAT_SCHEDULE
    expected = {
        "notifications-certificates-issued": crontab(minute="*/5"),
        "notifications-session-reminders": crontab(hour=7, minute=0),
        "notifications-certification-expiry": crontab(hour=7, minute=30),
        "imports-pending-expire": crontab(minute="*/5"),
        "notifications-inactive-learners": crontab(hour=8, minute=0),
        "notifications-sweep": crontab(minute="*/5"),
        # Lost renders and notices are caught up within minutes, not a quarter of an hour.
        "certificates-render-missing": crontab(minute="*/5"),
    }
    for name, entry in expected.items():
        assert schedule[name]["schedule"] == entry, name
    assert app.conf.beat_schedule == schedule
    assert str(app.timezone) == "Asia/Ho_Chi_Minh"
