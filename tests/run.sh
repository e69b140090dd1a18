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
    deploy/postgres.sh stop "$DATA/postgres" "$PG_PORT" >/dev/null 2>&1 || true
}
trap cleanup EXIT

if [[ -x deploy/mosquitto.sh ]]; then
    say "test mosquitto on 127.0.0.1:$MQTT_PORT"
    MQTT_TLS_PORT=${LOYALTY_TEST_MQTT_TLS_PORT:-$((MQTT_PORT + 1))} deploy/mosquitto.sh start "$DATA/mosquitto" "$MQTT_PORT" "${LOYALTY_TEST_MQTT_STORES:-gwt1:4,gwt2:2,s001:4,s002:2}" >&2
    export LOYALTY_TEST_MQTT_PORT=$MQTT_PORT LOYALTY_TEST_MQTT_DIR="$DATA/mosquitto" LOYALTY_TEST_MQTT_CREDENTIALS="$DATA/mosquitto/credentials.json"
fi

say "building (Release)"
dotnet build OrleansLoyalty.sln -c Release -v quiet -nologo >&2

say "running .NET tests"
dotnet_status=0
# One test assembly at a time: each starts clusters and processes of its own, and 2 cores shared by all of them
# make start-up timings (and so the tests) needlessly fragile.
dotnet test OrleansLoyalty.sln -c Release --no-build -m:1 --logger "trx" --results-directory "$RESULTS" "$@" || dotnet_status=$?

console_passed=0 console_failed=0
if [[ -x deploy/console.sh && $# -eq 0 ]]; then
    say "console: build and unit tests (Vitest)"
    unit_status=0
    NO_COLOR=1 deploy/console.sh --test >"$RESULTS/console-unit.log" 2>&1 || unit_status=$?
    tail -n 15 "$RESULTS/console-unit.log" >&2
    # Vitest's summary: "Tests  42 passed (42)" or "Tests  1 failed | 41 passed (42)".
    summary=$(sed 's/\x1b\[[0-9;]*m//g' "$RESULTS/console-unit.log" | grep -E '^\s*Tests\s' | tail -n 1 || true)
    unit_passed=$(grep -oE '[0-9]+ passed' <<<"$summary" | grep -oE '[0-9]+' || echo 0)
    unit_failed=$(grep -oE '[0-9]+ failed' <<<"$summary" | grep -oE '[0-9]+' || echo 0)
    if ((unit_status != 0 && unit_failed == 0)); then unit_failed=1; fi
    console_passed=$((console_passed + unit_passed))
    console_failed=$((console_failed + unit_failed))

    say "console: browser tests (headless Chromium against a running api)"
    deploy/console.sh --e2e-deps >"$RESULTS/console-e2e-deps.log" 2>&1 || true
    E2E_PORT=${LOYALTY_TEST_E2E_PORT:-55080}
    E2E_DB="loyalty_e2e_$(date +%s)"
    psql "postgresql://loyalty:loyalty@127.0.0.1:$PG_PORT/loyalty" -qc "CREATE DATABASE $E2E_DB" >&2
    E2E_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=loyalty;Password=loyalty;Database=$E2E_DB"
    Database__ConnectionString="$E2E_CONNECTION" dotnet silo/OrleansLoyalty.Silo/bin/Release/net10.0/OrleansLoyalty.Silo.dll migrate >&2
    E2E_PASSWORD="e2e-$(random_key | tr -d '/+=' | head -c 12)"
    # Codes the api sends by SMS (web registration, member sign-in) land here; the browser tests read them.
    E2E_SMS="$DATA/e2e-sms"
    rm -rf "$E2E_SMS"
    Database__ConnectionString="$E2E_CONNECTION" Security__DataKey=$(random_key) Security__IndexKey=$(random_key) \
        Auth__SigningKey=$(random_key) LOYALTY_ADMIN_PASSWORD="$E2E_PASSWORD" LOYALTY_HTTP_PORT=$E2E_PORT \
        Notifications__DropFolder="$E2E_SMS" OrleansDashboard__Enabled=true Orleans__ClusterId=e2e Orleans__SiloPort=${LOYALTY_TEST_E2E_SILO_PORT:-55111} Orleans__GatewayPort=${LOYALTY_TEST_E2E_GATEWAY_PORT:-55130} \
        dotnet api/OrleansLoyalty.Api/bin/Release/net10.0/OrleansLoyalty.Api.dll >"$RESULTS/e2e-api.log" 2>&1 &
    e2e_api=$!
    e2e_status=0
    if wait_for_url "http://127.0.0.1:$E2E_PORT/health/ready" 180; then
        LOYALTY_E2E_URL="http://127.0.0.1:$E2E_PORT" LOYALTY_E2E_ADMIN_PASSWORD="$E2E_PASSWORD" LOYALTY_E2E_SMS_DIR="$E2E_SMS" \
            npm --prefix api/console run e2e >"$RESULTS/console-e2e.log" 2>&1 || e2e_status=$?
    else
        echo "the api for the browser tests did not become ready" >"$RESULTS/console-e2e.log"
        e2e_status=1
    fi
    kill "$e2e_api" 2>/dev/null || true
    wait "$e2e_api" 2>/dev/null || true
    tail -n 20 "$RESULTS/console-e2e.log" >&2
    read -r e2e_passed e2e_failed < <(grep -E '^[0-9]+ passed, [0-9]+ failed' "$RESULTS/console-e2e.log" | tail -n 1 | awk '{print $1, $3}')
    e2e_passed=${e2e_passed:-0} e2e_failed=${e2e_failed:-0}
    if ((e2e_status != 0 && e2e_failed == 0)); then e2e_failed=1; fi
    console_passed=$((console_passed + e2e_passed))
    console_failed=$((console_failed + e2e_failed))
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
