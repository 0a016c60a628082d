#!/usr/bin/env bash
# Assembles Kefu's application tree (what runs as /app in the image and /opt/kefu/app on a VM) into DEST:
# package.json files, backend/dist (the built console included), models/dist, models/artifacts (if any),
# models/data/demo-kb, and the production node_modules from `npm ci --omit=dev` in a clean staging folder, with every
# prebuilt binary that is not linux-x64 removed.
# Usage: deploy/lib/stage-app.sh DEST   (run `npm run build` first)
set -euo pipefail

dest=${1:?usage: stage-app.sh DEST}
root=$(cd "$(dirname "$0")/../.." && pwd)

for built in backend/dist/main.js backend/dist/cli/kefu.js backend/dist/console/index.html models/dist/index.js; do
  [[ -f "$root/$built" ]] || { echo "stage-app: $built is missing; run npm run build first" >&2; exit 1; }
done

rm -rf "$dest"
mkdir -p "$dest/backend" "$dest/models" "$dest/deploy"
cp "$root/package.json" "$root/package-lock.json" "$root/.npmrc" "$dest/"
cp "$root/backend/package.json" "$dest/backend/"
cp "$root/models/package.json" "$dest/models/"

# The root project's own scripts (prepare: compile and train the default models) are for developers; the staging
# folder has no sources. Dependencies' install scripts (native addons) still run.
jq 'del(.scripts)' "$dest/package.json" >"$dest/package.json.tmp"
mv "$dest/package.json.tmp" "$dest/package.json"
# Production dependencies only, from the lockfile, in the staging folder (never the developer's node_modules).
(cd "$dest" && npm ci --omit=dev --no-audit --no-fund --loglevel=error >/dev/null)
rm -f "$dest/.npmrc"
# Development dependencies are not installed; dropping their declarations lets `npm sbom` describe this tree.
for manifest in "$dest/package.json" "$dest/backend/package.json" "$dest/models/package.json"; do
  jq 'del(.devDependencies)' "$manifest" >"$manifest.tmp"
  mv "$manifest.tmp" "$manifest"
done

cp -R "$root/backend/dist" "$dest/backend/dist"
cp -R "$root/models/dist" "$dest/models/dist"
if [[ -d "$root/models/artifacts" ]]; then cp -R "$root/models/artifacts" "$dest/models/artifacts"; fi
# The starter knowledge base (release 1 on a new database) and the held-out questions the retraining gate scores on.
mkdir -p "$dest/models/data"
cp -R "$root/models/data/demo-kb" "$dest/models/data/demo-kb"
cp "$root/deploy/image/stage-secret-dir.mjs" "$root/deploy/image/create-keys.mjs" "$dest/deploy/"

# Compiled output carries source maps and declarations for developers; the runtime needs neither.
find "$dest/backend/dist" "$dest/models/dist" \( -name '*.map' -o -name '*.d.ts' -o -name '*.tsbuildinfo' \) -delete
# The console's build metafile (what each bundle is made of) serves the bundle-size test, not the app.
rm -f "$dest/backend/dist/console/metafile.json"

# linux-x64 only: drop the prebuilt binaries of other systems that some packages ship side by side.
find "$dest/node_modules" -type d \( -path '*/bin/napi-v*/darwin' -o -path '*/bin/napi-v*/win32' \
  -o -path '*/bin/napi-v*/linux/arm64' -o -path '*/prebuilds/darwin-*' -o -path '*/prebuilds/win32-*' \
  -o -path '*/prebuilds/linux-arm*' -o -path '*/prebuilds/android-*' \) -prune -exec rm -rf {} +

# Addons compiled during `npm ci` (node-gyp) leave makefiles, object files and config.gypi with absolute paths of
# this machine next to the addon: keep only the built addons, so the tree is smaller and reproducible.
while IFS= read -r -d '' build; do
  find "$build" -mindepth 1 -maxdepth 1 ! -name Release -exec rm -rf {} +
  find "$build/Release" -mindepth 1 ! -name '*.node' -prune -exec rm -rf {} +
done < <(find "$dest/node_modules" -type d -name build -path '*/node_modules/*/build' -exec test -d '{}/Release' \; -print0)
