#!/usr/bin/env bash
# The whole test suite. Installs what it needs (PostgreSQL binaries, Node.js and chromium with apt, s3rver with npm, packages with NuGet);
# the tests start PostgreSQL, s3rver and a fake Greenhouse on loopback ports and stop them afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
need_dotnet
need_postgres
need_node
need_chromium
npm ci --prefix tools/s3rver --no-audit --no-fund --loglevel=error
dotnet test Ingestor.sln -c Release --nologo "$@"
