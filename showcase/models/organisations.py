"""The support network: incubators, schools, research bodies, funds and investors around the projects."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..querysets import SupportOrganisationQuerySet


class SupportOrganisation(models.Model):
    INCUBATOR, ACCELERATOR, SCHOOL, RESEARCH, FUND, INVESTOR, ASSOCIATION = (
        "incubator",
        "accelerator",
        "school",
        "research",
        "fund",
        "investor",
        "association",
    )
    KINDS = [
        (INCUBATOR, _("Incubator")),
        (ACCELERATOR, _("Accelerator")),
        (SCHOOL, _("University or school")),
        (RESEARCH, _("Research body")),
        (FUND, _("Startup fund")),
        (INVESTOR, _("Investor")),
        (ASSOCIATION, _("Business association")),
    ]

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=KINDS)
    summary = models.TextField(_("about"), max_length=600)
    offers = models.TextField(_("what they offer"), help_text=_("Mentoring, space, funding, testing… one per line."))
    area = models.ForeignKey(
        "areas.Area", verbose_name=_("area"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    publish_contact = models.BooleanField(
        _("publish contact details"),
        default=False,
        help_text=_("Only tick this when the organisation agreed to show its contact details publicly."),
    )
    supported_projects = models.ManyToManyField(
        "showcase.StartupProject", verbose_name=_("projects supported"), blank=True, related_name="supporters"
    )
    is_listed = models.BooleanField(_("listed in the directory"), default=True)

    objects = SupportOrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("support organisation")
        verbose_name_plural = _("support organisations")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("showcase:organisation_detail", args=[self.slug])

    def offer_lines(self) -> list[str]:
        return [line.strip() for line in self.offers.splitlines() if line.strip()]
