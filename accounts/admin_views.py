from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet


class _PersonFields(forms.ModelForm):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    phone = forms.CharField(label=_("Phone number"), max_length=32, required=False)
    first_name = None
    last_name = None


class PersonCreationForm(_PersonFields, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = {"email", "full_name", "phone", "is_superuser", "groups"}


class PersonEditForm(_PersonFields, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = {"email", "full_name", "phone", "is_active", "is_superuser", "groups"}


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return PersonEditForm if for_update else PersonCreationForm
