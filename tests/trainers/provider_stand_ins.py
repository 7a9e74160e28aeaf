"""Local HTTP servers that follow eSMS.vn's and Zalo ZNS's documented request and response contracts.

eSMS.vn, SendMultipleMessage_V4_post_json (https://developers.esms.vn/en/esms-api/send-sms-api/
send-otp-customer-care-message, error codes: https://developers.esms.vn/en/esms-api/table-of-error-codes):
JSON {ApiKey, SecretKey, Phone, Content, Brandname, SmsType, IsUnicode, RequestId} → {CodeResult, SMSID,
ErrorMessage}; 100 accepted, 101 wrong keys, 104 unknown brandname, 108 phone format, 124 duplicate RequestId.

Zalo ZNS, POST /message/template (https://zalo.cloud/zns/guidelines/handle-error-code): header access_token,
JSON {phone, template_id, template_data, tracking_id} → {error, message, data: {msg_id, sent_time, quota}};
0 success, -100 unknown error (try again later), -108 phone invalid, -109 template id invalid, -112 template
data invalid, -124 access token invalid.

Each server answers by its contract; `script` makes the next requests misbehave: "rate_limit" (HTTP 429),
"timeout" (answers after the client gave up, the message accepted all the same), "unknown" (ZNS -100).
"""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # quiet
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
        stand_in = self.server.stand_in
        stand_in.requests.append(
            {"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body}
        )
        action = stand_in.script.pop(0) if stand_in.script else "contract"
        if action == "rate_limit":
            self.send_error(429, "Too Many Requests")
            return
        if action == "timeout":
            stand_in.answer(body, self.headers)  # accepted, but the answer comes too late
            time.sleep(stand_in.slow_seconds)
            self._reply(200, {})
            return
        if action == "unknown":
            self._reply(200, {"error": -100, "message": "Unknown error"})
            return
        self._reply(200, stand_in.answer(body, self.headers))

    def _reply(self, status: int, payload: dict):
        try:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting
            pass


class StandIn:
    slow_seconds = 1.0

    def __init__(self):
        self.requests: list[dict] = []
        self.inbox: list[dict] = []  # the messages the provider accepted
        self.script: list[str] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.stand_in = self
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


class EsmsStandIn(StandIn):
    def __init__(self, *, api_key="key", secret_key="secret", brandnames=("TOT-LMS",), invalid_phones=()):
        super().__init__()
        self.keys = (api_key, secret_key)
        self.brandnames = set(brandnames)
        self.invalid_phones = set(invalid_phones)
        self.request_ids: set[str] = set()

    def answer(self, body: dict, headers) -> dict:
        if (body.get("ApiKey"), body.get("SecretKey")) != self.keys:
            return {"CodeResult": "101", "ErrorMessage": "Incorrect ApiKey or SecretKey."}
        if body.get("SmsType") == "2" and body.get("Brandname") not in self.brandnames:
            return {"CodeResult": "104", "ErrorMessage": "Brandname/Call code does not exist."}
        phone = body.get("Phone", "")
        if not re.fullmatch(r"(0|84)\d{9}", phone) or phone in self.invalid_phones:
            return {"CodeResult": "108", "ErrorMessage": "Phone number is not in correct format."}
        request_id = body.get("RequestId") or ""
        if request_id and request_id in self.request_ids:
            return {"CodeResult": "124", "ErrorMessage": "Duplicate RequestId."}
        self.request_ids.add(request_id)
        sms_id = f"sms-{len(self.inbox) + 1}"
        self.inbox.append({"SMSID": sms_id, **body})
        return {"CodeResult": "100", "CountRegenerate": 0, "SMSID": sms_id}


class ZnsStandIn(StandIn):
    def __init__(self, *, access_token="zalo-token", templates=None, invalid_phones=()):
        super().__init__()
        self.access_token = access_token
        self.templates = templates or {}  # template id -> its parameter names
        self.invalid_phones = set(invalid_phones)

    def answer(self, body: dict, headers) -> dict:
        if headers.get("access_token") != self.access_token:
            return {"error": -124, "message": "Access token is invalid"}
        phone = body.get("phone", "")
        if not re.fullmatch(r"84\d{9}", phone) or phone in self.invalid_phones:
            return {"error": -108, "message": "Phone number invalid"}
        template_id = body.get("template_id")
        if template_id not in self.templates:
            return {"error": -109, "message": "Template ID invalid"}
        data = body.get("template_data") or {}
        if set(data) != set(self.templates[template_id]) or not all(data.values()):
            return {"error": -112, "message": "Template data invalid"}
        msg_id = f"zns-{len(self.inbox) + 1}"
        self.inbox.append({"msg_id": msg_id, **body})
        return {
            "error": 0,
            "message": "Success",
            "data": {"msg_id": msg_id, "sent_time": str(int(time.time() * 1000)), "quota": {"remainingQuota": "499"}},
        }
