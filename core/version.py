"""The running code's version, read from the one place it is written: pyproject.toml's `version`.

`VERSION` is what /health/, backups' manifests and the upgrade script show. From a checkout (how the
site is deployed: deploy/README.md) pyproject.toml is read directly, so a `git pull` without a
reinstall still reports the code that runs; an installed wheel without it falls back to the package
metadata.
"""

import tomllib
from importlib import metadata
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
DISTRIBUTION = "tot-lms"


def read_version() -> str:
    """The version in pyproject.toml beside the code, else the installed distribution's, else "unknown"."""
    try:
        project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
        if project.get("name") == DISTRIBUTION:
            return project["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        pass
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown"


VERSION = read_version()
