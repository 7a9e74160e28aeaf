"""The version is written once (pyproject.toml) and the changelogs and the upgrade test's fixture agree with it."""

import re
import tomllib
from pathlib import Path

from packaging.version import Version

from core.version import VERSION

ROOT = Path(__file__).resolve().parent.parent
HEADING = re.compile(r"^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$", re.MULTILINE)


def headings(name: str) -> list[tuple[str, str]]:
    return HEADING.findall((ROOT / name).read_text(encoding="utf-8"))


def test_the_running_code_reports_the_version_written_in_pyproject():
    written = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert VERSION == written
    Version(VERSION)  # a valid PEP 440 version


def test_both_changelogs_name_the_same_releases_and_the_newest_matches_the_version():
    english, vietnamese = headings("CHANGELOG.md"), headings("CHANGELOG.vi.md")
    released = [(version, day) for version, day in english if day]
    assert released, "CHANGELOG.md has no release"
    assert [(version, day) for version, day in vietnamese if day] == released
    newest = Version(released[0][0])
    current = Version(VERSION)
    if current.is_devrelease:
        # Work after a release: both changelogs collect it under their "Unreleased" heading.
        assert english[0] == ("Unreleased", "") and vietnamese[0] == ("Chưa phát hành", "")
        assert current > newest
    else:
        assert current == newest, "a release's version has its own heading at the top of the changelogs"


def test_the_upgrade_test_starts_from_the_newest_release_before_this_code():
    """Tagging a release means refreshing tests/fixtures/previous_release (scripts/previous_release_fixture.sh)."""
    release = dict(
        line.split(": ", 1)
        for line in (ROOT / "tests/fixtures/previous_release/RELEASE").read_text().splitlines()
        if ": " in line
    )
    released = [Version(version) for version, day in headings("CHANGELOG.md") if day]
    before_this = [version for version in released if version < Version(VERSION)]
    assert Version(release["version"]) == max(before_this)
