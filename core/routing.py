from django.http import Http404
from wagtail.models import Page


class DirectRoutingMixin:
    """Resolve a URL to its page in two queries, whatever the depth of the page tree.

    Wagtail's default routing walks one level at a time, two queries per level. Here the
    deepest page whose url_path is a prefix of the request is fetched at once; the rest of
    the path (for routable pages such as a lesson's printable session plan) is handed on.
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        candidates = {
            self.url_path + "/".join(path_components[:n]) + "/": n for n in range(1, len(path_components) + 1)
        }
        page = Page.objects.filter(url_path__in=candidates, path__startswith=self.path).order_by("-depth").first()
        if page is None:
            raise Http404
        remaining = path_components[candidates[page.url_path] :]
        return page.specific.route(request, remaining)
