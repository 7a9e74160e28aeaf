"""StreamField blocks for an event's programme (agenda)."""

import datetime

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class AgendaItemBlock(blocks.StructBlock):
    starts_at = blocks.TimeBlock(label=_("Time"))
    title = blocks.CharBlock(label=_("Item"), max_length=200)
    speaker = blocks.CharBlock(label=_("Speaker or host"), required=False, max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "time"
        label = _("Agenda item")
        template = "showcase/blocks/agenda_item_block.html"
        preview_value = {
            "starts_at": datetime.time(8, 30),
            "title": "Khai mạc Ngày hội khởi nghiệp",
            "speaker": "Ban tổ chức",
            "description": "Phát biểu khai mạc và giới thiệu chương trình.",
        }


class ProgrammeStreamBlock(blocks.StreamBlock):
    item = AgendaItemBlock()
