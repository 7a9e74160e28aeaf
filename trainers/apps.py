from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainersConfig(AppConfig):
    name = "trainers"
    verbose_name = _("Trainer programme")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from accounts import phone_codes, profile_form, rights
        from accounts.signals import registration_attempted
        from courses.signals import course_completed, enrolled

        from .data_requests import people_answered_for
        from .forms import ProfileForm
        from .notifications import (
            phone_codes_sendable,
            queue_enrolment_confirmation,
            queue_phone_code,
            queue_registration_attempt_notices,
        )
        from .receivers import issue_course_certificate

        course_completed.connect(issue_course_certificate, dispatch_uid="trainers.issue_course_certificate")
        enrolled.connect(queue_enrolment_confirmation, dispatch_uid="trainers.queue_enrolment_confirmation")
        registration_attempted.connect(
            queue_registration_attempt_notices, dispatch_uid="trainers.queue_registration_attempt_notices"
        )
        profile_form.register(ProfileForm)
        # Codes by phone (password reset, a new number) are asked for in accounts and sent by the outbox here.
        phone_codes.register_sender(available=phone_codes_sendable, send=queue_phone_code)
        rights.register_people_scope(people_answered_for)
