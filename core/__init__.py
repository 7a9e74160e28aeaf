"""The ground floor: the project's plumbing and nothing of the programme. It imports no other app of ours.

- `page_cache`: the page cache and its invariants; `routing`: a URL to its page in two queries.
- `models.ContentVersion`: the published content's version the page cache keys on.
- `db_routers`: the reports read from a streaming replica where one is fit to serve, all else from the primary.
- `heartbeats`: when each Celery worker and beat was last alive.
- `admin_actions`: the one shape of an admin action on one object (its URL and buttons).
- `admin_listing`: a ModelViewSet's `get_queryset(request)` reaches its listing.
- `forms`: the form renderer every form goes through.
- `transient_errors`: the errors a background task retries on.
- `spreadsheets`: the one CSV/XLSX writer and its formula neutraliser (Wagtail's exports too).
- `image_collections`: the collections that keep people's pictures apart from lesson material.
- `admin_yes_no`: booleans in the admin read "Có"/"Không".
- `text`: Vietnamese text: NFC, folding for search, the alphabetical sort key.

The tables of `ContentVersion` and `Heartbeat` keep the names `home` made them with (`db_table`).
"""
