#!/usr/bin/env python3
"""Checks the Debian package lists of the docs against .ci/deps.sh.

Usage: docs_packages.py SRCROOT
Each block between '<!-- poolguard-packages:KIND -->' and
'<!-- /poolguard-packages -->' in README.md and docs/ci.md must name exactly
the packages of poolguard_KIND_packages 19 in .ci/deps.sh (the words of its
code lines that look like package names, after 'apt-get install' and its
options). Prints one line per block and exits 1 on a difference.
"""
import os
import re
import subprocess
import sys

root = sys.argv[1]
expected = {}
for kind in ("build", "test"):
    out = subprocess.run(
        ["bash", "-c", ". .ci/deps.sh; poolguard_%s_packages 19" % kind],
        cwd=root, stdout=subprocess.PIPE, check=True, text=True).stdout
    expected[kind] = set(out.split())

failed = 0
checked = 0
block = re.compile(r"<!-- poolguard-packages:(\w+) -->(.*?)<!-- /poolguard-packages -->",
                   re.S)
for doc in ("README.md", "docs/ci.md"):
    with open(os.path.join(root, doc)) as f:
        text = f.read()
    for kind, body in block.findall(text):
        words = set()
        for line in body.splitlines():
            line = line.strip().rstrip("\\")
            if line.startswith("<!--"):
                continue  # a doctest marker, not a package list
            line = re.sub(r"^.*apt-get install", "", line)
            words |= {w for w in line.split()
                      if re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", w)}
        checked += 1
        if words == expected[kind]:
            print("%s %s: ok" % (doc, kind))
        else:
            failed = 1
            print("%s %s: missing %s, extra %s" % (
                doc, kind, sorted(expected[kind] - words),
                sorted(words - expected[kind])))
print("%d lists checked" % checked)
sys.exit(failed)
