"""Documents from outside: a trainer uploads handouts and edits only their own, never a colleague's or an
editor's; editors edit every document; every trainer can still choose any document for a lesson."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from lms import roles

from .conftest import _user

pytestmark = pytest.mark.django_db
Document = get_document_model()


def upload(name="tai-lieu.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 handout", content_type="application/pdf")


def refused(response) -> bool:
    """Forbidden, or Wagtail's answer to a missing permission: back to the admin with a message."""
    return response.status_code == 403 or (response.status_code == 302 and "/documents/" not in response.url)


@pytest.fixture
def colleague(db):
    return _user("trainer.b@example.org", [roles.TRAINERS.name])


def uploaded_by(client, user, title) -> Document:
    client.force_login(user)
    response = client.post(
        "/admin/documents/add/", {"title": title, "file": upload(), "collection": Collection.get_first_root_node().pk}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    return Document.objects.get(title=title)


def edit_url(document) -> str:
    return reverse("wagtaildocs:edit", args=[document.pk])


def test_a_trainer_cannot_edit_replace_or_delete_a_colleagues_handout(client, trainer, colleague):
    handout = uploaded_by(client, trainer, "Phiếu bài tập Canvas")
    assert handout.uploaded_by_user == trainer

    client.force_login(colleague)
    assert refused(client.get(edit_url(handout)))
    assert refused(client.post(edit_url(handout), {"title": "Thay thế", "file": upload("khac.pdf")}))
    assert refused(client.post(reverse("wagtaildocs:delete", args=[handout.pk])))
    handout.refresh_from_db()
    assert handout.title == "Phiếu bài tập Canvas" and Document.objects.filter(pk=handout.pk).exists()
    listing = client.get(reverse("wagtaildocs:index")).content.decode()
    assert edit_url(handout) not in listing and "Phiếu bài tập Canvas" not in listing


def test_a_trainer_cannot_edit_an_editors_document(client, trainer, editor):
    guide = uploaded_by(client, editor, "Hướng dẫn chung")
    client.force_login(trainer)
    assert refused(client.post(edit_url(guide), {"title": "Thay thế", "file": upload("khac.pdf")}))
    guide.refresh_from_db()
    assert guide.title == "Hướng dẫn chung"


def test_a_trainer_edits_their_own_handout(client, trainer):
    handout = uploaded_by(client, trainer, "Phiếu bài tập Canvas")
    client.force_login(trainer)
    assert edit_url(handout) in client.get(reverse("wagtaildocs:index")).content.decode()
    assert client.get(edit_url(handout)).status_code == 200
    response = client.post(
        edit_url(handout),
        {"title": "Phiếu bài tập Canvas (bản 2)", "collection": handout.collection_id, "file": upload("v2.pdf")},
    )
    assert response.status_code == 302
    handout.refresh_from_db()
    assert handout.title == "Phiếu bài tập Canvas (bản 2)"


def test_an_editor_edits_every_trainers_handout(client, trainer, colleague, editor):
    handouts = [uploaded_by(client, trainer, "Tài liệu A"), uploaded_by(client, colleague, "Tài liệu B")]
    client.force_login(editor)
    for handout in handouts:
        assert client.get(edit_url(handout)).status_code == 200
        response = client.post(
            edit_url(handout), {"title": f"{handout.title} (đã sửa)", "collection": handout.collection_id}
        )
        assert response.status_code == 302
        handout.refresh_from_db()
        assert handout.title.endswith("(đã sửa)")


def test_a_trainer_chooses_any_document_for_a_lesson(client, trainer, colleague, editor):
    uploaded_by(client, colleague, "Tài liệu của đồng nghiệp")
    uploaded_by(client, editor, "Tài liệu của biên tập viên")
    client.force_login(trainer)
    response = client.get(reverse("wagtaildocs_chooser:choose"))
    assert response.status_code == 200
    body = response.json()["html"]  # the chooser modal's content
    assert "Tài liệu của đồng nghiệp" in body and "Tài liệu của biên tập viên" in body
