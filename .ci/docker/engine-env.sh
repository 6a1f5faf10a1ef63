# Shared paths for the local Docker engine scripts (sourced, not run).
# EXECUTER_DOCKER_DIR holds everything the engine owns: data root, exec root, socket, pid file, log.
EXECUTER_DOCKER_DIR="${EXECUTER_DOCKER_DIR:-/var/lib/executer-docker}"
engine_data_root="$EXECUTER_DOCKER_DIR/data"
engine_exec_root="$EXECUTER_DOCKER_DIR/exec"
engine_socket="$EXECUTER_DOCKER_DIR/docker.sock"
engine_pidfile="$EXECUTER_DOCKER_DIR/dockerd.pid"
engine_log="$EXECUTER_DOCKER_DIR/dockerd.log"
engine_host="unix://$engine_socket"

# True when the engine at $engine_socket answers GET /_ping with OK.
engine_answers() {
  [ -S "$engine_socket" ] || return 1
  if command -v curl >/dev/null 2>&1; then
    [ "$(curl --silent --max-time 2 --unix-socket "$engine_socket" http://localhost/_ping 2>/dev/null)" = "OK" ]
  else
    timeout 5 docker --host "$engine_host" version >/dev/null 2>&1
  fi
}
