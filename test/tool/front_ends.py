#!/usr/bin/env python3
"""Runs the standalone tool and the clang-tidy plugin over one compile database
and prints the cross-TU findings of each, normalized, then whether they agree.

Usage: front_ends.py --poolguard=P --clang-tidy=T --plugin=SO -p DIR
                     [--config=YAML] [--header-filter-from-config]

The tool runs once over every TU and writes the facts index; clang-tidy then
runs with the plugin on each TU with that index (IndexFile) and every header
shown (--header-filter=.*), unless --header-filter-from-config leaves that to
the configuration (HeaderFilterRegex, ExcludeHeaderFilterRegex in --config). --config is given to both (the tool's --config
and clang-tidy's), with IndexFile added for clang-tidy. Each finding becomes
one line 'file:line:col: severity: message [check]' (paths relative to DIR,
clang-tidy's ',-warnings-as-errors' dropped), sorted and deduplicated (a
finding in a header is reported by each TU that includes it). Prints
'tool: LINE' and 'plugin: LINE' lines, then 'SAME' or 'DIFFERENT'; exits 1
when different.
"""
import argparse
import json
import os
import re
import subprocess
import sys

CROSS_TU = ("poolguard-connection-budget", "poolguard-duplicate-pooled-provider",
            "poolguard-repeated-pool")
LINE = re.compile(r"^(?P<file>[^ :]+):(?P<line>\d+):(?P<col>\d+): "
                  r"(?P<sev>warning|error): (?P<msg>.*) \[(?P<check>[^\]]+)\]$")


def normalize(text, root, base):
    out = set()
    for raw in text.splitlines():
        m = LINE.match(raw.strip())
        if not m:
            continue
        check = m.group("check").replace(",-warnings-as-errors", "")
        if check not in CROSS_TU:
            continue
        path = os.path.relpath(
            os.path.realpath(os.path.join(base, m.group("file"))), root)
        out.add("%s:%s:%s: %s: %s [%s]" % (path, m.group("line"), m.group("col"),
                                           m.group("sev"), m.group("msg"), check))
    return sorted(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--poolguard", required=True)
    ap.add_argument("--clang-tidy", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("-p", dest="db", required=True)
    ap.add_argument("--config", default="")
    ap.add_argument("--header-filter-from-config", action="store_true")
    args = ap.parse_args()
    root = os.path.realpath(args.db)
    checks = "-*," + ",".join(CROSS_TU)
    index = os.path.join(args.db, "front-ends-index.json")

    tool_cmd = [args.poolguard, "-p", args.db, "--quiet", "--no-cache",
                "--checks=" + checks, "--write-index=" + index]
    if args.config:
        tool_cmd.append("--config=" + args.config)
    tool = subprocess.run(tool_cmd, capture_output=True, text=True)
    if tool.returncode not in (0, 1):
        sys.stderr.write(tool.stdout + tool.stderr)
        sys.exit("front_ends: the tool exited with %d" % tool.returncode)

    config = args.config.strip() or "{}"
    inner = config[1:-1].strip() if config.startswith("{") else ""
    # IndexFile joins the CheckOptions of --config (a flow mapping).
    opts = "IndexFile: '%s'" % index
    m = re.search(r"CheckOptions:\s*\{(.*?)\}", inner)
    if m:
        inner = inner[:m.start(1)] + opts + ", " + m.group(1) + inner[m.end(1):]
    else:
        inner = ("CheckOptions: {%s}" % opts) + (", " + inner if inner else "")
    plugin_lines = set()
    with open(os.path.join(args.db, "compile_commands.json")) as f:
        files = sorted({(e["directory"], os.path.join(e["directory"], e["file"]))
                        for e in json.load(f)})
    for directory, tu in files:
        proc = subprocess.run(
            [args.clang_tidy, "--load=" + args.plugin, "--checks=" + checks]
            + ([] if args.header_filter_from_config else ["--header-filter=.*"])
            + ["--config={%s}" % inner, "-p", args.db, tu],
            capture_output=True, text=True)
        plugin_lines.update(normalize(proc.stdout, root, directory))

    tool_lines = normalize(tool.stdout, root, os.getcwd())
    for l in tool_lines:
        print("tool: " + l)
    for l in sorted(plugin_lines):
        print("plugin: " + l)
    same = tool_lines == sorted(plugin_lines)
    print("SAME" if same else "DIFFERENT")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
