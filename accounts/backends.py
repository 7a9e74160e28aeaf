from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from .phones import looks_like_phone, normalise_phone


class EmailOrPhoneBackend(ModelBackend):
    """Authenticate with an email address (any case) or a phone number written any usual way."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        username = username or kwargs.get("email")
        if not username or password is None:
            return None
        User = get_user_model()
        if looks_like_phone(username):
            phone = normalise_phone(username)
            user = User.objects.filter(phone=phone).first() if phone else None
        else:
            user = User.objects.filter(email__iexact=username.strip()).first()
        if user is None:
            # Spend the same time as a real check so that timing does not reveal accounts.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
