"""Certificate PDFs move from public media (named by their guessable number) to private storage.

Each existing file is copied byte for byte, so the SHA-256 shown on the verification page still
matches the PDF its holder already has, under a name that reveals nothing; the public copy is
deleted once the migration has committed. A certificate whose file is missing is marked unrendered,
so the periodic sweep (or the next download) renders it again.
"""

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import migrations, models, transaction

import trainers.models.certification
from trainers.models.certification import pdf_storage_name, private_storage


def move_pdfs_to_private_storage(apps, schema_editor):
    Certificate = apps.get_model("trainers", "Certificate")
    public, private = storages["default"], private_storage()
    for certificate in Certificate.objects.exclude(pdf="").only("pk", "number", "pdf").iterator():
        old = certificate.pdf.name
        new = pdf_storage_name(certificate.number)
        if public.exists(old):
            with public.open(old, "rb") as file:
                data = file.read()
            if private.exists(new):
                private.delete(new)
            private.save(new, ContentFile(data))
            Certificate.objects.filter(pk=certificate.pk).update(pdf=new)
            transaction.on_commit(lambda old=old: public.delete(old), using=schema_editor.connection.alias)
        elif not private.exists(old):
            Certificate.objects.filter(pk=certificate.pk).update(pdf="", pdf_sha256="", pdf_rendered_at=None)


class Migration(migrations.Migration):
    dependencies = [
        ("trainers", "0007_report_and_target_permissions"),
    ]

    operations = [
        migrations.AlterField(
            model_name="certificate",
            name="pdf",
            field=models.FileField(
                blank=True,
                storage=trainers.models.certification.private_storage,
                upload_to=trainers.models.certification._pdf_upload_to,
                verbose_name="PDF",
            ),
        ),
        # Files stay private when migrating backwards: nothing is made public again.
        migrations.RunPython(move_pdfs_to_private_storage, migrations.RunPython.noop),
    ]
