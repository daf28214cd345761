"""Rewrites a poolguard JSON file (a facts file or a cache entry) in place
to make it hostile: deeply nested or with a field of the wrong type.
  corrupt.py FILE deep-facts|failed-string
"""
import sys

path, how = sys.argv[1], sys.argv[2]
text = open(path).read()
if how == "deep-facts":
    # The facts' version becomes 100000 nested arrays (200 KB).
    old = '"version":1}'
    new = '"version":' + "[" * 100000 + "]" * 100000 + "}"
elif how == "failed-string":
    old, new = '"failed":false', '"failed":"yes"'
else:
    sys.exit("unknown corruption " + how)
if old not in text:
    sys.exit(path + ": '" + old + "' not found")
open(path, "w").write(text.replace(old, new, 1))
