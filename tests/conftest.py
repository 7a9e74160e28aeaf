import fcntl
import hashlib
import sqlite3
import tempfile
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

from accounts.models import User
from home.models import HomePage
from lms import roles

from .courses.factories import build_course

_PROJECT = Path(__file__).resolve().parent.parent
_APPS = ("accounts", "areas", "core", "courses", "home", "lms", "reports", "showcase", "trainers", "training")


def _code_digest() -> str:
    """What shapes a migrated database: the apps' files (migrations, models, their data, post-migrate
    hooks) and the versions of Django and Wagtail."""
    import django
    import wagtail

    digest = hashlib.sha256(f"{django.__version__} {wagtail.__version__}".encode())
    for app in _APPS:
        for path in sorted((_PROJECT / app).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(_PROJECT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


class _MigratedCopy:
    """On SQLite, a copy of the freshly migrated test database, kept while the code that shapes it is unchanged.

    Each pytest process (each xdist worker, each half of scripts/test.sh) used to build its test
    database through every migration, 45–57 s apiece. The first one keeps a copy in the temporary
    folder, named by a digest of the apps' files; the others create the tables without migrations (Django's
    TEST MIGRATE False, a second or two) and then take the copy's contents with SQLite's backup API.
    A lock makes a worker that starts at the same time wait for the copy instead of migrating too.
    """

    def __init__(self):
        self.path = None
        self.lock = None
        self.reuse = False

    def prepare(self) -> None:
        from django.db import connections

        settings_dict = connections["default"].settings_dict
        if settings_dict["ENGINE"] != "django.db.backends.sqlite3":
            return
        folder = Path(tempfile.gettempdir()) / "lms-migrated-test-db"  # outside the tree: git status stays clean
        folder.mkdir(exist_ok=True)
        self.path = folder / f"{_code_digest()}.sqlite3"
        self.lock = open(folder / "lock", "w")  # noqa: SIM115 (held until the copy is written)
        fcntl.flock(self.lock, fcntl.LOCK_EX)
        self.reuse = self.path.exists()
        if self.reuse:
            self._unlock()
            settings_dict["TEST"]["MIGRATE"] = False

    def finish(self, connection) -> None:
        if self.path is None:
            return
        if self.reuse:
            from django.contrib.contenttypes.models import ContentType

            connection.settings_dict["TEST"]["MIGRATE"] = True  # later migration tests migrate for real
            source = sqlite3.connect(self.path)
            source.backup(connection.connection)
            source.close()
            ContentType.objects.clear_cache()  # ids cached from the tables made without migrations
            return
        for old in self.path.parent.glob("*.sqlite3"):
            old.unlink()
        partial = self.path.with_suffix(".partial")
        target = sqlite3.connect(partial)
        connection.connection.backup(target)
        target.close()
        partial.rename(self.path)
        self._unlock()

    def _unlock(self) -> None:
        fcntl.flock(self.lock, fcntl.LOCK_UN)
        self.lock.close()


_MIGRATED_COPY = _MigratedCopy()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings):
    _MIGRATED_COPY.prepare()


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
        _MIGRATED_COPY.finish(connection)
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
def media_root(request, settings, tmp_path):
    """Certificate PDFs and uploads go to a throw-away folder, never the project's media/.

    Tests on the shared demo use the folder its loading wrote (its images and certificate PDFs).
    """
    if "shared_demo" in request.fixturenames:
        folder = _SHARED_DEMO.folder
    elif "committed_demo" in request.fixturenames:
        folder = request.getfixturevalue("_committed_demo_folder")
    else:
        folder = tmp_path
    settings.MEDIA_ROOT = str(folder / "media")
    settings.PRIVATE_MEDIA_ROOT = str(folder / "private_media")
    return settings.MEDIA_ROOT


class _SharedDemo:
    """The demo, loaded once per test process in a transaction that every test on it rolls back to.

    Loading the demo takes 15–25 s; dozens of tests walk it. Like Django's setUpTestData, the demo
    is loaded inside an outer transaction that stays open, and each test's own transaction is a
    savepoint in it, rolled back after the test, so every test starts from the freshly loaded demo.
    Tests on it are run last (pytest_collection_modifyitems); a test that is not on it closes the
    outer transaction first (pytest_runtest_setup), and the next test on it loads the demo again.
    """

    def __init__(self):
        self.blocker = None
        self.folder = None
        self.atomic = None

    def open(self):
        with self.blocker.unblock():
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            with override_settings(
                MEDIA_ROOT=str(self.folder / "media"), PRIVATE_MEDIA_ROOT=str(self.folder / "private_media")
            ):
                call_command("load_demo_data", verbosity=0)

    def close(self):
        if self.atomic is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
        self.atomic = None


_SHARED_DEMO = _SharedDemo()


@pytest.fixture(scope="session")
def _shared_demo_process(django_db_setup, django_db_blocker, tmp_path_factory):
    _SHARED_DEMO.blocker = django_db_blocker
    _SHARED_DEMO.folder = tmp_path_factory.mktemp("shared-demo")
    _SHARED_DEMO.open()
    yield
    _SHARED_DEMO.close()


@pytest.fixture
def shared_demo(request, _shared_demo_process, db):
    """The shipped demo (`load_demo_data`), as after loading; what a test changes is rolled back."""
    marker = request.node.get_closest_marker("django_db")
    assert not (marker and marker.kwargs.get("transaction")), "a transactional test loads the demo itself"


@pytest.hookimpl(tryfirst=True)  # before pytest-django's stable sort, which then keeps tests on the demo
def pytest_collection_modifyitems(items):  # last among those in one transaction, before transactional ones
    # pytest-xdist hands each worker its tests in this order: a worker loads the demo once, when it
    # reaches the first test on it.
    items.sort(key=lambda item: "shared_demo" in item.fixturenames)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before any fixture: a test not on the demo starts without it; a test on it finds it loaded."""
    if _SHARED_DEMO.blocker is None:
        return
    on_demo = "shared_demo" in item.fixturenames
    if not on_demo:
        _SHARED_DEMO.close()
    elif _SHARED_DEMO.atomic is None:
        _SHARED_DEMO.open()


@pytest.fixture
def cache_calls(monkeypatch):
    """Every call to the cache a request makes (with Redis, each is a round trip): get_many, or method and key.

    Left out: the delete by which the process checks, once every VERSION_TRUST_SECONDS, that the cache
    takes deletes, whichever request is then running; that probe is not the page's.
    """
    from django.core.cache import caches

    from core import page_cache

    calls: list[str] = []
    backend = caches["default"]
    depth = [0]  # locmem's get_many calls get: count what the page asks for, not how the backend does it
    for name in ("get", "get_many", "set", "set_many", "add", "delete", "delete_many", "has_key", "incr"):
        original = getattr(backend, name)

        def counted(*args, _name=name, _original=original, **kwargs):
            if not depth[0] and not (_name == "delete" and args[0] == page_cache.WRITE_PROBE_KEY):
                calls.append(_name if _name == "get_many" else f"{_name} {args[0]}")
            depth[0] += 1
            try:
                return _original(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(backend, name, counted)
    return calls


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


_COMMITTED_DEMO_SNAPSHOT = []  # SQLite: a copy of the database; PostgreSQL: the sequences' values
_SNAPSHOT_SCHEMA = "committed_demo_snapshot"  # PostgreSQL: a copy of each table, out of Django's search path


def _public_tables(cursor) -> list[str]:
    cursor.execute(
        "SELECT format('%I', tablename) FROM pg_tables"
        " WHERE schemaname = 'public' AND tablename <> 'django_migrations' ORDER BY tablename"
    )
    return [name for (name,) in cursor.fetchall()]


def _snapshot_postgresql(cursor) -> list[tuple[str, int | None]]:
    cursor.execute(f"DROP SCHEMA IF EXISTS {_SNAPSHOT_SCHEMA} CASCADE; CREATE SCHEMA {_SNAPSHOT_SCHEMA}")
    for table in _public_tables(cursor):
        cursor.execute(f"CREATE TABLE {_SNAPSHOT_SCHEMA}.{table} AS TABLE public.{table}")
    cursor.execute(
        "SELECT format('%I.%I', schemaname, sequencename), last_value FROM pg_sequences WHERE schemaname = 'public'"
    )
    return cursor.fetchall()


def _restore_postgresql(cursor, sequences) -> None:
    tables = _public_tables(cursor)
    # A copy of rows that were consistent when taken: no trigger (the reports' kept tables are copied
    # as they were) and no foreign key check while the tables fill in any order.
    cursor.execute("SET session_replication_role = replica")
    cursor.execute(f"TRUNCATE {', '.join(f'public.{table}' for table in tables)}")
    for table in tables:
        cursor.execute(f"INSERT INTO public.{table} OVERRIDING SYSTEM VALUE SELECT * FROM {_SNAPSHOT_SCHEMA}.{table}")
    cursor.execute("SET session_replication_role = DEFAULT")
    for sequence, value in sequences:
        cursor.execute("SELECT setval(%s, %s, %s)", [sequence, value or 1, value is not None])


@pytest.fixture(scope="session")
def _committed_demo_folder(tmp_path_factory):
    return tmp_path_factory.mktemp("committed-demo")


@pytest.fixture
def committed_demo(playwright, transactional_db, _committed_demo_folder):
    """The shipped demo, committed, for a test that shares it with a live server's thread.

    Playwright starts first: the test database must be set up in the context its sync API runs the
    test in, or the test's connection is another one, without the contents a serialized rollback
    restores (seen on PostgreSQL: the second test found no home page).

    The first test loads the demo (15–40 s) and keeps a copy; later tests get the copy back in about
    a second: on SQLite with SQLite's backup API, on PostgreSQL from a copy of every table in a schema
    of its own. The demo's files stay in one folder for the whole run.
    """
    connection.ensure_connection()
    if _COMMITTED_DEMO_SNAPSHOT:
        if connection.vendor == "sqlite":
            _COMMITTED_DEMO_SNAPSHOT[0].backup(connection.connection)
        else:
            with connection.cursor() as cursor:
                _restore_postgresql(cursor, _COMMITTED_DEMO_SNAPSHOT[0])
        return
    call_command("load_demo_data", verbosity=0)
    if connection.vendor == "sqlite":
        snapshot = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(snapshot)
    else:
        with connection.cursor() as cursor:
            snapshot = _snapshot_postgresql(cursor)
    _COMMITTED_DEMO_SNAPSHOT.append(snapshot)
