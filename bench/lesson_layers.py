"""Benchmark: each cache layer's share of a warm lesson page, measured in one process (no gunicorn, no wrk).

Usage, after bench/lesson_page.py has prepared the data (same PostgreSQL and Redis):
    .venv/bin/python bench/lesson_layers.py [--requests 600] [--rounds 2]

Serves the enrolled learner's lesson page through Django's test client, once with every layer of
settings.CACHE_LAYERS on and once with each turned off (CACHE_LAYERS_OFF), in turn, each in its own
process. Without the HTTP server and load generator on the same two cores, the figures move far
less with the machine's load than bench/lesson_page.py's; it also counts queries and cache calls.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def probe(requests: int) -> None:
    """In a child process: the warm page `requests` times; prints requests/s, queries and cache calls."""
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User
    from courses.models import CoursePage

    lessons = list(CoursePage.objects.get(is_tot=True).lessons())
    url = lessons[len(lessons) // 2].url
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(email="bench-5@example.org"))  # enrolled, six lessons done
    backend, calls = caches["default"], []
    for name in ("get", "get_many", "set", "add", "delete"):
        original = getattr(backend, name)

        def counted(*args, _original=original, **kwargs):
            calls.append(1)
            return _original(*args, **kwargs)

        setattr(backend, name, counted)
    for _ in range(5):
        client.get(url)
    calls.clear()
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        for _ in range(requests):
            response = client.get(url)
        elapsed = time.perf_counter() - start
    assert b"aria-valuenow" in response.content, "not the enrolled learner's page"
    print(f"{requests / elapsed} {len(queries) / requests} {len(calls) / requests}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        return probe(args.requests)
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    from django.conf import settings

    configurations = ["", *settings.CACHE_LAYERS]
    runs: dict[str, list[float]] = {off: [] for off in configurations}
    costs: dict[str, tuple[float, float]] = {}
    for round_number in range(1, args.rounds + 1):
        for off in configurations:
            output = subprocess.run(
                [sys.executable, __file__, "--probe", "--requests", str(args.requests)],
                env={**os.environ, "CACHE_LAYERS_OFF": off},
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
            rps, queries, calls = (float(x) for x in output[-3:])
            runs[off].append(rps)
            costs[off] = (queries, calls)
            label = f"without {off}" if off else "all layers on"
            print(
                f"round {round_number}, {label:>17}: {rps:7.1f} requests/s, {queries:.1f} queries and "
                f"{calls:.1f} cache calls a page; load {os.getloadavg()[0]:.2f}",
                flush=True,
            )
    mean = {off: sum(values) / len(values) for off, values in runs.items()}
    print(f"all layers on: {mean['']:.1f} requests/s in one process")
    print("each layer's share of the lesson page's throughput (keep at 10 % or more):")
    for off in settings.CACHE_LAYERS:
        print(f"  {off:10} {100 * (mean[''] - mean[off]) / mean['']:6.1f} %  (without it {mean[off]:.1f} requests/s)")


if __name__ == "__main__":
    main()
