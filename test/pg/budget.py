#!/usr/bin/env python3
"""Reads poolguard --report=budget --format=json on stdin and prints its
verdict for one database, as the live tests compare it with the server:

  budget.py [DATABASE]   (default: the only database in the report)

prints "<total> of <available>: fits" or "<total> of <available>: over",
with ", pools without a maximum not counted" when some pool has none, and
"unbounded" as the total when connections grow without bound (one per
thread with no thread limit in the code). Exits 1
when the report and the connection-budget findings disagree."""
import json
import sys

# poolguard's UnboundedConnections (checks/ConnectionBudgetCheck.h): totals
# saturate there.
UNBOUNDED_CONNECTIONS = 1000000000


def main():
    report = json.load(sys.stdin)
    budgets = report["budget"]
    if len(sys.argv) > 1:
        budgets = [b for b in budgets if b["database"] == sys.argv[1]]
    if len(budgets) != 1:
        names = [b["database"] for b in report["budget"]]
        sys.exit("budget.py: expected one database, the report has %s" % names)
    b = budgets[0]
    findings = [d for d in report["diagnostics"]
                if d["check"] == "poolguard-connection-budget"]
    if bool(findings) != b["overLimit"]:
        sys.exit("budget.py: overLimit %s but %d budget findings"
                 % (b["overLimit"], len(findings)))
    total = ("unbounded" if b["total"] >= UNBOUNDED_CONNECTIONS
             else str(b["total"]))
    line = "%s of %d: %s" % (total, b["available"],
                             "over" if b["overLimit"] else "fits")
    if b["hasUnknownSizes"]:
        line += ", pools without a maximum not counted"
    print(line)


if __name__ == "__main__":
    main()
