"""The registry of personal data: every app declares what it exports and anonymises for a person.

Each app registers in its `AppConfig.ready()`, so "download my data" and "delete my account" reach
every app without `accounts` importing any of them. `covers` names every relation to the user model
an app's functions take care of ("app_label.Model.field"); a test holds the registry against the
models, so an app that adds a relation to a person and forgets to register it fails the suite.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.module_loading import import_string

Exporter = Callable[..., dict]
Anonymiser = Callable[..., None]


@dataclass(frozen=True)
class PersonalDataSource:
    app_label: str
    export: Exporter | str
    anonymise: Anonymiser | str
    covers: frozenset[str]

    def _resolve(self, function):
        # A dotted path lets an app register a module that must not be imported while apps load.
        return import_string(function) if isinstance(function, str) else function

    def export_for(self, user) -> dict:
        return self._resolve(self.export)(user)

    def anonymise_for(self, user) -> None:
        self._resolve(self.anonymise)(user)


_sources: dict[str, PersonalDataSource] = {}


def register(*, app_label: str, export: Exporter | str, anonymise: Anonymiser | str, covers: set[str]) -> None:
    """Declare an app's exporter (`user -> dict` of sections) and anonymiser (`user -> None`)."""
    _sources[app_label] = PersonalDataSource(app_label, export, anonymise, frozenset(covers))


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
