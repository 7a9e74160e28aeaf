import os

from django.core.wsgi import get_wsgi_application

# Like lms/celery.py: only production serves through WSGI (dev uses runserver via manage.py,
# which defaults to dev). A forgotten DJANGO_SETTINGS_MODULE then refuses to start instead of
# serving DEBUG pages with a dev secret.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.production")

application = get_wsgi_application()
