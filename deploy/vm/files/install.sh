#!/usr/bin/env bash
# Installs Kefu on a Linux VM (x86-64, glibc >= 2.28, systemd) from this unpacked release, as root.
#   ./install.sh [--prefix /opt/kefu] [--data-dir /var/lib/kefu] [--config-dir /etc/kefu] [--user kefu]
#                [--no-systemd] [--no-start]
# Creates the system user, the data folder (0700) and /etc/kefu/kefu.env (0640, from the example, edit it), copies
# the release to <prefix>/releases/<version>, points <prefix>/current at it, and installs, enables and starts the
# hardened kefu.service. The first start applies the database migrations. See docs/install.md.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
parse_options "$@"

[[ $(id -u) == 0 ]] || { echo "install.sh: run as root" >&2; exit 1; }
if [[ -e $prefix/current ]]; then
  echo "install.sh: Kefu is already installed in $prefix; use upgrade.sh" >&2
  exit 1
fi
ensure_user
ensure_dirs
install_release
activate
if [[ $systemd == true ]]; then
  write_unit
  if command -v systemd-analyze >/dev/null; then systemd-analyze verify "$unit_dir/kefu.service"; fi
  systemctl daemon-reload
  systemctl enable kefu.service
  if [[ $start == true ]]; then systemctl start kefu.service && say "started kefu.service"; fi
fi
say "Kefu $version is installed; health: curl http://127.0.0.1:3000/readyz"
