"""Certificates as Open Badges 3.0 credentials, checked from outside as a stranger's verifier would.

The site signs with joserfc; this module verifies with PyJWT (another implementation of JWS) fed only by what the
site publishes over HTTP (the `kid` URL, the JWKS, the status list), following OB 3.0 §8.2.6 and §9.1, and
validates the payload against 1EdTech's own OB 3.0 JSON schema (tests/fixtures/openbadges, source and licence in
its README). `openbadgeslib` on PyPI signs and verifies Open Badges 1.x/2.0 assertions only, not OB 3.0
credentials, so it is not used.
"""

import base64
import datetime
import gzip
import json
import os
import shutil
import stat
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import jwt
import pytest
from django.core.management import call_command
from django.utils import timezone

from trainers.models import Certificate, Issuer, Trainer
from trainers.services import certificate_revoke, certification_issue

from .factories import UserFactory, areas

pytestmark = pytest.mark.django_db

SCHEMA = (
    Path(__file__).resolve().parent.parent / "fixtures" / "openbadges" / "ob_v3p0_achievementcredential.schema.json"
)


class Revoked(Exception):
    pass


@pytest.fixture(scope="session")
def made_keys(tmp_path_factory):
    """One key pair for the session (an RSA key takes a moment to make), copied afresh into each test."""
    from django.test import override_settings

    directory = tmp_path_factory.mktemp("credential_keys") / "keys"
    with override_settings(CREDENTIAL_KEYS_DIR=str(directory)):
        call_command("credential_keys", "create")
    return directory


@pytest.fixture
def keys(settings, made_keys, tmp_path):
    directory = tmp_path / "keys"
    shutil.copytree(made_keys, directory)
    settings.CREDENTIAL_KEYS_DIR = str(directory)
    return directory


@pytest.fixture
def holder():
    return UserFactory(full_name="Nguyễn Thị Thu Hạnh")


@pytest.fixture
def trainer_certificate(holder):
    return certification_issue(person=holder, kind=Certificate.TRAINER, trainer_level=Trainer.CORE)


def _get(client, url: str):
    """An address the credential names, fetched from the test site (its host is SITE_URL's)."""
    response = client.get(urlsplit(url).path)
    assert response.status_code == 200, url
    return response


def _verified_jwt(client, token: str) -> dict:
    """OB 3.0 §8.2.6: the header's kid dereferences to the public JWK; PyJWT checks the signature, nbf and exp."""
    header = jwt.get_unverified_header(token)
    assert set(header) <= {"alg", "kid", "typ"} and header["alg"] == "RS256" and header["typ"] == "JWT"
    key = jwt.PyJWK(_get(client, header["kid"]).json()).key
    return jwt.decode(
        token, key, algorithms=["RS256"], options={"require": ["iss", "jti", "nbf", "sub"], "verify_aud": False}
    )


def verify_credential(client, token: str) -> dict:
    """A verifier that knows only the token and the web: signature, claims, validity period, then status (§9.1)."""
    payload = _verified_jwt(client, token)
    assert payload["iss"] == payload["issuer"]["id"]  # §8.2.6.1
    assert payload["sub"] == payload["credentialSubject"]["id"]
    assert payload["jti"] == payload["id"]
    assert payload["nbf"] == int(datetime.datetime.fromisoformat(payload["validFrom"]).timestamp())
    if "validUntil" in payload:
        assert payload["exp"] == int(datetime.datetime.fromisoformat(payload["validUntil"]).timestamp())
    status = payload["credentialStatus"]
    assert status["type"] == "BitstringStatusListEntry" and status["statusPurpose"] == "revocation"
    status_list = _verified_jwt(client, _get(client, status["statusListCredential"]).content.decode())
    assert status_list["issuer"] == payload["issuer"]["id"]  # the credential's own issuer publishes its list
    if bit_set(status_list, int(status["statusListIndex"])):
        raise Revoked(status["statusListIndex"])
    return payload


def bitstring(status_list: dict) -> bytes:
    encoded = status_list["credentialSubject"]["encodedList"]
    assert encoded.startswith("u")  # Multibase base64url without padding
    body = encoded[1:]
    return gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


def bit_set(status_list: dict, index: int) -> bool:
    bits = bitstring(status_list)
    return bool(bits[index // 8] & (0x80 >> (index % 8)))  # Bitstring Status List §3.1: bit 0 leftmost


def download(client, certificate) -> str:
    client.force_login(certificate.person)
    response = client.get(f"/certificates/{certificate.number}/credential/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    return response.content.decode()


def test_the_holders_credential_verifies_and_matches_the_schema(client, keys, trainer_certificate):
    token = download(client, trainer_certificate)
    credential = verify_credential(client, token)
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert credential["credentialSubject"]["identifier"][0]["identityHash"] == "Nguyễn Thị Thu Hạnh"
    assert credential["id"].endswith(f"/verify/{trainer_certificate.code}/")
    assert credential["validFrom"].startswith(trainer_certificate.issued_on.isoformat())
    day_after = trainer_certificate.expires_on + datetime.timedelta(days=1)
    assert credential["validUntil"].startswith(day_after.isoformat())  # valid through its expiry day
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft201909Validator(schema, format_checker=jsonschema.FormatChecker()).validate(credential)
    del credential["credentialSubject"]["achievement"]  # the schema does hold us to something
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft201909Validator(schema).validate(credential)
    # The issuer profile the credential names is published where its id says.
    assert _get(client, credential["issuer"]["id"]).json()["id"] == credential["issuer"]["id"]


def test_a_course_certificate_is_a_credential_too(client, keys, course_tree):
    certificate = certification_issue(person=UserFactory(), kind=Certificate.COURSE, course=course_tree.course)
    credential = verify_credential(client, download(client, certificate))
    assert credential["credentialSubject"]["achievement"]["name"] == course_tree.course.title
    assert credential["credentialSubject"]["achievement"]["achievementType"] == "CertificateOfCompletion"
    jsonschema.Draft201909Validator(json.loads(SCHEMA.read_text())).validate(credential)


def test_a_class_attendance_certificate_attests_its_class_not_a_trainer_certification(client, keys):
    subject = "Khởi nghiệp cho người dân Duy Xuyên 2026 (ngày 08/06/2026)"
    certificate = certification_issue(person=UserFactory(), kind=Certificate.SESSION, subject=subject)
    credential = verify_credential(client, download(client, certificate))
    link = f"/certificates/{certificate.number}/credential/"
    assert link in client.get("/my-learning/").content.decode()  # offered on the holder's page, beside the PDF
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["name"] == subject and achievement["achievementType"] == "CertificateOfCompletion"
    assert "Giảng viên nguồn" not in json.dumps(achievement, ensure_ascii=False)
    jsonschema.Draft201909Validator(json.loads(SCHEMA.read_text())).validate(credential)


def test_the_status_index_is_fixed_once_drawn(client, keys, trainer_certificate):
    first = verify_credential(client, download(client, trainer_certificate))["credentialStatus"]["statusListIndex"]
    again = verify_credential(client, download(client, trainer_certificate))["credentialStatus"]["statusListIndex"]
    assert first == again == str(Certificate.objects.get(pk=trainer_certificate.pk).status_list_index)


def test_a_tampered_credential_fails_on_its_signature(client, keys, trainer_certificate):
    header, payload, signature = download(client, trainer_certificate).split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["credentialSubject"]["identifier"][0]["identityHash"] = "Trần Văn Giả"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    with pytest.raises(jwt.InvalidSignatureError):
        verify_credential(client, f"{header}.{forged}.{signature}")


def test_a_revoked_credential_fails_on_its_status_bit(client, keys, trainer_certificate, superuser):
    token = download(client, trainer_certificate)
    verify_credential(client, token)
    certificate_revoke(certificate=trainer_certificate, reason="Cấp nhầm người", by=superuser)
    with pytest.raises(Revoked):
        verify_credential(client, token)
    # And its holder can no longer download a fresh one.
    assert client.get(f"/certificates/{trainer_certificate.number}/credential/").status_code == 410


def test_an_expired_credential_fails_on_valid_until(client, keys, holder):
    certificate = certification_issue(person=holder, kind=Certificate.TRAINER, trainer_level=Trainer.CORE,
                                      issued_on=datetime.date(2020, 1, 1))  # fmt: skip
    assert certificate.expires_on < timezone.localdate()
    token = download(client, certificate)
    with pytest.raises(jwt.ExpiredSignatureError):
        verify_credential(client, token)
    claims = jwt.decode(token, options={"verify_signature": False})
    assert datetime.datetime.fromisoformat(claims["validUntil"]) < timezone.now()


def test_the_status_list_is_at_least_16_kb_in_fixed_queries(client, keys, django_assert_num_queries, superuser):
    for _ in range(3):
        certificate = certification_issue(person=UserFactory(), kind=Certificate.TRAINER, trainer_level=Trainer.CORE)
        download(client, certificate)
        certificate_revoke(certificate=certificate, reason="Thử", by=superuser)
    client.logout()
    with django_assert_num_queries(3):  # the revoked indexes; the default site and its settings (issuer's id)
        response = client.get("/credentials/status/province/revocation-1/")
    status_list = _verified_jwt(client, response.content.decode())
    assert status_list["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    bits = bitstring(status_list)
    assert len(bits) >= 16 * 1024
    set_bits = sum(bin(byte).count("1") for byte in bits)
    assert set_bits == 3
    assert client.get("/credentials/status/province/other/").status_code == 404
    assert client.get("/credentials/status/nowhere/revocation-1/").status_code == 404


def test_rotation_keeps_old_credentials_verifiable(client, keys, trainer_certificate, holder):
    old_token = download(client, trainer_certificate)
    old_kid = jwt.get_unverified_header(old_token)["kid"]
    call_command("credential_keys", "rotate")
    verify_credential(client, old_token)  # the old public key is still published under its kid
    new_token = download(client, trainer_certificate)
    assert jwt.get_unverified_header(new_token)["kid"] != old_kid
    verify_credential(client, new_token)
    published = client.get("/credentials/jwks.json").json()["keys"]
    assert len(published) == 2 and all("d" not in jwk for jwk in published)
    assert len(list(keys.glob("*.private.jwk.json"))) == 1  # the former private key is gone


def test_keys_live_in_files_the_others_cannot_read(keys):
    (private,) = keys.glob("*.private.jwk.json")
    assert stat.S_IMODE(os.stat(private).st_mode) == 0o600
    with pytest.raises(Exception, match="rotate"):
        call_command("credential_keys", "create")


def test_no_key_no_credential(client, settings, tmp_path, trainer_certificate):
    settings.CREDENTIAL_KEYS_DIR = str(tmp_path / "none")
    client.force_login(trainer_certificate.person)
    assert client.get(f"/certificates/{trainer_certificate.number}/credential/").status_code == 503
    assert client.get("/credentials/jwks.json").json() == {"keys": []}


def test_only_the_holder_downloads_it_and_the_verify_page_links_it(client, keys, trainer_certificate):
    url = f"/certificates/{trainer_certificate.number}/credential/"
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    assert url not in client.get(f"/verify/{trainer_certificate.code}/").content.decode()
    client.force_login(trainer_certificate.person)
    html = client.get(f"/verify/{trainer_certificate.code}/").content.decode()
    assert url in html and "/credentials/jwks.json" in html and "/credentials/status/province/revocation-1/" in html
    assert url in client.get("/my-learning/").content.decode()


def test_a_district_that_issues_its_own_signs_under_its_name_with_its_own_list(client, keys, holder, superuser):
    tree = areas()
    Issuer.objects.create(area=tree["Duy Xuyên"], issuing_body="Phòng Văn hóa – Xã hội huyện Duy Xuyên")
    certificate = certification_issue(person=holder, kind=Certificate.TRAINER, trainer_level=Trainer.CORE,
                                      area=tree["Duy Xuyên"])  # fmt: skip
    token = download(client, certificate)
    credential = verify_credential(client, token)
    assert credential["issuer"]["name"] == "Phòng Văn hóa – Xã hội huyện Duy Xuyên"
    assert f"/credentials/status/{tree['Duy Xuyên'].code}/" in credential["credentialStatus"]["statusListCredential"]
    jsonschema.Draft201909Validator(json.loads(SCHEMA.read_text())).validate(credential)
    certificate_revoke(certificate=certificate, reason="Cấp nhầm người", by=superuser)
    with pytest.raises(Revoked):
        verify_credential(client, token)


def _did_web_url(did: str) -> str:
    """did:web "Read (Resolve)": ':' to '/', a port's colon percent-decoded, https://, /.well-known, /did.json."""
    from urllib.parse import unquote

    assert did.startswith("did:web:")
    host_and_path = [unquote(part) for part in did.removeprefix("did:web:").split(":")]
    path = "/".join(host_and_path[1:]) or ".well-known"
    return f"https://{host_and_path[0]}/{path}/did.json"


def test_the_sites_did_web_document_holds_every_key_that_signed(client, keys, trainer_certificate, settings):
    from trainers.credentials import site_did

    settings.SITE_URL = "https://tot.example.org:8443"
    assert site_did() == "did:web:tot.example.org%3A8443"  # "Method-specific identifier": the port's colon encoded
    old_token = download(client, trainer_certificate)
    call_command("credential_keys", "rotate")
    new_token = download(client, trainer_certificate)

    url = _did_web_url(site_did())
    assert url == "https://tot.example.org:8443/.well-known/did.json"
    response = _get(client, url)
    assert response["Content-Type"] == "application/did+json"
    document = response.json()
    assert document["id"] == site_did()
    assert document["@context"][0] == "https://www.w3.org/ns/did/v1"
    methods = {method["id"]: method for method in document["verificationMethod"]}
    assert set(document["assertionMethod"]) == set(methods) and len(methods) == 2  # the rotated key too
    for token in (old_token, new_token):
        # The kid URL's last segment is the key's id, and the DID URL with that fragment names the same key.
        kid = urlsplit(jwt.get_unverified_header(token)["kid"]).path.rstrip("/").rsplit("/", 1)[-1]
        method = methods[f"{site_did()}#{kid}"]
        assert method["type"] == "JsonWebKey2020" and method["controller"] == site_did()
        assert not {"d", "p", "q", "dp", "dq", "qi"} & set(method["publicKeyJwk"])
        key = jwt.PyJWK(method["publicKeyJwk"]).key
        payload = jwt.decode(token, key, algorithms=["RS256"], options={"verify_aud": False})
        assert payload["issuer"]["id"] in document["alsoKnownAs"]  # the province's profile is the same issuer
    assert client.get("/en/.well-known/did.json").status_code == 404  # one address, at the host's root
