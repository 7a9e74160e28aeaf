"""Scoping admin objects by an administrator's area has one home, `areas.admin_views`, checked on the source.

Which app may import which is the layers contract in pyproject.toml (import-linter, run by .ci/run)."""

import ast
from pathlib import Path

import pytest
from django import forms

import accounts

DOMAIN_APPS = {"areas", "courses", "trainers", "showcase", "reports"}
PROJECT_APPS = DOMAIN_APPS | {"accounts", "core", "home", "lms"}
ROOT = Path(accounts.__file__).parent.parent


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
    return modules


def scoped_admin_offences(root: Path) -> set[str]:
    """Classes of `areas/admin_views.py` defined again elsewhere, or imported from anywhere but there."""
    home = root / "areas" / "admin_views.py"
    names = {node.name for node in ast.parse(home.read_text(encoding="utf-8")).body if isinstance(node, ast.ClassDef)}
    offending = set()
    for app in sorted(PROJECT_APPS):
        for path in sorted((root / app).rglob("*.py")):
            if path == home:
                continue
            where = path.relative_to(root)
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
                if isinstance(node, ast.ClassDef) and node.name in names:
                    offending.add(f"{where}: defines {node.name}")
                elif isinstance(node, ast.ImportFrom) and node.module != "areas.admin_views":
                    offending.update(
                        f"{where}: imports {alias.name} from {node.module}"
                        for alias in node.names
                        if alias.name in names
                    )
    return offending


def test_admin_scoping_has_one_home_in_areas():
    # showcase and reports once took the scoped policy and views from trainers, which neither should depend on
    # for a rule of areas.
    assert scoped_admin_offences(ROOT) == set()


def test_the_scoping_check_sees_a_copy_and_a_detour(tmp_path):
    (tmp_path / "areas").mkdir()
    (tmp_path / "areas" / "admin_views.py").write_text("class ScopedViewSetMixin:\n    pass\n")
    (tmp_path / "trainers").mkdir()
    (tmp_path / "trainers" / "admin_views.py").write_text("class ScopedViewSetMixin:\n    pass\n")
    (tmp_path / "showcase").mkdir()
    (tmp_path / "showcase" / "wagtail_hooks.py").write_text("from trainers.admin_views import ScopedViewSetMixin\n")
    assert scoped_admin_offences(tmp_path) == {
        "trainers/admin_views.py: defines ScopedViewSetMixin",
        "showcase/wagtail_hooks.py: imports ScopedViewSetMixin from trainers.admin_views",
    }


def test_the_check_sees_imports_inside_functions(tmp_path):
    module = tmp_path / "sample.py"
    module.write_text("def view():\n    from trainers.models import Profile\n    import courses.progress\n")
    assert imported_modules(module) == {"trainers.models", "courses.progress"}


def test_one_profile_form_only():
    from accounts import profile_form

    class Another(forms.Form):
        pass

    with pytest.raises(ValueError):
        profile_form.register(Another)
