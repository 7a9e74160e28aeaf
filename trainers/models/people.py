from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AdminScope(models.Model):
    """The area an administrator answers for: a district administrator sees only that district."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("administrator"),
        on_delete=models.CASCADE,
        related_name="admin_scope",
    )
    area = models.ForeignKey("trainers.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("administrative scope")
        verbose_name_plural = _("administrative scopes")

    def __str__(self):
        return f"{self.user} · {self.area}"
