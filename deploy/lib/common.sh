# Shared by deploy/run.sh and tests/run.sh: locating the repo, installing what a fresh machine lacks,
# building, and waiting for things with a deadline.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

apt_updated=0
# Installs Debian packages that are missing (we run as root on the project's machines).
ensure_apt() {
    local missing=()
    for spec in "$@"; do
        local cmd=${spec%%:*} pkg=${spec#*:}
        command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
    done
    ((${#missing[@]} == 0)) && return 0
    say "installing ${missing[*]} (Debian packages)"
    local sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    if ((apt_updated == 0)); then
        $sudo apt-get update -qq >&2
        apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
}

# Waits until a URL answers 2xx, or fails after $2 seconds.
wait_for_url() {
    local url=$1 deadline=$((SECONDS + ${2:-120}))
    until curl -fsS -o /dev/null "$url" 2>/dev/null; do
        if ((SECONDS > deadline)); then
            echo "timed out waiting for $url" >&2
            return 1
        fi
        sleep 0.5
    done
}

# 32 random bytes, base64.
random_key() { head -c 32 /dev/urandom | base64 -w0; }

# The edge gateways deploy/edge.sh starts: the stores spec ("store:lanes,…") and each gateway's health port, 5090 for
# the first store and one more for each next one (deploy/run.sh waits on them).
edge_stores_spec() { echo "${LOYALTY_EDGE_STORES:-s001:4}"; }
edge_health_port() { echo $((5090 + $1)); }
