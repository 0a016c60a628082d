#!/usr/bin/env bash
# Upgrades an installed Kefu to this unpacked release, as root, keeping the previous release for a rollback.
#   ./upgrade.sh [--prefix /opt/kefu] [--data-dir /var/lib/kefu] [--config-dir /etc/kefu] [--user kefu]
#                [--no-systemd]
# Order: copy the new release beside the old one, apply its database migrations (`kefu migrate`, while the old
# release still serves), switch <prefix>/current, restart kefu.service. Back up first (docs/backup.md).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
parse_options "$@"

[[ $(id -u) == 0 ]] || { echo "upgrade.sh: run as root" >&2; exit 1; }
[[ -L $prefix/current ]] || { echo "upgrade.sh: no Kefu installation in $prefix; use install.sh" >&2; exit 1; }
previous=$(readlink "$prefix/current")
install_release
say "applying database migrations of $version"
run_kefu "$prefix/releases/$version" migrate
activate
if [[ $systemd == true ]]; then
  write_unit
  systemctl daemon-reload
  systemctl restart kefu.service
  say "restarted kefu.service"
fi
say "upgraded from ${previous#releases/} to $version; the previous release stays in $prefix/$previous"
