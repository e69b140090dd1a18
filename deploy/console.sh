#!/usr/bin/env bash
# Builds the web console into api/OrleansLoyalty.Api/wwwroot/console/ (served by the api at /console/).
#
#   deploy/console.sh [build]      npm ci + vite build
#   deploy/console.sh --test       … then the Vitest unit tests
#   deploy/console.sh --e2e-deps   … and install what the browser tests need from Debian
#                                  (chromium, a CJK font for readable screenshots); needs root
#
# Browser tests against a running system:
#   LOYALTY_E2E_URL=http://127.0.0.1:5080 LOYALTY_E2E_ADMIN_PASSWORD=… npm --prefix api/console run e2e
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
console="$here/api/console"
run_tests=0
e2e_deps=0
for arg in "$@"; do
  case "$arg" in
    build) ;; # the default; accepted so that `deploy/console.sh build` reads naturally
    --test) run_tests=1 ;;
    --e2e-deps) e2e_deps=1 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

command -v node >/dev/null || { echo "node is required (>= 20.19)" >&2; exit 1; }
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || { echo "node >= 20.19 is required, found $(node --version)" >&2; exit 1; }

if [[ $e2e_deps == 1 ]]; then
  if [[ ! -x /usr/bin/chromium ]] || ! fc-list 2>/dev/null | grep -qi 'wqy\|noto.*cjk'; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-wqy-microhei
  fi
fi

cd "$console"
npm ci --no-audit --no-fund
npm run build
if [[ $run_tests == 1 ]]; then
  npm test
fi
echo "console built into api/OrleansLoyalty.Api/wwwroot/console/"
