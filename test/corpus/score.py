#!/usr/bin/env python3
"""Scores poolguard on the corpus of realistic cases (docs/accuracy.md).

Each directory of test/corpus/ is one program: its .cpp files are the
translation units, analyzed together by one poolguard run over a compile
database of them (written to a temporary directory). A finding the case
expects is marked on its line with a comment

    ... // poolguard-expect: poolguard-repeated-pool

(several checks separated by commas). A case may hold a file `flags` with
extra compiler arguments, one per line (`%headers` is the mock headers
directory); the default is -std=c++17 -nostdinc++ -isystem %headers. A file
`exit-code` names the exit code the run must end with when it is not 0 or 1
(3: a TU that does not compile).

Every finding poolguard reports in a case's files is compared with the
markers by (check, file, line): a marked finding reported is a true positive,
one not reported a false negative, a finding without a marker a false
positive. Precision and recall are computed per check and overall.

Usage:
  score.py --poolguard BIN --headers DIR [--corpus DIR] [--thresholds FILE]
           [--doc FILE] [--write-doc] [--write-thresholds] [--verbose]

With --thresholds, exits 1 when a precision or recall is below the recorded
number (a regression); --write-thresholds records the current numbers.
--doc checks (or with --write-doc rewrites) the table between the markers of
docs/accuracy.md, so the documented numbers are the measured ones.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

CORPUS = os.path.dirname(os.path.abspath(__file__))
MARKER = re.compile(r"//\s*poolguard-expect:\s*([-\w, ]+)")
BEGIN = "<!-- poolguard-accuracy -->"
END = "<!-- /poolguard-accuracy -->"


def cases(corpus):
    for name in sorted(os.listdir(corpus)):
        path = os.path.join(corpus, name)
        if os.path.isdir(path):
            yield name, path


def case_files(path, exts):
    for root, _, files in os.walk(path):
        for f in sorted(files):
            if f.endswith(exts):
                yield os.path.join(root, f)


def expected(path):
    out = set()
    for f in case_files(path, (".cpp", ".h", ".hpp")):
        rel = os.path.relpath(f, path)
        with open(f, encoding="utf-8") as fh:
            for no, line in enumerate(fh, 1):
                m = MARKER.search(line)
                if m:
                    for check in m.group(1).split(","):
                        if check.strip():
                            out.add((check.strip(), rel, no))
    return out


def flags(path, headers):
    f = os.path.join(path, "flags")
    if not os.path.exists(f):
        return ["-std=c++17", "-nostdinc++", "-isystem", headers]
    with open(f, encoding="utf-8") as fh:
        return [l.strip().replace("%headers", headers).replace("%case", path)
                for l in fh if l.strip()]


def actual(path, poolguard, headers):
    """The poolguard findings (check, file, line) in the case's files, from a
    run over a compile database of its .cpp files (so findings in headers
    are reported too); compiler errors are not findings."""
    with tempfile.TemporaryDirectory() as tmp:
        args = flags(path, headers)
        db = [{"directory": path, "file": src,
               "arguments": ["clang++"] + args + ["-c", src]}
              for src in case_files(path, (".cpp",))]
        with open(os.path.join(tmp, "compile_commands.json"), "w",
                  encoding="utf-8") as f:
            json.dump(db, f)
        # Findings in every header: the corpus scores what the checks find,
        # not clang-tidy's header filter (whose default differs between
        # LLVM versions).
        cmd = [os.path.abspath(poolguard), "-p", tmp, "--root", path,
               "--format=json", "--quiet", "--no-cache", "-j", "2",
               "--header-filter=.*"]
        r = subprocess.run(cmd, cwd=path, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, universal_newlines=True)
    allowed = {0, 1}
    code_file = os.path.join(path, "exit-code")
    if os.path.exists(code_file):  # A case with a TU that cannot compile.
        with open(code_file, encoding="utf-8") as fh:
            allowed = {int(fh.read())}
    if r.returncode not in allowed:
        sys.exit("%s: poolguard exited %d:\n%s" % (path, r.returncode, r.stderr))
    out = set()
    for d in json.loads(r.stdout)["diagnostics"]:
        rel = os.path.relpath(d["file"], path)
        if d["check"].startswith("poolguard-") and not rel.startswith(".."):
            out.add((d["check"], rel, d["line"]))
    return out


def ratio(num, den):
    return round(num / den, 3) if den else 1.0


def score(corpus, poolguard, headers, verbose):
    per_check = {}
    per_case = []
    for name, path in cases(corpus):
        exp, got = expected(path), actual(path, poolguard, headers)
        for check in {c for c, _, _ in exp | got}:
            s = per_check.setdefault(check, {"tp": 0, "fp": 0, "fn": 0})
            s["tp"] += len({x for x in exp & got if x[0] == check})
            s["fp"] += len({x for x in got - exp if x[0] == check})
            s["fn"] += len({x for x in exp - got if x[0] == check})
        per_case.append((name, len(exp & got), sorted(got - exp),
                         sorted(exp - got)))
        if verbose:
            for x in sorted(got - exp):
                print("%s: false positive: %s %s:%d" % (name, x[0], x[1], x[2]))
            for x in sorted(exp - got):
                print("%s: false negative: %s %s:%d" % (name, x[0], x[1], x[2]))
    total = {k: sum(s[k] for s in per_check.values()) for k in ("tp", "fp", "fn")}
    per_check["overall"] = total
    for s in per_check.values():
        s["precision"] = ratio(s["tp"], s["tp"] + s["fp"])
        s["recall"] = ratio(s["tp"], s["tp"] + s["fn"])
    return per_check, per_case


def table(per_check, per_case):
    lines = ["| check | true positives | false positives | false negatives "
             "| precision | recall |", "|---|---|---|---|---|---|"]
    for check in sorted(per_check, key=lambda c: (c == "overall", c)):
        s = per_check[check]
        name = "**overall**" if check == "overall" else "`%s`" % check
        lines.append("| %s | %d | %d | %d | %.3f | %.3f |" % (
            name, s["tp"], s["fp"], s["fn"], s["precision"], s["recall"]))
    lines += ["", "| case | expected and found | false positives | "
              "false negatives |", "|---|---|---|---|"]
    for name, tp, fps, fns in per_case:
        fmt = lambda xs: "<br>".join("%s %s:%d" % x for x in xs) or "-"
        lines.append("| `%s` | %d | %s | %s |" % (name, tp, fmt(fps), fmt(fns)))
    return "\n".join(lines) + "\n"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--poolguard", required=True)
    p.add_argument("--headers", required=True)
    p.add_argument("--thresholds")
    p.add_argument("--write-thresholds", action="store_true")
    p.add_argument("--doc")
    p.add_argument("--write-doc", action="store_true")
    p.add_argument("--verbose", action="store_true")
    p.add_argument("--corpus", default=CORPUS)
    a = p.parse_args()
    per_check, per_case = score(os.path.abspath(a.corpus), a.poolguard,
                                os.path.abspath(a.headers), a.verbose)
    text = table(per_check, per_case)
    print(text, end="")
    status = 0
    if a.thresholds and a.write_thresholds:
        with open(a.thresholds, "w", encoding="utf-8") as f:
            json.dump({c: {"precision": s["precision"], "recall": s["recall"]}
                       for c, s in sorted(per_check.items())}, f, indent=2)
            f.write("\n")
    elif a.thresholds:
        with open(a.thresholds, encoding="utf-8") as f:
            limits = json.load(f)
        for check, limit in sorted(limits.items()):
            s = per_check.get(check, {"precision": 1.0, "recall": 1.0})
            for key in ("precision", "recall"):
                if s[key] + 1e-9 < limit[key]:
                    print("regression: %s %s %.3f is below the recorded %.3f"
                          % (check, key, s[key], limit[key]))
                    status = 1
    if a.doc:
        with open(a.doc, encoding="utf-8") as f:
            doc = f.read()
        start, end = doc.find(BEGIN), doc.find(END)
        if start < 0 or end < start:
            sys.exit("%s: no %s ... %s block" % (a.doc, BEGIN, END))
        new = doc[:start + len(BEGIN)] + "\n" + text + doc[end:]
        if a.write_doc:
            with open(a.doc, "w", encoding="utf-8") as f:
                f.write(new)
        elif new != doc:
            print("%s: the table differs from the measured one; run "
                  "test/corpus/score.py with --write-doc" % a.doc)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
