"""Who is staff: the one rule, for every screen, template and cache that treats staff differently.

Staff are the people whose role (a Django group, declared in lms/roles.py) lets them into the admin:
every role grants `wagtailadmin.access_admin` (with the trainer's guide), so membership of a role
is what makes someone staff, whoever created the account and however. Superusers are staff too.
The `is_staff` column is Django's own flag for its admin site, which this project does not serve:
nothing reads it, and the admin's user forms rightly do not offer it.

Staff see trainers' guides (when their role grants that too), edit links and the Admin link, and
never get a page from the shared rendered-page cache (courses/rendering.py). A learner's answer
costs no query: the signed-in user comes from the cache with their permissions read already
(accounts/backends.py), and a change to their roles drops that entry.
"""

ADMIN_ACCESS = "wagtailadmin.access_admin"


def is_staff_member(user) -> bool:
    """True for an active, signed-in person whose role (or superuser status) opens the admin."""
    return bool(
        user is not None
        and getattr(user, "is_authenticated", False)
        and user.is_active
        and (user.is_superuser or user.has_perm(ADMIN_ACCESS))
    )
