from . import admin_imports  # noqa: F401  (registers the import/export admin views)
