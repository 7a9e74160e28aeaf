"""Wagtail admin pages for importing and exporting participant lists (registered from wagtail_hooks)."""
