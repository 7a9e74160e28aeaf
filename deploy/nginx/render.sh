#!/usr/bin/env bash
# Print deploy/nginx/lms.conf with its ${...} placeholders filled from an environment file:
#   deploy/nginx/render.sh /etc/lms/lms.env > /etc/nginx/sites-available/lms.conf
# The file is read as data (KEY=VALUE lines, # comments, optional quotes), never run as shell code,
# so a secret key full of $ and quotes is harmless. Refuses when a placeholder has no value.
set -euo pipefail
env_file=${1:?usage: $0 /etc/lms/lms.env}
template="$(dirname "$0")/lms.conf"
names=$(grep -o '\${[A-Z_][A-Z0-9_]*}' "$template" | tr -d '${}' | sort -u)

value_of() {  # the last assignment of $1 in the env file, without surrounding quotes
  local line value=""
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line#"${line%%[![:space:]]*}"}
    case $line in "$1="*) value=${line#*=} ;; esac
  done < "$env_file"
  value=${value%"${value##*[![:space:]]}"}
  case $value in \"*\") value=${value:1:-1} ;; \'*\') value=${value:1:-1} ;; esac
  printf '%s' "$value"
}

for name in $names; do
  value=$(value_of "$name")
  if [ -z "$value" ]; then
    echo "render.sh: $name is not set in $env_file" >&2
    exit 1
  fi
  export "$name=$value"
done
case $PRIVATE_MEDIA_ACCEL_REDIRECT in
  /*/) ;;
  *) echo "render.sh: PRIVATE_MEDIA_ACCEL_REDIRECT must start and end with / (e.g. /protected/)" >&2; exit 1 ;;
esac
# Only our placeholders: nginx's own $host, $remote_addr ... must reach nginx untouched.
envsubst "$(printf '${%s} ' $names)" < "$template"
