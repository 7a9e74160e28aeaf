from django.db import models
from django.utils.translation import gettext_lazy as _

from .heartbeats import Heartbeat  # noqa: F401  (the background processes' heartbeats, in their own module)


class ContentVersion(models.Model):
    """The published content's version (core/page_cache.py), kept where a restored cache cannot turn it back."""

    version = models.PositiveBigIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("content version")
        db_table = "home_contentversion"  # made by home's migrations before the model moved here
