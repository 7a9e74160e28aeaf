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


class Issuer(models.Model):
    """Who issues the certificates of one area and below (a district that issues its own): overrides the settings.

    The certificate's area is looked up the tree (commune → district → province); the nearest row with an
    issuing body wins, and the site's certificate settings are the province's default (`issuer_for`).
    """

    area = models.OneToOneField(
        "areas.Area", verbose_name=_("area"), on_delete=models.PROTECT, related_name="certificate_issuer"
    )
    issuing_body = models.CharField(
        _("issuing body"),
        max_length=200,
        help_text=_("Printed at the top of the area's certificates, e.g. Phòng Văn hóa – Xã hội huyện Duy Xuyên."),
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
        FieldPanel("area"),
        FieldPanel("issuing_body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("signatory_name"), FieldPanel("signatory_title")]), FieldPanel("seal")],
            heading=_("Signature"),
        ),
    ]

    class Meta:
        verbose_name = _("certificate issuer")
        verbose_name_plural = _("certificate issuers")
        ordering = ["area__code"]

    def __str__(self):
        return f"{self.area}: {self.issuing_body}"


def issuer_for(area) -> "Issuer | CertificateSettings | None":
    """The issuer printed on a certificate filed in `area`: the nearest area up the tree with a row, else the site's.

    Both answers have `issuing_body`, `signatory_name`, `signatory_title` and `seal`. A render runs in a worker
    with no request, so the default site's settings are the province's.
    """
    from wagtail.models import Site

    chain = []
    while area is not None and area.pk not in chain:
        chain.append(area.pk)
        area = area.parent
    rows = {row.area_id: row for row in Issuer.objects.filter(area_id__in=chain).select_related("seal")}
    for pk in chain:
        if pk in rows and rows[pk].issuing_body.strip():
            return rows[pk]
    site = Site.objects.filter(is_default_site=True).first()
    return CertificateSettings.for_site(site) if site else None


def issuing_body_require(area) -> None:
    """Refuse a certificate without an issuing body where settings.CERTIFICATE_ISSUER_REQUIRED (production)."""
    from django.conf import settings
    from django.core.exceptions import ValidationError

    if not getattr(settings, "CERTIFICATE_ISSUER_REQUIRED", False):
        return
    found = issuer_for(area)
    if found is None or not found.issuing_body.strip():
        raise ValidationError(
            _(
                "No issuing body is set for this certificate's area, so it cannot be issued. A province "
                "administrator sets it in Settings → Certificate settings (or under Trainer programme → "
                "Certificate issuers for a district that issues its own)."
            ),
            code="no_issuing_body",
        )
