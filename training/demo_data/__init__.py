"""Sample files for the demo: an attendance sheet as a district keeps it (see build_attendance_sheet.py)."""
