import pytest
from django.contrib.auth.models import Group
from django.db import connection

from accounts.models import User
from home.models import HomePage
from lms import roles

from .courses.factories import build_course


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Tests start without areas, and on PostgreSQL without automatic ANALYZE.

    Migrations load the shipped area tree (areas/migrations/0003); tests build the areas they need
    (`load_areas()` for the shipped tree, or a few rows of their own), and a transactional test's
    flush would empty the tree anyway, so every test starts from the same empty tree.

    Tests empty and refill the tables all the time. An ANALYZE that lands just after a flush records
    them as empty, and a query over a few thousand rows later in a test is then planned as nested
    loops that run for minutes (seen in CI: the project pipeline's figures on the demo data). Never
    analysed, a table is estimated from its current size instead.
    """
    from areas.models import Area

    with django_db_blocker.unblock():
        Area.successors.through.objects.all()._raw_delete(connection.alias)
        Area.objects.all()._raw_delete(connection.alias)
        if getattr(connection, "_test_serialized_contents", None) is not None:
            # What a serialized_rollback test restores is the database as tests start: without areas too.
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT format('ALTER TABLE %I SET (autovacuum_enabled = false)', tablename)"
            " FROM pg_tables WHERE schemaname = 'public'"
        )
        for (statement,) in cursor.fetchall():
            cursor.execute(statement)


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def course_tree(home):
    """A published course: catalogue → course → 2 modules → 2 lessons and a quiz each."""
    return build_course(home)


def _user(email, groups=(), **extra):
    user = User.objects.create_user(email=email, password="pass-word-123", full_name=email.split("@")[0], **extra)
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def learner(db):
    return _user("learner@example.org")


@pytest.fixture
def other_learner(db):
    return _user("other@example.org")


@pytest.fixture
def trainer(db):
    return _user("trainer@example.org", [roles.TRAINERS.name])


@pytest.fixture
def editor(db):
    return _user("editor@example.org", [roles.EDITORS.name])


@pytest.fixture
def superuser(db):
    return _user("root@example.org", is_superuser=True)


@pytest.fixture(autouse=True)
def vietnamese_by_default():
    """Each test starts in Vietnamese: a request under /en/ leaves English active in the thread."""
    from django.utils import translation

    with translation.override("vi"):
        yield


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Certificate PDFs and uploads go to a throw-away folder, never the project's media/."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private_media")
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fresh_cache():
    """Routing caches and throttles start empty in every test."""
    from django.core.cache import cache

    from core import page_cache

    def forget_everything():
        cache.clear()
        # What this process keeps in memory too: a test database restored to the same content version
        # as an earlier test's (the same publishes count up to the same number) must not reuse its entries.
        with page_cache._local_lock:
            page_cache._local_entries.clear()
            page_cache._visitors_keys.clear()
        page_cache._highest_seen = 0
        page_cache._writes_refused_until = page_cache._next_write_probe = 0.0

    forget_everything()
    yield
    forget_everything()
