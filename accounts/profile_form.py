"""The "About you" part of registration and the account page, supplied by the app that owns the profile.

`accounts` asks for a person's details without importing the app that stores them: that app registers
its form class in its `AppConfig.ready()` (the trainer programme registers the `Profile` the reports
count by). The form is built as `form_class(data, user=user, prefix=prefix)`, with `user` None at
registration, and stored with `form.save(user=user)` in the transaction that saves the account.
"""

from __future__ import annotations

from django.forms import BaseForm

_registered: dict[str, type[BaseForm]] = {}


def register(form_class: type[BaseForm]) -> None:
    """Declare the profile form; there is one profile, so a second registration is a wiring mistake."""
    current = _registered.get("form")
    if current is not None and current is not form_class:
        raise ValueError(f"A profile form is registered already: {current.__module__}.{current.__qualname__}")
    _registered["form"] = form_class


def profile_form_for(data=None, *, user=None, prefix: str = "profile") -> BaseForm | None:
    """The person's profile form (blank at registration), or None when no app asks for a profile."""
    form_class = _registered.get("form")
    return None if form_class is None else form_class(data, user=user, prefix=prefix)
