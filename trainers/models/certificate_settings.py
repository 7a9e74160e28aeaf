from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images import get_image_model_string


@register_setting(icon="success")
class CertificateSettings(BaseSiteSetting):
    """Who issues the certificates and who signs them: printed on every PDF rendered from now on."""

    issuing_body = models.CharField(
        _("issuing body"),
        max_length=200,
        blank=True,
        help_text=_("Printed at the top of every certificate, e.g. Sở Khoa học và Công nghệ tỉnh Quảng Nam."),
    )
    signatory_name = models.CharField(_("signatory's name"), max_length=150, blank=True)
    signatory_title = models.CharField(
        _("signatory's title"), max_length=150, blank=True, help_text=_("e.g. Giám đốc (director).")
    )
    seal = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("seal or logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A PNG with a transparent background prints best; it is placed over the signature."),
    )

    panels = [
        FieldPanel("issuing_body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("signatory_name"), FieldPanel("signatory_title")]), FieldPanel("seal")],
            heading=_("Signature"),
        ),
    ]

    class Meta:
        verbose_name = _("certificate settings")
        verbose_name_plural = _("certificate settings")
        db_table = "home_certificatesettings"  # made by home's migrations before the setting moved here
