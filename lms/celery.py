import os

from celery import Celery

# Only production runs workers (dev runs tasks in-process), so a worker started without
# DJANGO_SETTINGS_MODULE must fail loudly on missing production settings, never run as dev.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.production")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="lms.ping")
def ping(value: str) -> str:
    """Echo a value back: lets deployments and CI prove a worker round trip."""
    return f"pong:{value}"
