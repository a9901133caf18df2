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

# PostgreSQL and redis-server for the scale-out tests: the infrastructure tests run a second time on
# PostgreSQL, and the two-instance tests run the app twice over one PostgreSQL and one Redis. Under this
# script they are required: a test that cannot reach them fails with the reason, it is never skipped.
export CRM_TEST_SERVICES=required
export CRM_TEST_PG="${CRM_TEST_PG:-Host=127.0.0.1;Port=5432;Username=crm;Password=crm;Database=postgres}"
pg_started=""
stop_services() {
  if [ -n "$pg_started" ]; then
    log "stopping PostgreSQL $pg_started"
    pg_ctlcluster $pg_started stop >/dev/null 2>&1 || true
  fi
}
trap stop_services EXIT
if is_root_debian; then
  missing=()
  command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
  command -v redis-server >/dev/null || missing+=(redis-server)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} (Debian packages)"
    apt_install "${missing[@]}" || echo "Installing ${missing[*]} failed; the PostgreSQL and Redis tests will fail." >&2
  fi
  cluster=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1 {print $1" "$2}')
  if [ -n "$cluster" ] && ! pg_lsclusters -h | awk 'NR==1 {print $4}' | grep -q online; then
    log "starting PostgreSQL $cluster on 127.0.0.1"
    pg_ctlcluster $cluster start && pg_started="$cluster"
  fi
  if [ -n "$cluster" ]; then
    su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'crm'\"" 2>/dev/null | grep -q 1 \
      || su postgres -c "psql -qc \"CREATE ROLE crm LOGIN PASSWORD 'crm' CREATEDB\"" >/dev/null
  fi
else
  command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432 \
    || echo "PostgreSQL does not answer on 127.0.0.1:5432: start it with a role crm/crm that may create databases (or set CRM_TEST_PG), or run this script as root on Debian. The PostgreSQL tests will fail." >&2
  command -v redis-server >/dev/null \
    || echo "redis-server is missing: install it (Debian: apt-get install redis-server) or set CRM_REDIS_SERVER, or run this script as root on Debian. The Redis tests will fail." >&2
fi
# Redis: each test that needs one starts its own redis-server on a free loopback port and stops it
# (one test kills it mid-test), so none is started here; only the binary is needed.

rm -rf TestResults
log "building"
if ! dotnet build Crm.sln -c Debug -nologo -v quiet; then
  echo "0 passed, 1 failed"
  exit 1
fi

log "testing"
dotnet test Crm.sln --no-build -nologo --logger trx --results-directory TestResults "$@"
code=$?

log "testing the infrastructure again, on PostgreSQL"
CRM_TEST_DB=Postgres dotnet test tests/Crm.Infrastructure.Tests --no-build -nologo --logger trx \
  --results-directory TestResults/postgres "$@"
pg_code=$?
[ $code = 0 ] && code=$pg_code

passed=0; failed=0; skipped=0; files=0
for trx in TestResults/*.trx TestResults/postgres/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(get total); executed=$(get executed); p=$(get passed)
  f=$(( $(get failed) + $(get error) + $(get timeout) + $(get aborted) ))
  passed=$((passed + ${p:-0})); failed=$((failed + f)); skipped=$((skipped + ${total:-0} - ${executed:-0}))
done
if [ "$files" = 0 ]; then failed=$((failed + 1)); [ $code = 0 ] && code=1; fi
# The PostgreSQL run wrote no results at all: count it as a failure too.
if ! ls TestResults/postgres/*.trx >/dev/null 2>&1; then failed=$((failed + 1)); [ $code = 0 ] && code=1; fi
if [ $code != 0 ] && [ $failed = 0 ]; then failed=1; fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit $code
