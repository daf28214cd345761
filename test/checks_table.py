#!/usr/bin/env python3
"""Checks checks/Checks.def against the docs and the registered checks.

usage: checks_table.py SRC_ROOT LIST_CHECKS_OUTPUT...

Every check of the table needs checks/<Class>.h, docs/checks/<name>.rst
opening with the table's summary sentence, and a row in docs/checks/list.rst
whose "Needs facts index" column is "Yes" exactly for cross-TU checks. Each
LIST_CHECKS_OUTPUT (the output of --list-checks) must list exactly the
table's poolguard checks. Prints one line per problem; exits 1 if any.
"""
import os
import re
import sys


def c_strings(text):
    """The concatenation of the C string literals in text."""
    return "".join(m.replace('\\"', '"').replace("\\\\", "\\")
                   for m in re.findall(r'"((?:[^"\\]|\\.)*)"', text))


def table(src):
    text = open(os.path.join(src, "checks", "Checks.def")).read()
    rows = []
    for m in re.finditer(r"^POOLGUARD_CHECK\((.*?)\)\s*$", text, re.M | re.S):
        cls, rest = m.group(1).split(",", 1)
        args = re.match(r'\s*("[^"]*")\s*,\s*(\w+)\s*,(.*)', rest, re.S)
        strings = re.findall(r'((?:\s*"(?:[^"\\]|\\.)*")+)', args.group(3))
        rows.append((cls.strip(), c_strings(args.group(1)), args.group(2),
                     c_strings(strings[0])))
    return rows


def rst_summary(path):
    """The first paragraph after the page's heading, with ``code`` as 'code'."""
    lines = open(path).read().splitlines()
    i = next(n for n, l in enumerate(lines) if l and set(l) == {"="}) + 1
    while not lines[i].strip():
        i += 1
    para = []
    while i < len(lines) and lines[i].strip():
        para.append(lines[i].strip())
        i += 1
    return re.sub(r"``([^`]*)``", r"'\1'", " ".join(para))


def main(argv):
    src, outputs = argv[1], argv[2:]
    problems = []
    rows = table(src)
    if not rows:
        problems.append("checks/Checks.def: no POOLGUARD_CHECK rows")
    names = [name for _, name, _, _ in rows]
    if names != sorted(names):
        problems.append("checks/Checks.def: rows are not in name order")
    docs = os.path.join(src, "docs", "checks")
    listing = open(os.path.join(docs, "list.rst")).read()
    for cls, name, kind, summary in rows:
        if kind not in ("PerTU", "CrossTU"):
            problems.append("%s: kind %s is neither PerTU nor CrossTU" % (name, kind))
        if not os.path.exists(os.path.join(src, "checks", cls + ".h")):
            problems.append("%s: no checks/%s.h" % (name, cls))
        page = os.path.join(docs, name + ".rst")
        if not os.path.exists(page):
            problems.append("%s: no docs/checks/%s.rst" % (name, name))
        elif rst_summary(page) != summary + ".":
            problems.append("%s: docs/checks/%s.rst does not open with the "
                            "summary of Checks.def: %r" % (name, name, summary))
        row = re.search(r"^\s*:doc:`%s <%s>`,(.*)$" % (re.escape(name), re.escape(name)),
                        listing, re.M)
        if not row:
            problems.append("%s: no row in docs/checks/list.rst" % name)
        elif (row.group(1).split(",")[-1].strip() == '"Yes"') != (kind == "CrossTU"):
            problems.append("%s: list.rst's \"Needs facts index\" column does not "
                            "match kind %s" % (name, kind))
    for out in outputs:
        listed = sorted(l.strip() for l in open(out)
                        if l.strip().startswith("poolguard-"))
        if listed != sorted(names):
            problems.append("%s lists %s, the table has %s" % (
                os.path.basename(out), listed, sorted(names)))
    for p in problems:
        print("checks-table: " + p)
    if not problems:
        print("checks-table: %d checks OK" % len(rows))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
