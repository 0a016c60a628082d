#!/usr/bin/env bash
# Removes Kefu from this VM, as root.
#   ./uninstall.sh [--prefix /opt/kefu] [--data-dir /var/lib/kefu] [--config-dir /etc/kefu] [--user kefu]
#                  [--no-systemd] [--purge]
# Stops and removes kefu.service and the program files. The data folder (keys, embedded database) and the settings
# stay unless --purge is given: back them up first (docs/backup.md), the audit keys cannot be recreated.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
parse_options "$@"

[[ $(id -u) == 0 ]] || { echo "uninstall.sh: run as root" >&2; exit 1; }
if [[ $systemd == true && -f $unit_dir/kefu.service ]]; then
  systemctl disable --now kefu.service || true
  rm -f "$unit_dir/kefu.service"
  systemctl daemon-reload
  say "removed kefu.service"
fi
rm -rf "$prefix/releases" "$prefix/current"
rmdir "$prefix" 2>/dev/null || true
say "removed the program files from $prefix"
if [[ $purge == true ]]; then
  rm -rf "$data_dir" "$config_dir"
  if id -u "$user" >/dev/null 2>&1 && [[ $user != root ]]; then userdel "$user" || true; fi
  say "purged $data_dir, $config_dir and user $user"
else
  say "kept $data_dir and $config_dir (use --purge to remove them)"
fi
