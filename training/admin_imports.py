"""Wagtail admin pages for importing and exporting participant lists (registered from wagtail_hooks).

Upload → preview (a dry run that shows the full report) → confirm (validates again, then writes).
The file is read once, at upload, within the importer's limits; what was read waits in the default
storage under a random token kept in the uploader's session (and naming the uploader), so the preview
and the confirm never parse the file again, a confirm works behind several web servers, and a second
click on "confirm" finds the token gone and writes nothing twice.
"""

from __future__ import annotations

import datetime
import secrets

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .attendance_import import IMPORT_LOG_ACTION, MAX_BYTES, ImportFileError, Sheet, attendance_import, read_sheet
from .exporting import EXPORT_LOG_ACTION, EXPORTERS, export_participants
from .models import TrainingSession

PENDING_KEY = "trainers_pending_imports"
PENDING_DIR = "imports/pending"
MAX_PENDING = 5
STALE_AFTER = datetime.timedelta(days=1)


class UploadForm(forms.Form):
    session = forms.ModelChoiceField(
        label=gettext_lazy("Training session"), queryset=None, empty_label=gettext_lazy("Choose a session")
    )
    file = forms.FileField(
        label=gettext_lazy("Participant list"),
        help_text=gettext_lazy("CSV or Excel (.xlsx), with the usual Vietnamese column headings."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the sessions this administrator may see: another district's session is not a valid choice.
        self.fields["session"].queryset = TrainingSession.objects.visible_to(user).select_related("area")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is too large; the limit is %(limit)s MB.") % {"limit": MAX_BYTES // 1048576}
            )
        try:
            self.sheet = read_sheet(upload.read(), file_name=upload.name)
        except ImportFileError as exc:
            raise forms.ValidationError(str(exc)) from exc
        return upload


def can_import(user) -> bool:
    """Administrators who may enrol participants (district and province roles, superusers) use the lists."""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm("training.add_sessionparticipant"))


# --- pending uploads -------------------------------------------------------------------------


def _pending_all(request) -> dict:
    return request.session.get(PENDING_KEY, {})


def _delete_stale_uploads() -> None:
    """Abandoned previews (never confirmed or cancelled) are deleted after a day."""
    try:
        _dirs, files = default_storage.listdir(PENDING_DIR)
    except (FileNotFoundError, NotImplementedError):
        return
    cutoff = timezone.now() - STALE_AFTER
    for name in files:
        path_name = f"{PENDING_DIR}/{name}"
        try:
            if default_storage.get_modified_time(path_name) < cutoff:
                default_storage.delete(path_name)
        except (FileNotFoundError, NotImplementedError):
            continue


def _store_pending(request, session, sheet: Sheet) -> str:
    _delete_stale_uploads()
    token = secrets.token_urlsafe(18)
    name = default_storage.save(f"{PENDING_DIR}/{token}.json", ContentFile(sheet.to_json().encode()))
    pending = dict(_pending_all(request))
    while len(pending) >= MAX_PENDING:  # forget (and delete) the oldest abandoned preview
        oldest = pending.pop(next(iter(pending)))
        default_storage.delete(oldest["path"])
    pending[token] = {"path": name, "session": session.pk, "name": sheet.file_name, "user": request.user.pk}
    request.session[PENDING_KEY] = pending
    return token


def _take_pending(request, token) -> dict | None:
    """Remove the pending entry from the session at once, so a second confirm finds nothing."""
    pending = dict(_pending_all(request))
    entry = pending.pop(token, None)
    request.session[PENDING_KEY] = pending
    request.session.save()
    return entry


def _read_pending(entry) -> Sheet | None:
    try:
        with default_storage.open(entry["path"], "rb") as handle:
            return Sheet.from_json(handle.read().decode())
    except (FileNotFoundError, ValueError, KeyError):  # expired, or left by an older version
        return None


def _check(request):
    if not can_import(request.user):
        raise PermissionDenied


def _pending_session(request, entry):
    if entry.get("user") != request.user.pk:  # the list waits for the administrator who uploaded it
        raise PermissionDenied
    session = (
        TrainingSession.objects.visible_to(request.user).select_related("area").filter(pk=entry["session"]).first()
    )
    if session is None:
        raise PermissionDenied
    return session


# --- views -----------------------------------------------------------------------------------


def _page(request, template, title, **context):
    context.update(
        page_title=title,
        header_title=title,
        header_icon="table",
        breadcrumbs_items=[
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": reverse("training_lists:index"), "label": _("Participant lists")},
            {"url": "", "label": title},
        ],
    )
    return TemplateResponse(request, template, context)


@require_http_methods(["GET", "POST"])
def index(request):
    """Upload a list for a session; below it, download any visible session's list."""
    _check(request)
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        token = _store_pending(request, form.cleaned_data["session"], form.sheet)
        return redirect("training_lists:preview", token=token)
    sessions = TrainingSession.objects.visible_to(request.user).select_related("area").order_by("-starts_on")[:200]
    return _page(
        request,
        "training/admin/import_upload.html",
        _("Participant lists"),
        form=form,
        sessions=sessions,
        formats=list(EXPORTERS),
    )


@require_http_methods(["GET", "POST"])
def preview(request, token):
    """GET: the dry-run report. POST: confirm — validate again and write, once."""
    _check(request)
    if request.method == "GET":
        entry = _pending_all(request).get(token)
        if entry is None:
            messages.warning(request, _("This import was already confirmed or cancelled."))
            return redirect("training_lists:index")
        session = _pending_session(request, entry)
        sheet = _read_pending(entry)
        if sheet is None:
            _take_pending(request, token)
            messages.error(request, _("The uploaded file has expired; please upload it again."))
            return redirect("training_lists:index")
        report = attendance_import(session=session, sheet=sheet, user=request.user, dry_run=True)
        return _page(request, "training/admin/import_preview.html", _("Check the import"), report=report, token=token)

    entry = _take_pending(request, token)
    if entry is None:
        messages.warning(request, _("This import was already confirmed or cancelled."))
        return redirect("training_lists:index")
    try:
        session = _pending_session(request, entry)
    except PermissionDenied:
        default_storage.delete(entry["path"])
        raise
    sheet = _read_pending(entry)
    if sheet is None:
        messages.error(request, _("The uploaded file has expired; please upload it again."))
        return redirect("training_lists:index")
    report = attendance_import(session=session, sheet=sheet, user=request.user)
    if not report.ok:
        # Something changed since the preview: show why, and let them try again with the same file.
        pending = dict(_pending_all(request))
        pending[token] = entry
        request.session[PENDING_KEY] = pending
        return _page(request, "training/admin/import_preview.html", _("Check the import"), report=report, token=token)
    default_storage.delete(entry["path"])
    messages.success(request, " ".join([report.outcome(), *report.summary()[2:]]))
    return redirect("training_lists:index")


@require_POST
def cancel(request, token):
    _check(request)
    entry = _take_pending(request, token)
    if entry is not None:
        default_storage.delete(entry["path"])
    messages.info(request, _("Import cancelled; nothing was written."))
    return redirect("training_lists:index")


@require_GET
def export(request, session_id, fmt):
    """Download a session's participants and attendance; another district's session is a 404."""
    _check(request)
    if fmt not in EXPORTERS:
        raise Http404
    session = get_object_or_404(TrainingSession.objects.visible_to(request.user).select_related("area"), pk=session_id)
    content, content_type, name = export_participants(session=session, fmt=fmt, user=request.user)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


urlpatterns = [
    path("", index, name="index"),
    path("import/<str:token>/", preview, name="preview"),
    path("import/<str:token>/cancel/", cancel, name="cancel"),
    path("export/<int:session_id>.<str:fmt>", export, name="export"),
]


@hooks.register("register_admin_urls")
def register_urls():
    return [path("participant-lists/", include((urlpatterns, "training_lists"), namespace="training_lists"))]


class ParticipantListsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return ParticipantListsMenuItem(
        gettext_lazy("Participant lists"),
        reverse("training_lists:index"),
        name="participant-lists",
        icon_name="table",
        order=450,
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        IMPORT_LOG_ACTION, gettext_lazy("Import participant list"), gettext_lazy("Imported a participant list")
    )
    actions.register_action(
        EXPORT_LOG_ACTION, gettext_lazy("Export participant list"), gettext_lazy("Exported the participant list")
    )
