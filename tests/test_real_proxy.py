"""The shipped nginx site in front of gunicorn on the production settings, driven over real HTTPS.

deploy/nginx/lms.conf is rendered by deploy/nginx/render.sh from an environment file made from
deploy/lms.env.example (test paths and ports swapped in), gunicorn starts with the flags of
deploy/systemd/lms-web.service, and nginx runs on loopback under its own prefix. What a browser
and an attacker see is then checked from outside: cookies, headers, lockouts and throttles keyed on
the real address whatever X-Forwarded-For says, and certificate PDFs only through the view.

Needs nginx, openssl, PostgreSQL and Redis (the PostgreSQL phase of .ci/run, which sets
LMS_REQUIRE_REAL_PROXY=1 so that a missing piece fails instead of skipping).
"""

import hashlib
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
import requests
from django.conf import global_settings
from requests.adapters import HTTPAdapter

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
RENDER = DEPLOY / "nginx" / "render.sh"
REQUIRED = os.environ.get("LMS_REQUIRE_REAL_PROXY") == "1"
OTHER_ADDRESS = "127.0.0.2"  # a second real client: loopback answers on the whole 127/8


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines as systemd's EnvironmentFile= reads them (comments, blank lines, optional quotes)."""
    values = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key.strip()] = value
    return values


def write_env_file(path: Path, values: dict[str, str]) -> None:
    path.write_text("".join(f"{key}={value}\n" for key, value in values.items()))


# ---------------------------------------------------------------------------------------------
# The deploy files themselves (no services needed)


def test_the_environment_template_names_every_variable_the_settings_read():
    settings_code = "".join((ROOT / "lms" / "settings" / name).read_text() for name in ("base.py", "production.py"))
    read = set(re.findall(r"""(?:env\.\w+|_required)\(\s*["']([A-Z][A-Z0-9_]*)["']""", settings_code))
    assert {"DJANGO_SECRET_KEY", "CACHE_URL", "CELERY_BROKER_URL", "TRUSTED_PROXY_COUNT"} <= read
    template = read_env_file(DEPLOY / "lms.env.example")
    assert sorted(read - template.keys()) == []
    assert template["DJANGO_SETTINGS_MODULE"] == "lms.settings.production"
    # Every variable in the template carries a comment saying what it is.
    lines = (DEPLOY / "lms.env.example").read_text().splitlines()
    uncommented = [
        line.split("=")[0]
        for i, line in enumerate(lines)
        if re.match(r"^[A-Z]", line) and not (lines[i - 1].startswith("#") or re.match(r"^[A-Z]", lines[i - 1]))
    ]
    assert uncommented == []


def test_render_fills_only_its_placeholders_and_refuses_a_missing_one(tmp_path):
    if not shutil.which("envsubst"):
        pytest.skip("envsubst (gettext-base) is not installed")
    rendered = subprocess.run([RENDER, DEPLOY / "lms.env.example"], capture_output=True, text=True, check=True).stdout
    assert not re.search(r"\$\{[A-Z]", rendered)
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in rendered  # nginx's variables left alone
    assert "location ^~ /protected/ {\n        internal;\n        alias /srv/lms/private/;" in rendered
    assert "server unix:/run/lms/web.sock fail_timeout=0;" in rendered

    values = read_env_file(DEPLOY / "lms.env.example")
    del values["NGINX_TLS_CERTIFICATE"]
    write_env_file(tmp_path / "lms.env", values)
    refused = subprocess.run([RENDER, tmp_path / "lms.env"], capture_output=True, text=True)
    assert refused.returncode != 0 and "NGINX_TLS_CERTIFICATE is not set" in refused.stderr


def test_the_systemd_units_are_valid_and_keep_the_app_off_the_network(tmp_path):
    units = sorted((DEPLOY / "systemd").iterdir())
    for unit in units:
        text = unit.read_text()
        assert "0.0.0.0" not in text and "--bind" not in text, unit.name  # only the socket unit's unix socket
        if unit.suffix == ".service":
            for line in ("EnvironmentFile=/etc/lms/lms.env", "User=lms", "StandardOutput=journal"):
                assert line in text, (unit.name, line)
            if "Type=oneshot" in text:  # the backup: run by its timer, a failure waits for the operator
                continue
            assert re.search(r"^Restart=(on-failure|always)$", text, re.MULTILINE), unit.name
            for key in ("MemoryMax=", "LimitNOFILE=", "TimeoutStopSec="):
                assert key in text, (unit.name, key)
    if not shutil.which("systemd-analyze"):
        pytest.skip("systemd-analyze is not installed")
    for unit in units:  # this checkout stands in for /srv/lms/app, so that the commands exist
        text = unit.read_text().replace("/srv/lms/app/.venv", sys.prefix)  # a worktree may borrow its venv
        (tmp_path / unit.name).write_text(text.replace("/srv/lms/app", str(ROOT)))
    verified = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *(tmp_path / unit.name for unit in units)],
        capture_output=True,
        text=True,
    )
    assert (verified.returncode, verified.stderr) == (0, "")


# ---------------------------------------------------------------------------------------------
# The running stack


def _missing_piece() -> str:
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        return "nginx is not installed (apt-get install nginx; .ci/run does)"
    for tool in ("openssl", "envsubst"):
        if not shutil.which(tool):
            return f"{tool} is not installed"
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        return "needs PostgreSQL shared with gunicorn: run under scripts/services.sh (DATABASE_URL)"
    if not os.environ.get("CACHE_URL", "").startswith("rediscache://"):
        return "production settings refuse to start without a shared cache: run under scripts/services.sh (CACHE_URL)"
    if not os.environ.get("CELERY_BROKER_URL", "").startswith("redis://"):
        return "production settings refuse to start without a broker: run under scripts/services.sh"
    return ""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _redis_url(url: str, db: int) -> str:
    """The same Redis server as `url`, another database: the stack's keys never meet the suite's."""
    return re.sub(r"/\d*$", f"/{db}", url.replace("rediscache://", "redis://", 1))


def _collected_static(env: dict[str, str]) -> Path:
    """collectstatic's output for the current sources, kept between runs (it takes a while)."""
    from django.contrib.staticfiles import finders

    digest = hashlib.sha256()
    for finder in finders.get_finders():
        for path, storage in sorted(finder.list(["CVS", ".*", "*~"]), key=lambda item: item[0]):
            stat = os.stat(storage.path(path))
            digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    root = Path(tempfile.gettempdir()) / f"lms-proxy-static-{digest.hexdigest()[:16]}"
    if (root / "staticfiles.json").exists():
        return root
    building = Path(tempfile.mkdtemp(prefix="lms-proxy-static-build-"))
    building.chmod(0o755)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env={**env, "STATIC_ROOT": str(building)},
        check=True,
    )
    try:
        building.rename(root)
    except OSError:  # another run got there first
        shutil.rmtree(building, ignore_errors=True)
    return root


def _gunicorn_command(socket_path: Path) -> list[str]:
    """ExecStart of the shipped unit, with this checkout's gunicorn and a socket of our own."""
    unit = (DEPLOY / "systemd" / "lms-web.service").read_text().replace("\\\n", " ")
    exec_start = re.search(r"^ExecStart=(.+)$", unit, re.MULTILINE).group(1)
    _, *args = shlex.split(exec_start)
    return [
        str(Path(sys.executable).with_name("gunicorn")),
        *args,
        *("--workers", "2", "--bind", f"unix:{socket_path}"),
        *("--control-socket", str(socket_path.with_name("gunicorn.ctl"))),
    ]


def _wait_for(check, what: str, processes, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                raise AssertionError(f"{what}: {process.args[0]} exited with {process.returncode}")
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"{what}: not ready after {timeout} s")


def _stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker):
    missing = _missing_piece()
    if missing:
        (pytest.fail if REQUIRED else pytest.skip)(missing)
    from django.db import connection

    work = Path(tempfile.mkdtemp(prefix="lms-proxy-"))
    work.chmod(0o755)  # nginx's workers run as nobody when the test runs as root
    for name in ("media", "private", "nginx"):
        (work / name).mkdir()
        (work / name).chmod(0o755)
    http_port, https_port = _free_port(), _free_port()
    origin = f"https://127.0.0.1:{https_port}"

    subprocess.run(
        ["openssl", "req", "-x509", "-nodes", "-days", "1", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", work / "tls.key", "-out", work / "tls.crt"],
        check=True, capture_output=True,
    )  # fmt: skip
    (work / "tls.key").chmod(0o644)

    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    values = read_env_file(DEPLOY / "lms.env.example")  # the template's choices, e.g. TRUSTED_PROXY_COUNT
    values.update(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1",
        CSRF_TRUSTED_ORIGINS=origin,
        SITE_URL=origin,
        LOG_LEVEL="WARNING",
        DATABASE_URL=f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        DB_CONN_MAX_AGE="0",  # the test's flush between tests must not wait for gunicorn's connections
        CACHE_URL=_redis_url(os.environ["CACHE_URL"], 13).replace("redis://", "rediscache://", 1),
        CELERY_BROKER_URL=_redis_url(os.environ["CELERY_BROKER_URL"], 14),
        EMAIL_URL="consolemail://",
        MEDIA_ROOT=str(work / "media"),
        PRIVATE_MEDIA_ROOT=str(work / "private"),
        NGINX_SERVER_NAME="127.0.0.1",
        NGINX_HTTP_LISTEN=f"127.0.0.1:{http_port}",
        NGINX_HTTPS_LISTEN=f"127.0.0.1:{https_port}",
        NGINX_TLS_CERTIFICATE=str(work / "tls.crt"),
        NGINX_TLS_CERTIFICATE_KEY=str(work / "tls.key"),
        NGINX_UPSTREAM=f"unix:{work / 'web.sock'}",
    )
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))}
    values["STATIC_ROOT"] = str(_collected_static({**base_env, **values}))
    write_env_file(work / "lms.env", values)

    site = subprocess.run([RENDER, work / "lms.env"], capture_output=True, text=True, check=True).stdout
    (work / "lms.conf").write_text(site)
    temp = work / "nginx"
    (work / "nginx.conf").write_text(
        f"""daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {work}/nginx-access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {work}/lms.conf;
}}
"""
    )

    gunicorn_log = open(work / "gunicorn.log", "w")  # noqa: SIM115  (closed at teardown)
    gunicorn = subprocess.Popen(
        _gunicorn_command(work / "web.sock"),
        cwd=ROOT,
        env={**base_env, **read_env_file(work / "lms.env")},
        stdout=gunicorn_log,
        stderr=subprocess.STDOUT,
    )
    nginx_binary = shutil.which("nginx") or "/usr/sbin/nginx"
    nginx = subprocess.Popen(
        [nginx_binary, "-e", str(work / "nginx-error.log"), "-p", str(work), "-c", str(work / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )

    def logs() -> str:
        return "\n".join(
            f"--- {name}\n{(work / name).read_text(errors='replace')[-4000:]}"
            for name in ("gunicorn.log", "nginx-error.log")
            if (work / name).exists()
        )

    def answers() -> bool:
        try:
            return Browser(SimpleNamespace(origin=origin, cert=work / "tls.crt")).get("/verify/").status_code == 200
        except requests.RequestException:
            return False

    try:
        try:
            _wait_for(answers, "the site through nginx", [gunicorn, nginx])
        except AssertionError as error:
            raise AssertionError(f"{error}\n{logs()}") from None
        yield SimpleNamespace(
            origin=origin,
            http=f"http://127.0.0.1:{http_port}",
            cert=work / "tls.crt",
            env=values,
            media=work / "media",
            private=work / "private",
            static=Path(values["STATIC_ROOT"]),
            logs=logs,
        )
    finally:
        _stop(nginx, signal.SIGQUIT)
        _stop(gunicorn)
        gunicorn_log.close()
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture
def site(stack, settings):
    """The stack with an empty cache, and users whose passwords the production hashers can check."""
    import redis

    redis.Redis.from_url(_redis_url(stack.env["CACHE_URL"], 13)).flushdb()
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    settings.PRIVATE_MEDIA_ROOT = str(stack.private)  # a PDF rendered here is one nginx can send
    return stack


class _FromAddress(HTTPAdapter):
    """Connections leave from this local address."""

    def __init__(self, source: str):
        self.source = source
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, source_address=(self.source, 0), **kwargs)


class Browser(requests.Session):
    """A client of the site over HTTPS, from a chosen loopback address, sending what browsers send."""

    def __init__(self, stack, source: str = "127.0.0.1"):
        super().__init__()
        self.stack = stack
        # Not the environment's CA bundle (REQUESTS_CA_BUNDLE would override `verify`) nor its proxies.
        self.trust_env = False
        self.verify = str(stack.cert)
        self.headers["Origin"] = stack.origin  # browsers send it with a form POST; Django checks it on HTTPS
        adapter = _FromAddress(source)
        self.mount("https://", adapter)
        self.mount("http://", adapter)

    def get(self, path, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 30)
        return super().get(self._url(path), **kwargs)

    def post(self, path, data=None, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 30)
        return super().post(self._url(path), data=data, **kwargs)

    def _url(self, path: str) -> str:
        return path if "://" in path else self.stack.origin + path

    def login(self, username: str, password: str, **kwargs):
        self.get("/accounts/login/")
        form = {"username": username, "password": password, "csrfmiddlewaretoken": self.cookies["csrftoken"]}
        return self.post("/accounts/login/", form, **kwargs)


def _set_cookies(response) -> dict[str, str]:
    return {header.split("=", 1)[0]: header for header in response.raw.headers.getlist("Set-Cookie")}


def _person(email: str, password: str = "mat-khau-dai-2026"):
    from accounts.models import User

    return User.objects.create_user(email=email, password=password, full_name="Nguyễn Thị Lan")


proxy_db = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@proxy_db
def test_login_over_https_with_secure_cookies_csp_and_hsts(site):
    _person("lan@example.org")
    browser = Browser(site)

    page = browser.get("/accounts/login/", headers={"Accept-Encoding": "gzip"})
    assert page.status_code == 200, site.logs()
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in page.headers["Content-Security-Policy"]
    assert page.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert page.headers["X-Frame-Options"] == "DENY"
    assert page.headers["Content-Encoding"] == "gzip"  # nginx compresses the app's HTML
    csrf_cookie = _set_cookies(page)["csrftoken"]
    assert "Secure" in csrf_cookie

    logged_in = browser.login("lan@example.org", "mat-khau-dai-2026")
    assert logged_in.status_code == 302, logged_in.text[:500]
    session_cookie = _set_cookies(logged_in)["sessionid"]
    assert "Secure" in session_cookie and "HttpOnly" in session_cookie
    assert browser.get("/accounts/me/").status_code == 200

    # Plain HTTP is sent to HTTPS by nginx before it reaches the app.
    plain = Browser(site).get(f"{site.http}/accounts/login/?next=/vi/")
    assert plain.status_code == 301
    assert plain.headers["Location"] == "https://127.0.0.1/accounts/login/?next=/vi/"


@proxy_db
def test_login_lockout_follows_the_real_address_not_x_forwarded_for(site):
    _person("lan@example.org")
    guesser = Browser(site)
    statuses = [
        guesser.login("lan@example.org", "sai-mat-khau", headers={"X-Forwarded-For": f"203.0.113.{i}"}).status_code
        for i in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]  # the form with its error, then locked at the fifth
    # A sixth address written in the header changes nothing: the pair (account, real address) is locked.
    locked = guesser.login("lan@example.org", "mat-khau-dai-2026", headers={"X-Forwarded-For": "198.51.100.7"})
    assert locked.status_code == 429
    # The owner, on another real address, still gets in.
    owner = Browser(site, source=OTHER_ADDRESS)
    assert owner.login("lan@example.org", "mat-khau-dai-2026").status_code == 302


@proxy_db
def test_verify_throttle_follows_the_real_address_not_x_forwarded_for(site):
    from trainers.views import VERIFY_LIMIT

    client = Browser(site)
    statuses = [
        client.get(
            "/verify/KHONG-CO-MA-NAY-1234/", headers={"X-Forwarded-For": f"10.{i // 250}.{i % 250}.1"}
        ).status_code
        for i in range(VERIFY_LIMIT + 2)
    ]
    assert statuses[:VERIFY_LIMIT] == [404] * VERIFY_LIMIT  # unknown code: the look-up form again
    assert statuses[VERIFY_LIMIT:] == [429, 429]
    # Another real address has its own allowance.
    assert Browser(site, source=OTHER_ADDRESS).get("/verify/KHONG-CO-MA-NAY-1234/").status_code == 404


@proxy_db
def test_certificate_pdf_only_through_the_view_and_nginx_sends_it(site):
    from home.models import HomePage
    from trainers.models import Certificate
    from trainers.services import certification_issue

    from .courses.factories import build_course

    tree = build_course(HomePage.objects.get())
    holder = _person("holder@example.org")
    _person("other@example.org")
    certificate = certification_issue(person=holder, kind=Certificate.COURSE, course=tree.course)
    url = f"/certificates/{certificate.number}/pdf/"

    assert Browser(site).get(url).status_code == 302  # to the login page
    stranger = Browser(site)
    assert stranger.login("other@example.org", "mat-khau-dai-2026").status_code == 302
    assert stranger.get(url).status_code == 404

    browser = Browser(site)
    assert browser.login("holder@example.org", "mat-khau-dai-2026").status_code == 302
    response = browser.get(url)
    assert response.status_code == 200, site.logs()
    certificate.refresh_from_db()
    stored = site.private / certificate.pdf.name
    assert response.content == stored.read_bytes() and response.content.startswith(b"%PDF")
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response.headers["Cache-Control"]
    assert "X-Accel-Redirect" not in response.headers  # nginx acted on it and did not pass it on

    # The file has no address of its own: not the internal location, not under /media/.
    accel = site.env["PRIVATE_MEDIA_ACCEL_REDIRECT"]
    for path in (
        accel + certificate.pdf.name,
        "/media/" + certificate.pdf.name,
        f"/media/certificates/{certificate.number}.pdf",
    ):
        assert browser.get(path).status_code == 404, path
    # ... while a public upload is served from MEDIA_ROOT, and Wagtail documents never are.
    (site.media / "probe.txt").write_text("public")
    public = browser.get("/media/probe.txt")
    assert public.status_code == 200 and public.text == "public"
    assert (
        public.headers["X-Content-Type-Options"] == "nosniff" and "sandbox" in public.headers["Content-Security-Policy"]
    )
    (site.media / "documents").mkdir(exist_ok=True)
    (site.media / "documents" / "private-collection.pdf").write_bytes(b"%PDF-1.4")
    assert browser.get("/media/documents/private-collection.pdf").status_code == 404


@proxy_db  # with the other stack tests, which pytest-django runs last: one stack for all of them
def test_static_files_come_from_disk_with_a_long_cache(stack):
    import json

    manifest = json.loads((stack.static / "staticfiles.json").read_text())["paths"]
    original, hashed = next((name, manifest[name]) for name in sorted(manifest) if name.endswith(".css"))
    client = Browser(stack)
    response = client.get(f"/static/{hashed}", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers.get("Content-Encoding") == "gzip"
    assert response.content == (stack.static / hashed).read_bytes()  # requests undid the gzip
    unhashed = client.get(f"/static/{original}")
    assert unhashed.status_code == 200 and unhashed.headers["Cache-Control"] == "public, max-age=3600"


@proxy_db
def test_the_health_check_answers_a_local_monitor_through_nginx_and_refuses_others(site):
    """nginx in front of gunicorn under the production settings: the machine's own monitor reads JSON with every
    check (the database, cache and broker are real here; no worker or beat run in this stack, so it says 503 and
    why), and another address is refused by nginx before the app."""
    from core.heartbeats import Heartbeat

    Heartbeat.objects.all().delete()
    response = Browser(site).get("/health/")
    report = response.json()
    assert response.status_code == 503 and report["status"] == "fail"
    assert {name: check["ok"] for name, check in report["checks"].items()} == {
        "database": True,
        "cache": True,
        "broker": True,
        "worker": False,
        "beat": False,
    }
    assert "no-store" in response.headers["Cache-Control"]
    assert Browser(site, source="127.0.0.2").get("/health/").status_code == 403
