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


EDIT_LOG_ACTION = "wagtail.edit"


def staff_role(user: User) -> Role | None:
    """The highest staff role `user` holds (STAFF_ROLES is in that order), None for a learner."""
    names = {group.name for group in user.groups.all()}
    return next((role for role in STAFF_ROLES.values() if role.name in names), None)


def staff_manageable_by(by: User | None) -> models.QuerySet[User]:
    """The staff `by` may edit and deactivate: every staff member for the province's administrators and
    the command line; for a district's, only the roles they may give (trainers, editors) filed within
    their area. Never a superuser (the operator's) and never oneself (no one locks themselves out)."""
    staff = User.objects.filter(groups__name__in=[role.name for role in STAFF_ROLES.values()], is_superuser=False)
    if by is None:
        return staff.distinct()
    allowed = roles_creatable_by(by)
    if not allowed:
        return User.objects.none()
    staff = staff.exclude(pk=by.pk).exclude(
        groups__name__in=[role.name for role in STAFF_ROLES.values() if role not in allowed]
    )
    if admin_area_ids(by) is not None:  # filed within their area, by the one filing rule (Profile.filed_area)
        staff = staff.filter(profile__in=Profile.objects.visible_to(by))
    return staff.distinct()


@transaction.atomic
def staff_member_change(*, person: User, role: Role, area: Area | None, is_active: bool, by: User | None) -> User:
    """Give `person` another role or area, or deactivate (or reactivate) them; logged as `by`'s edit.

    The same rules as creating: `by` may only manage someone they could have created, and may give only a
    role and an area they could give a new account. A deactivated person is signed out at once: the
    update goes through `UserQuerySet.update`, the rule that Wagtail's bulk deactivation follows too
    (their cached user is dropped, and the login backend refuses an inactive user on the next request).
    """
    if not staff_manageable_by(by).filter(pk=person.pk).exists():
        raise PermissionDenied(_("You may not change this account."))
    if role not in roles_creatable_by(by):
        raise PermissionDenied(_("You may not create a %(role)s.") % {"role": role.name})
    _check_area(role, area, by)
    before = _staff_state(person)
    person.groups.remove(*(role_group(r) for r in STAFF_ROLES.values() if r != role))
    person.groups.add(role_group(role))
    if area is not None:
        Profile.objects.update_or_create(user=person, defaults={"area": area})
    if role in ADMINISTRATORS:
        AdminScope.objects.update_or_create(user=person, defaults={"area": area})
    else:
        AdminScope.objects.filter(user=person).delete()
    if person.is_active != is_active:
        User.objects.filter(pk=person.pk).update(is_active=is_active)
        person.is_active = is_active
    for cached in ("_lms_creatable_roles", "_trainers_area_scope", "_areas_scope_area"):
        person.__dict__.pop(cached, None)
    after = {"role": role.name, "area": area.name if area else None, "active": is_active}
    changes = {key: [before[key], value] for key, value in after.items() if before[key] != value}
    if changes:
        log(instance=person, action=EDIT_LOG_ACTION, user=by, data={"changes": changes})
    return person


def _staff_state(person: User) -> dict:
    role = staff_role(person)
    area = staff_area(person)
    return {"role": role.name if role else None, "area": area.name if area else None, "active": person.is_active}


def staff_area(person: User) -> Area | None:
    """Where a staff member answers (their AdminScope) or is filed (their profile)."""
    scope = AdminScope.objects.filter(user=person).select_related("area").first()
    if scope:
        return scope.area
    profile = Profile.objects.filter(user=person).select_related("area").first()
    return profile.area if profile else None
