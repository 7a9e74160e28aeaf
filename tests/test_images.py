"""Images from outside: a trainer edits and deletes only their own lesson images, never a project
cover a learner uploaded or a trainer's photo."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from core.image_collections import LESSONS, PROJECTS, TRAINER_PHOTOS, image_collection
from lms import roles
from lms.roles import role_group
from showcase.models import StartupProject

from .showcase.factories import district
from .showcase.test_projects import form_data

pytestmark = pytest.mark.django_db
Image = get_image_model()


def upload():
    """A PNG as a browser sends it."""
    return SimpleUploadedFile("anh.png", get_test_image_file().file.getvalue(), content_type="image/png")


def refused(response) -> bool:
    """Forbidden, or Wagtail's answer to a missing permission: back to the admin with a message."""
    return response.status_code == 403 or (response.status_code == 302 and "/images/" not in response.url)


@pytest.fixture
def project_cover(client, learner):
    client.force_login(learner)
    client.post(reverse("showcase:project_create"), {**form_data(district()), "cover_upload": upload()})
    client.logout()
    return StartupProject.objects.get().cover_image


def test_a_project_cover_lands_in_the_project_collection(project_cover, learner):
    assert project_cover.collection == image_collection(PROJECTS) and project_cover.uploaded_by_user == learner


def test_a_trainer_cannot_replace_or_delete_a_project_cover_or_a_trainer_photo(client, trainer, project_cover):
    photo = Image.objects.create(
        title="Ảnh giảng viên", file=get_test_image_file(), collection=image_collection(TRAINER_PHOTOS)
    )
    client.force_login(trainer)
    for image in (project_cover, photo):
        assert refused(client.get(f"/admin/images/{image.pk}/")), image
        assert refused(client.post(f"/admin/images/{image.pk}/", {"title": "Thay thế", "file": upload()}))
        assert refused(client.post(f"/admin/images/{image.pk}/delete/"))
        image.refresh_from_db()
        assert image.title != "Thay thế"
    assert "Ảnh giảng viên" not in client.get("/admin/images/").content.decode()


def test_a_trainer_edits_and_deletes_their_own_lesson_image(client, trainer):
    client.force_login(trainer)
    client.post("/admin/images/add/", {"title": "Sơ đồ mô hình kinh doanh", "file": upload()})
    image = Image.objects.get(title="Sơ đồ mô hình kinh doanh")
    assert image.collection == image_collection(LESSONS) and image.uploaded_by_user == trainer
    assert client.get(f"/admin/images/{image.pk}/").status_code == 200
    response = client.post(f"/admin/images/{image.pk}/delete/")
    assert response.status_code == 302 and not Image.objects.filter(pk=image.pk).exists()


def test_another_trainers_lesson_image_is_theirs_to_change(client, trainer):

    from accounts.models import User

    colleague = User.objects.create_user(email="gv2@example.org", password="pass-word-123", full_name="gv2")
    colleague.groups.add(role_group(roles.TRAINERS))
    theirs = Image.objects.create(
        title="Ảnh của đồng nghiệp",
        file=get_test_image_file(),
        collection=image_collection(LESSONS),
        uploaded_by_user=colleague,
    )
    client.force_login(trainer)
    assert refused(client.post(f"/admin/images/{theirs.pk}/delete/"))
    assert Image.objects.filter(pk=theirs.pk).exists()


def test_an_administrator_uploads_trainer_photos_into_their_collection_only(client):
    from wagtail.models import Collection

    from .trainers.factories import areas, district_admin

    client.force_login(district_admin(areas()["Duy Xuyên"]))
    photos, root = image_collection(TRAINER_PHOTOS), Collection.get_first_root_node()
    client.post("/admin/images/add/", {"title": "Ảnh gốc", "file": upload(), "collection": root.pk})
    client.post("/admin/images/add/", {"title": "Ảnh chân dung", "file": upload(), "collection": photos.pk})
    assert list(Image.objects.values_list("title", "collection")) == [("Ảnh chân dung", photos.pk)]
