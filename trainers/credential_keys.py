"""The province's signing keys for Open Badges 3.0 credentials: JWK files in settings.CREDENTIAL_KEYS_DIR.

Outside the database and outside git (production: /srv/lms/keys in deploy/lms.env.example; by default
`keys` in PRIVATE_MEDIA_ROOT, which git ignores): a database dump or a leaked backup
of the tables does not carry the private key. Made and rotated by `manage.py credential_keys create|rotate`.

The directory holds, for each key id (the RFC 7638 thumbprint of the public key):
- `<kid>.public.jwk.json`: the public key, published for ever in the JWKS (`public_keys()`), so that a credential
  signed before a rotation still verifies;
- `<kid>.private.jwk.json` (mode 0600): the private key, only while it is the current one (rotation deletes it:
  a key is rotated because it is old or may have leaked, and nothing signs with it again);
- `current`: the id of the key that signs.

RSA with RS256: Open Badges 3.0 §8.2.3 ("Create the JOSE Header") makes RS256 the one algorithm every verifier
must support ("Support for other algorithms is permitted but their use limits interoperability"), so a credential
signed with Ed25519 or ES256 could be refused by a conforming verifier. 3072 bits: a certificate is checked for
years after it is signed.
"""

import json
import os
from pathlib import Path

from django.conf import settings
from joserfc.jwk import RSAKey

ALGORITHM = "RS256"
KEY_BITS = 3072
CURRENT = "current"


class NoSigningKey(LookupError):
    """No key has been created yet: `manage.py credential_keys create`."""


def keys_dir() -> Path:
    """settings.CREDENTIAL_KEYS_DIR, else `keys` in PRIVATE_MEDIA_ROOT (looked up now, so a test's own root counts)."""
    return Path(settings.CREDENTIAL_KEYS_DIR or Path(settings.PRIVATE_MEDIA_ROOT) / "keys")


def _write(path: Path, data: dict, mode: int) -> None:
    # Created with its final mode, so the private key is never readable by others, not even for a moment.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(fd, "w") as f:
        json.dump(data, f, indent=2)


def _public_jwk(key: RSAKey, kid: str) -> dict:
    return {**key.as_dict(private=False), "kid": kid, "alg": ALGORITHM, "use": "sig"}


def key_create() -> str:
    """Make a new key pair, make it the current one and return its id; the former current key is left as it is."""
    directory = keys_dir()
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = RSAKey.generate_key(KEY_BITS, private=True)
    kid = key.thumbprint()
    _write(directory / f"{kid}.public.jwk.json", _public_jwk(key, kid), 0o644)
    _write(directory / f"{kid}.private.jwk.json", {**key.as_dict(private=True), "kid": kid}, 0o600)
    tmp = directory / f"{CURRENT}.tmp"
    tmp.write_text(kid + "\n")
    tmp.replace(directory / CURRENT)  # atomic: a signer reads the old id or the new one, never half a file
    return kid


def key_rotate() -> tuple[str | None, str]:
    """Make a new current key and delete the former one's private half; its public half stays published."""
    former = current_kid()
    kid = key_create()
    if former:
        (keys_dir() / f"{former}.private.jwk.json").unlink(missing_ok=True)
    return former, kid


def current_kid() -> str | None:
    try:
        return (keys_dir() / CURRENT).read_text().strip() or None
    except FileNotFoundError:
        return None


def signing_key() -> tuple[str, RSAKey]:
    """The current key's id and private key, or NoSigningKey."""
    kid = current_kid()
    if not kid:
        raise NoSigningKey
    try:
        data = json.loads((keys_dir() / f"{kid}.private.jwk.json").read_text())
    except FileNotFoundError as missing:
        raise NoSigningKey from missing
    return kid, RSAKey.import_key(data)


def public_keys() -> list[dict]:
    """Every public key ever made here (current first), as JWKs without any private member."""
    directory = keys_dir()
    if not directory.is_dir():
        return []
    keys = []
    for path in sorted(directory.glob("*.public.jwk.json")):
        data = json.loads(path.read_text())
        keys.append({k: v for k, v in data.items() if k not in {"d", "p", "q", "dp", "dq", "qi", "oth"}})
    current = current_kid()
    return sorted(keys, key=lambda jwk: jwk["kid"] != current)


def public_key(kid: str) -> dict | None:
    return next((jwk for jwk in public_keys() if jwk["kid"] == kid), None)
