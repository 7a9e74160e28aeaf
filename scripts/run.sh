#!/usr/bin/env bash
# One command for a newcomer: install what the site needs (no test tools), migrate, load the demo data
# and serve it. HOST and PORT choose where (default 127.0.0.1:8000); SITE_URL, the address that
# e-mails and QR codes point to, follows them unless it is set:
#   HOST=0.0.0.0 PORT=8080 scripts/run.sh     # reachable from phones on the same network
set -euo pipefail
cd "$(dirname "$0")/.."
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"

# The address others use: listening on every interface (0.0.0.0 or ::) is reached at the machine's own.
public="$HOST"
if [ "$HOST" = 0.0.0.0 ] || [ "$HOST" = :: ]; then
  public="$(hostname -I 2>/dev/null | awk '{print $1}')"
  public="${public:-127.0.0.1}"
fi
case "$public" in *:*) public="[$public]" ;; esac  # an IPv6 address goes in brackets in a URL
listen="$HOST:$PORT"
case "$HOST" in *:*) listen="-6 [$HOST]:$PORT" ;; esac
export SITE_URL="${SITE_URL:-http://$public:$PORT}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-$public,127.0.0.1,localhost,[::1]}"

EXTRAS="" WITH_BROWSER=0 scripts/install.sh
.venv/bin/python manage.py migrate -v0
mkdir -p .run
# The loader's own report ends with the demo logins; keep it for the end, after everything else.
.venv/bin/python manage.py load_demo_data > .run/demo-logins.txt
# Phone messages go to the local stand-in provider (its inbox: /dev/stand-in/) unless a real one is configured;
# set only now, for the server: while the demo loads, nothing answers at that address yet.
if [ -z "${ESMS_API_KEY:-}" ]; then
  export ESMS_API_URL="http://$public:$PORT/dev/stand-in/esms/" ESMS_API_KEY=stand-in ESMS_SECRET_KEY=stand-in
  export ESMS_BRANDNAME=STAND-IN
fi
if [ -z "${ZALO_ACCESS_TOKEN:-}" ]; then
  export ZALO_ZNS_URL="http://$public:$PORT/dev/stand-in/zns/" ZALO_ACCESS_TOKEN=stand-in
  # The stand-in's "approved" templates: which field fills each parameter (a real OA has its own ids).
  export ZALO_ZNS_TEMPLATES="${ZALO_ZNS_TEMPLATES:-{\"enrolled\": {\"template_id\": \"demo-enrolled\", \"params\": {\"name\": \"user.full_name\", \"course\": \"course.title\"}}, \"certificate_issued\": {\"template_id\": \"demo-certificate\", \"params\": {\"name\": \"user.full_name\", \"number\": \"certificate.number\"}}, \"session_reminder\": {\"template_id\": \"demo-session\", \"params\": {\"subject\": \"subject\"}}, \"phone_code\": {\"template_id\": \"demo-otp\", \"params\": {\"otp\": \"code\"}}}}"
fi
echo
echo "Serving on $SITE_URL (admin: $SITE_URL/admin/; phone messages: $SITE_URL/dev/stand-in/)"
cat .run/demo-logins.txt
echo
# shellcheck disable=SC2086  # $listen is "-6 [addr]:port" for IPv6
exec .venv/bin/python manage.py runserver $listen
