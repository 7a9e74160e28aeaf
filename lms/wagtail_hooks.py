from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def date_time_choosers():
    """Start the admin's date and time pickers from a file, as the Content-Security-Policy requires."""
    return format_html('<script src="{}" defer></script>', static("lms/admin-choosers.js"))
