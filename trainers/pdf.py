"""The certificate as a PDF in Vietnamese: a Django template rendered by WeasyPrint, with an embedded font."""

from pathlib import Path

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from .models import Certificate
from .services import nfc

FONT_DIR = Path(settings.BASE_DIR) / "static" / "fonts"


def qr_svg(url: str) -> str:
    """An inline SVG QR code; error correction M survives a folded or slightly dirty print."""
    return segno.make(url, error="m", micro=False).svg_inline(scale=4, border=2)


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
            },
        )
    return HTML(string=html, base_url=FONT_DIR.as_uri() + "/").write_pdf()
