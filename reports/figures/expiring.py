"""Certifications expiring soon."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from trainers.models import Certificate

from .base import (
    EXPIRY_WINDOW_DAYS,
    Report,
    ReportFilters,
    report_scope,
)

# --- 6. Certifications expiring soon -------------------------------------------------------------


def expiring_certificates(filters: ReportFilters, user) -> Report:
    """Valid certificates that expire within the next 90 days (one query)."""
    scope = report_scope(filters, user)
    today = timezone.localdate()
    certificates = (
        Certificate.objects.filter(
            scope.condition("area"),
            status=Certificate.VALID,
            expires_on__gte=today,
            expires_on__lte=today + datetime.timedelta(days=EXPIRY_WINDOW_DAYS),
        )
        .select_related("area")
        .order_by("expires_on", "number")
    )
    if filters.course:
        certificates = certificates.filter(course=filters.course)
    district_names = {a.pk: a.name for a in scope.index.districts()}
    rows = []
    for certificate in certificates:
        district = scope.district_of.get(certificate.area_id)
        rows.append(
            [
                certificate.number,
                certificate.holder_name,
                certificate.get_kind_display(),
                district_names.get(district, certificate.area.name if certificate.area else ""),
                certificate.expires_on,
                (certificate.expires_on - today).days,
            ]
        )
    return Report(
        key="expiring",
        title=_("Certifications expiring in the next %(days)s days") % {"days": EXPIRY_WINDOW_DAYS},
        headings=[_("Number"), _("Holder"), _("Kind"), _("District"), _("Expires on"), _("Days left")],
        rows=rows,
        note=_("Not narrowed by the date range: always counted from today."),
        filters=filters,
    )
