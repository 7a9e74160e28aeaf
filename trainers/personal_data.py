"""What the trainer programme holds on a person, for "download my data" and account deletion.

Found by accounts.personal_data.autodiscover(). On deletion the person's trainer
record leaves the public directory (the account is inactive), loses its biography and photo, and
their certificates lose the name and the stored PDF that printed it.

A deleted person's certificates stay *valid but anonymised*: the number, dates and status remain,
so a copy the person kept still verifies as a genuine, valid certificate, while the verification
page no longer says whose it is. Revoking would falsely record that the programme withdrew it (and
expire it from the reports), and deleting the row would break numbering and the trainer lineage.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.images import get_image_model

from accounts.services import DELETED_NAME

from .models import Certificate, Notification, Profile, Trainer


def _iso(value):
    return value.isoformat() if value else None


def export_person(user) -> dict:
    """Profile, trainer record, certificates, notifications."""
    profile = (
        Profile.objects.filter(user=user).prefetch_related("learner_groups").select_related("area", "commune").first()
    )
    trainer = Trainer.objects.filter(person=user).select_related("home_area", "trained_by__person", "photo").first()
    return {
        "profile": profile
        and {
            "gender": profile.gender,
            "birth_year": profile.birth_year,
            "birth_date": _iso(profile.birth_date),
            "district": str(profile.area) if profile.area else None,
            "commune": str(profile.commune) if profile.commune else None,
            "organisation": profile.organisation,
            "learner_groups": [group.code for group in profile.learner_groups.all()],
        },
        "trainer": trainer
        and {
            "level": trainer.level,
            "home_area": str(trainer.home_area),
            "specialities": [tag.name for tag in trainer.specialities.all()],
            "bio": trainer.bio,
            "photo": trainer.photo.title if trainer.photo else None,
            "trained_by": trainer.trained_by.name if trainer.trained_by else None,
            "generation": trainer.generation,
        },
        "certificates": [
            {
                "number": c.number,
                "kind": c.kind,
                "holder_name": c.holder_name,
                "issued_on": _iso(c.issued_on),
                "expires_on": _iso(c.expires_on),
                "status": c.status,
            }
            for c in Certificate.objects.filter(person=user)
        ],
        "notifications": [
            {"kind": n.kind, "created_at": _iso(n.created_at), "status": n.status, "sent_at": _iso(n.sent_at)}
            for n in Notification.objects.filter(user=user)
        ],
    }


def anonymise_person(user) -> None:
    """Remove what names or shows the person; keep what reports count (gender, birth year, area, results)."""
    Profile.objects.filter(user=user).update(birth_date=None, organisation="", commune=None)

    photo_ids = set(Trainer.objects.filter(person=user, photo__isnull=False).values_list("photo", flat=True))
    Trainer.objects.filter(person=user).update(bio="", photo=None)
    # Wagtail deletes an image's files (and renditions) once the transaction commits.
    get_image_model().objects.filter(pk__in=photo_ids).exclude(
        pk__in=Trainer.objects.filter(photo__isnull=False).values("photo")
    ).delete()

    certificates = Certificate.objects.filter(person=user)
    pdf_names = [name for name in certificates.exclude(pdf="").values_list("pdf", flat=True)]
    certificates.update(holder_name=DELETED_NAME, pdf="", pdf_sha256="", pdf_rendered_at=None)
    storage = Certificate._meta.get_field("pdf").storage
    for name in pdf_names:
        # After the commit, so that a rolled-back deletion keeps its files.
        transaction.on_commit(lambda name=name: storage.delete(name))

    Notification.objects.filter(user=user).delete()


COVERS = {
    "trainers.Profile.user",
    "trainers.Trainer.person",
    "trainers.Certificate.person",
    "trainers.Certificate.issued_by",  # kept: which (anonymised) administrator issued it
    "trainers.Notification.user",
}
