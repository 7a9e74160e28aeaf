"""The public site speaks Vietnamese at / and English under /en/."""

import pytest

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
