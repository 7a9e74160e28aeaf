"""A person's own data: everything we hold on them, and deleting the account.

What each app holds is declared by the app itself, in its own `personal_data.py` (found by
`accounts.personal_data`); this module knows only the user row.
"""

import uuid

from django.db import transaction
from django.utils import timezone

from .backends import login_attempts_forget
from .models import User
from .personal_data import personal_data_anonymise, personal_data_export

DELETED_NAME = "Học viên đã xóa tài khoản"


def account_data_export(*, user: User) -> dict:
    """Everything the system holds on one person, as plain data for a download."""
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "full_name": user.full_name,
            "email": user.email,
            "phone": user.phone,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "preferred_language": user.preferred_language,
        },
        **personal_data_export(user),
    }


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Remove what identifies a person in every app; keep anonymous records for the aggregate reports."""
    personal_data_anonymise(user)
    login_attempts_forget(user)  # before the address changes: the sign-in records are kept under it
    user.full_name = DELETED_NAME
    user.email = f"deleted-{uuid.uuid4().hex}@anonymous.invalid"
    user.phone = None
    user.is_active = False
    user.set_unusable_password()
    user.save()
