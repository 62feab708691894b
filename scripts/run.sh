#!/usr/bin/env bash
# Ingests the bundled boards (samples/: Greenhouse, Ashby, Lever, SmartRecruiters) on the embedded defaults: a throwaway PostgreSQL in .local/postgres,
# the raw archive in .local/archive. Prints one line per board, a summary, then the fal posting as a complete record.
# Run it again to see a second poll of the same payloads change nothing but last-seen times. `rm -rf .local` starts over.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
need_dotnet
need_postgres
export DOTNET_ENVIRONMENT=Development
export Greenhouse__BaseUrl="${Greenhouse__BaseUrl:-file://$PWD/samples/greenhouse/}"
export Ashby__BaseUrl="${Ashby__BaseUrl:-file://$PWD/samples/ashby/}"
export Lever__BaseUrl="${Lever__BaseUrl:-file://$PWD/samples/lever/}"
export SmartRecruiters__BaseUrl="${SmartRecruiters__BaseUrl:-file://$PWD/samples/smartrecruiters/}"
dotnet build src/Ingestor -c Release --nologo -v quiet
ingestor() { dotnet run --project src/Ingestor -c Release --no-build --no-launch-profile -- "$@"; }
status=0
ingestor --once "$@" || status=$?
echo
echo "The fal posting (job_id 5d7bb08593f65e24f2b9df8aacb01cb3c3976d37), as stored:"
ingestor --show 5d7bb08593f65e24f2b9df8aacb01cb3c3976d37 || status=$?
exit $status
