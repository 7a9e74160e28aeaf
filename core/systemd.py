"""Tell systemd how a service is doing (sd_notify), without a library: READY=1, WATCHDOG=1, STATUS=….

A unit with `Type=notify` waits for READY=1 before it counts as started; with `WatchdogSec=` it kills
and restarts (Restart=always) a process that stops sending WATCHDOG=1 in time. Outside systemd
(no NOTIFY_SOCKET) every call is a no-op.
"""

import os
import socket


def notify(state: str) -> bool:
    """Send one notification (e.g. "READY=1") to systemd; False when not run by systemd."""
    address = os.environ.get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):  # an abstract socket
        address = "\0" + address[1:]
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as connection:
        connection.connect(address)
        connection.sendall(state.encode())
    return True


def watchdog_interval() -> float | None:
    """Seconds between two WATCHDOG=1 pings (half systemd's WatchdogSec), or None without a watchdog.

    Only the process systemd watches pings: forked children inherit the variables but not the duty.
    """
    usec = os.environ.get("WATCHDOG_USEC", "")
    pid = os.environ.get("WATCHDOG_PID", "")
    if not usec.isdigit() or int(usec) == 0 or (pid and pid != str(os.getpid())):
        return None
    return int(usec) / 1_000_000 / 2
