# Sourced by deploy/backup.sh and deploy/restore.sh: the PostgreSQL client tools of the installed server, and a
# .NET connection string (what the silo and the api read) turned into libpq's environment.

# pg_tool <name>: the path of pg_dump / pg_restore from the newest installed PostgreSQL (never older than the server).
pg_tool() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -n $dir && -x $dir/$1 ]]; then
        echo "$dir/$1"
    elif command -v "$1" >/dev/null 2>&1; then
        command -v "$1"
    else
        echo "$1 not found: install postgresql-client" >&2
        return 1
    fi
}

# use_connection_string "Host=…;Port=…;Username=…;Password=…;Database=…": exports PGHOST, PGPORT, PGUSER,
# PGPASSWORD and PGDATABASE, so no password appears on a command line.
use_connection_string() {
    local part key value
    IFS=';' read -ra parts <<<"$1"
    for part in "${parts[@]}"; do
        [[ $part == *=* ]] || continue
        key=$(tr '[:upper:]' '[:lower:]' <<<"${part%%=*}" | tr -d ' ')
        value=${part#*=}
        case $key in
            host | server) export PGHOST=$value ;;
            port) export PGPORT=$value ;;
            username | user\ id | userid | user) export PGUSER=$value ;;
            password) export PGPASSWORD=$value ;;
            database) export PGDATABASE=$value ;;
        esac
    done
    [[ -n ${PGHOST:-} && -n ${PGDATABASE:-} ]] || { echo "the connection string names no Host or Database" >&2; return 1; }
}

# The database to work on: Database__ConnectionString when set (a deployment's), else the local run's.
resolve_database() {
    if [[ -n ${Database__ConnectionString:-} ]]; then
        use_connection_string "$Database__ConnectionString"
    else
        use_connection_string "$("$REPO_ROOT/deploy/postgres.sh" url "$REPO_ROOT/.data/postgres" "${LOYALTY_PG_PORT:-55432}")"
    fi
}
