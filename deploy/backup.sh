#!/usr/bin/env bash
# A consistent backup of the whole loyalty database (grain state, ledger, sales, outbox, Orleans' tables) in one file.
#   deploy/backup.sh [DIR]        DIR defaults to .data/backups; keeps the newest LOYALTY_BACKUPS_KEPT (14)
# The database is Database__ConnectionString's, else the local run's. Safe while everything runs: pg_dump reads one
# snapshot, so a sale is in it whole or not at all. docs/operations.md, "Backups".
source "$(dirname "$0")/lib/common.sh"
source "$REPO_ROOT/deploy/lib/pgtools.sh"

DIR=${1:-$REPO_ROOT/.data/backups}
KEEP=${LOYALTY_BACKUPS_KEPT:-14}
resolve_database
mkdir -p "$DIR"
FILE="$DIR/loyalty-$(date -u +%Y%m%dT%H%M%SZ).dump"
"$(pg_tool pg_dump)" --format=custom --compress=6 --no-owner --file="$FILE.partial"
# Renamed only once complete, so a crash mid-dump never leaves a file that looks like a backup.
mv "$FILE.partial" "$FILE"
ls -1t "$DIR"/loyalty-*.dump 2>/dev/null | tail -n +"$((KEEP + 1))" | xargs -r rm --
say "backup written: $FILE ($(du -h "$FILE" | cut -f1))"
echo "$FILE"
