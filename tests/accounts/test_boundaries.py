"""`accounts` is the user and the account pages: it imports no domain app, which plug into it instead."""

import ast
from pathlib import Path

import pytest
from django import forms

import accounts

DOMAIN_APPS = {"areas", "courses", "trainers", "showcase", "reports"}


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
