"""An administrator's scope in "download my data" and "delete my account" (accounts.personal_data)."""

from .models import AdminScope


def export_person(user) -> dict:
    return {"admin_scope": [str(scope.area) for scope in AdminScope.objects.filter(user=user).select_related("area")]}


def anonymise_person(user) -> None:
    """A deleted account answers for no area any more."""
    AdminScope.objects.filter(user=user).delete()


COVERS = {"areas.AdminScope.user"}
