#!/usr/bin/env bash
# Starts a private Docker engine for the tests and benchmarks, offline:
#   - installs Debian's docker.io when dockerd is missing;
#   - runs dockerd in the background with the vfs storage driver, no iptables and no bridge
#     (containers use NetworkMode none), its own data root, exec root and socket, so it never
#     touches another engine on the machine;
#   - waits (bounded) until it answers a ping and prints how to point clients at it.
# Idempotent: a running engine at the same socket is reused. Stop it with stop-engine.sh.
# Usage: bash .ci/docker/start-engine.sh   then   export DOCKER_HOST=unix://$EXECUTER_DOCKER_DIR/docker.sock
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=engine-env.sh
source "$here/engine-env.sh"
wait_seconds="${EXECUTER_DOCKER_WAIT_SECONDS:-60}"

log() { echo "[docker] $*" >&2; }

if engine_answers; then
  log "engine already answers at $engine_host"
  echo "export DOCKER_HOST=$engine_host"
  exit 0
fi

if ! command -v dockerd >/dev/null 2>&1; then
  log "dockerd is missing; installing Debian's docker.io"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends docker.io >/dev/null
fi
command -v dockerd >/dev/null 2>&1 || { log "dockerd still missing after installing docker.io"; exit 1; }

mkdir -p "$engine_data_root" "$engine_exec_root"
# A pid file left by an engine that died would make dockerd refuse to start.
if [ -f "$engine_pidfile" ]; then
  old_pid="$(cat "$engine_pidfile" 2>/dev/null || true)"
  if [ -n "$old_pid" ] && kill -0 "$old_pid" 2>/dev/null; then
    log "dockerd (pid $old_pid) is running but does not answer yet; waiting for it"
  else
    rm -f "$engine_pidfile" "$engine_socket"
  fi
fi

if [ ! -f "$engine_pidfile" ]; then
  log "starting dockerd (log: $engine_log)"
  # setsid: the engine outlives this script's shell and its process group.
  setsid dockerd \
    --storage-driver=vfs \
    --iptables=false \
    --ip6tables=false \
    --bridge=none \
    --data-root "$engine_data_root" \
    --exec-root "$engine_exec_root" \
    --pidfile "$engine_pidfile" \
    --host "$engine_host" \
    >>"$engine_log" 2>&1 </dev/null &
fi

deadline=$((SECONDS + wait_seconds))
until engine_answers; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    log "dockerd did not answer a ping at $engine_host within ${wait_seconds}s; last log lines:"
    tail -n 20 "$engine_log" >&2 || true
    exit 1
  fi
  sleep 0.5
done
log "engine answers at $engine_host"
echo "export DOCKER_HOST=$engine_host"
