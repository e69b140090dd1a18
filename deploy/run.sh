#!/usr/bin/env bash
# Runs the whole system locally: a private PostgreSQL (and a store's mosquitto broker), the schema,
# the api with its co-hosted silo, the edge gateway and the web console. Ctrl-C stops everything;
# data stays in .data/ and is there again on the next run.
#
#   deploy/run.sh            LOYALTY_HTTP_PORT (5080), LOYALTY_MQTT_PORT (1883), LOYALTY_MQTT_TLS_PORT (8883),
#                            LOYALTY_PG_PORT (55432)
source "$(dirname "$0")/lib/common.sh"
cd "$REPO_ROOT"

HTTP_PORT=${LOYALTY_HTTP_PORT:-5080}
MQTT_PORT=${LOYALTY_MQTT_PORT:-1883}
PG_PORT=${LOYALTY_PG_PORT:-55432}
DATA=${LOYALTY_DATA_DIR:-$REPO_ROOT/.data}
mkdir -p "$DATA/logs"

ensure_apt curl:curl openssl:openssl

say "PostgreSQL on 127.0.0.1:$PG_PORT (data in $DATA/postgres)"
CONNECTION=$(deploy/postgres.sh start "$DATA/postgres" "$PG_PORT" | tail -n 1)

# Secrets are made once and kept beside the data: losing DataKey would make stored profiles unreadable.
SECRETS="$DATA/secrets.env"
if [[ ! -f $SECRETS ]]; then
    # Only the secrets file is private: a umask left at 077 would also close the folders made after it to the
    # postgres and mosquitto users.
    old_umask=$(umask)
    umask 077
    cat >"$SECRETS" <<EOS
Security__DataKey=$(random_key)
Security__IndexKey=$(random_key)
Auth__SigningKey=$(random_key)
LOYALTY_ADMIN_PASSWORD=${LOYALTY_ADMIN_PASSWORD:-$(head -c 15 /dev/urandom | base64 | tr -d '/+=' | head -c 16)}
EOS
    umask "$old_umask"
fi
set -a
# shellcheck disable=SC1090
source "$SECRETS"
set +a
export Database__ConnectionString="$CONNECTION" LOYALTY_HTTP_PORT="$HTTP_PORT"
# Orleans' own dashboard for admins (/admin/orleans/): on for the local run; off by default on production silos
# because of its cost per grain call (docs/operations.md).
export OrleansDashboard__Enabled="${OrleansDashboard__Enabled:-true}"
# No SMS provider locally: sign-in codes and other SMS messages are written to $DATA/notifications/sms.jsonl.
export Notifications__DropFolder="${Notifications__DropFolder:-$DATA/notifications}"

say "building (Release)"
dotnet build OrleansLoyalty.sln -c Release -v quiet -nologo >&2

say "applying the schema"
dotnet silo/OrleansLoyalty.Silo/bin/Release/net10.0/OrleansLoyalty.Silo.dll migrate

if [[ -x deploy/console.sh ]]; then
    say "building the web console"
    deploy/console.sh build >&2
fi

pids=()
cleanup() {
    say "stopping"
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [[ -x deploy/mosquitto.sh && -d $DATA/mosquitto ]] && deploy/mosquitto.sh stop "$DATA/mosquitto" >/dev/null 2>&1 || true
    deploy/postgres.sh stop "$DATA/postgres" "$PG_PORT" >/dev/null 2>&1 || true
}
trap cleanup EXIT INT TERM

say "starting the api and its silo on http://127.0.0.1:$HTTP_PORT"
dotnet api/OrleansLoyalty.Api/bin/Release/net10.0/OrleansLoyalty.Api.dll >"$DATA/logs/api.log" 2>&1 &
pids+=($!)
wait_for_url "http://127.0.0.1:$HTTP_PORT/health/ready" 180 || { tail -n 40 "$DATA/logs/api.log" >&2; exit 1; }

if [[ -x deploy/edge.sh ]]; then
    say "starting the store broker (127.0.0.1:$MQTT_PORT; devices over TLS on ${LOYALTY_MQTT_TLS_PORT:-8883}) and the edge gateway"
    deploy/edge.sh start "$DATA" "$MQTT_PORT" "http://127.0.0.1:$HTTP_PORT" >>"$DATA/logs/edge.log" 2>&1 &
    pids+=($!)
    # Lanes (and the simulator) may start once the gateways listen: the broker drops device messages sent before a
    # gateway first subscribed.
    IFS=',' read -ra edge_entries <<<"$(edge_stores_spec)"
    for i in "${!edge_entries[@]}"; do
        wait_for_url "http://127.0.0.1:$(edge_health_port "$i")/health/ready" 180 \
            || { echo "warning: the edge gateway for ${edge_entries[$i]%%:*} is not ready; see $DATA/logs/edge.log" >&2; tail -n 20 "$DATA/logs/edge.log" >&2; }
    done
fi

cat <<EOT

OrleansLoyalty is running.
  console      http://127.0.0.1:$HTTP_PORT/console/
  API docs     http://127.0.0.1:$HTTP_PORT/docs        (OpenAPI: /openapi/v1.json)
  health       http://127.0.0.1:$HTTP_PORT/health/ready
  admin login  username 'admin', password '$LOYALTY_ADMIN_PASSWORD'
  PostgreSQL   $CONNECTION
  SMS messages $Notifications__DropFolder/sms.jsonl   (member sign-in codes: POST /api/v1/members/otp)
  store broker 127.0.0.1:$MQTT_PORT; devices over TLS on 127.0.0.1:${LOYALTY_MQTT_TLS_PORT:-8883} (trust $DATA/mosquitto/tls/ca.crt; logins in $DATA/mosquitto/credentials.json)
  logs         $DATA/logs/
Press Ctrl-C to stop.
EOT
wait "${pids[0]}"
