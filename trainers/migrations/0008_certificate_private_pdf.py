"""Certificate PDFs live in private storage, under names that reveal nothing."""

from django.db import migrations, models

import trainers.models.certification


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
    ]
