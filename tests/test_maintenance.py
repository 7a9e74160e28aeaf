"""While PostgreSQL is away every request gets the Vietnamese maintenance page with 503 and Retry-After."""

from pathlib import Path

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_away(monkeypatch):
    """Every query fails as psycopg does when the server is down (raised at the ORM's boundary)."""

    def refuse(self, *args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", refuse)
    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.executemany", refuse)


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/admin/"])
def test_the_maintenance_page_with_503_and_retry_after(home, database_away, path):
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "a-session-that-needs-the-database"
    response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert "Hệ thống đang bảo trì" in html and '<html lang="vi">' in html


def test_any_other_error_is_still_the_500_page(monkeypatch, home):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("accounts.views.RegistrationForm", broken)
    response = Client(raise_request_exception=False).get("/accounts/register/")
    assert response.status_code == 500 and not response.has_header("Retry-After")
    assert "Đã xảy ra lỗi" in response.content.decode()


def test_a_lost_connection_counts_as_away_too():
    from core.maintenance import database_is_away

    try:
        try:
            raise InterfaceError("connection already closed")
        except InterfaceError as inner:
            raise RuntimeError("while rendering") from inner
    except RuntimeError as outer:
        assert database_is_away(outer)
    assert not database_is_away(ValueError("no"))


def test_nginx_serves_the_same_page_when_gunicorn_does_not_answer():
    """The shipped nginx site with no gunicorn behind it: the maintenance page, 503 and Retry-After; and
    /health/ only for local addresses."""
    import shutil
    import subprocess
    import time

    import requests

    from .test_real_proxy import DEPLOY, OTHER_ADDRESS, RENDER, REQUIRED, _free_port, read_env_file, write_env_file

    nginx_binary = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if nginx_binary is None or shutil.which("openssl") is None:
        (pytest.fail if REQUIRED else pytest.skip)("needs nginx and openssl")
    import tempfile

    tmp_path = Path(tempfile.mkdtemp(prefix="lms-maintenance-"))  # nginx's workers (nobody) must read it
    tmp_path.chmod(0o755)
    static = tmp_path / "static"
    static.mkdir()
    page = (Path(__file__).resolve().parent.parent / "static" / "maintenance.html").read_text()
    (static / "maintenance.html").write_text(page)
    for name in ("media", "private", "temp"):
        (tmp_path / name).mkdir()
    static.chmod(0o755)
    subprocess.run(
        ["openssl", "req", "-x509", "-nodes", "-days", "1", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", tmp_path / "tls.key", "-out", tmp_path / "tls.crt"],
        check=True, capture_output=True,
    )  # fmt: skip
    (tmp_path / "tls.key").chmod(0o644)
    https_port = _free_port()
    values = read_env_file(DEPLOY / "lms.env.example")
    values.update(
        STATIC_ROOT=str(static),
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
        NGINX_SERVER_NAME="127.0.0.1",
        NGINX_HTTP_LISTEN=f"127.0.0.1:{_free_port()}",
        NGINX_HTTPS_LISTEN=f"127.0.0.1:{https_port}",
        NGINX_TLS_CERTIFICATE=str(tmp_path / "tls.crt"),
        NGINX_TLS_CERTIFICATE_KEY=str(tmp_path / "tls.key"),
        NGINX_UPSTREAM=f"unix:{tmp_path / 'nobody-listens.sock'}",  # gunicorn stopped
    )
    write_env_file(tmp_path / "lms.env", values)
    site = subprocess.run([RENDER, tmp_path / "lms.env"], capture_output=True, text=True, check=True).stdout
    (tmp_path / "lms.conf").write_text(site)
    temp = tmp_path / "temp"
    (tmp_path / "nginx.conf").write_text(
        f"""daemon off;
worker_processes 1;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/nginx-error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {tmp_path}/lms.conf;
}}
"""
    )
    nginx = subprocess.Popen(
        [nginx_binary, "-e", tmp_path / "nginx-error.log", "-p", tmp_path, "-c", tmp_path / "nginx.conf"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    origin = f"https://127.0.0.1:{https_port}"
    session = requests.Session()
    session.trust_env = False
    session.verify = str(tmp_path / "tls.crt")
    try:
        for _ in range(100):
            try:
                response = session.get(origin + "/", timeout=5)
                break
            except requests.ConnectionError:
                assert nginx.poll() is None, (tmp_path / "nginx-error.log").read_text()
                time.sleep(0.1)
        assert response.status_code == 503
        assert response.headers["Retry-After"] == "60"
        assert response.headers["Content-Type"] == "text/html; charset=utf-8" and response.text == page
        posted = session.post(origin + "/accounts/login/", data={"username": "x"}, timeout=5)
        assert posted.status_code == 503 and posted.text == page
        assert session.get(origin + "/maintenance.html", timeout=5).status_code == 404  # only as the error page

        # /health/ is passed on for this machine (gunicorn is down here, so the page again) and refused to others.
        assert session.get(origin + "/health/", timeout=5).status_code == 503
        from .test_real_proxy import _FromAddress

        stranger = requests.Session()
        stranger.trust_env = False
        stranger.verify = session.verify
        stranger.mount("https://", _FromAddress(OTHER_ADDRESS))
        assert stranger.get(origin + "/health/", timeout=5).status_code == 403
    finally:
        nginx.terminate()
        nginx.wait(timeout=15)
        shutil.rmtree(tmp_path, ignore_errors=True)
