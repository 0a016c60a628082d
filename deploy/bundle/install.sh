#!/usr/bin/env bash
# Kefu offline installer. Run it from the unpacked bundle (kefu-offline-<version>/), on an administration machine
# that reaches the private registry and the Kubernetes API. Nothing is touched before the bundle is verified:
#   1. the signature of SHA256SUMS with the release public key (shipped separately from the bundle),
#   2. the SHA-256 sum of every file listed in SHA256SUMS,
#   3. that the bundle holds no file that SHA256SUMS does not list.
# Then it copies the images to the private registry with `skopeo copy --preserve-digests` and runs
# `helm upgrade --install` with the image digests of the bundle. Needs: minisign, sha256sum, skopeo, helm.
#
#   ./install.sh --public-key kefu-release.pub --verify-only
#   ./install.sh --public-key kefu-release.pub --registry registry.bank.internal:5000 \
#       --values my-values.yaml [--namespace kefu] [--release kefu] [--images-only]
set -euo pipefail

usage() {
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
  exit 64
}

bundle=$(cd "$(dirname "$0")" && pwd)
public_key=${KEFU_RELEASE_PUBLIC_KEY:-}
registry=''
values=''
namespace=kefu
release=kefu
verify_only=false
images_only=false
tls_verify=true
creds=()

while [[ $# -gt 0 ]]; do
  case $1 in
    --public-key) public_key=$2; shift 2 ;;
    --registry) registry=${2%/}; shift 2 ;;
    --values) values=$2; shift 2 ;;
    --namespace) namespace=$2; shift 2 ;;
    --release) release=$2; shift 2 ;;
    --registry-authfile) creds=(--dest-authfile "$2"); shift 2 ;;
    --registry-insecure) tls_verify=false; shift ;;
    --verify-only) verify_only=true; shift ;;
    --images-only) images_only=true; shift ;;
    -h | --help) usage ;;
    *) echo "install.sh: unknown option $1" >&2; usage ;;
  esac
done

fail() {
  echo "install.sh: $*" >&2
  echo "install.sh: nothing was installed." >&2
  exit 1
}

# --- 1-3: verify the whole bundle ---------------------------------------------------------------------------------
[[ -n $public_key ]] || fail "--public-key is required (the release public key is delivered apart from the bundle)"
[[ -f $public_key ]] || fail "public key $public_key not found"
command -v minisign >/dev/null || fail "minisign is not installed (Debian/Ubuntu: apt-get install minisign)"
cd "$bundle"
[[ -f SHA256SUMS && -f SHA256SUMS.minisig ]] || fail "SHA256SUMS or its signature SHA256SUMS.minisig is missing"

minisign -V -q -p "$public_key" -m SHA256SUMS -x SHA256SUMS.minisig >/dev/null 2>&1 ||
  fail "the signature of SHA256SUMS does not verify with $public_key: the bundle is not genuine or was altered"

sha256sum --quiet --strict --check SHA256SUMS >/dev/null 2>&1 ||
  fail "a file of the bundle does not match SHA256SUMS (altered or missing): $(sha256sum --quiet --check SHA256SUMS 2>/dev/null | head -3 | tr '\n' ' ')"

listed=$(sed -E 's/^[0-9a-f]{64}  \*?//' SHA256SUMS | LC_ALL=C sort)
present=$(find . -mindepth 1 \( -type f -o -type l \) ! -name SHA256SUMS ! -name SHA256SUMS.minisig -printf '%P\n' | LC_ALL=C sort)
unexpected=$(LC_ALL=C comm -13 <(printf '%s\n' "$listed") <(printf '%s\n' "$present"))
[[ -z $unexpected ]] || fail "the bundle holds files that SHA256SUMS does not list: $(echo "$unexpected" | tr '\n' ' ')"
if find . -mindepth 1 ! -type f ! -type d | grep -q .; then fail "the bundle holds links or special files"; fi

echo "install.sh: bundle verified: signature good, $(wc -l <SHA256SUMS) files match SHA256SUMS, nothing else present"
if [[ $verify_only == true ]]; then exit 0; fi

# --- 4: push the images, digests preserved -------------------------------------------------------------------------
[[ -n $registry ]] || fail "--registry is required (the private registry the cluster pulls from)"
command -v skopeo >/dev/null || fail "skopeo is not installed"
version=$(cat VERSION)
app_digest=''
digest_settings=()
# images/IMAGES: "<archive> <repository> <manifest digest>" per line.
while read -r archive repository digest; do
  target="docker://$registry/$repository:$version"
  echo "install.sh: pushing $repository@$digest to $registry"
  skopeo copy --quiet --preserve-digests --dest-tls-verify="$tls_verify" "${creds[@]}" \
    "oci-archive:images/$archive" "$target"
  pushed=$(skopeo inspect --tls-verify="$tls_verify" "${creds[@]/--dest-/--}" --format '{{.Digest}}' "$target")
  [[ $pushed == "$digest" ]] || fail "the registry holds $repository as $pushed, not $digest"
  case $repository in
    kefu/kefu) app_digest=$digest; digest_settings+=(--set-string "image.digest=$digest") ;;
    kefu/postgresql) digest_settings+=(--set-string "postgresql.image.digest=$digest") ;;
    kefu/keycloak) digest_settings+=(--set-string "keycloak.image.digest=$digest") ;;
  esac
done <images/IMAGES

if [[ $images_only == true ]]; then
  echo "install.sh: images pushed; Helm not run (--images-only)"
  exit 0
fi

# --- 5: install or upgrade the release ------------------------------------------------------------------------------
[[ -n $values ]] || fail "--values is required (start from values/production-values.example.yaml)"
command -v helm >/dev/null || fail "helm is not installed"
[[ -n $app_digest ]] || fail "the bundle has no kefu/kefu image"
chart=$(find charts -name 'kefu-*.tgz' | head -1)
helm upgrade --install "$release" "$chart" --namespace "$namespace" --create-namespace \
  --values "$values" --set-string "global.imageRegistry=$registry" "${digest_settings[@]}" \
  --wait --timeout 15m
echo "install.sh: Kefu $version is installed as release $release in namespace $namespace"
