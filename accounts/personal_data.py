"""The registry of personal data: every app declares what it exports and anonymises for a person.

An app declares it in its own `<app>/personal_data.py` module: `export_person(user) -> dict` of
sections, `anonymise_person(user) -> None` and `COVERS`. `autodiscover()` (run by AccountsConfig.ready(),
like Django's admin autodiscovery) registers every installed app's module, so "download my data" and
"delete my account" reach every app without `accounts` importing any of them. `COVERS` names every
relation to the user model an app's functions take care of ("app_label.Model.field"); a test holds the
registry against the models, so an app that adds a relation to a person and forgets to cover it fails
the suite.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import module_has_submodule

Exporter = Callable[..., dict]
Anonymiser = Callable[..., None]


@dataclass(frozen=True)
class PersonalDataSource:
    app_label: str
    export: Exporter
    anonymise: Anonymiser
    covers: frozenset[str]

    def export_for(self, user) -> dict:
        return self.export(user)

    def anonymise_for(self, user) -> None:
        self.anonymise(user)


MODULE_NAME = "personal_data"

_sources: dict[str, PersonalDataSource] = {}


def register(*, app_label: str, export: Exporter, anonymise: Anonymiser, covers: set[str]) -> None:
    """Declare an app's exporter (`user -> dict` of sections) and anonymiser (`user -> None`)."""
    _sources[app_label] = PersonalDataSource(app_label, export, anonymise, frozenset(covers))


def autodiscover() -> None:
    """Register the `personal_data` module of every installed app that has one, in INSTALLED_APPS order."""
    for config in apps.get_app_configs():
        name = f"{config.name}.{MODULE_NAME}"
        if name == __name__ or not module_has_submodule(config.module, MODULE_NAME):
            continue  # this registry itself, or an app holding nothing on a person
        module = import_module(name)
        try:
            register(
                app_label=config.label,
                export=module.export_person,
                anonymise=module.anonymise_person,
                covers=module.COVERS,
            )
        except AttributeError as error:
            raise ImproperlyConfigured(f"{name} must define export_person, anonymise_person and COVERS") from error


def sources() -> list[PersonalDataSource]:
    """Every registered app, in registration order (the order of INSTALLED_APPS)."""
    return list(_sources.values())


def personal_data_export(user) -> dict:
    """The sections of every app, side by side; two apps may not claim one section name."""
    data: dict = {}
    for source in sources():
        sections = source.export_for(user)
        clash = data.keys() & sections.keys()
        if clash:
            raise ValueError(f"{source.app_label} exports sections another app exports already: {sorted(clash)}")
        data.update(sections)
    return data


def personal_data_anonymise(user) -> None:
    """Every app removes what identifies the person (call inside the account deletion's transaction)."""
    for source in sources():
        source.anonymise_for(user)
