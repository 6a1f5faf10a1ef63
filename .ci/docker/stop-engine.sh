#!/usr/bin/env bash
# Stops the private engine that start-engine.sh started: SIGTERM (dockerd stops its containers
# and its containerd), then waits, bounded, and only then SIGKILL. Does nothing when none runs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=engine-env.sh
source "$here/engine-env.sh"
wait_seconds="${EXECUTER_DOCKER_WAIT_SECONDS:-30}"

log() { echo "[docker] $*" >&2; }

pid="$(cat "$engine_pidfile" 2>/dev/null || true)"
if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
  log "no engine running for $engine_host"
  rm -f "$engine_pidfile"
  exit 0
fi
log "stopping dockerd (pid $pid)"
kill -TERM "$pid"
deadline=$((SECONDS + wait_seconds))
while kill -0 "$pid" 2>/dev/null; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    log "dockerd did not stop within ${wait_seconds}s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    break
  fi
  sleep 0.2
done
rm -f "$engine_pidfile" "$engine_socket"
log "stopped"
