"""The admin's upload → preview → confirm flow, scoped to the administrator's district."""

from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import User
from trainers.models import Profile
from training.models import Attendance, SessionParticipant

from .import_factories import csv_bytes, make_admin, make_areas, make_person, make_session, wide_row_xlsx, xlsx_bytes
from .test_import import bad_rows, messy_rows

pytestmark = pytest.mark.django_db

INDEX = "training_lists:index"


@pytest.fixture
def pending(settings):
    """Where uploads wait between preview and confirm: private storage, outside MEDIA_ROOT."""
    return Path(settings.PRIVATE_MEDIA_ROOT) / "imports" / "pending"


@pytest.fixture
def areas():
    return make_areas()


@pytest.fixture
def session(areas):
    return make_session(areas["duy_xuyen"])


@pytest.fixture
def other_session(areas):
    return make_session(areas["hoi_an"], title="Lớp Hội An")


@pytest.fixture
def district_admin(client, areas):
    user = make_admin("district.admin@example.org", areas["duy_xuyen"])
    client.force_login(user)
    return user


def upload(client, session, data, name="ds.xlsx"):
    return client.post(reverse(INDEX), {"session": session.pk, "file": SimpleUploadedFile(name, data)})


def test_district_admin_uploads_previews_and_confirms_once(client, district_admin, session, other_session, pending):
    assert reverse(INDEX) in client.get(reverse("wagtailadmin_home")).content.decode()  # the menu item
    page = client.get(reverse(INDEX))
    assert page.status_code == 200
    assert session.title in page.content.decode() and "Lớp Hội An" not in page.content.decode()

    response = upload(client, session, xlsx_bytes(messy_rows(xlsx=True)))
    assert response.status_code == 302
    preview_url = response["Location"]

    preview = client.get(preview_url)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Attendance marks: 12 new" in html or "12" in html
    assert f'action="{preview_url}"' in html  # the confirm button
    assert not User.objects.filter(full_name="Võ Thị Mai").exists()  # the preview wrote nothing
    assert list(pending.iterdir())  # the file waits server-side

    confirmed = client.post(preview_url)
    assert confirmed.status_code == 302
    done = str(next(iter(get_messages(confirmed.wsgi_request))))
    assert "5 người đã được ghi danh" in done and "sẽ được ghi danh" not in done  # says what was done
    assert SessionParticipant.objects.filter(session=session).count() == 5
    assert Attendance.objects.count() == 12
    assert not list(pending.iterdir())

    double_click = client.post(preview_url)
    assert double_click.status_code == 302
    assert SessionParticipant.objects.count() == 5 and Attendance.objects.count() == 12
    assert User.objects.count() == 5 + 1


def test_bad_file_shows_every_bad_line_and_cannot_be_confirmed(client, district_admin, session):
    response = upload(client, session, csv_bytes(bad_rows()), name="ds.csv")
    preview = client.get(response["Location"])

    html = preview.content.decode()
    for line in (12, 13, 14, 15, 16):
        assert f"<td>{line}</td>" in html
    location = response["Location"]
    assert f'action="{location}"' not in html  # no confirm button

    client.post(response["Location"])  # a forged confirm re-validates and refuses
    assert not SessionParticipant.objects.exists()
    assert User.objects.count() == 1


def test_another_districts_session_is_refused(client, district_admin, other_session):
    response = upload(client, other_session, csv_bytes(messy_rows()), name="ds.csv")

    assert response.status_code == 200  # the form again, with an error on the session
    assert response.context["form"].errors["session"]
    assert not SessionParticipant.objects.exists()
    assert client.get(reverse("training_lists:export", args=[other_session.pk, "csv"])).status_code == 404


def test_a_preview_token_is_the_uploaders_only(client, district_admin, session, areas):
    token_url = upload(client, session, csv_bytes(messy_rows()), name="ds.csv")["Location"]
    client.force_login(make_admin("other.admin@example.org", areas["duy_xuyen"]))

    client.post(token_url)

    assert not SessionParticipant.objects.exists()


def test_cancel_deletes_the_upload(client, district_admin, session, pending):
    token_url = upload(client, session, csv_bytes(messy_rows()), name="ds.csv")["Location"]

    client.post(token_url.rstrip("/") + "/cancel/")
    client.post(token_url)

    assert not list(pending.iterdir())
    assert not SessionParticipant.objects.exists()


def test_people_without_the_permission_are_refused(client, session, trainer):
    client.force_login(trainer)

    assert client.get(reverse(INDEX)).status_code in (302, 403)
    assert client.get(reverse("training_lists:export", args=[session.pk, "csv"])).status_code in (302, 403)


def test_a_waiting_list_is_never_reachable_by_url(client, district_admin, session, pending, settings):
    """Phones and e-mails waiting for confirmation are not under MEDIA_ROOT, which nginx serves to anyone."""
    from django.http import Http404
    from django.test import RequestFactory
    from django.views.static import serve as static_serve

    from trainers.models.certification import private_storage

    preview_url = upload(client, session, csv_bytes(messy_rows()), name="ds.csv")["Location"]
    token = preview_url.rstrip("/").rsplit("/", 1)[-1]
    (waiting,) = pending.iterdir()
    stored = str(waiting.relative_to(settings.PRIVATE_MEDIA_ROOT))

    assert not any(Path(settings.MEDIA_ROOT).rglob("*"))  # nothing under what /media/ serves
    for path in (f"imports/pending/{token}.json", stored, waiting.name):
        # What serves /media/ (Django's static view under DEBUG, nginx's alias to MEDIA_ROOT) finds nothing.
        with pytest.raises(Http404):
            static_serve(RequestFactory().get(settings.MEDIA_URL + path), path, document_root=settings.MEDIA_ROOT)
        assert client.get(settings.MEDIA_URL + path).status_code == 404
    with pytest.raises(ValueError):  # private storage gives no address at all
        private_storage().url(stored)
    assert client.get(preview_url).status_code == 200  # while the preview still reads it


def test_nginx_serves_nothing_of_the_private_storage():
    """The one location aliased to PRIVATE_MEDIA_ROOT is `internal` (reached only by the app's X-Accel-Redirect)."""
    import re

    conf = (Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "lms.conf").read_text()
    locations = re.findall(r"location\s+([^\n]*?)\s*\{\n(.*?)\n\s*\}\n", conf, re.DOTALL)
    private = [body for _where, body in locations if "${PRIVATE_MEDIA_ROOT}" in body]
    assert private and all(re.search(r"^\s*internal;", body, re.MULTILINE) for body in private)
    media = [body for where, body in locations if where.strip() == "/media/"]
    assert media and all("alias ${MEDIA_ROOT}/;" in body for body in media)


def test_confirm_and_cancel_delete_the_waiting_list(client, district_admin, session, pending):
    confirm_url = upload(client, session, csv_bytes(messy_rows()), name="ds.csv")["Location"]
    assert len(list(pending.iterdir())) == 1
    client.post(confirm_url)
    assert not list(pending.iterdir())
    assert SessionParticipant.objects.filter(session=session).count() == 5

    cancel_url = upload(client, session, csv_bytes(messy_rows()), name="ds.csv")["Location"]
    assert len(list(pending.iterdir())) == 1
    client.post(cancel_url.rstrip("/") + "/cancel/")
    assert not list(pending.iterdir())


def test_an_hour_old_upload_is_refused_and_deleted_by_the_cleanup(client, district_admin, session, pending, settings):
    import os
    import time

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.core.management import call_command

    from training.tasks import delete_expired_imports

    old_url = upload(client, session, csv_bytes(messy_rows()), name="ds.csv")["Location"]
    fresh_url = upload(client, session, csv_bytes(messy_rows()), name="ds.csv")["Location"]
    waiting = {token: entry["path"] for token, entry in client.session["trainers_pending_imports"].items()}
    abandoned = Path(settings.PRIVATE_MEDIA_ROOT) / waiting[old_url.rstrip("/").rsplit("/", 1)[-1]]
    fresh = set(pending.iterdir()) - {abandoned}
    assert abandoned.exists() and len(fresh) == 1
    an_hour_ago = time.time() - 3600
    os.utime(abandoned, (an_hour_ago, an_hour_ago))
    default_storage.save("imports/pending/left-by-an-older-version.json", ContentFile(b"{}"))  # public, once

    call_command("delete_expired_imports", verbosity=0)
    assert set(pending.iterdir()) == fresh
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.json"))
    call_command("delete_expired_imports", verbosity=0)  # again: nothing more to do
    assert delete_expired_imports.delay().get() == 0
    assert delete_expired_imports.delay().get() == 0
    assert set(pending.iterdir()) == fresh

    expired = client.get(old_url)
    assert expired.status_code == 302  # back to the upload form: upload it again
    client.post(old_url)
    assert not SessionParticipant.objects.exists()
    assert client.get(fresh_url).status_code == 200


# --- another district's people: nothing shown, nothing changed, no takeover ----------------------


@pytest.fixture
def outsiders(areas):
    """People registered in Hội An, outside the Duy Xuyên administrator's area."""
    phone_only = make_person(
        "Trương Thị Bích Ngọc", phone="+84905777888", area=areas["hoi_an"], organisation="Hội LHPN Hội An"
    )
    phone_only.set_password("her-own-pass-2026")
    phone_only.save()
    with_email = make_person(
        "Phan Văn Khải", email="khai.hoian@example.org", phone="+84935444555", area=areas["hoi_an"]
    )
    return phone_only, with_email


def takeover_sheet():
    return [
        ["STT", "Họ và tên", "Số điện thoại", "Email", "Đơn vị công tác", "Xã/phường", "Ngày 1"],
        [1, "Nguyễn Văn Giả", "0905 777 888", "attacker@evil.example", "Đoàn TN", "Duy Hòa", "x"],
        [2, "Ai Đó", "", "khai.hoian@example.org", "UBND xã", "Nam Phước", "x"],
    ]


def test_another_districts_accounts_are_never_linked_shown_changed_or_counted(
    client, district_admin, session, outsiders, areas
):
    """A Duy Xuyên sheet naming Hội An accounts' phone and e-mail records those rows as listed, linked to no one."""
    from reports.models import FirstReach

    phone_only, with_email = outsiders
    before = [(u.full_name, u.email, u.phone, u.password) for u in (phone_only, with_email)]
    stored_details = ("Trương Thị Bích Ngọc", "Phan Văn Khải", "Hội LHPN Hội An", "0935444555", "935444555", "Hội An")

    preview_url = upload(client, session, csv_bytes(takeover_sheet()), name="ds.csv")["Location"]
    html = client.get(preview_url).content.decode()

    for stored in stored_details:
        assert stored not in html
    assert f'action="{preview_url}"' in html  # not an error: the rows are recorded as listed
    client.post(preview_url)

    participants = SessionParticipant.objects.filter(session=session).order_by("listed_name")
    assert [(p.person_id, p.listed_name) for p in participants] == [(None, "Ai Đó"), (None, "Nguyễn Văn Giả")]
    assert Attendance.objects.filter(participant__session=session, present=True).count() == 2
    listed = participants.get(listed_name="Nguyễn Văn Giả")
    assert (listed.listed_phone, listed.listed_email, listed.listed_commune) == (
        "+84905777888",
        "attacker@evil.example",
        "Duy Hòa",
    )
    for user, was in zip((phone_only, with_email), before, strict=True):
        user.refresh_from_db()
        assert (user.full_name, user.email, user.phone, user.password) == was
        profile = Profile.objects.get(user=user)
        assert (profile.area, profile.commune, profile.gender, profile.birth_year) == (areas["hoi_an"], None, "", None)
        assert not user.session_places.exists()  # nothing counts towards their certificates
        assert not FirstReach.objects.filter(person=user).exists()  # nor towards Hội An's figures
    assert Profile.objects.get(user=phone_only).organisation == "Hội LHPN Hội An"
    assert not Profile.objects.visible_to(district_admin).filter(user__in=outsiders).exists()  # scope not widened
    assert User.objects.count() == 3  # no account was made for them either

    # The results page and the export show what the sheet said, never the accounts.
    results_page = client.get(reverse("training_session:results", args=[session.pk]))
    assert results_page.status_code == 200
    results = results_page.content.decode()
    exported = client.get(reverse("training_lists:export", args=[session.pk, "csv"])).content.decode("utf-8-sig")
    for page in (results, exported):
        assert "Nguyễn Văn Giả" in page
        for stored in stored_details:
            assert stored not in page

    # The same sheet again finds them as listed: nothing new.
    again = upload(client, session, csv_bytes(takeover_sheet()), name="ds.csv")["Location"]
    client.post(again)
    assert SessionParticipant.objects.filter(session=session).count() == 2
    assert Attendance.objects.filter(participant__session=session).count() == 2


def test_a_phone_only_account_cannot_be_taken_over_through_an_import(client, district_admin, session, outsiders):
    from django.core import mail
    from django.test import Client

    preview_url = upload(client, session, csv_bytes(takeover_sheet()), name="ds.csv")["Location"]
    client.post(preview_url)
    mail.outbox.clear()

    Client().post(reverse("accounts:password_reset"), {"email": "attacker@evil.example"})

    assert [m for m in mail.outbox if "attacker@evil.example" in m.to] == []
    assert not User.objects.filter(email__iexact="attacker@evil.example").exists()


def test_district_admin_imports_the_demo_sheet_after_load_demo_data(shared_demo, client):

    from training.demo_data.build_attendance_sheet import PATH
    from training.models import TrainingSession

    login = client.post(
        reverse("wagtailadmin_login"), {"username": "district.admin@example.org", "password": "demo-2026-tot"}
    )
    assert login.status_code == 302
    session = TrainingSession.objects.get(title__contains="xã Duy Hòa")
    learner = User.objects.get(email="learner@example.org")
    before = SessionParticipant.objects.filter(session=session).count()
    learner_profile = Profile.objects.filter(user=learner).values().get()

    preview_url = upload(client, session, PATH.read_bytes(), name=PATH.name)["Location"]
    html = client.get(preview_url).content.decode()
    assert f'action="{preview_url}"' in html  # valid: the confirm button is there
    client.post(preview_url)

    assert SessionParticipant.objects.filter(session=session).count() == before + 7  # the learner was enrolled
    assert SessionParticipant.objects.get(session=session, person=learner).listed_commune == "Duy Hòa"
    assert Profile.objects.filter(user=learner).values().get() == learner_profile
    assert Profile.objects.get(user__phone="+84914211303").commune.name == "Duy Châu"


# --- the file is read once, within limits ----------------------------------------------------------


def test_an_exhausting_workbook_is_refused_at_upload_with_nothing_kept(client, district_admin, session, pending):
    from django.utils import translation
    from django.utils.translation import gettext

    response = upload(client, session, wide_row_xlsx(cells=5_000))

    assert response.status_code == 200  # the form again
    with translation.override("vi"):  # the admin speaks Vietnamese, whatever the test's language
        too_many_cells = gettext(
            "The workbook has too many cells (more than %(per_row)s in a row or %(total)s in all): copy the list "
            "alone into a new workbook and upload that."
        ).split("(")[0]
    assert too_many_cells in " ".join(response.context["form"].errors["file"])
    assert not pending.exists() or not list(pending.iterdir())


def test_the_upload_is_parsed_once_for_preview_and_confirm(client, district_admin, session, monkeypatch):
    import openpyxl

    real_load = openpyxl.load_workbook
    loads = []
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: loads.append(1) or real_load(*a, **k))

    preview_url = upload(client, session, xlsx_bytes(messy_rows(xlsx=True)))["Location"]
    assert client.get(preview_url).status_code == 200
    assert client.get(preview_url).status_code == 200
    client.post(preview_url)

    assert len(loads) == 1
    assert SessionParticipant.objects.filter(session=session).count() == 5


def test_an_export_gives_outsiders_as_the_list_gave_them_never_their_accounts(
    client, district_admin, session, outsiders
):
    """After an import links rows to another district's accounts, the export reveals none of their stored data."""
    preview_url = upload(client, session, csv_bytes(takeover_sheet()), name="ds.csv")["Location"]
    client.post(preview_url)

    exported = client.get(reverse("training_lists:export", args=[session.pk, "csv"])).content.decode("utf-8-sig")

    for stored in ("Trương Thị Bích Ngọc", "Phan Văn Khải", "Hội LHPN Hội An", "0935444555"):
        assert stored not in exported
    assert "Nguyễn Văn Giả" in exported and "attacker@evil.example" in exported  # what the sheet said
