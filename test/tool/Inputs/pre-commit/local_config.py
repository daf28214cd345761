#!/usr/bin/env python3
"""Writes a .pre-commit-config.yaml with a `repo: local` copy of every hook
of a .pre-commit-hooks.yaml manifest, so the tests run the hook exactly as
declared (pre-commit's own `try-repo` needs a git checkout of poolguard).
Usage: local_config.py MANIFEST OUTPUT"""
import sys

import yaml

with open(sys.argv[1], encoding="utf-8") as f:
    hooks = yaml.safe_load(f)
config = {"repos": [{"repo": "local", "hooks": hooks}]}
with open(sys.argv[2], "w", encoding="utf-8") as f:
    yaml.safe_dump(config, f, sort_keys=False)
