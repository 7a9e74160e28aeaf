"""The people who run the programme: who may create whom, where, and the creation itself.

One home for `manage.py create_staff` and the admin screen "People who run the programme"
(lms/admin_views.py): the province's administrators (and superusers, and the server's operator on
the command line) create province and district (or commune) administrators, trainers and editors
anywhere; a district administrator creates trainers and editors inside their own area only, and no
administrator. A role is a group (lms/roles.py); an administrator's area is their `AdminScope`
(areas/models.py); everyone given an area is filed there (their profile), so the reports and the
district's screens count them where they work.

A new account has no password. Whoever created it hands its owner a one-time link to choose one
(`password_setting_link`): on paper, by Zalo or SMS, or by e-mail where the province has it. A
province with little e-mail gets no temporary password to read out, forget to change and reuse: the
link works once (choosing a password spends it), expires after PASSWORD_RESET_TIMEOUT (three days),
and a new one is made with `manage.py password_link`.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.models import User
from accounts.phones import normalise_phone
from areas.models import AdminScope, Area, admin_area_ids
from trainers.models import Profile

from .roles import DISTRICT_ADMINISTRATORS, EDITORS, PROVINCE_ADMINISTRATORS, TRAINERS, Role, role_group

# The names the command line takes (`create_staff --role district_admin`), in the order forms offer them.
STAFF_ROLES: dict[str, Role] = {
    "province_admin": PROVINCE_ADMINISTRATORS,
    "district_admin": DISTRICT_ADMINISTRATORS,
    "trainer": TRAINERS,
    "editor": EDITORS,
}
ADMINISTRATORS = (PROVINCE_ADMINISTRATORS, DISTRICT_ADMINISTRATORS)
CREATE_LOG_ACTION = "wagtail.create"


def roles_creatable_by(user: User | None) -> tuple[Role, ...]:
    """The roles `user` may give a new account: every role for the province (None: the command line).

    Kept on the user object: the menu, the view and its form ask within one request.
    """
    if user is None:
        return tuple(STAFF_ROLES.values())
    cached = getattr(user, "_lms_creatable_roles", None)
    if cached is None:
        cached = user._lms_creatable_roles = _roles_creatable_by(user)
    return cached


def _roles_creatable_by(user: User) -> tuple[Role, ...]:
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return ()
    if user.is_superuser:
        return tuple(STAFF_ROLES.values())
    groups = set(user.groups.values_list("name", flat=True))
    if not groups & {role.name for role in ADMINISTRATORS}:
        return ()
    ids = admin_area_ids(user)
    if ids is None and PROVINCE_ADMINISTRATORS.name in groups:
        return tuple(STAFF_ROLES.values())
    return (TRAINERS, EDITORS) if ids else ()


def areas_assignable_by(user: User | None) -> models.QuerySet[Area]:
    """The areas `user` may give a new account: today's units, the province and the former districts
    (administrators are still scoped to those), within the user's own scope."""
    areas = Area.objects.all() if user is None else Area.objects.visible_to(user)
    return areas.filter(models.Q(valid_to__isnull=True) | models.Q(kind__in=Area.DISTRICT_KINDS))


def area_by_code(code: str) -> Area:
    """The area with this official code: today's unit when a code was used by several."""
    found = list(Area.objects.filter(code=code).order_by(models.F("valid_to").desc(nulls_first=True), "-valid_from"))
    if not found:
        raise ValidationError(_("No area has the code %(code)s.") % {"code": code})
    return found[0]


def _check_area(role: Role, area: Area | None, by: User | None) -> None:
    if role in ADMINISTRATORS and area is None:
        raise ValidationError({"area": _("An administrator needs the area they answer for.")})
    if role == PROVINCE_ADMINISTRATORS and area.kind != Area.PROVINCE:
        raise ValidationError({"area": _("A province administrator's area is the province.")})
    if role == DISTRICT_ADMINISTRATORS and area.kind == Area.PROVINCE:
        raise ValidationError({"area": _("A district administrator's area is a district, commune or ward.")})
    if by is not None and admin_area_ids(by) is not None:
        if area is None:
            raise ValidationError({"area": _("Choose an area within yours.")})
        if not areas_assignable_by(by).filter(pk=area.pk).exists():
            raise PermissionDenied(_("That area is outside yours."))


def _check_unused(email: str | None, phone: str | None) -> None:
    if email and User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("An account with this e-mail address exists already.")})
    if phone and User.objects.filter(phone=normalise_phone(phone) or phone).exists():
        raise ValidationError({"phone": _("An account with this phone number exists already.")})


@transaction.atomic
def staff_member_create(
    *,
    role: Role,
    full_name: str,
    email: str | None = None,
    phone: str | None = None,
    area: Area | None = None,
    by: User | None = None,
) -> User:
    """A new account in `role`, filed in `area` (the scope of an administrator), with no password yet.

    `by` is who creates it (None: the server's operator on the command line). PermissionDenied when
    `by` may not give that role or that area; ValidationError for anything else the form must say.
    """
    if role not in roles_creatable_by(by):
        raise PermissionDenied(_("You may not create a %(role)s.") % {"role": role.name})
    _check_area(role, area, by)
    email = email.strip().lower() if email else None
    phone = phone.strip() if phone else None
    _check_unused(email, phone)
    user = User(email=email, phone=phone, full_name=full_name.strip())
    user.set_unusable_password()  # until its owner follows the link: nobody else ever knows it
    user.full_clean(exclude=["password"])
    user.save()
    user.groups.add(role_group(role))
    if area is not None:
        Profile.objects.update_or_create(user=user, defaults={"area": area})
    if role in ADMINISTRATORS:
        AdminScope.objects.create(user=user, area=area)
    log(instance=user, action=CREATE_LOG_ACTION, user=by)
    return user
