#!/usr/bin/env python3
"""Rewrites a --facts-out file as a hostile one would be: every diagnostic,
note and fix names TARGET instead of the analyzed file, and fixes carry no
file hash (so nothing ties them to the bytes that were analyzed).

Usage: craft.py IN OUT TARGET
"""
import json
import sys

src, dst, target = sys.argv[1:4]
with open(src) as f:
    doc = json.load(f)
for result in doc["results"]:
    for d in result["diagnostics"]:
        d["file"] = target
        for n in d.get("notes", []):
            n["file"] = target
        for fix in d.get("fixes", []):
            fix["file"] = target
            fix["fileHash"] = ""
with open(dst, "w") as f:
    json.dump(doc, f)
