"""Writes a copy of a facts cache entry with the stamps of one dependency
(or the entry's readAfter time) corrupted, for cache-stamps.test.

    entry.py SAVED CACHE DEPENDENCY MODE

SAVED is the entry as poolguard wrote it, CACHE the cache directory (its one
entry is replaced), and DEPENDENCY the end of the path of the dependency to
corrupt.
"""
import glob
import json
import os
import sys

saved, cache, dep, mode = sys.argv[1:5]
entries = glob.glob(os.path.join(cache, "*.json"))
assert len(entries) == 1, entries
entry = entries[0]
with open(saved) as f:
    j = json.load(f)
deps = j["deps"]
files = [f for f in deps["files"] if f[0].endswith(dep)]
assert len(files) == 1 and len(files[0]) == 4, files
f = files[0]
if mode == "none":
    pass
elif mode == "size-string":
    f[2] = str(f[2])
elif mode == "size-negative":
    f[2] = -1
elif mode == "mtime-float":
    f[3] = f[3] + 0.5
elif mode == "mtime-huge":
    f[3] = 2**64 + 5
elif mode == "mtime-null":
    f[3] = None
elif mode == "short":
    del f[2:]
elif mode == "long":
    f.append(0)
elif mode == "read-after-missing":
    del deps["readAfter"]
elif mode == "read-after-string":
    deps["readAfter"] = "soon"
elif mode == "read-after-future":
    deps["readAfter"] = 2**63 - 1
elif mode == "read-after-min":
    deps["readAfter"] = -2**63
else:
    raise SystemExit("unknown mode " + mode)
with open(entry, "w") as out:
    json.dump(j, out)
