from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from accounts.links import password_link_notice, password_setting_link
from accounts.models import User
from accounts.phones import normalise_phone


class Command(BaseCommand):
    help = (
        "Print a one-time link where an account's owner chooses a new password: for a forgotten password "
        "when the account has no e-mail, or a link that expired before it was used."
    )

    def add_arguments(self, parser):
        parser.add_argument("account", help="The account's e-mail address or phone number.")

    def handle(self, *args, account, **options):
        phone = normalise_phone(account)
        user = User.objects.filter(email__iexact=account.strip()).first() or (
            User.objects.filter(phone=phone).first() if phone else None
        )
        if user is None or not user.is_active:
            raise CommandError(_("No active account has that e-mail address or phone number."))
        self.stdout.write(password_link_notice())
        self.stdout.write(password_setting_link(user))
