# Sourced by the run and test commands: installs what a fresh Debian machine lacks, with apt, and nothing else.

apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing with apt: $*" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# PostgreSQL server binaries (initdb, pg_ctl); the service and the tests start their own throwaway server from them.
need_postgres() {
  compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || command -v pg_ctl >/dev/null || apt_install postgresql
}

# Node.js and npm, for the S3-compatible test server (s3rver).
need_node() {
  command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
}

# Debian's chromium, the real browser the record page's browser test drives (through Playwright, whose own browser download is never used).
need_chromium() {
  [ -x /usr/bin/chromium ] || apt_install chromium
}

need_dotnet() {
  command -v dotnet >/dev/null || { echo "the .NET 10 SDK is required (https://dot.net)" >&2; exit 1; }
}
