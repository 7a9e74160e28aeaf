from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Exists, OuterRef, Q

from core.page_cache import forget, layer_on, read, remember, trusted

from .phones import looks_like_phone, normalise_phone


def canonical_identifier(raw: str | None) -> str:
    """One spelling for a login identifier: e-mail lower-cased, phone in E.164, anything else trimmed."""
    text = str(raw or "").strip()
    if looks_like_phone(text):
        return normalise_phone(text) or text
    return text.lower()


def user_for_identifier(raw: str | None):
    """The account an e-mail address (any case) or phone number (any usual spelling) signs in, or None."""
    identifier = canonical_identifier(raw)
    if not identifier:
        return None
    User = get_user_model()
    if identifier.startswith("+"):
        return User.objects.filter(phone=identifier).first()
    return User.objects.filter(email__iexact=identifier).first()


def lockout_username(request, credentials: dict | None = None) -> str:
    """The name django-axes counts failures under (AXES_USERNAME_CALLABLE): the account, not the spelling.

    Tries by e-mail and by phone, in any case or format, spend one budget; an identifier that
    matches no account is counted under its canonical spelling.
    """
    raw = (credentials or {}).get("username")
    if not raw and request is not None:
        # Axes' success handler passes user.get_username(), which is empty for a phone-only account.
        raw = request.POST.get("username")
    user = user_for_identifier(raw)
    if user is not None:
        return user.email or user.phone
    return canonical_identifier(raw)


def login_attempts_forget(user) -> int:
    """Delete the lockout counts and sign-in logs django-axes keeps under the account's names (lockout_username)."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    names = Q(pk__in=[])
    if user.email:
        names |= Q(username__iexact=user.email)
    if user.phone:
        names |= Q(username=user.phone)
    return sum(model.objects.filter(names).delete()[0] for model in (AccessAttempt, AccessFailureLog, AccessLog))


def user_cache_key(user_id) -> str:
    return f"accounts:user:{user_id}"


def forget_cached_user(sender, instance, **kwargs) -> None:
    """A saved or deleted user (password change, deactivation, last login) is read again (core.page_cache.forget)."""
    forget(user_cache_key(instance.pk))


def forget_cached_user_ids(ids) -> None:
    """Users changed without a signal (User.objects.filter(…).update(…)) are read again, like a saved one."""
    for pk in ids:
        forget(user_cache_key(pk))


def forget_cached_users_of_roles(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """m2m_changed on a user's groups or permissions: the cached user carries their permissions, read again."""
    if not action.startswith("post_"):
        return
    if not reverse:  # user.groups.add(…): the instance is the user
        forget(user_cache_key(instance.pk))
    else:  # group.user_set.add(…) names the users; after a clear() they are read again within a minute
        for pk in pk_set or ():
            forget(user_cache_key(pk))


class EmailOrPhoneBackend(ModelBackend):
    """Authenticate with an email address (any case) or a phone number written any usual way."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        username = username or kwargs.get("email")
        if not username or password is None:
            return None
        user = user_for_identifier(username)
        if user is None:
            # Spend the same time as a real check so that timing does not reveal accounts.
            get_user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def get_user(self, user_id):
        """The session's user from the cache, else from the database (ModelBackend's checks apply)."""
        if not layer_on("user"):
            return super().get_user(user_id)
        key = user_cache_key(user_id)
        entry = read(key)  # usually read already, with the session (accounts/sessions.py)
        if trusted(entry):
            return entry[1]
        user = self._user_with_permissions(user_id)
        if user is not None:
            remember(key, user)
        return user

    def _user_with_permissions(self, user_id):
        """The user, with their permissions read now, so that they are cached with them.

        Whether someone is staff (accounts/staff.py) is asked on every page; for a learner, who holds
        no role and no permission of their own (which the user's own query tells), the answer then
        costs no query at all, and for staff the two queries that their first check would make.
        """
        User = get_user_model()
        holds = Exists(User.groups.through.objects.filter(user_id=OuterRef("pk"))) | Exists(
            User.user_permissions.through.objects.filter(user_id=OuterRef("pk"))
        )
        user = User._default_manager.annotate(holds_permissions=holds).filter(pk=user_id).first()
        if user is None or not self.user_can_authenticate(user):
            return None
        if user.holds_permissions and not user.is_superuser:  # a superuser's checks never read them
            user.get_all_permissions()
        return user

    def get_user_permissions(self, user_obj, obj=None):
        if getattr(user_obj, "holds_permissions", True) is False:
            return set()
        return super().get_user_permissions(user_obj, obj)

    def get_group_permissions(self, user_obj, obj=None):
        if getattr(user_obj, "holds_permissions", True) is False:
            return set()
        return super().get_group_permissions(user_obj, obj)
