#!/usr/bin/env python3
"""table_rows.py ROWS DOC: every row a live test printed (the lines of ROWS
that start with '|') is a line of the results table in DOC, so the table in
the docs is what the tests measure. Exits 1 naming the rows missing."""
import sys


def main():
    rows = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")
            if l.startswith("|")]
    doc = {l.rstrip("\n") for l in open(sys.argv[2], encoding="utf-8")}
    missing = [r for r in rows if r not in doc]
    if not rows:
        sys.exit("table_rows.py: %s has no rows" % sys.argv[1])
    if missing:
        sys.exit("table_rows.py: rows measured but not in %s:\n%s"
                 % (sys.argv[2], "\n".join(missing)))


if __name__ == "__main__":
    main()
