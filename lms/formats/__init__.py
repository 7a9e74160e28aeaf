"""One date format per language for the whole site (FORMAT_MODULE_PATH): templates use `|date` with a named format."""
