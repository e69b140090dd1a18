#!/usr/bin/env bash
# Provision and run a private PostgreSQL cluster for development and tests.
#
#   deploy/postgres.sh start|stop|status|url <datadir> <port>
#
# start   creates the cluster on first use (initdb), starts it on 127.0.0.1:<port>, makes sure the
#         role `loyalty` (password `loyalty`, CREATEDB) and the database `loyalty` exist, and prints the
#         connection string as the LAST line on stdout. Already running -> ok. Data survives stop/start.
# stop    fast shutdown (clean checkpoint); no-op when not running.
# status  exit 0 when running, 3 when not.
# url     print the connection string.
#
# Layout under <datadir>: pg/ (the cluster), socket/ (unix socket), postgres.log.
# Everything except the connection string goes to stderr.
set -euo pipefail
# shellcheck source=lib/folders.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/folders.sh"

readonly ROLE=loyalty PASSWORD=loyalty DATABASE=loyalty
readonly READY_TIMEOUT_SECONDS=60

usage() {
    echo "usage: $0 start|stop|status|url <datadir> <port>" >&2
    exit 2
}

[[ $# -eq 3 ]] || usage
readonly COMMAND=$1 PORT=$3
[[ $PORT =~ ^[0-9]+$ ]] && ((PORT > 0 && PORT < 65536)) || { echo "port must be 1-65535, got '$PORT'" >&2; exit 2; }
DATADIR=$(realpath -m -- "$2")
readonly DATADIR PGDIR="$(realpath -m -- "$2")/pg" SOCKDIR="$(realpath -m -- "$2")/socket" LOGFILE="$(realpath -m -- "$2")/postgres.log"

log() { echo "postgres.sh: $*" >&2; }

connection_string() {
    echo "Host=127.0.0.1;Port=${PORT};Username=${ROLE};Password=${PASSWORD};Database=${DATABASE}"
}

# initdb and postgres refuse to run as root, so as root everything runs as the `postgres` user.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

find_bindir() {
    local candidate
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname -- "$(readlink -f -- "$(command -v pg_ctl)")"
        return 0
    fi
    # Debian keeps the server binaries off PATH, one folder per major version; take the newest.
    candidate=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -n $candidate && -x $candidate/initdb ]]; then
        echo "$candidate"
        return 0
    fi
    return 1
}

ensure_binaries() {
    if BINDIR=$(find_bindir); then
        return 0
    fi
    if [[ $(id -u) -ne 0 ]]; then
        log "PostgreSQL server binaries not found and not root: install the 'postgresql' package"
        exit 1
    fi
    log "PostgreSQL not found: installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y postgresql >&2
    BINDIR=$(find_bindir) || { log "postgresql installed but initdb still not found"; exit 1; }
}

prepare_folders() {
    mkdir -p -- "$DATADIR" "$SOCKDIR"
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres: -- "$DATADIR" "$SOCKDIR"
        [[ -d $PGDIR ]] && chown -R postgres: -- "$PGDIR"
        touch -- "$LOGFILE" && chown postgres: -- "$LOGFILE"
    fi
    chmod 0700 -- "$DATADIR" "$SOCKDIR"
    grant_parents_search "$DATADIR" postgres
}

is_running() {
    [[ -f $PGDIR/PG_VERSION ]] || return 1
    as_owner "$BINDIR/pg_ctl" status -D "$PGDIR" >/dev/null 2>&1
}

init_cluster() {
    [[ -f $PGDIR/PG_VERSION ]] && return 0
    log "initialising a new cluster in $PGDIR"
    # Local socket connections trust the OS user (only the owner can reach the 0700 socket folder);
    # TCP connections always need a password.
    as_owner "$BINDIR/initdb" -D "$PGDIR" -U postgres -E UTF8 --locale=C.UTF-8 --data-checksums \
        --auth-local=trust --auth-host=scram-sha-256 >&2
    echo "include_if_exists = 'loyalty.conf'" | as_owner tee -a "$PGDIR/postgresql.conf" >/dev/null
}

write_settings() {
    # Rewritten on every start so a different port or tuning takes effect. fsync, full_page_writes
    # and synchronous_commit stay on: a committed grain state write must survive a crash.
    as_owner tee "$PGDIR/loyalty.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
port = ${PORT}
unix_socket_directories = '${SOCKDIR}'
max_connections = 200
shared_buffers = 256MB
fsync = on
full_page_writes = on
synchronous_commit = on
password_encryption = 'scram-sha-256'
timezone = 'UTC'
log_timezone = 'UTC'
log_min_duration_statement = 1000
EOF
}

psql_admin() {
    as_owner "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCKDIR" -p "$PORT" -U postgres -d postgres "$@"
}

wait_ready() {
    local deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
    until as_owner "$BINDIR/pg_isready" -q -h "$SOCKDIR" -p "$PORT" -d postgres -U postgres; do
        if ((SECONDS >= deadline)); then
            log "PostgreSQL not ready after ${READY_TIMEOUT_SECONDS}s; last log lines:"
            tail -n 20 -- "$LOGFILE" >&2 || true
            exit 1
        fi
        sleep 0.2
    done
}

ensure_role_and_database() {
    psql_admin <<EOF
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', '${ROLE}', '${PASSWORD}')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', '${DATABASE}', '${ROLE}')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '${DATABASE}') \gexec
EOF
}

start() {
    ensure_binaries
    prepare_folders
    if is_running; then
        log "already running in $PGDIR"
    else
        init_cluster
        write_settings
        log "starting on 127.0.0.1:${PORT} (log: $LOGFILE)"
        # 9>&-: the server must not inherit the lock, or it would hold it for its whole life.
        as_owner "$BINDIR/pg_ctl" start -D "$PGDIR" -l "$LOGFILE" -w -t "$READY_TIMEOUT_SECONDS" >&2 9>&- || {
            log "pg_ctl start failed; last log lines:"
            tail -n 20 -- "$LOGFILE" >&2 || true
            exit 1
        }
    fi
    wait_ready
    ensure_role_and_database
    connection_string
}

stop() {
    BINDIR=$(find_bindir) || { log "PostgreSQL binaries not found; nothing to stop"; return 0; }
    if is_running; then
        as_owner "$BINDIR/pg_ctl" stop -D "$PGDIR" -m fast -w -t "$READY_TIMEOUT_SECONDS" >&2
    else
        log "not running"
    fi
}

status() {
    BINDIR=$(find_bindir) || { echo "not installed"; exit 3; }
    if is_running; then
        echo "running: $PGDIR on 127.0.0.1:${PORT}"
    else
        echo "stopped: $PGDIR"
        exit 3
    fi
}

# Serialise concurrent invocations on the same data folder (e.g. two test scripts starting at once).
with_lock() {
    mkdir -p -- "$DATADIR"
    exec 9>"$DATADIR/.postgres.sh.lock"
    flock -w 120 9 || { log "another postgres.sh holds $DATADIR"; exit 1; }
    "$@"
}

case $COMMAND in
    start) with_lock start ;;
    stop) with_lock stop ;;
    status) status ;;
    url) connection_string ;;
    *) usage ;;
esac
