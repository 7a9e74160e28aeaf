"""CertificateSettings moves from `home` to `trainers` (certification lives here) without touching the database.

The table keeps its name (home_certificatesettings) and its rows; `trainers.0019` moves the content type.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("home", "0005_page_content_version"),
        ("trainers", "0018_sessions_moved_to_training"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="CertificateSettings",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("issuing_body", models.CharField(blank=True, help_text="Printed at the top of every certificate, e.g. Sở Khoa học và Công nghệ tỉnh Quảng Nam.", max_length=200, verbose_name="issuing body")),
                        ("signatory_name", models.CharField(blank=True, max_length=150, verbose_name="signatory's name")),
                        ("signatory_title", models.CharField(blank=True, help_text="e.g. Giám đốc (director).", max_length=150, verbose_name="signatory's title")),
                        ("seal", models.ForeignKey(blank=True, help_text="A PNG with a transparent background prints best; it is placed over the signature.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="wagtailimages.image", verbose_name="seal or logo")),
                        ("site", models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to="wagtailcore.site")),
                    ],
                    options={
                        "verbose_name": "certificate settings",
                        "verbose_name_plural": "certificate settings",
                        "db_table": "home_certificatesettings",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
