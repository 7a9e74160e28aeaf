"""Demo targets: every district's 2025 and 2030 plan figures, so the dashboard has something true to show.

All approved by the province, except Duy Xuyên's 2030 plan: its administrator has submitted it and it
waits for the province's approval (so the approval step has something to show).
"""

from django.contrib.auth import get_user_model
from django.utils import timezone

from areas.models import Area

from .models import Target

# Targets per district for 2025 and 2030 (certified trainers, people trained, women, students, projects),
# larger for the towns; the province-level figures are the sum of the districts'.
TARGETS = {
    2025: {"town": (6, 120, 60, 40, 6), "district": (3, 60, 30, 15, 3)},
    2030: {"town": (12, 300, 150, 100, 15), "district": (6, 150, 75, 40, 8)},
}
TOWNS = {"Tam Kỳ", "Hội An", "Điện Bàn"}
WAITING = ("Duy Xuyên", 2030, "district.admin@example.org")  # submitted, not yet approved


def load_targets(districts: dict[str, Area]) -> None:
    """2025 and 2030 targets for every district that still existed in 2025 (an admin's edits are kept)."""
    for name, district in districts.items():
        if not district.code.startswith("5") or (district.valid_to and district.valid_to.year < 2025):
            continue  # another province's district, or Nông Sơn (merged into Quế Sơn at the end of 2024)
        size = "town" if name in TOWNS else "district"
        for year, by_size in TARGETS.items():
            trainers, people, women, students, projects = by_size[size]
            review = {"status": Target.APPROVED}
            if (name, year) == WAITING[:2]:
                submitter = get_user_model().objects.filter(email__iexact=WAITING[2]).first()
                review = {"status": Target.SUBMITTED, "submitted_by": submitter, "submitted_at": timezone.now()}
            Target.objects.get_or_create(
                area=district,
                year=year,
                defaults={
                    "certified_trainers": trainers,
                    "people_trained": people,
                    "women_reached": women,
                    "students_reached": students,
                    "startup_projects": projects,
                    **review,
                },
            )
