"""Runs a poolguard command (argv[2:]) with three scratch directories of
other runs in the cache directory argv[1], whose pids (above any pid_max)
are not alive here, as for runs in another PID namespace:
  held: its owner.lock is locked by a live process (this script);
  free: its owner.lock is not locked (the run is gone);
  new:  no owner.lock yet and just made (a run that has not locked it yet).
Prints the scratch directories left after the command."""
import fcntl
import os
import subprocess
import sys

cache = sys.argv[1]
os.makedirs(cache, exist_ok=True)
dirs = {name: os.path.join(cache, "poolguard-scratch-%d-%s" % (pid, name))
        for pid, name in ((999999991, "held"), (999999992, "free"),
                          (999999993, "new"))}
for d in dirs.values():
    os.makedirs(d)
for name in ("held", "free"):
    open(os.path.join(dirs[name], "owner.lock"), "w").close()
held = open(os.path.join(dirs["held"], "owner.lock"))
fcntl.flock(held, fcntl.LOCK_EX)
subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL)
held.close()
for name in sorted(n for n in os.listdir(cache)
                   if n.startswith("poolguard-scratch-")):
    print("left:", name)
