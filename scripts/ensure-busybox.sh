#!/usr/bin/env bash
# Ensures a static busybox exists for building the examples' image (Debian: busybox-static).
set -euo pipefail
BUSYBOX=${BUSYBOX:-/bin/busybox}
if [ -x "$BUSYBOX" ] && file_out=$(LC_ALL=C "$BUSYBOX" 2>&1 | head -n1) && [[ $file_out == BusyBox* ]] \
   && ! ldd "$BUSYBOX" >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "a static busybox is needed at $BUSYBOX: run 'sudo apt-get install busybox-static'" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq busybox-static >/dev/null
