#!/usr/bin/env python3
"""Runs poolguard with its outputs pointed at files that are not plain files,
all inside a private directory, and prints one line per case.

Usage: special_outputs.py POOLGUARD DIR [--devices] -- ARGS...
ARGS run poolguard on a project (e.g. -p DB --no-cache); DIR is a scratch
directory the cases are made in. With --devices (root only) the cases are
device nodes made with mknod in DIR, and a read-only file; the system's /dev
is never used.
"""
import os
import stat
import subprocess
import sys
import threading


def run(cmd, **kw):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=120, **kw)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def kind(path):
    m = os.lstat(path).st_mode
    for test, name in ((stat.S_ISLNK, "symlink"), (stat.S_ISFIFO, "fifo"),
                       (stat.S_ISCHR, "char device"), (stat.S_ISDIR, "dir"),
                       (stat.S_ISREG, "regular file")):
        if test(m):
            return name
    return "other"


def main():
    pg, d = sys.argv[1], sys.argv[2]
    args = sys.argv[sys.argv.index("--") + 1:]
    base = [pg] + args
    if "--devices" in sys.argv[3:sys.argv.index("--")]:
        return devices(base, d)

    # The report written the ordinary way, to compare with.
    rc, expected, err = run(base + ["--quiet"])
    print("stdout report: exit %d, %d bytes" % (rc, len(expected)))

    # A FIFO with a reader: written in place, still a FIFO.
    fifo = os.path.join(d, "fifo")
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(
        target=lambda: got.append(open(fifo, "rb").read().decode()))
    reader.start()
    rc, out, err = run(base + ["--quiet", "--output=" + fifo])
    reader.join(60)
    print("fifo with a reader: exit %d, %s, report %s" %
          (rc, kind(fifo), "matches" if got == [expected] else "differs"))

    # A FIFO nobody reads: an error, never a hang.
    rc, out, err = run(base + ["--quiet", "--output=" + fifo])
    print("fifo without a reader: exit %d, %s, %s" %
          (rc, kind(fifo), err.strip().replace(d + "/", "")))

    # A symlink to this process's stdout (/dev/stdout is one): the report
    # goes to stdout, the link stays.
    link = os.path.join(d, "stdout")
    os.symlink("/proc/self/fd/1", link)
    with open(os.path.join(d, "captured.txt"), "wb") as cap:
        p = subprocess.run(base + ["--quiet", "--output=" + link],
                           stdout=cap, stderr=subprocess.PIPE, timeout=120)
    with open(os.path.join(d, "captured.txt")) as f:
        captured = f.read()
    print("symlink to stdout: exit %d, %s, report %s" %
          (p.returncode, kind(link),
           "matches" if captured == expected else "differs"))

    # A symlink to a regular file: the file is replaced, the link stays.
    real = os.path.join(d, "real.txt")
    with open(real, "w") as f:
        f.write("old\n")
    link = os.path.join(d, "report-link")
    os.symlink("real.txt", link)
    rc, out, err = run(base + ["--quiet", "--output=" + link])
    with open(real) as f:
        print("symlink to a file: exit %d, %s, target %s" %
              (rc, kind(link),
               "has the report" if f.read() == expected else "differs"))

    # A dangling symlink: refused.
    dangling = os.path.join(d, "dangling")
    os.symlink("missing/report.txt", dangling)
    rc, out, err = run(base + ["--quiet", "--output=" + dangling])
    print("dangling symlink: exit %d, %s, %s" %
          (rc, kind(dangling), err.strip().replace(d + "/", "")))

    # A hard-linked report: both names see it.
    one, two = os.path.join(d, "one.txt"), os.path.join(d, "two.txt")
    with open(one, "w") as f:
        f.write("old\n")
    os.link(one, two)
    rc, out, err = run(base + ["--quiet", "--output=" + one])
    with open(two) as f:
        print("hard link: exit %d, %d links, other name %s" %
              (rc, os.stat(one).st_nlink,
               "has the report" if f.read() == expected else "differs"))

    # A directory: refused.
    rc, out, err = run(base + ["--quiet", "--output=" + d])
    print("directory: exit %d, %s" % (rc, err.strip().replace(d, "DIR")))

    return 0


def devices(base, d):
    rc, expected, err = run(base + ["--quiet"])
    # Device nodes, made here: a null device (1,3) and a full one (1,7).
    null, full = os.path.join(d, "null"), os.path.join(d, "full")
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    for opt in ("--output", "--write-index", "--export-fixes",
                "--write-baseline"):
        rc, out, err = run(base + ["--quiet", opt + "=" + null])
        print("%s to a null device: exit %d, %s" % (opt, rc, kind(null)))
    rc, out, err = run(base + ["--quiet", "--facts-out=" + null])
    print("--facts-out to a null device: exit %d, %s" % (rc, kind(null)))
    rc, out, err = run(base + ["--quiet", "--output=" + full])
    print("full device: exit %d, %s, %s" %
          (rc, kind(full), err.strip().replace(d + "/", "")))
    # Read-only for root too: no write bit.
    ro = os.path.join(d, "readonly.txt")
    with open(ro, "w") as f:
        f.write("old\n")
    os.chmod(ro, 0o444)
    rc, out, err = run(base + ["--quiet", "--output=" + ro])
    with open(ro) as f:
        print("read-only file: exit %d, %s, %s" %
              (rc, "untouched" if f.read() == "old\n" else "rewritten",
               err.strip().replace(d + "/", "")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
