#!/usr/bin/env bash
# Installs the Debian packages the tests need, only when something is missing (idempotent):
#   prometheus  — the Prometheus server and promtool (test/cli/report/ backfills data and serves it on 127.0.0.1)
#   chromium    — the headless browser the HTML dashboard is tested in (playwright-core, /usr/bin/chromium)
#   prometheus-pushgateway — the Pushgateway the drift checker pushes to (test/drift/, on 127.0.0.1)
#   openssh-client — ssh-keygen, for SSH-signed deploy commits (test/cli/deploy/)
# Runs `apt-get update` only when a package must be installed; fails loudly when it cannot install.
set -euo pipefail

# Where Debian puts them (overridable for the script's own test).
bin_dir="${SETUP_SYSTEM_BIN_DIR:-/usr/bin}"
tools=(prometheus promtool chromium prometheus-pushgateway ssh-keygen)
declare -A needs=([prometheus]="$bin_dir/prometheus" [promtool]="$bin_dir/promtool" [chromium]="$bin_dir/chromium"
  [prometheus-pushgateway]="$bin_dir/prometheus-pushgateway" [ssh-keygen]="$bin_dir/ssh-keygen")
declare -A package_of=([prometheus]=prometheus [promtool]=prometheus [chromium]=chromium
  [prometheus-pushgateway]=prometheus-pushgateway [ssh-keygen]=openssh-client)

missing=()
for tool in "${tools[@]}"; do
  if [ ! -x "${needs[$tool]}" ]; then
    package="${package_of[$tool]}"
    [[ " ${missing[*]-} " == *" $package "* ]] || missing+=("$package")
  fi
done
[ "${#missing[@]}" -eq 0 ] && exit 0

echo "setup-system: installing ${missing[*]} (needed by the tests)" >&2
if [ "$(id -u)" -eq 0 ]; then as_root=(); elif command -v sudo >/dev/null 2>&1; then as_root=(sudo -n); else
  echo "setup-system: ${missing[*]} missing and not root (no sudo); install them: apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! "${as_root[@]}" apt-get update -qq >/dev/null; then
  echo "setup-system: apt-get update failed; cannot install ${missing[*]}" >&2
  exit 1
fi
if ! "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  echo "setup-system: apt-get install ${missing[*]} failed" >&2
  exit 1
fi
for tool in "${tools[@]}"; do
  if [ ! -x "${needs[$tool]}" ]; then
    echo "setup-system: ${needs[$tool]} is still missing after installing ${missing[*]}" >&2
    exit 1
  fi
done
echo "setup-system: installed ${missing[*]}" >&2
