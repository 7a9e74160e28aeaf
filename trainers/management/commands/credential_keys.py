from django.core.management.base import BaseCommand, CommandError

from trainers.credential_keys import current_kid, key_create, key_rotate, keys_dir, public_keys


class Command(BaseCommand):
    help = (
        "The province's key for signing Open Badges 3.0 credentials, kept as JWK files in CREDENTIAL_KEYS_DIR "
        "(outside the database; back the directory up apart from it). "
        "'create' makes the first key; 'rotate' makes a new one and deletes the former private key, whose public "
        "key stays published so that credentials already handed out still verify; 'list' shows the key ids."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["create", "rotate", "list"])

    def handle(self, *args, action, **options):
        if action == "create":
            if current_kid():
                raise CommandError(f"A key exists already ({current_kid()}); use 'rotate' to replace it.")
            kid = key_create()
            self.stdout.write(f"Created key {kid} in {keys_dir()}")
        elif action == "rotate":
            former, kid = key_rotate()
            self.stdout.write(
                f"Key {kid} now signs; {former or 'no former key'} stays published, its private key deleted."
            )
        else:
            current = current_kid()
            for jwk in public_keys():
                self.stdout.write(f"{jwk['kid']}{' (current)' if jwk['kid'] == current else ''}")
