#!/usr/bin/env python3
"""Kills or fails `poolguard --fix` at every system call of a kind, in turn.

Usage: kill_fix.py --poolguard BIN --project DIR --file REL --fixed FILE
                   --mode kill|fail --syscalls write,chmod,rename
       kill_fix.py --poolguard BIN --project DIR --file REL --fixed FILE
                   --mode edit --edited-fixed FILE2 [--stop-at SYSCALL]

For each system call S and N = 1, 2, ... the project is copied afresh and
`poolguard -p COPY --fix --no-index` (the fix's writes only) runs under
`strace -e inject=S:{signal=KILL|error=ENOSPC (write) or EIO}:when=N`, so the
N-th call S of poolguard (not its workers) is the one that dies or fails,
until a run no longer reaches an N-th call. After every run the fixed file
must be byte for byte either the original or the fully fixed text (FILE),
never anything else; a killed run must be recovered by a second --fix; with
--mode fail a failed write must leave no temporary file and name the file in
its error. Prints one line per kind of outcome seen (sorted), and exits 1 at
the first violation.

--mode edit stops poolguard (SIGSTOP) at its N-th open of the file, prepends a
line to the file as an editor saving it would, and lets it go on: the file
must end as the edited text left alone (with an error: it changed since it
was analyzed) or as the edited text correctly fixed (FILE2: when the edit
came before the analysis), never with fixes at stale offsets. With
--stop-at SYSCALL it stops poolguard at its N-th call SYSCALL instead (e.g.
fchmod: the fixed text is already in the temporary file, the rename is next),
which shows the edit is never overwritten by the rename.
"""

import argparse
import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--poolguard", required=True)
    ap.add_argument("--project", required=True)
    ap.add_argument("--file", required=True)
    ap.add_argument("--fixed", required=True)
    ap.add_argument("--mode", choices=["kill", "fail", "edit"], required=True)
    ap.add_argument("--syscalls", default="")
    ap.add_argument("--edited-fixed")
    ap.add_argument("--stop-at", default="")
    ap.add_argument("--max", type=int, default=200)
    args = ap.parse_args()

    with open(os.path.join(args.project, args.file), "rb") as f:
        original = f.read()
    with open(args.fixed, "rb") as f:
        fixed = f.read()
    if original == fixed:
        sys.exit("kill_fix.py: the fixed text equals the original")
    seen = set()
    runs = 0
    scratch = tempfile.mkdtemp(prefix="kill-fix-")
    try:
        if args.mode == "edit":
            with open(args.edited_fixed, "rb") as f:
                edited_fixed = f.read()
            status = run_edits(args, original, fixed, edited_fixed, scratch,
                               seen)
            if status < 0:
                return 1
            runs += status
        for syscall in filter(None, args.syscalls.split(",")):
            status = run_syscall(args, syscall, original, fixed, scratch, seen)
            if status < 0:
                return 1
            runs += status
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for line in sorted(seen):
        print(line)
    print("%d runs" % runs)
    return 0


EDIT = b"// saved by an editor during the run\n"


def copy_project(args, work):
    shutil.copytree(args.project, work)
    db = os.path.join(work, "compile_commands.json")
    with open(db) as f:
        text = f.read().replace(args.project, work)
    with open(db, "w") as f:
        f.write(text)


def child_pid(pid):
    """The one child of process pid (the program strace runs), or None."""
    try:
        with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
            return int(f.read().split()[0])
    except (OSError, IndexError, ValueError):
        return None


def run_edits(args, original, fixed, edited_fixed, scratch, seen):
    """Edits the file while poolguard is stopped at each of its opens of it
    (poolguard's own opens: the workers that parse it hash the very bytes
    they parse)."""
    edited = EDIT + original
    for n in range(1, args.max + 1):
        work = os.path.join(scratch, "edit%d" % n)
        copy_project(args, work)
        target = os.path.join(work, args.file)
        log = os.path.join(scratch, "strace%d.log" % n)
        out_path = os.path.join(scratch, "out%d.txt" % n)
        err_path = os.path.join(scratch, "err%d.txt" % n)
        with open(out_path, "wb") as out, open(err_path, "wb") as errf:
            if args.stop_at:
                stop = ["-e", "trace=" + args.stop_at,
                        "-e", "inject=%s:signal=STOP:when=%d" %
                        (args.stop_at, n)]
            else:
                stop = ["-P", target, "-e", "trace=openat",
                        "-e", "inject=openat:signal=STOP:when=%d" % n]
            proc = subprocess.Popen(
                ["strace", "-qq", "-o", log] + stop +
                [args.poolguard, "-p", work, "--fix", "--no-cache", "--no-index", "--quiet"],
                stdout=out, stderr=errf)
        edited_now = False
        deadline = time.monotonic() + 120
        while proc.poll() is None:
            if time.monotonic() > deadline:
                proc.kill()
                print("FAIL: edit open %d: poolguard did not finish" % n)
                return -1
            # strace logs the group-stop once poolguard is stopped.
            trace = ""
            if os.path.exists(log):
                with open(log, errors="replace") as f:
                    trace = f.read()
            pid = child_pid(proc.pid)
            if "stopped by SIGSTOP" in trace and pid:
                with open(target, "wb") as f:
                    f.write(edited)
                edited_now = True
                os.kill(pid, signal.SIGCONT)
                break
            time.sleep(0.01)
        try:
            proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            print("FAIL: edit open %d: poolguard did not finish" % n)
            return -1
        with open(err_path, "rb") as f:
            err = f.read().decode(errors="replace")
        with open(target, "rb") as f:
            now = f.read()
        if not edited_now:
            if now != fixed:
                print("FAIL: edit open %d: not stopped, yet %s is not fixed" %
                      (n, args.file))
                return -1
            seen.add("edit: ran to the end, %s fixed" % args.file)
            return n
        if now == edited and "changed since it was analyzed" in err:
            if proc.returncode != 2:
                print("FAIL: edit open %d: refused with exit %d" %
                      (n, proc.returncode))
                return -1
            seen.add("edited after the analysis: exit 2, %s, %s edited, not "
                     "fixed" % (err.strip().replace(work + "/", ""), args.file))
        elif now == edited and proc.returncode in (0, 1):
            # The fix was written before the edit; the editor's save wins.
            seen.add("edited after the fix was written: %s as edited" %
                     args.file)
        elif now == edited_fixed:
            seen.add("edited before the analysis: %s edited and fixed" %
                     args.file)
        else:
            print("FAIL: edit open %d: %s is neither the edited text nor the "
                  "edited text fixed (exit %d): %s" %
                  (n, args.file, proc.returncode, err))
            return -1
        shutil.rmtree(work)
    print("FAIL: still stopping after %d opens" % args.max)
    return -1


def run_syscall(args, syscall, original, fixed, scratch, seen):
    """Runs the N-th-call loop for one system call; returns the number of
    runs, or -1 after printing a violation."""
    if args.mode == "kill":
        action = "signal=KILL"
    else:
        action = "error=" + ("ENOSPC" if syscall == "write" else "EIO")
    for n in range(1, args.max + 1):
        work = os.path.join(scratch, "%s%d" % (syscall, n))
        copy_project(args, work)
        run = subprocess.run(
            ["strace", "-qq", "-o", "/dev/null",
             "-e", "trace=" + syscall,
             "-e", "inject=%s:%s:when=%d" % (syscall, action, n),
             args.poolguard, "-p", work, "--fix", "--no-cache", "--no-index", "--quiet"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        target = os.path.join(work, args.file)
        with open(target, "rb") as f:
            now = f.read()
        temps = glob.glob(os.path.join(os.path.dirname(target),
                                       ".*.poolguard-*.tmp"))
        killed = run.returncode in (137, -9)
        state = ("original" if now == original else
                 "fixed" if now == fixed else None)
        if state is None:
            print("FAIL: %s call %d: %s is neither the original nor the fixed "
                  "text (exit %d)" % (syscall, n, args.file, run.returncode))
            return -1
        stderr = run.stderr.decode(errors="replace")
        if args.mode == "kill":
            if temps and state == "fixed":
                print("FAIL: %s call %d: the temporary file outlived the "
                      "rename" % (syscall, n))
                return -1
            if killed and temps:
                size = os.path.getsize(temps[0])
                part = ("complete" if size == len(fixed) else
                        "empty" if size == 0 else "partial")
                seen.add("killed at %s: %s temporary file left, %s %s" %
                         (syscall, part, args.file, state))
            elif killed:
                seen.add("killed at %s: no temporary file, %s %s" %
                         (syscall, args.file, state))
        else:
            if temps:
                print("FAIL: %s call %d: a temporary file was left after a "
                      "failed write: %s" % (syscall, n, temps))
                return -1
            if "cannot write '%s'" % target in stderr:
                if state != "original" or run.returncode != 2:
                    print("FAIL: %s call %d: failed write but %s is %s, exit "
                          "%d" % (syscall, n, args.file, state, run.returncode))
                    return -1
                seen.add("failed at %s: exit 2, %s, %s original" %
                         (syscall, stderr.strip().replace(work + "/", ""),
                          args.file))
        if not killed and (args.mode == "kill" or
                           "cannot write" not in stderr):
            if state == "fixed" and run.returncode in (0, 1):
                seen.add("%s: ran to the end, %s fixed" % (syscall, args.file))
                break
            seen.add("%s call %d: exit %d, %s %s" %
                     (syscall, n, run.returncode, args.file, state))
        # A killed run is recovered by running --fix again.
        if killed:
            subprocess.run([args.poolguard, "-p", work, "--fix",
                            "--no-cache", "--quiet"],
                           stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            with open(target, "rb") as f:
                if f.read() != fixed:
                    print("FAIL: %s call %d: a second --fix did not recover "
                          "%s" % (syscall, n, args.file))
                    return -1
        shutil.rmtree(work)
    else:
        print("FAIL: still injecting %s after %d calls" % (syscall, args.max))
        return -1
    return n


if __name__ == "__main__":
    sys.exit(main())
