#!/usr/bin/env bash
# Regenerates the PostgreSQL migration set (one "Initial") from the current model. The Postgres set has
# not shipped yet, so it is rebuilt rather than extended; once a release ships on PostgreSQL, add
# migrations instead (dotnet ef migrations add <Name> --context PostgresCrmDbContext ...).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$HOME/.dotnet/tools"
rm -rf Crm.Infrastructure/Persistence/Migrations/Postgres
# Build without the old set first: "add" reads the compiled snapshot and would write only a difference.
dotnet build Crm.Infrastructure -nologo -v quiet
dotnet ef migrations add Initial --project Crm.Infrastructure --context PostgresCrmDbContext --no-build \
  --output-dir Persistence/Migrations/Postgres
grep -q 'name: "Opportunities"' Crm.Infrastructure/Persistence/Migrations/Postgres/*_Initial.cs \
  || { echo "The new Initial does not create the whole schema; look at it before committing." >&2; exit 1; }
