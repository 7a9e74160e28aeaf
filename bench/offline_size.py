"""The weight of offline learning: the service worker, the page script, and one saved course.

Usage (a database with the demo loaded: `manage.py load_demo_data`):
    .venv/bin/python bench/offline_size.py [--course-id N] [--email learner@example.org]

Prints the sizes of /sw.js and static/js/offline.js (raw and gzip), then saves a course as the
phone does (static/js/offline.js): the course's save list, every URL in it and the same-origin
images its pages show, fetched for the demo learner (enrolled first if needed, as "Save for
offline" needs). The total is what the phone's Cache Storage holds for that course.
"""

import argparse
import gzip
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def kb(size: int) -> str:
    return f"{size / 1024:7.1f} KB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--course-id", type=int)
    parser.add_argument("--email", default="learner@example.org")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from accounts.models import User
    from courses.models import CoursePage
    from courses.services import enrollment_create

    if "testserver" not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS.append("testserver")
    client = Client()
    worker = client.get("/sw.js").content
    script = (Path(__file__).resolve().parent.parent / "static/js/offline.js").read_bytes()
    print(f"service worker /sw.js      {kb(len(worker))} raw {kb(len(gzip.compress(worker)))} gzip")
    print(f"page script offline.js     {kb(len(script))} raw {kb(len(gzip.compress(script)))} gzip")

    courses = CoursePage.objects.live().order_by("-is_tot", "path")
    course = courses.get(pk=args.course_id) if args.course_id else courses.first()
    learner = User.objects.get(email=args.email)
    enrollment_create(user=learner, course=course)
    client.force_login(learner)
    listing = client.get(f"/courses/{course.pk}/offline.json").json()
    seen, total, pages, images = set(), 0, 0, 0
    for url in listing["urls"]:
        response = client.get(url, follow=False)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        seen.add(url)
        total += len(body)
        if response.get("Content-Type", "").startswith("text/html"):
            pages += 1
            for src in re.findall(rb'<img[^>]+src="(/[^"]+)"', body):
                src = src.decode()
                if src in seen:
                    continue
                seen.add(src)
                image = client.get(src)
                data = b"".join(image.streaming_content) if image.streaming else image.content
                total += len(data)
                images += 1
    print(f"saved course «{listing['title']}»: {pages} pages, {images} images, {len(seen)} entries, {kb(total)}")


if __name__ == "__main__":
    main()
