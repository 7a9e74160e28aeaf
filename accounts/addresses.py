"""The client's address, the one way every throttle and lockout reads it."""

import ipaddress

from django.conf import settings


def client_address(request) -> str:
    """The address of the browser that sent this request, as far as trusted proxies tell it.

    With TRUSTED_PROXY_COUNT = 0 (no proxy) it is REMOTE_ADDR and X-Forwarded-For is ignored, so a
    client cannot choose its own address. With N trusted proxies, each appending the address it
    received the request from, the client is the N-th entry from the right: anything further left
    was written by the client and is not believed. A request that did not pass through all of
    them (too short a header, or not an address) falls back to REMOTE_ADDR.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-proxies]))
    except ValueError:
        return remote
