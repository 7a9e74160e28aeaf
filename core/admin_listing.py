"""A ModelViewSet's `get_queryset(request)` reaches its listing.

Wagtail's SnippetViewSet hands `get_queryset` to its index view; ModelViewSet does not (Wagtail 8), so a
viewset's `select_related` there was never used and each row of a listing cost a query per relation.
"""


class ListingQuerySetMixin:
    def get_queryset(self, request):
        """The listing's rows before search, filters and ordering; None for the model's default manager."""
        return None

    def get_index_view_kwargs(self, **kwargs):
        # A queryset is lazy, and the index view clones it (`.all()`) for every request.
        queryset = self.get_queryset(None)
        if queryset is not None:
            kwargs.setdefault("queryset", queryset)
        return super().get_index_view_kwargs(**kwargs)
