#!/usr/bin/env bash
# Unpacks the image archive with umoci (an independent reader of the OCI layout) and runs it with runc: read-only
# root filesystem, uid 10001, no capabilities, tmpfs for /tmp and the key folders, the host's network so that it
# reaches PostgreSQL on 127.0.0.1:5432, where a throw-away database is created. Passes when /readyz answers 200.
# Usage: deploy/image/smoke-test.sh ARCHIVE [PORT]   (as root; needs umoci, runc, psql, curl)
set -euo pipefail

archive=$(readlink -f "${1:?usage: smoke-test.sh ARCHIVE [PORT]}")
port=${2:-39300}
pg_admin=${KEFU_SMOKE_PG:-postgres://postgres@127.0.0.1:5432/postgres}
work=$(mktemp -d /tmp/kefu-smoke.XXXXXX)
database=kefu_smoke_$$
container=kefu-smoke-$$

# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  runc kill "$container" KILL >/dev/null 2>&1 || true
  runc delete --force "$container" >/dev/null 2>&1 || true
  psql "$pg_admin" -q -c "DROP DATABASE IF EXISTS $database" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/layout"
tar -xf "$archive" -C "$work/layout"
ref=$(jq -r '.manifests[0].annotations["org.opencontainers.image.ref.name"]' "$work/layout/index.json")
umoci unpack --image "$work/layout:$ref" "$work/bundle" >/dev/null

psql "$pg_admin" -q -c "CREATE DATABASE $database" >/dev/null
url=${pg_admin%/*}/$database

# The runtime spec umoci derived from the image config, adjusted as the Helm chart runs it.
jq --arg url "$url" --arg port "$port" '
  .root.readonly = true
  | .process.terminal = false
  | .process.noNewPrivileges = true
  | .process.capabilities = {bounding: [], effective: [], inheritable: [], permitted: [], ambient: []}
  | .process.env += ["DATABASE_URL=" + $url, "KEFU_HTTP_PORT=" + $port, "KEFU_HTTP_HOST=127.0.0.1",
      "KEFU_DEMO_IDP=true", "KEFU_MIGRATE_ON_START=true"]
  | .linux.namespaces |= map(select(.type != "network"))
  | .mounts += [
      {destination: "/tmp", type: "tmpfs", source: "tmpfs", options: ["nosuid", "nodev", "mode=1777", "size=64m"]},
      {destination: "/var/lib/kefu/idp", type: "tmpfs", source: "tmpfs", options: ["nosuid", "nodev", "mode=0700", "uid=10001", "gid=10001"]},
      {destination: "/var/lib/kefu/keys", type: "tmpfs", source: "tmpfs", options: ["nosuid", "nodev", "mode=0700", "uid=10001", "gid=10001"]},
      {destination: "/var/lib/kefu/crypto", type: "tmpfs", source: "tmpfs", options: ["nosuid", "nodev", "mode=0700", "uid=10001", "gid=10001"]},
      {destination: "/etc/resolv.conf", type: "bind", source: "/etc/resolv.conf", options: ["rbind", "ro"]}]
' "$work/bundle/config.json" > "$work/config.json"
mv "$work/config.json" "$work/bundle/config.json"

runc run --detach --bundle "$work/bundle" --pid-file "$work/pid" "$container" >"$work/out.log" 2>&1 </dev/null

for _ in $(seq 1 120); do
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz" || true)
  if [[ $status == 200 ]]; then
    echo "smoke test: /readyz answered 200 from the image (user $(jq -r '.process.user.uid' "$work/bundle/config.json"), read-only root)"
    exit 0
  fi
  if ! runc state "$container" 2>/dev/null | jq -e '.status == "running"' >/dev/null; then break; fi
  sleep 1
done
echo "smoke test: the image did not become ready; its output:" >&2
cat "$work/out.log" >&2
exit 1
