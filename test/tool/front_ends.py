#!/usr/bin/env python3
"""Runs the standalone tool and the clang-tidy plugin over one compile database
and prints the cross-TU findings of each, normalized, then whether they agree.

Usage: front_ends.py --poolguard=P --clang-tidy=T --plugin=SO -p DIR
                     [--config=YAML] [--header-filter-from-config] [--merge]

The tool runs once over every TU and writes the facts index; clang-tidy then
runs with the plugin on each TU with that index (IndexFile) and every header
shown (--header-filter=.*), unless --header-filter-from-config leaves that to
the configuration (HeaderFilterRegex, ExcludeHeaderFilterRegex in --config). --config is given to both (the tool's --config
and clang-tidy's), with IndexFile added for clang-tidy. Each finding becomes
one line 'file:line:col: severity: message [check]' (paths relative to DIR,
clang-tidy's ',-warnings-as-errors' dropped), sorted and deduplicated (a
finding in a header is reported by each TU that includes it). Prints
'tool: LINE' and 'plugin: LINE' lines, then 'SAME' or 'DIFFERENT'; exits 1
when different. With --merge, the map step also runs in two shards
(--shard=K/2 --facts-out, hermetic with --path-root=DIR) that --merge
reports on, as a build system would: 'merge: LINE' lines, and 'SAME' only
when all three front ends agree.
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


def merge(args, checks):
    """The findings of --merge over the --facts-out files of two shards."""
    shards = []
    for k in (1, 2):
        shard = os.path.join(args.db, "front-ends-shard-%d.facts" % k)
        run = subprocess.run(
            [args.poolguard, "-p", args.db, "--quiet", "--no-cache",
             "--checks=" + checks, "--shard=%d/2" % k, "--facts-out=" + shard,
             "--path-root=" + args.db]
            + (["--config=" + args.config] if args.config else []),
            capture_output=True, text=True)
        if run.returncode != 0:
            sys.stderr.write(run.stdout + run.stderr)
            sys.exit("front_ends: shard %d exited with %d" % (k, run.returncode))
        shards.append(shard)
    run = subprocess.run(
        [args.poolguard, "--merge", "--quiet", "--checks=" + checks,
         "--path-root=" + args.db]
        + (["--config=" + args.config] if args.config else []) + shards,
        capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.stderr.write(run.stdout + run.stderr)
        sys.exit("front_ends: --merge exited with %d" % run.returncode)
    return normalize(run.stdout, os.path.realpath(args.db), args.db)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--poolguard", required=True)
    ap.add_argument("--clang-tidy", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("-p", dest="db", required=True)
    ap.add_argument("--config", default="")
    ap.add_argument("--header-filter-from-config", action="store_true")
    ap.add_argument("--merge", action="store_true")
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
    if args.merge:
        merge_lines = merge(args, checks)
        for l in merge_lines:
            print("merge: " + l)
        same = same and tool_lines == merge_lines
    print("SAME" if same else "DIFFERENT")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
