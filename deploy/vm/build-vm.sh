#!/usr/bin/env bash
# Builds the self-contained VM release kefu-vm-<version>-linux-x64.tar.gz for sites without Kubernetes: this
# machine's Node.js runtime (plus its C++ runtime libraries), the application with its production node_modules
# (linux-x64 only), the models, the systemd unit and the install, upgrade and uninstall scripts.
# Usage: deploy/vm/build-vm.sh [OUT_DIR]   (default dist/delivery; run `npm run build` first)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mkdir -p "${1:-$root/dist/delivery}" && cd "${1:-$root/dist/delivery}" && pwd)
version=$(node -p "require('$root/package.json').version")
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 1767225600)}
work=${KEFU_BUILD_DIR:-$root/.kefu/build/vm}
release=$work/kefu-$version

rm -rf "$work"
mkdir -p "$release/runtime/bin" "$release/runtime/lib" "$release/bin" "$release/systemd" "$release/docs"
"$root/deploy/lib/stage-app.sh" "$release/app"

node_bin=$(readlink -f "$(command -v node)")
install -m 0755 "$node_bin" "$release/runtime/bin/node"
# The C++ runtime varies most between distributions; glibc itself (>= 2.28) is taken from the host.
for lib in $(ldd "$node_bin" | awk '/libstdc\+\+|libgcc_s/ {print $3}'); do
  install -m 0755 "$(readlink -f "$lib")" "$release/runtime/lib/$(basename "$lib")"
done

files=$root/deploy/vm/files
install -m 0755 "$files/kefu" "$files/kefu-server" "$release/bin/"
install -m 0755 "$files/install.sh" "$files/upgrade.sh" "$files/uninstall.sh" "$release/"
install -m 0644 "$files/lib.sh" "$files/kefu.env.example" "$release/"
install -m 0644 "$files/kefu.service" "$release/systemd/"
install -m 0644 "$root/docs/install.md" "$root/docs/upgrade.md" "$root/docs/backup.md" "$root/docs/configuration.md" \
  "$root/docs/operations.md" "$release/docs/"
echo "$version" >"$release/VERSION"

archive=$out/kefu-vm-$version-linux-x64.tar.gz
find "$release" -newermt "@$SOURCE_DATE_EPOCH" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
tar --create -C "$work" --sort=name --format=posix --numeric-owner --owner=0 --group=0 \
  --mtime="@$SOURCE_DATE_EPOCH" --clamp-mtime --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  "kefu-$version" | gzip -n "-${KEFU_VM_GZIP_LEVEL:-6}" >"$archive"
sha256sum "$archive" | sed "s|  .*/|  |" >"$archive.sha256"
echo "$archive"
