"""A local stand-in for the SMS and Zalo providers, for the demo only (served under DEBUG, scripts/run.sh).

It answers as eSMS.vn's SendMultipleMessage_V4_post_json and Zalo's ZNS /message/template do on success
(trainers/channels/sms.py and zalo.py cite their contracts) and keeps every message it accepts in a file, so
that the demo shows phone messages "sent" without leaving the machine: /dev/stand-in/ lists them.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.html import escape
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


def inbox_path() -> Path:
    return Path(settings.PRIVATE_MEDIA_ROOT) / "stand-in-inbox.jsonl"


def _keep(channel: str, phone: str, text: str) -> str:
    message_id = uuid.uuid4().hex
    path = inbox_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as inbox:
        record = {"id": message_id, "channel": channel, "phone": phone, "text": text, "at": timezone.now().isoformat()}
        inbox.write(json.dumps(record, ensure_ascii=False) + "\n")
    return message_id


@csrf_exempt
@require_POST
def esms(request):
    body = json.loads(request.body or b"{}")
    return JsonResponse(
        {
            "CodeResult": "100",
            "CountRegenerate": 0,
            "SMSID": _keep("sms", body.get("Phone", ""), body.get("Content", "")),
        }
    )


@csrf_exempt
@require_POST
def zns(request):
    body = json.loads(request.body or b"{}")
    text = f"[{body.get('template_id')}] " + json.dumps(body.get("template_data") or {}, ensure_ascii=False)
    msg_id = _keep("zalo", body.get("phone", ""), text)
    return JsonResponse({"error": 0, "message": "Success", "data": {"msg_id": msg_id}})


def inbox(request):
    """The messages the stand-in accepted, newest first."""
    path = inbox_path()
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    rows = "".join(
        f"<tr><td>{escape(m['at'][:19])}</td><td>{escape(m['channel'])}</td><td>{escape(m['phone'])}</td>"
        f"<td>{escape(m['text'])}</td></tr>"
        for m in map(json.loads, reversed(lines))
    )
    return HttpResponse(
        '<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        "<title>Stand-in SMS/Zalo inbox</title><h1>Stand-in SMS/Zalo inbox</h1>"
        f"<table><tr><th>At</th><th>Channel</th><th>Phone</th><th>Message</th></tr>{rows}</table>"
    )
