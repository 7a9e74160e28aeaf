"""The public site speaks Vietnamese at / and English under /en/."""

import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image as PILImage
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


def test_home_in_vietnamese(client, home):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in html
    assert "Tìm kiếm" in html  # the menu is translated


def test_home_in_english(client, home):
    response = client.get("/en/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert ">Search<" in html


def test_language_switcher_links_to_the_same_page(client, course_tree):
    url = course_tree.lessons[0].url
    html = client.get(url).content.decode()
    assert f'href="/en{url}"' in html
    html_en = client.get("/en" + url).content.decode()
    assert f'href="{url}"' in html_en and '<html lang="en">' in html_en


def test_404_in_both_languages(client, home):
    vi = client.get("/khong-co-trang-nay/")
    en = client.get("/en/no-such-page/")
    assert vi.status_code == en.status_code == 404
    assert "Không tìm thấy trang" in vi.content.decode()
    assert "Page not found" in en.content.decode()


def test_static_assets_are_local(client, home):
    html = client.get("/").content.decode()
    assert "http://" not in html.replace("http://testserver", "") or "cdn" not in html
    assert "/static/css/site.css" in html


def test_admin_login_page_in_vietnamese(client, db):
    html = client.get("/admin/login/").content.decode()
    assert 'lang="vi"' in html


def _png(width: int, height: int) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("1", (width, height)).save(buffer, "PNG")  # one bit a pixel: small to build, huge to decode
    return SimpleUploadedFile("huge.png", buffer.getvalue(), content_type="image/png")


@pytest.mark.parametrize("size", [(11_000, 11_000), (7_000, 5_000)], ids=["decompression-bomb", "over-the-limit"])
def test_admin_refuses_an_image_with_too_many_pixels(client, superuser, size):
    client.force_login(superuser)
    response = client.post("/admin/images/add/", {"title": "Ảnh quá lớn", "file": _png(*size)})
    assert response.status_code == 200
    assert not get_image_model().objects.exists()
    with translation.override("vi"):
        message = gettext("This file has too many pixels (%(num_pixels)s). Maximum pixels %(max_pixels_count)s.")
    assert message.split("(")[0].strip() in response.content.decode()
    assert str(settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS) in response.content.decode()


def test_admin_accepts_a_phone_photo(client, superuser):
    client.force_login(superuser)
    response = client.post("/admin/images/add/", {"title": "Ảnh điện thoại", "file": _png(4_000, 3_000)})
    assert response.status_code == 302
    assert get_image_model().objects.count() == 1
