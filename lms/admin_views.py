"""The admin screen where the province's administrators, and a district's within it, create the people
who run the programme (the rules: lms/staff.py). Registered from lms/wagtail_hooks.py."""

from django import forms
from django.contrib import messages as flash
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.links import password_link_notice, password_setting_link

from .staff import (
    STAFF_ROLES,
    areas_assignable_by,
    roles_creatable_by,
    staff_area,
    staff_manageable_by,
    staff_member_change,
    staff_member_create,
    staff_role,
)


class StaffMemberForm(forms.Form):
    role = forms.ChoiceField(label=gettext_lazy("Role"))
    full_name = forms.CharField(label=gettext_lazy("Full name"), max_length=150)
    email = forms.EmailField(label=gettext_lazy("Email address"), required=False)
    phone = forms.CharField(label=gettext_lazy("Phone number"), max_length=32, required=False)
    area = forms.TypedChoiceField(
        label=gettext_lazy("Area"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=gettext_lazy(
            "An administrator answers for this area: the province, or a district, commune or ward. "
            "Trainers and editors are filed here."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        allowed = roles_creatable_by(user)
        self.fields["role"].choices = [(key, role.name) for key, role in STAFF_ROLES.items() if role in allowed]
        self.areas = areas_assignable_by(user)
        self.fields["area"].choices = [("", "---------"), *self.areas.choices()]

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("email") or cleaned.get("phone")):
            raise ValidationError(_("Enter an email address or a phone number."))
        return cleaned

    def save(self):
        area_id = self.cleaned_data["area"]
        return staff_member_create(
            role=STAFF_ROLES[self.cleaned_data["role"]],
            full_name=self.cleaned_data["full_name"],
            email=self.cleaned_data["email"] or None,
            phone=self.cleaned_data["phone"] or None,
            area=self.areas.get(pk=area_id) if area_id else None,
            by=self.user,
        )


def may_create_staff(user) -> bool:
    return bool(roles_creatable_by(user))


def _page(request, template, title=None, **context):
    title = title or _("Create a staff account")
    context.update(
        page_title=title,
        header_title=title,
        header_icon="user",
        breadcrumbs_items=[
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": reverse("lms_staff:index"), "label": _("Staff accounts")},
            {"url": "", "label": title},
        ],
    )
    return TemplateResponse(request, template, context)


@never_cache  # the answer holds a password link
@require_http_methods(["GET", "POST"])
def staff_create(request):
    """The form; once it is saved, the one-time link the new person chooses their password with."""
    if not may_create_staff(request.user):
        raise PermissionDenied
    form = StaffMemberForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            person = form.save()
        except ValidationError as error:
            for field, messages in error.message_dict.items() if hasattr(error, "error_dict") else [(None, error)]:
                form.add_error(field if field in form.fields else None, messages)
        else:
            return _page(
                request,
                "lms/admin/staff_created.html",
                person=person,
                role=STAFF_ROLES[form.cleaned_data["role"]],
                link=password_setting_link(person),
                notice=password_link_notice(),
            )
    return _page(request, "lms/admin/staff_create.html", form=form)


class StaffMemberChangeForm(forms.Form):
    role = forms.ChoiceField(label=gettext_lazy("Role"))
    area = StaffMemberForm.base_fields["area"]
    is_active = forms.BooleanField(
        label=gettext_lazy("Active"),
        required=False,
        help_text=gettext_lazy("Untick to deactivate: the person is signed out at once and cannot sign in again."),
    )

    def __init__(self, *args, user, person, **kwargs):
        role = staff_role(person)
        area = staff_area(person)
        initial = {
            "role": next((key for key, r in STAFF_ROLES.items() if r == role), None),
            "area": area.pk if area else None,
            "is_active": person.is_active,
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.user, self.person = user, person
        allowed = roles_creatable_by(user)
        self.fields["role"].choices = [(key, role.name) for key, role in STAFF_ROLES.items() if role in allowed]
        self.areas = areas_assignable_by(user)
        self.fields["area"].choices = [("", "---------"), *self.areas.choices()]

    def save(self):
        area_id = self.cleaned_data["area"]
        return staff_member_change(
            person=self.person,
            role=STAFF_ROLES[self.cleaned_data["role"]],
            area=self.areas.get(pk=area_id) if area_id else None,
            is_active=self.cleaned_data["is_active"],
            by=self.user,
        )


STAFF_PER_PAGE = 50


@never_cache
@require_http_methods(["GET"])
def staff_index(request):
    """The staff the user may manage, with their role, area and state, each linking to its edit form."""
    if not may_create_staff(request.user):
        raise PermissionDenied
    people = (
        staff_manageable_by(request.user)
        .select_related("profile__area", "admin_scope__area")
        .prefetch_related(Prefetch("groups", queryset=Group.objects.only("name")))
        .order_by("full_name", "pk")
    )
    page = Paginator(people, STAFF_PER_PAGE).get_page(request.GET.get("p"))
    rows = []
    for person in page:
        names = {group.name for group in person.groups.all()}
        role = next((r for r in STAFF_ROLES.values() if r.name in names), None)
        scope = person.admin_scope if hasattr(person, "admin_scope") else None
        profile = person.profile if hasattr(person, "profile") else None
        area = scope.area if scope else (profile.area if profile else None)
        rows.append({"person": person, "role": role, "area": area})
    return _page(request, "lms/admin/staff_index.html", title=_("Staff accounts"), rows=rows, page=page)


@never_cache
@require_http_methods(["GET", "POST"])
def staff_edit(request, pk):
    """Change a staff member's role and area, or deactivate them: only someone the user may manage."""
    person = get_object_or_404(staff_manageable_by(request.user), pk=pk)
    form = StaffMemberChangeForm(request.POST or None, user=request.user, person=person)
    if request.method == "POST" and form.is_valid():
        try:
            form.save()
        except ValidationError as error:
            for field, messages in error.message_dict.items() if hasattr(error, "error_dict") else [(None, error)]:
                form.add_error(field if field in form.fields else None, messages)
        else:
            flash.success(request, _("%(name)s's account was saved.") % {"name": person.full_name})
            return redirect("lms_staff:index")
    return _page(
        request,
        "lms/admin/staff_edit.html",
        title=_("Edit %(name)s") % {"name": person.full_name},
        form=form,
        person=person,
    )
