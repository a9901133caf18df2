#!/usr/bin/env bash
# The README's test command: installs what the tests need where it is missing, runs every test
# project, and prints "N passed, N failed" (counted from the TRX results) as its last line.
set -uo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*" >&2; }

is_root_debian() { [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ]; }
apt_updated=0
apt_install() {
  if [ $apt_updated = 0 ]; then apt-get update -qq >/dev/null 2>&1 || true; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1
}

# Chromium for the end-to-end tests (Playwright drives the Debian build; it cannot download its own).
if [ -z "${CRM_CHROMIUM:-}" ]; then
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    [ -x "$candidate" ] && export CRM_CHROMIUM="$candidate" && break
  done
fi
if [ -z "${CRM_CHROMIUM:-}" ]; then
  if is_root_debian; then
    log "installing chromium (Debian package)"
    apt_install chromium && export CRM_CHROMIUM=/usr/bin/chromium
  else
    echo "Chromium is missing: install it (Debian: apt-get install chromium) or set CRM_CHROMIUM to a Chrome/Chromium binary." >&2
  fi
fi
# A CJK font, so that screenshots of the Chinese UI show characters, not boxes.
if command -v fc-list >/dev/null && [ -z "$(fc-list :lang=zh 2>/dev/null | head -1)" ] && is_root_debian; then
  log "installing a CJK font (fonts-wqy-microhei)"
  apt_install fonts-wqy-microhei || true
fi

rm -rf TestResults
log "building"
if ! dotnet build Crm.sln -c Debug -nologo -v quiet; then
  echo "0 passed, 1 failed"
  exit 1
fi

log "testing"
dotnet test Crm.sln --no-build -nologo --logger trx --results-directory TestResults "$@"
code=$?

passed=0; failed=0; skipped=0; files=0
for trx in TestResults/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(get total); executed=$(get executed); p=$(get passed)
  f=$(( $(get failed) + $(get error) + $(get timeout) + $(get aborted) ))
  passed=$((passed + ${p:-0})); failed=$((failed + f)); skipped=$((skipped + ${total:-0} - ${executed:-0}))
done
if [ "$files" = 0 ]; then failed=$((failed + 1)); [ $code = 0 ] && code=1; fi
if [ $code != 0 ] && [ $failed = 0 ]; then failed=1; fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit $code
