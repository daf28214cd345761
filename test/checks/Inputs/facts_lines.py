#!/usr/bin/env python3
"""Prints `poolguard --dump-facts` JSON (stdin) as one line per fact, for
FileCheck: positions as <file basename>:<line>:<col>."""
import json
import os
import sys


def at(loc):
    return "@%s:%d:%d" % (os.path.basename(loc["file"]), loc["line"], loc["column"])


def main():
    facts = json.load(sys.stdin)
    for m in facts["modules"]:
        print("module %s framework=%s %s" % (m["key"], m["framework"], at(m["loc"])))
    for i in facts["imports"]:
        print("import %s -> %s%s %s" % (i["module"], i["imported"],
                                        " injector" if i["injector"] else "",
                                        at(i["loc"])))
    for r in facts["registrations"]:
        print("registration %s%s module=%s lifetime=%s name=%s framework=%s%s %s" % (
            r["service"], " as " + r["interface"] if r["interface"] else "",
            r["module"], r["lifetime"], r["instanceName"], r["framework"],
            " provider-creates-pool" if r["poolCreatedByProvider"] else "",
            at(r["loc"])))
    for o in facts["poolOwners"]:
        print("owner %s: %s %s" % (o["type"], o["reason"], at(o["loc"])))
    for h in facts.get("holdings", []):
        print("holding %s holds %s in %s %s" % (h["owner"], h["held"],
                                                h["member"], at(h["loc"])))
    for p in facts["poolCreations"]:
        size = "?" if p.get("size") is None else str(p["size"])
        flags = "".join(" " + f for f, on in (
            ("default", p["sizeIsDefault"]), ("unbounded", p["unbounded"]),
            ("per-thread", p["perThread"]),
            ("initial-cache", p["sizeIsInitialCache"])) if on)
        print("pool %s %s size=%s%s text=%s db=%s dbtext=%s owner=%s module=%s fn=%s"
              " multiplier=%d%s %s" % (
                  p["library"], p["callee"], size, flags, p["sizeText"],
                  p["database"], p["databaseText"], p["ownerType"], p["module"],
                  p["function"], p["multiplier"],
                  (" (" + p["multiplierReason"] + ")" if p["multiplierReason"] else "")
                  + (" instance=" + p["instance"] if p.get("instance") else "")
                  + (" repeats=" + p["repeats"] if p.get("repeats") else ""),
                  at(p["loc"])))


if __name__ == "__main__":
    main()
