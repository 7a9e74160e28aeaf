"""Background work for the trainer programme; every task takes ids and may safely run twice."""

from celery import shared_task


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def render_certificate_pdf(certificate_id: int) -> str:
    """Render a certificate's PDF once; returns its SHA-256."""
    from .services import certificate_pdf_render

    return certificate_pdf_render(certificate_id=certificate_id).pdf_sha256
