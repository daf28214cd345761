"""Writes a copy of a facts cache entry with the stamp of one dependency (or
the time the entry's files were read after) corrupted, for
cache-stamps.test.

    entry.py SAVED CACHE DEPENDENCY MODE

SAVED is the entry as poolguard wrote it, CACHE the cache directory (its one
entry is replaced), and DEPENDENCY the end of the path of the dependency to
corrupt. An entry is the result's JSON on one line, then NUL-terminated
fields: the time, then path, hash, size and time of each file
(tool/Results.h).
"""
import glob
import os
import sys

saved, cache, dep, mode = sys.argv[1:5]
entries = glob.glob(os.path.join(cache, "*.json"))
assert len(entries) == 1, entries
with open(saved, "rb") as f:
    result, deps = f.read().split(b"\n", 1)
fields = deps.split(b"\0")
assert fields[-1] == b"" and (len(fields) - 2) % 4 == 0, fields
files = [i for i in range(1, len(fields) - 1, 4)
         if fields[i].endswith(dep.encode())]
assert len(files) == 1 and fields[files[0] + 2], files
size, mtime = files[0] + 2, files[0] + 3
if mode == "none":
    pass
elif mode == "size-text":
    fields[size] = b"twelve"
elif mode == "size-negative":
    fields[size] = b"-" + fields[size]
elif mode == "size-hex":
    fields[size] = b"0x" + fields[size]
elif mode == "mtime-fraction":
    fields[mtime] += b".5"
elif mode == "mtime-huge":
    fields[mtime] = b"99999999999999999999"
elif mode == "mtime-empty":
    fields[mtime] = b""
elif mode == "read-after-empty":
    fields[0] = b""
elif mode == "read-after-text":
    fields[0] = b"soon"
elif mode == "read-after-future":
    fields[0] = b"9223372036854775807"
elif mode == "read-after-min":
    fields[0] = b"-9223372036854775808"
else:
    raise SystemExit("unknown mode " + mode)
with open(entries[0], "wb") as out:
    out.write(result + b"\n" + b"\0".join(fields))
