"""Each certificate as an Open Badges 3.0 credential, signed as a VC-JWT, and the revocation status lists.

Specifications followed (section numbers of the versions named):
- 1EdTech Open Badges 3.0 (OB): Appendix B.1, the data model: `AchievementCredential`/`OpenBadgeCredential`
  (B.1.2), `Achievement` (B.1.1, `achievementType` from B.1.28), `AchievementSubject` (B.1.3), `IdentityObject`
  (B.1.12, `identityType` "name" of B.1.30), `Profile` (B.1.14), `CredentialStatus` (B.1.21); §8.2 "JSON Web Token
  Proof Format": the JOSE header of §8.2.3 (`alg` RS256, `kid` a URL that dereferences to the public JWK, `typ`
  "JWT", no other header), the claims of §8.2.4.1 (`iss`, `jti`, `nbf`, `sub`, `exp`, equal to the credential's
  issuer.id, id, validFrom, credentialSubject.id and validUntil), the checks a verifier makes (§8.2.6); §8.4-8.5
  and B.6.2-B.6.3 (key management, dereferencing the public key, JWK and JWKS); §9.1 (verification: the proof,
  then validFrom/validUntil, then credentialStatus).
- W3C Verifiable Credentials Data Model v2.0: §4.1 `@context` (the v2 context first, then OB's), §4.9 validity
  period (`validFrom`, `validUntil`), §4.10 status (`credentialStatus`).
- W3C Bitstring Status List v1.0: §2.1 `BitstringStatusListEntry` (statusPurpose, statusListIndex as a base-10
  string, statusListCredential; its id is not the list's URL), §2.2 `BitstringStatusListCredential` (encodedList:
  Multibase "u" + base64url without padding of the GZIP-compressed bitstring, at least 16 KB uncompressed, index 0
  the left-most bit), §3.1-3.2 (generation and validation algorithms), and its privacy considerations (group
  privacy: indexes drawn at random in a list large enough to hide one holder among many).

- did:web Method Specification (W3C CCG draft, https://w3c-ccg.github.io/did-method-web/): "Method-specific
  identifier" (the host, a port's colon percent-encoded, no IP address), "Create (Register)" and "Read (Resolve)"
  (`did:web:<host>` resolves to https://<host>/.well-known/did.json), "Update" (a new key is added to the same
  document, the DID stays). The DID document (W3C DID Core 1.0, §5.2 verification methods, §5.3.2
  `assertionMethod`) lists every public key of the JWKS as a `JsonWebKey2020` (W3C CCG JWS 2020) whose fragment is
  the key's id (its RFC 7638 thumbprint), so `did:web:<host>#<kid>` and the `kid` URL of §8.2.3 name one key.
  It is published beside the JWKS, not instead of it: credentials keep an https `issuer.id` (the issuer profile,
  B.1.14, one per issuing district too) and a `kid` URL that dereferences to the JWK itself, which §8.2.3 asks
  for and every JWT library follows without a DID resolver; a verifier that trusts issuers by DID finds the
  same keys under the site's did:web, which `alsoKnownAs` ties to the province's issuer profile.

The credential is built afresh on every download from the certificate's row: nothing signed is stored, so a
correction of the row (a name) is in the next download, and revocation is told by the status list, not by
re-signing. Expiry is told by `validUntil` (and the JWT `exp`), which the credential carries from the start.
"""

import base64
import datetime
import gzip
import hashlib
import json
import secrets
import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac

from accounts.links import absolute_url

from .credential_keys import ALGORITHM, signing_key
from .models import Certificate, Trainer, issuer_for

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
STATUS_PURPOSE = "revocation"
STATUS_LIST_ID = "revocation-1"  # one list while the province has fewer certificates than it has entries
STATUS_LIST_ENTRIES = 131_072  # 16 KB uncompressed, the minimum of Bitstring Status List §2.2
CREDENTIAL_MEDIA_TYPE = "application/vc+jwt"
PROVINCE = "province"


def _url(name: str, *args) -> str:
    """A stable absolute URL (the default language's, without /en/) of one of our credential addresses."""
    with translation.override(settings.LANGUAGE_CODE):
        return absolute_url(reverse(f"trainers:{name}", args=args))


def key_url(kid: str) -> str:
    """What a JOSE header's `kid` names: a URL that dereferences to the public JWK (OB §8.2.3, §8.5)."""
    return _url("credential_key", kid)


DID_CONTEXTS = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"]
DID_MEDIA_TYPE = "application/did+json"


def site_did() -> str:
    """The site's did:web: its host (SITE_URL's), a port's colon percent-encoded ("Method-specific identifier")."""
    from urllib.parse import urlsplit

    parts = urlsplit(absolute_url("/"))
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}%3A{parts.port}"
    return f"did:web:{host}"


def did_document() -> dict:
    """The DID document of `site_did()`: every public key the province signed with (rotated ones too, so that
    credentials signed before a rotation still verify), each a JsonWebKey2020 that may assert credentials."""
    from .credential_keys import public_keys

    did = site_did()
    methods = [
        {"id": f"{did}#{jwk['kid']}", "type": "JsonWebKey2020", "controller": did, "publicKeyJwk": jwk}
        for jwk in public_keys()
    ]
    return {
        "@context": DID_CONTEXTS,
        "id": did,
        "alsoKnownAs": [_url("credential_issuer", PROVINCE)],
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }


def status_list_url(slug: str) -> str:
    """The status list published under the issuer's own name, so that the list a credential points to comes from
    the credential's own issuer. Indexes are unique across issuers, so every issuer's list carries the same bits
    (drawn at random, they tell nothing of whose they are)."""
    return _url("credential_status_list", slug, STATUS_LIST_ID)


def issuer_slug(issuer) -> str:
    """The issuer profile's address part: the area code of a district that issues its own, else the province."""
    area = getattr(issuer, "area", None)
    return area.code if area is not None else PROVINCE


def issuer_by_slug(slug: str):
    """The issuer an issuer profile's address names, or None: the province, or a district with its issuing body."""
    from .models import Issuer

    if slug == PROVINCE:
        return issuer_for(None)
    return Issuer.objects.select_related("area").filter(area__code=slug).exclude(issuing_body="").first()


def issuer_profile(issuer) -> dict:
    """The OB 3.0 `Profile` (B.1.14) of whoever issues: its id is the URL where this same profile is published."""
    name = (issuer.issuing_body if issuer else "").strip() or settings.WAGTAIL_SITE_NAME
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": _url("credential_issuer", issuer_slug(issuer)),
        "type": ["Profile"],
        "name": name,
        "url": absolute_url("/"),
    }


def _subject_id(certificate: Certificate) -> str:
    """The holder, as a stable pseudonymous URN: the same for all their credentials, revealing nothing by itself."""
    digest = salted_hmac("trainers.credentials.subject", str(certificate.person_id), algorithm="sha256").digest()
    return uuid.UUID(bytes=digest[:16], version=4).urn


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _achievement(certificate: Certificate) -> dict:
    if certificate.kind == Certificate.COURSE:
        kind = "CertificateOfCompletion"
        key, name = f"course-{certificate.course_id}", certificate.course.title
        description = f"Hoàn thành khóa học trực tuyến “{name}”."
        criteria = "Hoàn thành mọi bài học và bài kiểm tra của khóa học."
    elif certificate.kind == Certificate.SESSION:
        # A class's attendance certificate (training/certificates.py) attests the class it names, not a trainer's
        # certification: its own achievement, keyed by what it prints.
        kind = "CertificateOfCompletion"
        digest = hashlib.sha256(certificate.subject.encode()).hexdigest()  # the class's words are public anyway
        key, name = f"session-{digest[:16]}", certificate.subject
        description = f"Tham dự và hoàn thành lớp tập huấn “{name}”."
        criteria = "Có mặt tại lớp tập huấn và đạt yêu cầu của lớp."
    else:
        kind = "Certification"
        level = dict(Trainer.LEVELS).get(certificate.trainer_level, certificate.trainer_level)
        key, name = f"trainer-{certificate.trainer_level or 'core'}", f"Giảng viên nguồn khởi nghiệp ({level})"
        description = "Được chứng nhận là giảng viên nguồn (ToT) của chương trình khởi nghiệp đổi mới sáng tạo."
        criteria = "Hoàn thành các khóa học ToT, tham dự lớp tập huấn ToT và đạt phần thực hành giảng dạy."
    return {
        "id": absolute_url(f"/credentials/achievements/{key}/"),
        "type": ["Achievement"],
        "achievementType": kind,
        "name": str(name),
        "description": description,
        "criteria": {"narrative": criteria},
    }


def credential_status_index(certificate: Certificate) -> int:
    """The certificate's fixed place in the status list, chosen at random once (group privacy: an index says
    nothing of the order of issue) and kept by a unique column, so no two certificates share a bit."""
    while certificate.status_list_index is None:
        candidate = secrets.randbelow(STATUS_LIST_ENTRIES)
        try:
            with transaction.atomic():
                Certificate.objects.filter(pk=certificate.pk, status_list_index__isnull=True).update(
                    status_list_index=candidate
                )
        except IntegrityError:
            continue  # taken by another certificate: draw again
        certificate.refresh_from_db(fields=["status_list_index"])
    return certificate.status_list_index


def open_badge_credential(certificate: Certificate) -> dict:
    """The certificate as an OB 3.0 `OpenBadgeCredential` (B.1.2), unsigned."""
    issuer = issuer_for(certificate.area)
    valid_from = _start_of(certificate.issued_on)
    index = credential_status_index(certificate)
    status_list = status_list_url(issuer_slug(issuer))
    credential = {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": certificate.verify_url(),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{certificate.get_kind_display()} {certificate.number}",
        "issuer": {k: v for k, v in issuer_profile(issuer).items() if k != "@context"},
        "validFrom": valid_from.isoformat(),
        "credentialSubject": {
            "id": _subject_id(certificate),
            "type": ["AchievementSubject"],
            "identifier": [
                # The name is printed on the certificate and shown on /verify/: nothing more is disclosed here.
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": certificate.holder_name,
                }
            ],
            "achievement": _achievement(certificate),
        },
        "credentialStatus": {
            "id": f"{status_list}#{index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": STATUS_PURPOSE,
            "statusListIndex": str(index),
            "statusListCredential": status_list,
        },
    }
    if certificate.expires_on:
        # Valid through its expiry day (CertificateQuerySet.valid), so until the start of the next one.
        credential["validUntil"] = _start_of(certificate.expires_on + datetime.timedelta(days=1)).isoformat()
    return credential


def _sign(claims: dict) -> str:
    """A compact JWS of the claims with the current key: the header of OB §8.2.3, exactly."""
    from joserfc import jws

    kid, key = signing_key()
    header = {"alg": ALGORITHM, "kid": key_url(kid), "typ": "JWT"}
    payload = json.dumps(claims, ensure_ascii=False, separators=(",", ":")).encode()
    return jws.serialize_compact(header, payload, key, algorithms=[ALGORITHM])


def _jwt_claims(credential: dict) -> dict:
    """The JWT claims of OB §8.2.4.1 beside the credential's own members (VC-JOSE-COSE: the payload is the VC)."""
    claims = {
        **credential,
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "sub": credential["credentialSubject"]["id"],
        "nbf": int(datetime.datetime.fromisoformat(credential["validFrom"]).timestamp()),
    }
    if "validUntil" in credential:
        claims["exp"] = int(datetime.datetime.fromisoformat(credential["validUntil"]).timestamp())
    return claims


def credential_jwt(certificate: Certificate) -> str:
    """The signed credential a holder downloads (raises credential_keys.NoSigningKey before the first key)."""
    return _sign(_jwt_claims(open_badge_credential(certificate)))


def revocation_bitstring() -> bytes:
    """The uncompressed list: bit i (most significant first) set when the certificate at index i is revoked."""
    bits = bytearray(STATUS_LIST_ENTRIES // 8)
    revoked = Certificate.objects.filter(status=Certificate.REVOKED, status_list_index__isnull=False)
    for index in revoked.values_list("status_list_index", flat=True):
        bits[index // 8] |= 0x80 >> (index % 8)
    return bytes(bits)


def encoded_list(bitstring: bytes) -> str:
    """Multibase base64url (prefix "u", no padding) of the GZIP-compressed bitstring (§2.2)."""
    compressed = gzip.compress(bitstring, mtime=0)  # the same list compresses to the same bytes
    return "u" + base64.urlsafe_b64encode(compressed).decode().rstrip("=")


def status_list_credential(issuer) -> dict:
    """The `BitstringStatusListCredential` (§2.2) of one issuer, valid from now."""
    url = status_list_url(issuer_slug(issuer))
    issuer = issuer_profile(issuer)
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer["id"],
        "validFrom": timezone.now().replace(microsecond=0).isoformat(),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": STATUS_PURPOSE,
            "encodedList": encoded_list(revocation_bitstring()),
        },
    }


def status_list_jwt(issuer) -> str:
    """The status list signed like the credentials, so that a verifier trusts it for the same reason."""
    credential = status_list_credential(issuer)
    claims = {
        **credential,
        "iss": credential["issuer"],
        "jti": credential["id"],
        "sub": credential["credentialSubject"]["id"],
        "nbf": int(datetime.datetime.fromisoformat(credential["validFrom"]).timestamp()),
    }
    return _sign(claims)
