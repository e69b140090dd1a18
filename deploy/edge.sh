#!/usr/bin/env bash
# Brings up the store edge next to a running cluster: the store broker (deploy/mosquitto.sh) and one
# edge gateway per store, in the foreground until stopped (deploy/run.sh starts it in the background).
#
#   deploy/edge.sh start <dataDir> <mqttPort> [apiUrl]
#
# Stores and lanes: LOYALTY_EDGE_STORES (default "s001:4"). Devices on the store's network connect over TLS
# on LOYALTY_MQTT_TLS_PORT (default 8883, bound to LOYALTY_MQTT_TLS_BIND, default 127.0.0.1). The cluster: Database__ConnectionString
# (as deploy/run.sh exports it); without one the gateways run standalone (offline selling only).
# With apiUrl and LOYALTY_ADMIN_PASSWORD the demo catalog is also loaded into the cluster and the
# simulator's shoppers are registered as members with cards.
# Expects a Release build (dotnet build OrleansLoyalty.sln -c Release).
# Then: dotnet tools/OrleansLoyalty.LaneSimulator/bin/Release/net10.0/OrleansLoyalty.LaneSimulator.dll \
#         --credentials <dataDir>/mosquitto/credentials.json --rate 20
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
# shellcheck source=lib/common.sh
source "$here/lib/common.sh"

[[ "${1:-}" == start && $# -ge 3 ]] || { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
data="$(mkdir -p "$2" && cd "$2" && pwd)"
port="$3"
api="${4:-}"
spec="$(edge_stores_spec)"
gateway_dll="$root/edge-gateway/OrleansLoyalty.EdgeGateway/bin/Release/net10.0/OrleansLoyalty.EdgeGateway.dll"
simulator_dll="$root/tools/OrleansLoyalty.LaneSimulator/bin/Release/net10.0/OrleansLoyalty.LaneSimulator.dll"
[[ -f $gateway_dll && -f $simulator_dll ]] || { echo "build first: dotnet build OrleansLoyalty.sln -c Release" >&2; exit 1; }

if ! "$here/mosquitto.sh" status "$data/mosquitto" >/dev/null 2>&1; then
  MQTT_TLS_PORT="${LOYALTY_MQTT_TLS_PORT:-8883}" MQTT_TLS_BIND="${LOYALTY_MQTT_TLS_BIND:-127.0.0.1}" \
    "$here/mosquitto.sh" start "$data/mosquitto" "$port" "$spec"
fi

token=""
if [[ -n $api && -n ${LOYALTY_ADMIN_PASSWORD:-} ]]; then
  token=$(curl -fsS -X POST "$api/api/v1/auth/token" -H 'content-type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$LOYALTY_ADMIN_PASSWORD\"}" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' || true)
fi

if [[ -n $token ]]; then
  # The simulator's shoppers: phones 13800000001.. with cards 8800000001.. (idempotent).
  dotnet "$simulator_dll" --seed-members "$api/" --store "${spec%%:*}" >&2 ||
    echo "edge: could not register the demo members; their card swipes will be refused" >&2
fi

pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all EXIT INT TERM

index=0
IFS=',' read -r -a entries <<<"$spec"
for entry in "${entries[@]}"; do
  store="${entry%%:*}"
  catalog="$data/edge-$store-catalog.json"
  dotnet "$simulator_dll" --write-catalog "$catalog" --store "$store" >/dev/null
  if [[ -n $token ]]; then
    dotnet "$simulator_dll" --write-products "$data/edge-$store-products.json" >/dev/null
    if ! curl -fsS -o /dev/null -X PUT "$api/api/v1/stores/$store/products" -H "authorization: Bearer $token" \
      -H 'content-type: application/json' --data-binary "@$data/edge-$store-products.json"; then
      echo "edge: could not load the demo catalog into the cluster for $store; online scans of unknown goods are refused" >&2
    fi
  fi
done
if [[ -n $token ]]; then
  # The simulator's shoppers present WELCOME10: a public 满50减10 code, created once (409 when it exists).
  curl -sS -o /dev/null -X POST "$api/api/v1/coupon-templates" -H "authorization: Bearer $token" -H 'content-type: application/json' \
    -d '{"templateId":"demo-welcome10","name":"新客满50减10","kind":"amountOffOver","threshold":5000,"amount":1000,"validDays":3650,"public":true,"code":"WELCOME10"}' || true
fi
for entry in "${entries[@]}"; do
  store="${entry%%:*}"
  catalog="$data/edge-$store-catalog.json"
  mode=Orleans
  [[ -n ${Database__ConnectionString:-} ]] || mode=Standalone
  health=$(edge_health_port "$index")
  echo "edge: gateway for $store ($mode), journal $data/gateway-$store, health http://127.0.0.1:$health/health/ready" >&2
  Gateway__StoreId="$store" \
  Gateway__JournalPath="$data/gateway-$store" \
  Gateway__SeedCatalogPath="$catalog" \
  Gateway__Mqtt__Port="$port" \
  Gateway__Mqtt__CredentialsFile="$data/mosquitto/credentials.json" \
  Gateway__Cluster__Mode="$mode" \
  Gateway__Cluster__ConnectionString="${Database__ConnectionString:-}" \
  Gateway__HealthPort="$health" \
    dotnet "$gateway_dll" &
  pids+=($!)
  index=$((index + 1))
done
wait
