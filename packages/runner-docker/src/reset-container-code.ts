/**
 * Python run (unguarded, in the harness's forked child) after every run on a warm container, so
 * nothing one run leaves behind is seen by the next: it kills every process but init, the harness
 * and itself (a daemon the code may have started), and empties the writable folders. Exits 1 if
 * something could not be removed, and the container is then replaced rather than reused.
 */
export const resetContainerCode = `
import os, shutil, signal
keep = {1, os.getpid(), os.getppid()}
for name in os.listdir("/proc"):
    if name.isdigit() and int(name) not in keep:
        try:
            os.kill(int(name), signal.SIGKILL)
        except OSError:
            pass
left = []
for root in ("/tmp", "/dev/shm"):
    try:
        entries = os.listdir(root)
    except OSError:
        continue
    for entry in entries:
        path = os.path.join(root, entry)
        try:
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            else:
                os.unlink(path)
        except OSError:
            left.append(path)
raise SystemExit(1 if left else 0)
`;
