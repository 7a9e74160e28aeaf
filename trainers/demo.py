"""Demo areas: the former Quảng Nam province's districts and the 2025 reforms (see shared/areas.md)."""

import datetime

from .models import Area

D = datetime.date
MERGE_2025 = D(2025, 1, 1)  # Nông Sơn into Quế Sơn; Duy Thu into Duy Tân
REFORM_2025 = D(2025, 7, 1)  # districts abolished; Quảng Nam merged into Đà Nẵng

DISTRICTS = [
    ("502", "Tam Kỳ", Area.CITY),
    ("503", "Hội An", Area.CITY),
    ("504", "Tây Giang", Area.DISTRICT),
    ("505", "Đông Giang", Area.DISTRICT),
    ("506", "Đại Lộc", Area.DISTRICT),
    ("507", "Điện Bàn", Area.TOWN),
    ("508", "Duy Xuyên", Area.DISTRICT),
    ("509", "Quế Sơn", Area.DISTRICT),
    ("510", "Nam Giang", Area.DISTRICT),
    ("511", "Phước Sơn", Area.DISTRICT),
    ("512", "Hiệp Đức", Area.DISTRICT),
    ("513", "Thăng Bình", Area.DISTRICT),
    ("514", "Tiên Phước", Area.DISTRICT),
    ("515", "Bắc Trà My", Area.DISTRICT),
    ("516", "Nam Trà My", Area.DISTRICT),
    ("517", "Núi Thành", Area.DISTRICT),
    ("518", "Phú Ninh", Area.DISTRICT),
    ("519", "Nông Sơn", Area.DISTRICT),
]

# Duy Xuyên's communes before the reform, and the new commune each became part of.
DUY_XUYEN_COMMUNES = [
    ("20599", "Nam Phước", Area.TOWNSHIP, "20599"),
    ("20602", "Duy Thu", Area.COMMUNE, None),  # merged into Duy Tân first
    ("20605", "Duy Phú", Area.COMMUNE, "20611"),
    ("20608", "Duy Tân", Area.COMMUNE, "20611"),
    ("20611", "Duy Hòa", Area.COMMUNE, "20611"),
    ("20614", "Duy Châu", Area.COMMUNE, "20611"),
    ("20617", "Duy Trinh", Area.COMMUNE, "20623"),
    ("20620", "Duy Sơn", Area.COMMUNE, "20623"),
    ("20623", "Duy Trung", Area.COMMUNE, "20623"),
    ("20626", "Duy Phước", Area.COMMUNE, "20599"),
    ("20629", "Duy Thành", Area.COMMUNE, "20635"),
    ("20632", "Duy Vinh", Area.COMMUNE, "20599"),
    ("20635", "Duy Nghĩa", Area.COMMUNE, "20635"),
    ("20638", "Duy Hải", Area.COMMUNE, "20635"),
]
NEW_DUY_XUYEN_COMMUNES = [
    ("20635", "Duy Nghĩa"),
    ("20599", "Nam Phước"),
    ("20623", "Duy Xuyên"),
    ("20611", "Thu Bồn"),
]


def _area(code, name, kind, parent, valid_from=None, valid_to=None) -> Area:
    area, _created = Area.objects.update_or_create(
        code=code,
        valid_from=valid_from,
        defaults={"name": name, "kind": kind, "parent": parent, "valid_to": valid_to},
    )
    return area


def load_areas() -> dict[str, Area]:
    """Create or update the demo areas; returns the former districts by name."""
    quang_nam = _area("49", "Quảng Nam", Area.PROVINCE, None, valid_to=REFORM_2025 - datetime.timedelta(days=1))
    da_nang = _area("48", "Đà Nẵng", Area.PROVINCE, None)
    quang_nam.successors.add(da_nang)

    last_day = REFORM_2025 - datetime.timedelta(days=1)
    districts = {}
    for code, name, kind in DISTRICTS:
        valid_to = MERGE_2025 - datetime.timedelta(days=1) if code == "519" else last_day
        districts[name] = _area(code, name, kind, quang_nam, valid_to=valid_to)
    districts["Nông Sơn"].successors.add(districts["Quế Sơn"])

    new_communes = {
        code: _area(code, name, Area.COMMUNE, da_nang, valid_from=REFORM_2025) for code, name in NEW_DUY_XUYEN_COMMUNES
    }
    duy_xuyen = districts["Duy Xuyên"]
    duy_xuyen.successors.add(*new_communes.values())
    for code, name, kind, successor_code in DUY_XUYEN_COMMUNES:
        valid_to = MERGE_2025 - datetime.timedelta(days=1) if code == "20602" else last_day
        commune = _area(code, name, kind, duy_xuyen, valid_to=valid_to)
        if successor_code:
            commune.successors.add(new_communes[successor_code])
    Area.objects.get(code="20602", valid_from=None).successors.add(Area.objects.get(code="20608", valid_from=None))
    return districts
