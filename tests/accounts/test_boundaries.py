"""Boundaries between apps, checked on the source: `accounts` imports no domain app (they plug into it
instead), imports run one way (areas <- courses/trainers/showcase <- reports), and scoping admin objects
by an administrator's area has one home, `areas.admin_views`."""

import ast
from pathlib import Path

import pytest
from django import forms

import accounts

DOMAIN_APPS = {"areas", "courses", "trainers", "showcase", "reports"}
PROJECT_APPS = DOMAIN_APPS | {"accounts", "home", "lms"}
ROOT = Path(accounts.__file__).parent.parent


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
    return modules


def test_accounts_imports_no_domain_app():
    root = Path(accounts.__file__).parent
    offending = {
        f"{path.relative_to(root.parent)}: {module}"
        for path in sorted(root.rglob("*.py"))
        for module in imported_modules(path)
        if module.split(".")[0] in DOMAIN_APPS
    }
    assert not offending


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


# The direction the README's architecture map draws: areas <- courses/trainers/showcase <- reports. Each app
# here may not import the apps listed against it (migrations, which name other apps' states, aside).
MAY_NOT_IMPORT = {
    "areas": {"courses", "trainers", "showcase", "reports"},
    "courses": {"trainers", "showcase", "reports"},
    "trainers": {"showcase", "reports"},
    "showcase": {"reports"},
}


def upward_imports(root: Path) -> set[str]:
    return {
        f"{path.relative_to(root)}: {module}"
        for app, forbidden in MAY_NOT_IMPORT.items()
        for path in sorted((root / app).rglob("*.py"))
        if "migrations" not in path.parts
        for module in imported_modules(path)
        if module.split(".")[0] in forbidden
    }


def test_imports_between_apps_run_one_way():
    assert upward_imports(ROOT) == set()


def test_the_direction_check_sees_an_upward_import(tmp_path):
    (tmp_path / "areas").mkdir()
    (tmp_path / "areas" / "rollup.py").write_text("def figure():\n    from reports.figures import people_reached\n")
    (tmp_path / "showcase").mkdir()
    (tmp_path / "showcase" / "views.py").write_text("from trainers.models import Trainer\n")  # allowed
    assert upward_imports(tmp_path) == {"areas/rollup.py: reports.figures"}


def test_one_profile_form_only():
    from accounts import profile_form

    class Another(forms.Form):
        pass

    with pytest.raises(ValueError):
        profile_form.register(Another)
