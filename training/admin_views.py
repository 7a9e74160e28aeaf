"""Admin pages for one session, as actions on the session's admin views."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from core.admin_actions import ObjectActionView
from trainers.models import COUNTED_REPORT, SessionReport, Trainer
from trainers.views import private_file_response

from . import certificates as batch
from .admin_forms import ResultFormSet, SessionReviewForm
from .models import CertificatePrintout, SessionParticipant, SessionReview, SessionStatus, TrainingSession
from .services import session_review


class SessionResultsView(ObjectActionView):
    """Practicum results for a session's participants: by its administrators or a master trainer leading it."""

    model = TrainingSession
    url_name = "results"
    button_label = gettext_lazy("Results")
    permission = "change"
    page_title = gettext_lazy("Results")
    header_icon = "tasks"
    button_priority = 15
    template_name = "training/admin/session_results.html"

    @classmethod
    def user_may(cls, user, viewset) -> bool:
        # The button: for administrators, and for master trainers (the page refuses sessions they do not lead).
        return user.has_perm("training.change_sessionparticipant") or (
            Trainer.objects.filter(person=user, level=Trainer.MASTER).exists()
        )

    def has_permission(self) -> bool:
        user = self.request.user
        if user.has_perm("training.change_sessionparticipant"):
            return True
        return self.object.trainers.filter(person=user, level=Trainer.MASTER).exists()

    def formset(self, data=None):
        participants = (
            SessionParticipant.objects.visible_to(self.request.user)
            .filter(session=self.object)
            .select_related("person", "assessed_by__person")
            .order_by("person__full_name")
        )
        return ResultFormSet(data, queryset=participants)

    def get(self, request, pk):
        return self.render(formset=self.formset())

    def post(self, request, pk):
        formset = self.formset(request.POST)
        if formset.is_valid():
            assessor = Trainer.objects.filter(person=request.user).first()
            with transaction.atomic():
                for participant in formset.save(commit=False):  # changed rows of this session only
                    participant.assessed_by = assessor
                    participant.save()
                    log(participant, "wagtail.edit", user=request.user)
            messages.success(request, _("Results saved."))
            return redirect(reverse(self.viewset.get_url_name("results"), args=[self.object.pk]))
        return self.render(formset=formset)


class SessionReviewView(ObjectActionView):
    """Approve a trainer's session, or return it with a comment: administrators of the session's area only."""

    model = TrainingSession
    url_name = "review"
    stage = SessionReview.SESSION
    button_label = gettext_lazy("Approve or return")
    permission = "change"
    page_title = gettext_lazy("Approve the session")
    header_icon = "tick"
    button_priority = 10
    template_name = "training/admin/session_review.html"

    @classmethod
    def applies_to(cls, obj) -> bool:
        return obj.review_status == SessionStatus.SUBMITTED

    def render_form(self, form):
        participants = []
        if self.stage == SessionReview.REPORT:
            participants = list(self.object.participants.select_related("person").order_by("person__full_name"))
        reviews = self.object.reviews.select_related("by")
        return self.render(form=form, stage=self.stage, participants=participants, reviews=reviews)

    def get(self, request, pk):
        return self.render_form(SessionReviewForm())

    def post(self, request, pk):
        form = SessionReviewForm(request.POST)
        if form.is_valid():
            approve = form.cleaned_data["decision"] == SessionReviewForm.APPROVE
            try:
                session_review(
                    session=self.object,
                    by=request.user,
                    approve=approve,
                    comment=form.cleaned_data["comment"],
                    stage=self.stage,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                done = _("“%(title)s” is approved.") if approve else _("“%(title)s” is returned to its trainers.")
                messages.success(request, done % {"title": self.object.title})
                return redirect(self.viewset.get_url_name("index"))
        return self.render_form(form)


class ReportReviewView(SessionReviewView):
    """Approve a session's class report (its results then count), or return it with a comment."""

    url_name = "report_review"
    stage = SessionReview.REPORT
    button_label = gettext_lazy("Approve or return the report")
    page_title = gettext_lazy("Approve the class report")
    button_priority = 11

    @classmethod
    def applies_to(cls, obj) -> bool:
        return obj.report_status == SessionReport.SUBMITTED


class SessionCertificatesView(ObjectActionView):
    """An approved session's certificates: who gets one and why others do not, issuing them in one action, and the
    print files for the ceremony. Administrators of the session's area only (`training.certificates`)."""

    model = TrainingSession
    url_name = "certificates"
    button_label = gettext_lazy("Certificates")
    permission = "change"
    page_title = gettext_lazy("Certificates of the class")
    header_icon = "doc-full"
    button_priority = 20
    template_name = "training/admin/session_certificates.html"
    ISSUE, PRINT = "issue", "print"

    @classmethod
    def applies_to(cls, obj) -> bool:
        return obj.report_status == COUNTED_REPORT

    @classmethod
    def user_may(cls, user, viewset) -> bool:
        return user.has_perm(batch.ISSUE_PERMISSION) and super().user_may(user, viewset)

    def has_permission(self) -> bool:
        return batch.administers(self.request.user, self.object)

    def get(self, request, pk):
        rows = batch.preview(self.object)
        certificates = batch.print_order(self.object)
        printout = CertificatePrintout.objects.filter(session=self.object).first()
        current = batch.printout_current(printout, certificates)
        context = {
            "approved": self.object.report_status == COUNTED_REPORT,
            "eligible": [row for row in rows if row.reason is None],
            "left_out": [row for row in rows if row.reason is not None],
            "certificate_count": len(certificates),
            "printout": printout,
            "printout_current": current,
            "printout_running": not current and batch.printout_running(printout, certificates),
            "pdf_url": reverse(self.viewset.get_url_name("certificates_pdf"), args=[self.object.pk]),
            "zip_url": reverse(self.viewset.get_url_name("certificates_zip"), args=[self.object.pk]),
        }
        return self.render(**context)

    def post(self, request, pk):
        url = reverse(self.viewset.get_url_name(self.url_name), args=[self.object.pk])
        if request.POST.get("action") == self.PRINT:
            batch.printout_request(session_id=self.object.pk)
            messages.success(request, _("The print files are being prepared."))
            return redirect(url)
        try:
            issued = batch.session_certificates_issue(session=self.object, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            if issued:
                messages.success(request, _("%(count)d certificates issued.") % {"count": len(issued)})
            else:
                messages.info(request, _("No new certificate: everyone who completed the class already has one."))
        return redirect(url)


class SessionCertificatesDownloadView(SessionCertificatesView):
    """The merged PDF of the class's certificates, in print order (no button: linked from the certificates page)."""

    url_name = "certificates_pdf"
    field, suffix, content_type = "pdf", "pdf", "application/pdf"

    @classmethod
    def applies_to(cls, obj) -> bool:
        return False

    def get(self, request, pk):
        printout = CertificatePrintout.objects.filter(session=self.object).first()
        if not batch.printout_current(printout, batch.print_order(self.object)):
            raise Http404
        filename = f"chung-nhan-lop-{self.object.pk}.{self.suffix}"
        return private_file_response(getattr(printout, self.field), filename, self.content_type)

    def post(self, request, pk):
        raise Http404


class SessionCertificatesZipView(SessionCertificatesDownloadView):
    """The class's certificates as a ZIP of single PDFs, numbered in print order."""

    url_name = "certificates_zip"
    field, suffix, content_type = "zip", "zip", "application/zip"
