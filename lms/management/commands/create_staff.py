from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from accounts.links import password_link_notice, password_setting_link
from lms.staff import STAFF_ROLES, area_by_code, staff_member_create


def error_text(error: ValidationError) -> str:
    return (
        "; ".join(message for messages in error.message_dict.values() for message in messages)
        if hasattr(error, "error_dict")
        else "; ".join(error.messages)
    )


class Command(BaseCommand):
    help = (
        "Create a province or district administrator, a trainer or an editor, with their area, and print "
        "the one-time link where they choose their password. "
        "Example: manage.py create_staff --role district_admin --area 503 --name 'Phạm Văn Hùng' --phone 0905123456"
    )

    def add_arguments(self, parser):
        parser.add_argument("--role", required=True, choices=list(STAFF_ROLES))
        parser.add_argument("--name", required=True, help="Full name, as on their papers.")
        parser.add_argument("--email", help="E-mail address (an e-mail or a phone is needed).")
        parser.add_argument("--phone", help="Vietnamese mobile number, e.g. 0905123456.")
        parser.add_argument(
            "--area",
            help="Official code of their area: the province for a province administrator, a district or "
            "commune for a district administrator; optional for trainers and editors.",
        )

    def handle(self, *args, role, name, email=None, phone=None, area=None, **options):
        if not (email or phone):
            raise CommandError(_("Enter an email address or a phone number."))
        try:
            user = staff_member_create(
                role=STAFF_ROLES[role],
                full_name=name,
                email=email,
                phone=phone,
                area=area_by_code(area) if area else None,
            )
        except ValidationError as error:
            raise CommandError(error_text(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                _("Created %(person)s (%(role)s).")
                % {"person": user.email or user.phone, "role": STAFF_ROLES[role].name}
            )
        )
        self.stdout.write(password_link_notice())
        self.stdout.write(password_setting_link(user))
