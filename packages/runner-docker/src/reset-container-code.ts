/**
 * Python run (unguarded, in the harness's forked child) after every run on a warm container, so
 * nothing one run leaves behind is seen by the next: it kills every process of the container but
 * init, the harness and itself (a daemon the code may have started), and empties the writable
 * folders without crossing into a configured mount (the host's files are never the reset's to
 * delete). Exits 1 if something could not be removed, and the container is then replaced.
 * It imports nothing beyond `os` (already loaded): the image has no bytecode caches, and compiling
 * a module from source on every reset would cost milliseconds.
 */
export const resetContainerCode = `
import os
def control_groups(pid):
    try:
        with open("/proc/%s/cgroup" % pid) as lines:
            return lines.read()
    except OSError:
        return None
# Only this container's processes: with pid_mode "host" /proc lists the whole machine, and the
# container's control groups are what tell its processes apart from everyone else's.
mine = control_groups("self")
keep = {1, os.getpid(), os.getppid()}
def strays():
    return [int(name) for name in os.listdir("/proc") if name.isdigit() and int(name) not in keep and control_groups(name) == mine]
def running(pid):
    try:
        with open("/proc/%d/stat" % pid) as stat:
            return stat.read().rpartition(")")[2].split()[0] != "Z"
    except OSError:
        return False
# A daemon may fork while it is being killed: repeat until none is left running (bounded).
for attempt in range(50) if mine else []:
    alive = [pid for pid in strays() if running(pid)]
    if not alive:
        break
    for pid in alive:
        try:
            os.kill(pid, 9)
        except OSError:
            pass
    import time
    time.sleep(0.002)
def clear(folder, device):
    """Empties a folder of this container's own file system; never crosses into a mount."""
    left = 0
    for entry in os.scandir(folder):
        try:
            if entry.stat(follow_symlinks=False).st_dev != device:
                continue
            if entry.is_dir(follow_symlinks=False):
                left += clear(entry.path, device)
                os.rmdir(entry.path)
            else:
                os.unlink(entry.path)
        except OSError:
            left += 1
    return left
left = 0
for root in ("/tmp", "/dev/shm"):
    try:
        left += clear(root, os.stat(root).st_dev)
    except OSError:
        pass
raise SystemExit(1 if left else 0)
`;
