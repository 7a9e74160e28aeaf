"""Pages of the trainer programme: a learner's courses with their certificates, certificate verification and
download, the trainer directory."""

import re
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from taggit.models import Tag
from wagtail.images import get_image_model

from accounts.throttles import request_throttled
from areas.models import Area
from courses.models import Enrollment
from courses.progress import learner_progress

from . import credentials
from .credential_keys import NoSigningKey, public_key, public_keys
from .models import Certificate, Trainer, issuer_for
from .renewal import renewal_candidate, renewal_check
from .services import certificate_pdf_render, certificate_renewal_request

CODE_PATTERN = re.compile(r"^[A-Za-z0-9_\- ]{10,40}$")  # old codes, and new ones typed with spaces
VERIFY_LIMIT = 30  # look-ups per address per minute: enough for people, too few to enumerate codes
DIRECTORY_PAGE_SIZE = 24
CARD_PHOTO = "fill-160x160"
PROFILE_PHOTO = "fill-480x480"


@require_safe
def verify_lookup(request):
    """A form to type the code printed on a certificate; sends the verifier to that certificate's page."""
    code = request.GET.get("code", "").strip()
    if code and CODE_PATTERN.match(code):
        return redirect("trainers:verify", code=code)
    return render(request, "trainers/certificate_lookup.html", {"code": code, "tried": bool(code)})


@require_safe
def verify(request, code: str):
    """The public check of a certificate, reached from its QR code or a typed code."""
    if request_throttled(request, scope="verify", limit=VERIFY_LIMIT):
        response = render(request, "trainers/too_many_requests.html", status=429)
        response["Retry-After"] = "60"
        return response
    certificate = None
    if CODE_PATTERN.match(code):
        certificate = Certificate.objects.select_related("course", "trained_by__person", "area", "renews").by_code(code)
    if certificate is None:
        # Unknown and malformed codes get the same answer: what to check, and a form to try again.
        response = render(request, "trainers/certificate_lookup.html", {"code": code, "tried": True}, status=404)
    else:
        response = render(
            request,
            "trainers/certificate_verify.html",
            {
                "certificate": certificate,
                "status": certificate.current_status,
                "level_label": dict(Trainer.LEVELS).get(certificate.trainer_level, ""),
                "history": certificate.renewal_history(),
                # A renewal approved before the old certificate expires is dated from the day after (renewal_dates).
                "takes_effect": certificate.issued_on > timezone.localdate(),
                # The holder (or their administrator) downloads the signed credential from here too.
                "can_download": request.user.is_authenticated
                and Certificate.objects.visible_to(request.user).filter(pk=certificate.pk).exists(),
                "issuer_slug": credentials.issuer_slug(issuer_for(certificate.area)),
                "status_list_id": credentials.STATUS_LIST_ID,
            },
        )
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


@never_cache
@login_required
def certificate_pdf(request, number: str):
    """The holder's PDF (and an administrator's, within their area); anyone else gets a 404."""
    certificate = get_object_or_404(Certificate.objects.visible_to(request.user), number=number)
    if certificate.status == Certificate.REVOKED:
        # A revoked certificate must not leave the site looking valid; the verification page says why not.
        return render(request, "trainers/certificate_revoked.html", {"certificate": certificate}, status=410)
    # A no-op once rendered; renders now if the worker has not yet (or the file was lost).
    certificate = certificate_pdf_render(certificate_id=certificate.pk)
    if not certificate.pdf:
        raise Http404  # a deleted account's certificate: its PDF went with the name
    return private_file_response(certificate.pdf, certificate.pdf_filename())


def private_file_response(file, filename: str, content_type: str = "application/pdf") -> HttpResponse:
    """A private file as a download, once the caller has checked permission (PrivateStorage has no URL)."""
    accel = settings.PRIVATE_MEDIA_ACCEL_REDIRECT
    if accel and isinstance(file.storage, FileSystemStorage):
        # The permission check is done: nginx sends the bytes from its internal location.
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = accel.rstrip("/") + "/" + quote(file.name)
        response["Content-Disposition"] = content_disposition_header(True, filename)
        return response
    return FileResponse(file.open("rb"), as_attachment=True, filename=filename, content_type=content_type)


PUBLISHED_MAX_AGE = 300  # keys and issuer profiles change only when an administrator changes them
STATUS_LIST_MAX_AGE = 60  # a revocation reaches verifiers within a minute


@never_cache
@login_required
def certificate_credential(request, number: str):
    """The holder's certificate as a signed Open Badges 3.0 credential (a VC-JWT), to keep in a wallet or send."""
    certificate = get_object_or_404(
        Certificate.objects.visible_to(request.user).select_related("course", "area"), number=number
    )
    if certificate.status == Certificate.REVOKED:
        return render(request, "trainers/certificate_revoked.html", {"certificate": certificate}, status=410)
    try:
        with translation.override(settings.LANGUAGE_CODE):
            token = credentials.credential_jwt(certificate)
    except NoSigningKey:
        # The site's operator has not run `manage.py credential_keys create` yet: nothing to sign with.
        return HttpResponse(_("Signed credentials are not available yet."), status=503, content_type="text/plain")
    response = HttpResponse(token, content_type=credentials.CREDENTIAL_MEDIA_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, f"chung-nhan-{certificate.number}.jwt")
    return response


def _published(data: dict, max_age: int = PUBLISHED_MAX_AGE, content_type: str = "application/json"):
    response = JsonResponse(data, content_type=content_type, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = f"public, max-age={max_age}"
    response["Access-Control-Allow-Origin"] = "*"  # verifiers run in other sites' pages too
    return response


@require_safe
def credential_jwks(request):
    """Every public key the province has signed with, the current one first (a JWK Set, OB 3.0 B.6.3)."""
    return _published({"keys": public_keys()})


@require_safe
def credential_did_document(request):
    """The site's did:web DID document at /.well-known/did.json: the same public keys as the JWKS (see
    `credentials.did_document`)."""
    return _published(credentials.did_document(), content_type=credentials.DID_MEDIA_TYPE)


@require_safe
def credential_key(request, kid: str):
    """The one public key a credential's `kid` names (OB 3.0 §8.2.3: "a URI that can be dereferenced to a JWK")."""
    jwk = public_key(kid)
    if jwk is None:
        raise Http404
    return _published(jwk)


@require_safe
def credential_issuer(request, slug: str):
    """The issuer profile (OB 3.0 B.1.14) a credential's `issuer.id` points to: the province, or a district that
    issues its own certificates (by its area code)."""
    issuer = credentials.issuer_by_slug(slug)
    if issuer is None:
        raise Http404
    return _published(credentials.issuer_profile(issuer), content_type="application/ld+json")


@require_safe
def credential_status_list(request, slug: str, list_id: str):
    """An issuer's revocation list as a signed `BitstringStatusListCredential` (W3C Bitstring Status List §2.2)."""
    issuer = credentials.issuer_by_slug(slug)
    if list_id != credentials.STATUS_LIST_ID or issuer is None:
        raise Http404
    try:
        token = credentials.status_list_jwt(issuer)
    except NoSigningKey:
        raise Http404 from None
    response = HttpResponse(token, content_type=credentials.CREDENTIAL_MEDIA_TYPE)
    response["Cache-Control"] = f"public, max-age={STATUS_LIST_MAX_AGE}"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _directory_queryset(photo_spec: str):
    images = get_image_model().objects.prefetch_renditions(photo_spec)
    return (
        Trainer.objects.certified()
        .filter(person__is_active=True)  # a deleted (or deactivated) account leaves the public directory
        .for_directory()
        .prefetch_related(Prefetch("photo", queryset=images))
        .order_by("-level", "person__full_name", "pk")
    )


@require_safe
def trainer_directory(request):
    """Certified trainers, filterable by former district and by speciality."""
    trainers = _directory_queryset(CARD_PHOTO)
    districts = list(Area.objects.districts().order_by("name"))
    chosen = {"district": request.GET.get("district", ""), "speciality": request.GET.get("speciality", "")}
    district = next((d for d in districts if str(d.pk) == chosen["district"]), None)
    if district:
        trainers = trainers.in_area(district)
    if chosen["speciality"]:
        trainers = trainers.filter(specialities__slug=chosen["speciality"])
    specialities = Tag.objects.filter(
        trainers_trainerspeciality_items__content_object__in=Trainer.objects.certified()
    ).distinct()
    page = Paginator(trainers, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "trainers/trainer_directory.html",
        {
            "page_obj": page,
            "trainers": page.object_list,
            "districts": districts,
            "specialities": specialities.order_by("name"),
            "chosen": chosen,
            "query": query.urlencode(),
        },
    )


@require_safe
def trainer_detail(request, trainer_id: int):
    """A certified trainer's public profile, with who trained them and whom they trained."""
    trainer = get_object_or_404(_directory_queryset(PROFILE_PHOTO), pk=trainer_id)
    trainees = Trainer.objects.certified().filter(trained_by=trainer).select_related("person", "home_area")
    # The certificate that certifies them today (a renewal approved ahead of its day is not shown before it).
    certificate = Certificate.objects.certifying_trainers().filter(person_id=trainer.person_id).first()
    return render(
        request,
        "trainers/trainer_detail.html",
        {
            "trainer": trainer,
            "trainees": trainees.order_by("person__full_name"),
            "certificate": certificate,
            "title": _("Trainer %(name)s") % {"name": trainer.name},
        },
    )


@login_required
def my_learning(request):
    """Courses in progress and completed, with progress and certificates, in a fixed number of queries.

    Here rather than in `courses`, which knows nothing of certificates (they are this app's outcome).
    """
    enrollments = list(Enrollment.objects.visible_to(request.user).select_related("course").order_by("-enrolled_at"))
    progress = learner_progress(enrollments)
    # Every certificate the person holds, read once for the three lists below and the renewal candidate.
    held = list(
        Certificate.objects.filter(person=request.user)
        .select_related("renews", "renewed_by")
        .order_by("-issued_on", "-pk")
    )
    valid = [c for c in held if c.status == Certificate.VALID]
    certificates = {c.course_id: c for c in valid if c.kind == Certificate.COURSE}
    for e in enrollments:
        e.progress_percent = progress[e.pk].percent
        e.certificate = certificates.get(e.course_id)
    return TemplateResponse(
        request,
        "trainers/my_learning.html",
        {
            "in_progress": [e for e in enrollments if not e.completed_at],
            "completed": [e for e in enrollments if e.completed_at],
            # Certified trainers run their own classes (the "Lớp tập huấn" pages of `training`).
            "runs_sessions": Trainer.objects.certified().filter(person=request.user).exists(),
            "trainer_certificates": [c for c in held if c.kind == Certificate.TRAINER],
            "renewal_candidate": renewal_candidate(request.user, held),
            "session_certificates": [c for c in valid if c.kind == Certificate.SESSION],
        },
    )


@never_cache
@login_required
def certificate_renewal(request, number: str):
    """The holder's renewal page: each rule met or not, with its evidence; they ask for renewal once all are met."""
    certificate = get_object_or_404(
        Certificate.objects.filter(person=request.user, kind=Certificate.TRAINER), number=number
    )
    errors = []
    if request.method == "POST":
        try:
            certificate_renewal_request(certificate=certificate, by=request.user)
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, _("Your request for renewal has been sent to your area's administrator."))
            return redirect("trainers:certificate_renewal", number=certificate.number)
    context = {"certificate": certificate, "check": renewal_check(certificate), "errors": errors}
    return render(request, "trainers/certificate_renewal.html", context, status=400 if errors else 200)
