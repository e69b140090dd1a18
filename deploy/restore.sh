#!/usr/bin/env bash
# Puts a backup from deploy/backup.sh back, replacing what the database holds.
#   deploy/restore.sh FILE --yes
# Stop the silos, the api and the gateways' cluster first: a running silo would write over what is restored. After
# the restore, start them again (the newest migrations are applied on start). docs/operations.md, "Backups".
source "$(dirname "$0")/lib/common.sh"
source "$REPO_ROOT/deploy/lib/pgtools.sh"

FILE=${1:-}
[[ -f $FILE ]] || { echo "usage: deploy/restore.sh FILE --yes   (FILE from deploy/backup.sh)" >&2; exit 2; }
[[ ${2:-} == --yes ]] || { echo "this replaces everything in the database: add --yes" >&2; exit 2; }
resolve_database
say "restoring $FILE into $PGDATABASE on $PGHOST:${PGPORT:-5432}"
"$(pg_tool pg_restore)" --clean --if-exists --no-owner --exit-on-error --single-transaction --dbname="$PGDATABASE" "$FILE"
say "restored"
