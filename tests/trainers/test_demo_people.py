import json
import tomllib
from pathlib import Path

import pytest
from django.conf import settings

from core.demo_data import DemoDataError
from trainers.demo import DATA_DIR, read_people


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["masters"][0].pop("bio"), "masters[0].bio: missing"),
        (lambda d: d["learners"][1].update(gender="m"), "learners[1].gender: unknown value 'm'"),
        (lambda d: d["candidate"].update(birth_year="1997"), "candidate.birth_year: expected int, found str"),
        (
            lambda d: d["second_generation"][0].update(trained_by="hoa.ngo@example.org"),
            "second_generation[0].trained_by: unknown value 'hoa.ngo@example.org'",  # a later generation
        ),
        (lambda d: d["expired"].update(email="huong.vo@example.org"), "email 'huong.vo@example.org' is used twice"),
    ],
)
def test_a_malformed_people_file_is_named_with_its_key(tmp_path, change, message):
    data = json.loads((DATA_DIR / "people.json").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "people.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DemoDataError) as error:
        read_people(path)
    assert str(error.value).startswith(f"{path}: ")
    assert message in str(error.value)


def test_every_people_data_file_is_packaged():
    """An installed wheel has only the package data pyproject lists."""
    pyproject = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["trainers"]
    packaged = {path for pattern in patterns for path in DATA_DIR.parent.glob(pattern)}
    assert set(DATA_DIR.iterdir()) <= packaged
    assert len(read_people()["third_generation"]) == 4
