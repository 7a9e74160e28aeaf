"""The certificate as a PDF in Vietnamese: a Django template rendered by WeasyPrint, with an embedded font."""

import base64
from pathlib import Path

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from core.text import nfc

from .models import Certificate, CertificateSettings

FONT_DIR = Path(settings.BASE_DIR) / "static" / "fonts"


def qr_svg(url: str) -> str:
    """An inline SVG QR code; error correction M survives a folded or slightly dirty print."""
    return segno.make(url, error="m", micro=False).svg_inline(scale=4, border=2)


SEAL_RENDITION = "max-400x400|format-png"


def issuer() -> dict:
    """The issuing body, signatory and seal set in the admin (Settings → Certificate settings) for the default site.

    A render runs in a worker with no request, so the default site's settings are the ones printed.
    """
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return {}
    settings_ = CertificateSettings.for_site(site)
    seal = ""
    if settings_.seal_id:
        rendition = settings_.seal.get_rendition(SEAL_RENDITION)
        with rendition.file.open("rb") as file:
            # Embedded, so the PDF does not depend on where media is stored or served.
            seal = "data:image/png;base64," + base64.b64encode(file.read()).decode("ascii")
    return {
        "issuing_body": nfc(settings_.issuing_body),
        "signatory_name": nfc(settings_.signatory_name),
        "signatory_title": nfc(settings_.signatory_title),
        "seal": seal,
    }


def certificate_pdf_bytes(certificate: Certificate) -> bytes:
    """The certificate's PDF; fonts come from the repository, not from whatever the host has installed."""
    from weasyprint import HTML  # heavy import, only where a PDF is made

    url = certificate.verify_url()
    with translation.override("vi"):
        html = render_to_string(
            "trainers/certificate_pdf.html",
            {
                "certificate": certificate,
                "holder_name": nfc(certificate.holder_name),
                "trained_by_name": nfc(certificate.trained_by.person.full_name) if certificate.trained_by else "",
                "verify_url": url,
                "qr_svg": qr_svg(url),
                "issuer": issuer(),
            },
        )
    return HTML(string=html, base_url=FONT_DIR.as_uri() + "/").write_pdf()
