#!/usr/bin/env bash
# Assembles the signed offline bundle kefu-offline-<version>.tar from inputs that already exist (it builds nothing):
#
#   kefu-offline-<version>/
#     install.sh  VERSION  README.txt
#     images/IMAGES                 "<archive> <repository> <manifest digest>" per image
#     images/<name>.oci.tar         OCI image archives
#     charts/kefu-<version>.tgz     the packaged Helm chart
#     values/*.yaml                 example values
#     sbom/*.cdx.json               CycloneDX: npm dependencies, OS packages of the image
#     models/...                    the NLU model artifacts
#     vm/kefu-vm-<version>-linux-x64.tar.gz   the VM release (optional)
#     SHA256SUMS  SHA256SUMS.minisig
#
# Usage: build-bundle.sh --version V --secret-key KEY --out DIR --chart DIR --helm BIN
#          --image REPOSITORY=ARCHIVE... [--values FILE...] [--sbom FILE...] [--models DIR] [--vm TARBALL]
# The minisign secret key signs SHA256SUMS; its public half goes to the customer apart from the bundle.
# Set MINISIGN_PASSWORD_FILE for a password-protected key (read on standard input by minisign).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
version='' secret_key='' out='' chart='' helm_bin='' models='' vm=''
images=() values=() sboms=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --version) version=$2; shift 2 ;;
    --secret-key) secret_key=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --chart) chart=$2; shift 2 ;;
    --helm) helm_bin=$2; shift 2 ;;
    --image) images+=("$2"); shift 2 ;;
    --values) values+=("$2"); shift 2 ;;
    --sbom) sboms+=("$2"); shift 2 ;;
    --models) models=$2; shift 2 ;;
    --vm) vm=$2; shift 2 ;;
    *) echo "build-bundle.sh: unknown option $1" >&2; exit 64 ;;
  esac
done
for required in version secret_key out chart helm_bin; do
  [[ -n ${!required} ]] || { echo "build-bundle.sh: --${required//_/-} is required" >&2; exit 64; }
done
[[ ${#images[@]} -gt 0 ]] || { echo "build-bundle.sh: at least one --image is required" >&2; exit 64; }

export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$here" log -1 --format=%ct 2>/dev/null || echo 1767225600)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
name=kefu-offline-$version
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
dir=$stage/$name
mkdir -p "$dir/images" "$dir/charts" "$dir/values" "$dir/sbom" "$dir/models"

install -m 0755 "$here/install.sh" "$dir/install.sh"
echo "$version" >"$dir/VERSION"
cat >"$dir/README.txt" <<EOF
Kefu $version offline bundle. Verify and install with ./install.sh --public-key kefu-release.pub ...
(docs/install.md). The release public key is delivered separately; never take it from this bundle.
EOF

for spec in "${images[@]}"; do
  repository=${spec%%=*}
  archive=${spec#*=}
  file=$(basename "$archive")
  cp "$archive" "$dir/images/$file"
  # The manifest digest is what the registry will report after `skopeo copy --preserve-digests`.
  digest=$(tar -xOf "$archive" index.json | jq -r '.manifests[0].digest')
  [[ $digest =~ ^sha256:[0-9a-f]{64}$ ]] || { echo "build-bundle.sh: $archive has no OCI index" >&2; exit 1; }
  echo "$file $repository $digest" >>"$dir/images/IMAGES"
done

"$helm_bin" package "$chart" --version "$version" --app-version "$version" --destination "$dir/charts" >/dev/null
for file in "${values[@]}"; do cp "$file" "$dir/values/"; done
for file in "${sboms[@]}"; do cp "$file" "$dir/sbom/"; done
if [[ -n $models && -d $models ]]; then cp -R "$models/." "$dir/models/"; fi
if [[ -n $vm ]]; then install -D -m 0644 "$vm" "$dir/vm/$(basename "$vm")"; fi
if [[ -z $(ls -A "$dir/models") ]]; then
  echo "No model artifacts were built into this release; train them on site (docs/nlu.md)." >"$dir/models/README.txt"
fi

(cd "$dir" && find . -type f -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' sha256sum >"$stage/SHA256SUMS")
mv "$stage/SHA256SUMS" "$dir/SHA256SUMS"
if [[ -n ${MINISIGN_PASSWORD_FILE:-} ]]; then
  minisign -S -s "$secret_key" -m "$dir/SHA256SUMS" -x "$dir/SHA256SUMS.minisig" \
    -t "kefu $version" <"$MINISIGN_PASSWORD_FILE" >/dev/null
else
  minisign -S -s "$secret_key" -m "$dir/SHA256SUMS" -x "$dir/SHA256SUMS.minisig" -t "kefu $version" >/dev/null
fi

find "$dir" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
tar --create --file "$out/$name.tar" -C "$stage" --sort=name --format=posix --numeric-owner --owner=0 --group=0 \
  --mtime="@$SOURCE_DATE_EPOCH" --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime "$name"
echo "$out/$name.tar"
