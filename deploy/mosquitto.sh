#!/usr/bin/env bash
# Generates and runs a store broker (Eclipse Mosquitto) with one user per device, one per store
# gateway and a read-only observer, confined by ACL. See docs/edge-gateway.md.
#
#   deploy/mosquitto.sh start  <rundir> <port> <storesSpec>   # storesSpec: "s001:4,s002:2" (store:laneCount)
#   deploy/mosquitto.sh config <rundir> <port> <storesSpec>   # generate only, do not start
#   deploy/mosquitto.sh stop   <rundir>
#   deploy/mosquitto.sh status <rundir>
#
# <rundir>/credentials.json holds every generated username and password (mode 0640): the gateway
# and the lane simulator read it. Lane ids are two digits: 01..NN.
#
# MQTT_TLS_PORT=<port> adds a TLS listener for the store's devices (MQTT_TLS_BIND=<LAN address>, default
# 127.0.0.1; MQTT_TLS_NAMES=IP:...,DNS:... the names they connect to). Devices trust <rundir>/tls/ca.crt.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=mosquitto/lib.sh
source "$here/mosquitto/lib.sh"

usage() {
  sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit 2
}

cmd="${1:-}"
case "$cmd" in
  start|config)
    [[ $# -eq 4 ]] || usage
    rundir="$2"; port="$3"; spec="$4"
    mq_require_binaries
    mq_validate_args "$port" "$spec"
    mkdir -p "$rundir"
    rundir="$(cd "$rundir" && pwd)"
    if mq_is_running "$rundir"; then
      echo "mosquitto already running in $rundir (pid $(cat "$rundir/mosquitto.pid")); stop it first" >&2
      exit 1
    fi
    mq_generate "$rundir" "$port" "$spec"
    if [[ "$cmd" == start ]]; then
      mq_start "$rundir" "$port"
    fi
    mq_print_summary "$rundir" "$port" "$spec"
    ;;
  stop)
    [[ $# -eq 2 ]] || usage
    mq_stop "$2"
    ;;
  status)
    [[ $# -eq 2 ]] || usage
    if mq_is_running "$2"; then echo "running (pid $(cat "$2/mosquitto.pid"))"; else echo "stopped"; exit 3; fi
    ;;
  *) usage ;;
esac
