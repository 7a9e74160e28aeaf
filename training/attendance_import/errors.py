"""The one error an uploaded file as a whole can raise: its message is shown to the importer as it is."""


class ImportFileError(Exception):
    """The file as a whole cannot be used (wrong type, too big, no header row)."""
