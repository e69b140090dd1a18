#!/usr/bin/env bash
# Runs every test: unit, grain, API, integration (real PostgreSQL and mosquitto, real processes) and the
# console's tests. Starts its own PostgreSQL and broker on private ports; ends with "N passed, N failed".
#
#   tests/run.sh [extra dotnet test args, e.g. --filter FullyQualifiedName~Cards]
source "$(dirname "$0")/../deploy/lib/common.sh"
cd "$REPO_ROOT"

PG_PORT=${LOYALTY_TEST_PG_PORT:-55433}
MQTT_PORT=${LOYALTY_TEST_MQTT_PORT:-51883}
DATA="$REPO_ROOT/.data/test"
RESULTS="$REPO_ROOT/TestResults"
rm -rf "$RESULTS"
mkdir -p "$DATA" "$RESULTS"

ensure_apt curl:curl

say "test PostgreSQL on 127.0.0.1:$PG_PORT"
export LOYALTY_TEST_POSTGRES
LOYALTY_TEST_POSTGRES=$(deploy/postgres.sh start "$DATA/postgres" "$PG_PORT" | tail -n 1)

cleanup() {
    [[ -x deploy/mosquitto.sh ]] && deploy/mosquitto.sh stop "$DATA/mosquitto" >/dev/null 2>&1 || true
    deploy/postgres.sh stop "$DATA/postgres" >/dev/null 2>&1 || true
}
trap cleanup EXIT

if [[ -x deploy/mosquitto.sh ]]; then
    say "test mosquitto on 127.0.0.1:$MQTT_PORT"
    deploy/mosquitto.sh start "$DATA/mosquitto" "$MQTT_PORT" "${LOYALTY_TEST_MQTT_STORES:-gwt1:4,gwt2:2,s001:4,s002:2}" >&2
    export LOYALTY_TEST_MQTT_PORT=$MQTT_PORT LOYALTY_TEST_MQTT_DIR="$DATA/mosquitto" LOYALTY_TEST_MQTT_CREDENTIALS="$DATA/mosquitto/credentials.json"
fi

say "building (Release)"
dotnet build OrleansLoyalty.sln -c Release -v quiet -nologo >&2

say "running .NET tests"
dotnet_status=0
dotnet test OrleansLoyalty.sln -c Release --no-build --logger "trx" --results-directory "$RESULTS" "$@" || dotnet_status=$?

console_passed=0 console_failed=0
if [[ -x deploy/console.sh && $# -eq 0 ]]; then
    say "running console tests"
    if deploy/console.sh test >"$RESULTS/console.log" 2>&1; then :; fi
    cat "$RESULTS/console.log" >&2
    read -r console_passed console_failed < <(grep -E '^[0-9]+ passed, [0-9]+ failed' "$RESULTS/console.log" | tail -n 1 | awk '{print $1, $3}' || echo "0 1")
    console_passed=${console_passed:-0} console_failed=${console_failed:-1}
fi

# CI reads the closing line; dotnet test does not print that form, so count the TRX results.
read -r passed failed < <(python3 - "$RESULTS" <<'PY'
import sys, glob, re
passed = failed = 0
for path in glob.glob(f"{sys.argv[1]}/**/*.trx", recursive=True):
    text = open(path, encoding="utf-8").read()
    m = re.search(r'<Counters [^>]*>', text)
    if not m:
        continue
    attrs = dict(re.findall(r'(\w+)="(\d+)"', m.group(0)))
    passed += int(attrs.get("passed", 0))
    failed += int(attrs.get("failed", 0)) + int(attrs.get("error", 0)) + int(attrs.get("timeout", 0)) + int(attrs.get("aborted", 0))
print(passed, failed)
PY
)
passed=$((passed + console_passed))
failed=$((failed + console_failed))
if ((dotnet_status != 0 && failed == 0)); then
    failed=1  # the test run itself failed (a crashed test host counts as a failure)
fi
echo "$passed passed, $failed failed"
((failed == 0))
