"""Dates read the same everywhere: 05/03/2026 in Vietnamese, "5 March 2026" in English."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.utils import formats, translation

from tests.showcase.factories import make_event

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    ("language", "date", "datetime_"),
    [("vi", "05/03/2026", "05/03/2026 08:30"), ("en", "5 March 2026", "5 March 2026, 08:30")],
)
def test_one_format_per_language(language, date, datetime_):
    day = datetime.date(2026, 3, 5)
    moment = datetime.datetime(2026, 3, 5, 8, 30)
    with translation.override(language):
        assert formats.date_format(day) == date
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == date
        assert formats.date_format(moment, "DATETIME_FORMAT") == datetime_
        assert formats.date_format(moment, "SHORT_DATETIME_FORMAT") == datetime_


def test_a_date_typed_in_vietnamese_is_read_day_first():
    with translation.override("vi"):
        field = forms.DateField()
        assert field.clean("05/03/2026") == datetime.date(2026, 3, 5)
        assert field.clean("2026-03-05") == datetime.date(2026, 3, 5)


@pytest.mark.parametrize(("prefix", "shown"), [("", "05/03/2026 08:30"), ("/en", "5 March 2026, 08:30")])
def test_event_pages_show_the_language_s_format(client, home, prefix, shown):
    starts = datetime.datetime(2026, 3, 5, 8, 30, tzinfo=HCM)
    event = make_event(home, title="Ngày hội ngày 5/3", days_ahead=10)
    event.starts_at, event.ends_at = starts, starts + datetime.timedelta(hours=8)
    event.save_revision().publish()
    with translation.override("vi"):
        event_url, listing_url = event.url, event.get_parent().url
    html = client.get(prefix + event_url).content.decode()
    assert shown in html
    listing = client.get(prefix + listing_url).content.decode()
    assert shown in listing
