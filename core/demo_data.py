"""Checks for the demo data files: every app's demo loader reads JSON and names the file and key that is wrong.

A message reads `<key path>: <what is wrong>`, e.g. `projects[3].team[0].gender: unknown value 'f'`; the loader
puts the file in front. Messages are in English: they are read by whoever edits the files, not by users.
"""

import datetime
import json
from collections.abc import Iterable
from pathlib import Path


class DemoDataError(ValueError):
    """A demo data file does not have the shape the loader reads; nothing was written."""


def at(where: str, key: str | int) -> str:
    """The path of a key inside a file, as `modules[0].lessons[2].body[3].value.kind`."""
    if isinstance(key, int):
        return f"{where}[{key}]"
    return f"{where}.{key}" if where else key


def fail(where: str, message: str) -> DemoDataError:
    return DemoDataError(f"{where}: {message}" if where else message)


def check_keys(where: str, data: object, keys: dict[str, tuple[type, bool]]) -> dict:
    """An object with only the listed keys (key -> (type, required)), each of its type."""
    if not isinstance(data, dict):
        raise fail(where, f"expected an object, found {type(data).__name__}")
    unknown = sorted(set(data) - set(keys))
    if unknown:
        raise fail(where, f"unknown key {unknown[0]!r} (allowed: {', '.join(keys)})")
    for key, (kind, required) in keys.items():
        if key not in data:
            if required:
                raise fail(at(where, key), "missing")
            continue
        check_type(at(where, key), data[key], kind)
    return data


def check_type(where: str, value: object, kind: type) -> None:
    # A JSON true/false is a Python int as well; a number must not be one.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise fail(where, f"expected {kind.__name__}, found {type(value).__name__}")


def check_choice(where: str, value: object, allowed: Iterable[str]) -> None:
    allowed = set(allowed)
    if value not in allowed:
        raise fail(where, f"unknown value {value!r} (allowed: {', '.join(sorted(allowed))})")


def check_strings(where: str, values: list, allowed: Iterable[str] | None = None) -> None:
    for n, value in enumerate(values):
        if not isinstance(value, str) or not value:
            raise fail(at(where, n), "expected a non-empty string")
        if allowed is not None:
            check_choice(at(where, n), value, allowed)


def check_unique(where: str, items: list[dict], key: str) -> None:
    """A loader finds an existing row by this key: a repeated value would silently drop a row."""
    seen = set()
    for item in items:
        if item[key] in seen:
            raise fail(where, f"{key} {item[key]!r} is used twice")
        seen.add(item[key])


def parse_local(where: str, text: str, pattern: str) -> datetime.datetime:
    """A date or time written as `pattern` (`%Y-%m-%d %H:%M`, `%Y-%m-%d`, `%H:%M`), naive."""
    try:
        return datetime.datetime.strptime(text, pattern)
    except ValueError:
        example = datetime.datetime(2024, 11, 23, 7, 30).strftime(pattern)
        raise fail(where, f"expected a date or time like {example!r}, found {text!r}") from None


def read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DemoDataError(f"{path}: missing") from None
    except json.JSONDecodeError as error:
        raise DemoDataError(f"{path}: not valid JSON: {error}") from None
