#!/usr/bin/env bash
# Runs every benchmark of issues 3, 4 and 5 ("Performance") once and writes docs/benchmarks.md.
#
#   bench/run.sh [--only grain|commit|http|stateless|pgbench|dashboard|edge|pricing]   (comma-separated or repeated; default: all)
#                       BENCH_PG_PORT (55434), BENCH_API_PORT (56032), BENCH_TRIVIAL_PORT (56035),
#                       BENCH_SILO_PORT (56036), BENCH_GATEWAY_PORT (56037),
#                       BENCH_WARMUP_SECONDS (4), BENCH_MEASURE_SECONDS (10), BENCH_DATA_DIR (.data/bench),
#                       BENCH_DASHBOARD_MEMBERS (5000), BENCH_DASHBOARD_RATE (1000), BENCH_OUTPUT (docs/benchmarks.md)
#                       edge: BENCH_MQTT_PORT (56038), BENCH_EDGE_HEALTH_PORT (56040, one per gateway),
#                       BENCH_EDGE_STORES (e001:67,e002:67,e003:66), BENCH_EDGE_RATE (2000),
#                       BENCH_EDGE_WARMUP_SECONDS (60), BENCH_EDGE_MEASURE_SECONDS (20),
#                       BENCH_EDGE_REPLAY_EVENTS (100000), BENCH_EDGE_OFFLINE_RATE (4000)
#
# With --only, the named groups' rows replace theirs in the last saved results ($BENCH_DATA_DIR/work/results.json)
# and the report is rendered from the merge, so a partial run keeps the other groups' numbers.
# Builds Release, starts its own PostgreSQL (data under $BENCH_DATA_DIR/pg; each run uses fresh scratch
# databases in it), runs the runner (which starts and stops the api and the trivial server itself), and stops
# the PostgreSQL it started. Everything listens on 127.0.0.1 only. Takes about 6-8 minutes on 2 cores.
source "$(dirname "$0")/../deploy/lib/common.sh"
cd "$REPO_ROOT"

PG_PORT=${BENCH_PG_PORT:-55434}
DATA=${BENCH_DATA_DIR:-$REPO_ROOT/.data/bench}
mkdir -p "$DATA/work"

# The pricing micro-benchmark alone needs no database, wrk or pgbench.
needs_pg=1
[[ "$*" == "--only pricing" ]] && needs_pg=0
((needs_pg)) && ensure_apt wrk:wrk pgbench:postgresql-client curl:curl

say "building (Release)"
dotnet build OrleansLoyalty.sln -c Release -v quiet -nologo >&2

started_pg=0
if ((needs_pg)) && ! deploy/postgres.sh status "$DATA/pg" "$PG_PORT" >/dev/null 2>&1; then
    started_pg=1
fi
cleanup() {
    if ((started_pg)); then
        say "stopping PostgreSQL"
        deploy/postgres.sh stop "$DATA/pg" "$PG_PORT" >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT INT TERM

if ((needs_pg)); then
say "PostgreSQL on 127.0.0.1:$PG_PORT (data in $DATA/pg)"
CONNECTION=$(deploy/postgres.sh start "$DATA/pg" "$PG_PORT" | tail -n 1)

# BENCH_PG_EXTRA: extra connection-string keywords for the runner, for experiments (e.g. "Max Auto Prepare=0").
export BENCH_PG_CONNECTION="$CONNECTION${BENCH_PG_EXTRA:+;$BENCH_PG_EXTRA}"
# Superuser over the private unix socket: only used to relax synchronous_commit while members are loaded.
export BENCH_PG_ADMIN_CONNECTION="Host=$(realpath "$DATA/pg")/socket;Port=$PG_PORT;Username=postgres;Database=postgres"
fi
export BENCH_REPO="$REPO_ROOT" BENCH_WORK_DIR="$DATA/work" BENCH_OUTPUT="${BENCH_OUTPUT:-$REPO_ROOT/docs/benchmarks.md}"

say "running the benchmarks"
dotnet bench/OrleansLoyalty.Benchmarks/bin/Release/net10.0/OrleansLoyalty.Benchmarks.dll "$@"
