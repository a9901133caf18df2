#!/usr/bin/env bash
# Regenerates the PostgreSQL migration set (one "Initial") from the current model. The Postgres set has
# not shipped yet, so it is rebuilt rather than extended; once a release ships on PostgreSQL, add
# migrations instead (dotnet ef migrations add <Name> --context PostgresCrmDbContext ...).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$HOME/.dotnet/tools"
rm -rf Crm.Infrastructure/Persistence/Migrations/Postgres
dotnet ef migrations add Initial --project Crm.Infrastructure --context PostgresCrmDbContext \
  --output-dir Persistence/Migrations/Postgres --namespace Crm.Infrastructure.Persistence.Migrations.Postgres
