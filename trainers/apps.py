from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainersConfig(AppConfig):
    name = "trainers"
    verbose_name = _("Trainer programme")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from accounts import profile_form, rights
        from accounts.signals import registration_attempted
        from courses.signals import course_completed, enrolled

        from .data_requests import people_answered_for
        from .forms import ProfileForm
        from .notifications import queue_enrolment_confirmation, queue_registration_attempt_notices
        from .receivers import issue_course_certificate

        course_completed.connect(issue_course_certificate, dispatch_uid="trainers.issue_course_certificate")
        enrolled.connect(queue_enrolment_confirmation, dispatch_uid="trainers.queue_enrolment_confirmation")
        registration_attempted.connect(
            queue_registration_attempt_notices, dispatch_uid="trainers.queue_registration_attempt_notices"
        )
        profile_form.register(ProfileForm)
        rights.register_people_scope(people_answered_for)
