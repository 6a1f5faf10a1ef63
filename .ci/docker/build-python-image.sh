#!/usr/bin/env bash
# Builds a small local Python image offline (nothing can be pulled here): a root filesystem assembled
# from the host's Python (the real binary, its stdlib, the shared libraries it and its extension
# modules load), a /bin/sh and a few coreutils, a non-root user "sandbox" (uid 1000), imported with
# `docker import`. Idempotent: skips the build when the tag exists, unless --force.
# Prints `export EXECUTER_DOCKER_IMAGE=<tag>` on stdout (logs go to stderr).
# Usage: DOCKER_HOST=... bash .ci/docker/build-python-image.sh [--force]
# Settings: EXECUTER_DOCKER_IMAGE (tag, default executer-python:local),
#           EXECUTER_IMAGE_PYTHON (interpreter to copy, default /usr/bin/python3.11, else python3).
set -euo pipefail
tag="${EXECUTER_DOCKER_IMAGE:-executer-python:local}"
force=false
[ "${1:-}" = "--force" ] && force=true

log() { echo "[docker image] $*" >&2; }

if ! docker version >/dev/null 2>&1; then
  log "no Docker engine answers at ${DOCKER_HOST:-the default socket}; run .ci/docker/start-engine.sh and export DOCKER_HOST"
  exit 1
fi
if ! $force && docker image inspect "$tag" >/dev/null 2>&1; then
  log "$tag is present (use --force to rebuild)"
  echo "export EXECUTER_DOCKER_IMAGE=$tag"
  exit 0
fi

# The real interpreter, not a shim (pyenv's python3 is a shell script).
python_bin="${EXECUTER_IMAGE_PYTHON:-}"
if [ -z "$python_bin" ]; then
  for candidate in /usr/bin/python3.11 /usr/bin/python3 /usr/local/bin/python3; do
    [ -x "$candidate" ] && { python_bin="$candidate"; break; }
  done
fi
[ -n "$python_bin" ] || python_bin="$(python3 -c 'import sys; print(sys.executable)')"
read -r executable stdlib dynload version < <("$python_bin" -I -c '
import os, sys, sysconfig
stdlib = sysconfig.get_paths()["stdlib"]
print(os.path.realpath(sys.executable), os.path.realpath(stdlib), os.path.realpath(os.path.join(sysconfig.get_paths()["platstdlib"], "lib-dynload")), "%d.%d" % sys.version_info[:2])
')
log "interpreter $executable (Python $version), stdlib $stdlib"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
mkdir -p "$rootfs"/{usr/bin,usr/lib,usr/lib64,usr/sbin,etc,tmp,home/sandbox}
# The host is usr-merged; mirror it so every library path ldd prints resolves the same way.
ln -s usr/bin "$rootfs/bin"
ln -s usr/lib "$rootfs/lib"
ln -s usr/lib64 "$rootfs/lib64"
ln -s usr/sbin "$rootfs/sbin"
chmod 1777 "$rootfs/tmp"

# Copies a file's content to the same path in the root filesystem (following links).
install_file() {
  local source="$1"
  local directory
  directory="$(realpath "$(dirname "$source")")"
  mkdir -p "$rootfs$directory"
  cp -L "$source" "$rootfs$directory/$(basename "$source")"
}
# Copies every shared library the given ELF files load, and the dynamic loader.
install_libraries() {
  ldd "$@" 2>/dev/null | awk '/=> \// { print $3 } /^[ \t]*\/[^ ]+ \(/ { print $1 }' | sort -u | while read -r library; do
    install_file "$library"
  done
}

# The interpreter and its stdlib, without tests, IDLE, Tk, the pip bundle and bytecode caches.
install_file "$executable"
tar -C / -cf - \
  --exclude='__pycache__' --exclude='test' --exclude='tests' --exclude='idlelib' --exclude='tkinter' \
  --exclude='turtledemo' --exclude='ensurepip' --exclude='lib2to3' --exclude='config-*' \
  --exclude='_tkinter*.so' --exclude='EXTERNALLY-MANAGED' \
  "${stdlib#/}" | tar -C "$rootfs" -xf -
if [ "$dynload" != "$stdlib/lib-dynload" ] && [ -d "$dynload" ]; then
  mkdir -p "$rootfs$dynload" && cp -a "$dynload/." "$rootfs$dynload/"
fi
# Debian's sitecustomize.py is a link into /etc.
[ -d "/etc/python$version" ] && cp -a "/etc/python$version" "$rootfs/etc/"
find "$rootfs$dynload" -name '_tkinter*.so' -delete 2>/dev/null || true

# A shell and a few commands that ordinary scripts (and the tests' grandchild processes) expect.
tools=()
for tool in sh dash sleep cat ls echo env true false id pwd head tail wc touch; do
  path="$(command -v "$tool" 2>/dev/null || true)"
  [ -n "$path" ] && [ -x "$path" ] && tools+=("$path") && install_file "$path"
done
install_libraries "$executable" "${tools[@]}" $(find "$rootfs$dynload" -name '*.so')
# Short names inside the image.
for name in python3 python "python$version"; do
  [ -e "$rootfs/usr/bin/$name" ] || ln -s "$executable" "$rootfs/usr/bin/$name"
done
[ -e "$rootfs/usr/bin/sh" ] || { [ -e "$rootfs/usr/bin/dash" ] && ln -s dash "$rootfs/usr/bin/sh"; }

# Time zones for zoneinfo and datetime code, when the host has them.
if [ -d /usr/share/zoneinfo ]; then
  mkdir -p "$rootfs/usr/share" && cp -a /usr/share/zoneinfo "$rootfs/usr/share/"
fi

cat >"$rootfs/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
sandbox:x:1000:1000:sandbox:/home/sandbox:/usr/sbin/nologin
EOF
cat >"$rootfs/etc/group" <<'EOF'
root:x:0:
nogroup:x:65534:
sandbox:x:1000:
EOF
# Files readable by everyone; only the sandbox home belongs to the sandbox user.
chmod -R a+rX "$rootfs"
chown -R 1000:1000 "$rootfs/home/sandbox"

previous="$(docker image inspect --format '{{.Id}}' "$tag" 2>/dev/null || true)"
size="$(du -sh "$rootfs" | cut -f1)"
log "root filesystem is $size; importing as $tag"
tar --numeric-owner -C "$rootfs" -cf - . | docker import \
  --change 'USER sandbox' \
  --change 'WORKDIR /home/sandbox' \
  --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' \
  --change 'ENV LANG=C.UTF-8' \
  --change 'ENV HOME=/home/sandbox' \
  --change 'CMD ["python3"]' \
  --message "executer: host Python $version assembled offline" \
  - "$tag" >/dev/null
docker run --rm --network none "$tag" python3 -I -c 'import json, sqlite3, zoneinfo, decimal, ssl; print("ok")' >/dev/null \
  || { log "$tag was built but python3 does not start in it; removing it"; docker image rm "$tag" >/dev/null 2>&1 || true; exit 1; }
# A forced rebuild leaves the old image untagged: drop it unless a container still uses it.
current="$(docker image inspect --format '{{.Id}}' "$tag")"
[ -n "$previous" ] && [ "$previous" != "$current" ] && docker image rm "$previous" >/dev/null 2>&1 || true
log "built $tag"
echo "export EXECUTER_DOCKER_IMAGE=$tag"
