"""The certificate as a PDF in Vietnamese: a Django template rendered by WeasyPrint, with an embedded font."""

import base64
from pathlib import Path

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from core.text import nfc

from .models import Certificate, issuer_for

FONT_DIR = Path(settings.BASE_DIR) / "static" / "fonts"


def qr_svg(url: str) -> str:
    """An inline SVG QR code; error correction M survives a folded or slightly dirty print."""
    return segno.make(url, error="m", micro=False).svg_inline(scale=4, border=2)


SEAL_RENDITION = "max-400x400|format-png"


def issuer(area=None) -> dict:
    """The issuing body, signatory and seal printed for a certificate filed in `area` (`issuer_for`)."""
    found = issuer_for(area)
    if found is None:
        return {}
    seal = ""
    if found.seal_id:
        rendition = found.seal.get_rendition(SEAL_RENDITION)
        with rendition.file.open("rb") as file:
            # Embedded, so the PDF does not depend on where media is stored or served.
            seal = "data:image/png;base64," + base64.b64encode(file.read()).decode("ascii")
    return {
        "issuing_body": nfc(found.issuing_body),
        "signatory_name": nfc(found.signatory_name),
        "signatory_title": nfc(found.signatory_title),
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
                "issuer": issuer(certificate.area),
                "renews": certificate.renews,  # a renewal prints the number and dates of the certificate it renews
            },
        )
    return HTML(string=html, base_url=FONT_DIR.as_uri() + "/").write_pdf()
