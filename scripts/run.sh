#!/usr/bin/env bash
# One command for a newcomer: install, migrate, load the demo data and serve http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."
WITH_BROWSER=0 scripts/install.sh
.venv/bin/python manage.py migrate -v0
.venv/bin/python manage.py load_demo_data
echo "Serving on http://127.0.0.1:8000 (admin: http://127.0.0.1:8000/admin/)"
exec .venv/bin/python manage.py runserver 127.0.0.1:8000
