#!/usr/bin/env python3
"""poolguard's version of clang-tidy's check_clang_tidy.py.

Usage (from a lit RUN line):
  %check_tidy [-check-suffix=S | -check-suffixes=A,B] [-expect-no-fixes]
              <source> <check-names> <temp> [-- <clang-tidy args> [-- <clang args>]]

What it enforces, as upstream does:
  * CHECK-* lines are blanked to '//' in the copy that is analyzed, so line
    numbers hold;
  * clang-tidy runs with -fix, --checks=-*,<checks> and --config={} unless a
    -config is given, with -nostdinc++ and the mock headers (-isystem);
  * messages are FileChecked with -implicit-check-not={{warning|error}}: so
    every warning must be expected; a file with no CHECK-MESSAGES/CHECK-NOTES
    line asserts that there are no diagnostics;
  * the fixed file is FileChecked against CHECK-FIXES (full-line matches);
    without CHECK-FIXES the fixed file must equal the input.

With --poolguard, the standalone tool also analyzes the input with the same
checks, configuration and compiler arguments, and its findings must be
clang-tidy's (the two front ends share one reporting path, issue 13): the
same warnings and errors of poolguard's checks at the same line and column,
with the same message and severity; a configuration clang-tidy refuses is
refused by the tool too (exit 2). With POOLGUARD_VERIFY_SKIP_BODIES=1 in the
environment (lit sets it), the tool parses each TU with and without library
function bodies: a difference between the two fails the test.
"""
import argparse
import json
import os
import re
import subprocess
import sys


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, **kw)


def run_tool(args, source, tidy_args, compiler_args):
    """The standalone tool on the input, as clang-tidy is run on it: its exit
    code and its findings of poolguard's checks as (line, column, severity,
    message, check). With POOLGUARD_VERIFY_SKIP_BODIES=1 (lit sets it) each
    TU is parsed with and without library function bodies, and any
    difference fails the test."""
    config = ["-" + a.lstrip("-") for a in tidy_args if a.lstrip("-").startswith("config")]
    cmd = [args.poolguard, "--no-cache", "--quiet", "--format=json",
           "--checks=-*," + args.checks, source] + config + ["--"] + compiler_args
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         universal_newlines=True)
    if "skipping function bodies changed the result" in res.stdout + res.stderr or \
            res.returncode not in (0, 1, 2, 3):
        print(" ".join(cmd))
        print(res.stdout + res.stderr)
        sys.exit("poolguard's result depends on skipping function bodies")
    if res.returncode == 2:
        return res.returncode, res.stderr, set()
    findings = set()
    for d in json.loads(res.stdout)["diagnostics"]:
        if d["check"].startswith("poolguard-") and \
                os.path.realpath(d["file"]) == os.path.realpath(source):
            findings.add((d["line"], d["column"], d["severity"], d["message"],
                          d["check"]))
    return res.returncode, res.stderr, findings


def tidy_findings(output, source):
    """clang-tidy's warnings and errors of poolguard's checks in \p source, in
    run_tool's shape."""
    findings = set()
    pattern = re.compile(r"^(.*):(\d+):(\d+): (warning|error): (.*) \[([^\]]+)\]$")
    for line in output.splitlines():
        m = pattern.match(line)
        if not m or not m.group(6).startswith("poolguard-"):
            continue
        if os.path.realpath(m.group(1)) != os.path.realpath(source):
            continue
        findings.add((int(m.group(2)), int(m.group(3)), m.group(4), m.group(5),
                      m.group(6).split(",")[0]))
    return findings


def compare_front_ends(tool, tidy_returncode, tidy_output, source):
    """The tool and the clang-tidy plugin agree on \p source."""
    code, stderr, found = tool
    if code == 2 or tidy_returncode != 0 and "error: " in tidy_output and \
            not tidy_findings(tidy_output, source):
        # A configuration error: both refuse, or neither does.
        if (code == 2) != (tidy_returncode != 0):
            print("------ clang-tidy output ------\n" + tidy_output)
            print("------ poolguard stderr ------\n" + stderr)
            sys.exit("the tool and the plugin disagree on the configuration")
        return
    expected = tidy_findings(tidy_output, source)
    if found != expected:
        for f in sorted(expected - found):
            print("only clang-tidy: %d:%d: %s: %s [%s]" % f)
        for f in sorted(found - expected):
            print("only poolguard:  %d:%d: %s: %s [%s]" % f)
        sys.exit("the tool and the clang-tidy plugin report different findings")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--headers", required=True)
    parser.add_argument("--poolguard")
    parser.add_argument("-check-suffix", "-check-suffixes", default="",
                        dest="suffixes")
    parser.add_argument("-expect-clang-tidy-error", action="store_true")
    parser.add_argument("-std", default="c++17")
    parser.add_argument("source")
    parser.add_argument("checks")
    parser.add_argument("temp")
    argv = sys.argv[1:]
    rest = []
    if "--" in argv:
        i = argv.index("--")
        argv, rest = argv[:i], argv[i + 1:]
    args = parser.parse_args(argv)

    tidy_args, clang_args = rest, []
    if "--" in rest:
        i = rest.index("--")
        tidy_args, clang_args = rest[:i], rest[i + 1:]

    suffixes = [s for s in args.suffixes.split(",") if s] or [""]
    with open(args.source, encoding="utf-8") as f:
        text = f.read()

    # Blank every CHECK line so the analyzed copy keeps its line numbers.
    cleaned = re.sub(r"//\s*CHECK-[A-Z0-9\-]*:[^\r\n]*", "//", text)

    ext = os.path.splitext(args.source)[1] or ".cpp"
    temp = args.temp + ext
    os.makedirs(os.path.dirname(os.path.abspath(temp)), exist_ok=True)
    with open(temp, "w", encoding="utf-8") as f:
        f.write(cleaned)

    if not any(a.startswith("-config") or a.startswith("--config") for a in tidy_args):
        tidy_args = ["--config={}"] + tidy_args
    compiler_args = ["-std=" + args.std, "-nostdinc++", "-isystem", args.headers] + clang_args
    tool = run_tool(args, temp, tidy_args, compiler_args) if args.poolguard else None
    cmd = [args.clang_tidy, "--load=" + args.plugin, "-fix",
           "--checks=-*," + args.checks, temp] + tidy_args + ["--"] + compiler_args
    res = run(cmd)
    output = res.stdout
    if tool:
        compare_front_ends(tool, res.returncode, output, temp)
    if args.expect_clang_tidy_error:
        if res.returncode == 0:
            print(output)
            sys.exit("expected clang-tidy to fail")
    elif res.returncode != 0:
        print(" ".join(cmd))
        print(output)
        sys.exit("clang-tidy failed with exit code %d" % res.returncode)

    with open(temp, encoding="utf-8") as f:
        fixed = f.read()

    for suffix in suffixes:
        tag = "-" + suffix if suffix else ""
        msg_prefix = "CHECK-MESSAGES" + tag
        notes_prefix = "CHECK-NOTES" + tag
        fix_prefix = "CHECK-FIXES" + tag
        has_msgs = re.search(r"\b%s:" % re.escape(msg_prefix), text)
        has_notes = re.search(r"\b%s:" % re.escape(notes_prefix), text)
        has_fixes = re.search(r"\b%s:" % re.escape(fix_prefix), text)

        # Diagnostics of the analyzed file only; strip the temp path prefix.
        diag_lines = []
        for line in output.splitlines():
            if line.startswith(temp + ":"):
                diag_lines.append(line[len(temp):])
            elif re.match(r"^\S+:\d+:\d+: (warning|error|note):", line):
                diag_lines.append(line)
        msgs = "\n".join(diag_lines) + "\n"

        if has_msgs or has_notes:
            prefix = notes_prefix if has_notes else msg_prefix
            implicit = "{{note|warning|error}}:" if has_notes else "{{warning|error}}:"
            check_input = msgs if has_notes else "\n".join(
                l for l in diag_lines if ": note:" not in l) + "\n"
            fc = subprocess.run([args.filecheck, args.source, "--check-prefix=" + prefix,
                                 "-implicit-check-not=" + implicit],
                                input=check_input, universal_newlines=True)
            if fc.returncode != 0:
                print("------ clang-tidy output ------\n" + output)
                sys.exit(1)
        else:
            bad = [l for l in diag_lines if re.search(r": (warning|error):", l)]
            if bad and not args.expect_clang_tidy_error:
                print("------ clang-tidy output ------\n" + output)
                sys.exit("unexpected diagnostics in a file with no CHECK-MESSAGES")

        if has_fixes:
            fc = subprocess.run([args.filecheck, args.source, "--check-prefix=" + fix_prefix,
                                 "-strict-whitespace", "--match-full-lines"],
                                input=fixed, universal_newlines=True)
            if fc.returncode != 0:
                print("------ fixed file ------\n" + fixed)
                sys.exit(1)
        elif fixed != cleaned:
            print("------ fixed file ------\n" + fixed)
            sys.exit("the file was changed by fixes, but it has no CHECK-FIXES")


if __name__ == "__main__":
    main()
