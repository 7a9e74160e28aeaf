from accounts.staff import is_staff_member


def can_see_trainer_guide(user) -> bool:
    """Trainers, editors and administrators see trainers' guides; learners and visitors never.

    Only staff (accounts/staff.py) can see one, so a learner's page is decided without loading
    permissions, and a page with a guide is never one the shared page cache holds (courses/rendering.py).
    """
    return is_staff_member(user) and user.has_perm("courses.view_trainer_guide")
