"""Object-level rules of the showcase, each built on a model's `visible_to(user)`."""

from .models import EventPage, StartupProject


def can_check_in(user, event: EventPage) -> bool:
    """Staff with the check-in permission, at events held in their area."""
    return (
        user.is_authenticated
        and user.has_perm("showcase.check_in_registration")
        and EventPage.objects.visible_to(user).filter(pk=event.pk).exists()
    )


def can_review(user, project: StartupProject) -> bool:
    """Administrators with the review permission, for projects filed in their area."""
    return (
        user.is_authenticated
        and user.has_perm("showcase.review_startupproject")
        and StartupProject.objects.visible_to(user).filter(pk=project.pk).exists()
    )
