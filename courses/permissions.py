def can_see_trainer_guide(user) -> bool:
    """Trainers, editors and administrators see trainers' guides; learners and visitors never.

    Only staff (people with admin access) can hold the permission, so a learner's page
    is decided without loading permissions.
    """
    return bool(
        user
        and user.is_authenticated
        and user.is_active
        and user.is_staff
        and user.has_perm("courses.view_trainer_guide")
    )
