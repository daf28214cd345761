#!/usr/bin/env python3
"""Ends a running `poolguard -p PROJECT --cache-dir CACHE` by a signal while
its workers analyze a slow TU, and prints what is left behind.

Usage: interrupt_run.py POOLGUARD PROJECT CACHE SIGNAL
SIGNAL is TERM, INT or KILL. Prints how poolguard ended, how many of its
workers are still alive a few seconds later, and how many scratch
directories are left in CACHE.
"""
import glob
import os
import signal
import subprocess
import sys
import time


def children(pid):
    try:
        with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


def alive(pid):
    """Running, not a zombie waiting for a reaper."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def main():
    pg, project, cache, name = sys.argv[1:5]
    sig = getattr(signal, "SIG" + name)
    proc = subprocess.Popen([pg, "-p", project, "--cache-dir", cache, "-j", "2",
                             "--tu-timeout=0", "--quiet"],
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    workers = []
    while time.monotonic() < deadline and proc.poll() is None:
        workers = children(proc.pid)
        if workers and glob.glob(os.path.join(cache, "poolguard-scratch-*")):
            break
        time.sleep(0.05)
    if not workers:
        proc.kill()
        print("no worker started")
        return 1
    time.sleep(0.3)
    proc.send_signal(sig)
    proc.wait(timeout=60)
    end = time.monotonic() + 5
    while time.monotonic() < end and any(alive(w) for w in workers):
        time.sleep(0.05)
    print("SIG%s: poolguard ended by signal %d" % (name, -proc.returncode)
          if proc.returncode < 0 else
          "SIG%s: poolguard exited with %d" % (name, proc.returncode))
    print("workers alive: %d of %d" %
          (sum(alive(w) for w in workers), len(workers)))
    for w in workers:
        if alive(w):
            os.kill(w, signal.SIGKILL)
    print("scratch directories left: %d" %
          len(glob.glob(os.path.join(cache, "poolguard-scratch-*"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
