# Shared by install.sh, upgrade.sh and uninstall.sh of the Kefu VM installer (sourced, not run).
# shellcheck shell=bash disable=SC2034  # the options are read by the scripts that source this file

here=$(cd "$(dirname "$0")" && pwd)
version=$(cat "$here/VERSION")
prefix=/opt/kefu
data_dir=/var/lib/kefu
config_dir=/etc/kefu
user=kefu
unit_dir=${KEFU_UNIT_DIR:-/etc/systemd/system}
systemd=true
start=true
purge=false

parse_options() {
  while [[ $# -gt 0 ]]; do
    case $1 in
      --prefix) prefix=$2; shift 2 ;;
      --data-dir) data_dir=$2; shift 2 ;;
      --config-dir) config_dir=$2; shift 2 ;;
      --user) user=$2; shift 2 ;;
      --no-systemd) systemd=false; shift ;;
      --no-start) start=false; shift ;;
      --purge) purge=true; shift ;;
      -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
      *) echo "$(basename "$0"): unknown option $1" >&2; exit 64 ;;
    esac
  done
}

say() { echo "kefu: $*"; }

# Copies this unpacked release into $prefix/releases/$version (read-only for the service user).
install_release() {
  local target=$prefix/releases/$version
  if [[ -e $target ]]; then
    say "release $version is already in $target; keeping it"
    return
  fi
  install -d -m 0755 "$prefix/releases"
  local staging
  staging=$(mktemp -d "$prefix/releases/.incoming.XXXXXX")
  cp -a "$here/runtime" "$here/app" "$here/bin" "$here/systemd" "$here/docs" "$here/VERSION" "$staging/"
  cp -a "$here/install.sh" "$here/upgrade.sh" "$here/uninstall.sh" "$here/lib.sh" "$here/kefu.env.example" "$staging/"
  chmod -R u+rwX,go+rX,go-w "$staging"
  chmod 0755 "$staging"
  mv "$staging" "$target"
  say "installed release files into $target"
}

ensure_user() {
  if id -u "$user" >/dev/null 2>&1; then return; fi
  useradd --system --home-dir "$data_dir" --no-create-home --shell /usr/sbin/nologin --user-group "$user"
  say "created system user $user"
}

ensure_dirs() {
  install -d -m 0700 -o "$user" -g "$user" "$data_dir" "$data_dir/idp" "$data_dir/keys" "$data_dir/crypto"
  install -d -m 0750 -o "$user" -g "$user" "$data_dir/models"
  install -d -m 0750 -o root -g "$user" "$config_dir"
  if [[ ! -f $config_dir/kefu.env ]]; then
    install -m 0640 -o root -g "$user" "$here/kefu.env.example" "$config_dir/kefu.env"
    say "wrote $config_dir/kefu.env from the example: edit DATABASE_URL, KEFU_PUBLIC_URL and KEFU_KEYCLOAK_URL"
  fi
}

activate() {
  # Model packages shipped with the release join those trained on site; an existing folder of the same name wins.
  if [[ -d $prefix/releases/$version/app/models/artifacts ]]; then
    cp -Rn "$prefix/releases/$version/app/models/artifacts/." "$data_dir/models/"
    chown -R "$user:$user" "$data_dir/models"
  fi
  ln -sfn "releases/$version" "$prefix/current.new"
  mv -T "$prefix/current.new" "$prefix/current"
  say "$prefix/current now points to release $version"
}

write_unit() {
  local unit=$unit_dir/kefu.service
  install -d -m 0755 "$unit_dir"
  sed -e "s|@PREFIX@|$prefix|g" -e "s|@DATA_DIR@|$data_dir|g" -e "s|@CONFIG_DIR@|$config_dir|g" -e "s|@USER@|$user|g" \
    "$here/systemd/kefu.service" >"$unit"
  chmod 0644 "$unit"
  say "wrote $unit"
}

# Runs the `kefu` command of a release with the site's settings, as the service user.
run_kefu() {
  local release=$1
  shift
  (
    set -a
    # shellcheck disable=SC1091
    . "$config_dir/kefu.env"
    set +a
    export NODE_ENV=production KEFU_IDP_DATA_DIR=$data_dir/idp KEFU_AUDIT_KEY_DIR=$data_dir/keys KEFU_CRYPTO_KEY_DIR=$data_dir/crypto \
      KEFU_EMBEDDED_DB_DIR=$data_dir/pg KEFU_MODELS_DIR=$data_dir/models
    cd "$data_dir" || exit 1
    if [[ $(id -un) == "$user" ]]; then
      "$release/bin/kefu" "$@"
    else
      setpriv --reuid="$user" --regid="$user" --init-groups --reset-env-keep-env -- "$release/bin/kefu" "$@" 2>/dev/null ||
        runuser -u "$user" -- "$release/bin/kefu" "$@"
    fi
  )
}
