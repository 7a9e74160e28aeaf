import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="lms.ping")
def ping(value: str) -> str:
    """Echo a value back: lets deployments and CI prove a worker round trip."""
    return f"pong:{value}"
