#!/usr/bin/env python3
"""Checks a SARIF log against the subset GitHub code scanning requires
(docs.github.com, "SARIF support for code scanning"; integration.md 4.2).
Prints one line per problem and exits 1 if there is any."""
import json
import sys


def main(path):
    problems = []

    def need(cond, where, what):
        if not cond:
            problems.append("%s: %s" % (where, what))
        return cond

    def text(obj, key):
        v = obj.get(key) if isinstance(obj, dict) else None
        return isinstance(v, dict) and isinstance(v.get("text"), str) and v["text"] != ""

    with open(path, encoding="utf-8") as f:
        log = json.load(f)
    need(isinstance(log.get("$schema"), str), "log", "missing $schema")
    need(log.get("version") == "2.1.0", "log", "version must be 2.1.0")
    runs = log.get("runs")
    if not need(isinstance(runs, list) and runs, "log", "missing runs[]"):
        return problems
    for r, run in enumerate(runs):
        at = "runs[%d]" % r
        driver = run.get("tool", {}).get("driver", {})
        need(isinstance(driver.get("name"), str), at, "tool.driver.name missing")
        rules = driver.get("rules")
        if not need(isinstance(rules, list), at, "tool.driver.rules[] missing"):
            rules = []
        ids = []
        for i, rule in enumerate(rules):
            rat = "%s.rules[%d]" % (at, i)
            need(isinstance(rule.get("id"), str), rat, "id missing")
            ids.append(rule.get("id"))
            for key in ("shortDescription", "fullDescription", "help"):
                need(text(rule, key), rat, key + ".text missing")
            level = rule.get("defaultConfiguration", {}).get("level")
            need(level in ("note", "warning", "error"), rat,
                 "defaultConfiguration.level must be note|warning|error")
        need(len(set(ids)) == len(ids), at, "duplicate rule ids")
        results = run.get("results")
        if not need(isinstance(results, list), at, "results[] missing"):
            continue
        for i, res in enumerate(results):
            rat = "%s.results[%d]" % (at, i)
            need(text(res, "message"), rat, "message.text missing")
            rid, idx = res.get("ruleId"), res.get("ruleIndex")
            need(rid in ids, rat, "ruleId %r is not a rule" % rid)
            if idx is not None:
                need(0 <= idx < len(ids) and ids[idx] == rid, rat,
                     "ruleIndex does not point at ruleId")
            need(res.get("level", "warning") in ("none", "note", "warning", "error"),
                 rat, "bad level")
            locs = res.get("locations")
            if need(isinstance(locs, list) and 1 <= len(locs) <= 10, rat,
                    "needs 1 to 10 locations"):
                phys = locs[0].get("physicalLocation", {})
                uri = phys.get("artifactLocation", {}).get("uri")
                need(isinstance(uri, str) and uri, rat, "artifactLocation.uri missing")
                if isinstance(uri, str) and ":" in uri.split("/")[0]:
                    need(uri.startswith("file://"), rat,
                         "absolute URIs must be file:// URIs")
                elif isinstance(uri, str):
                    need(not uri.startswith("/"), rat, "relative URI starts with '/'")
                region = phys.get("region", {})
                for key in ("startLine", "startColumn", "endLine", "endColumn"):
                    need(isinstance(region.get(key), int) and region[key] >= 1,
                         rat, "region.%s missing" % key)
                if all(isinstance(region.get(k), int) for k in
                       ("startLine", "startColumn", "endLine", "endColumn")):
                    need((region["endLine"], region["endColumn"]) >
                         (region["startLine"], region["startColumn"]) or
                         region["endLine"] > region["startLine"], rat,
                         "empty or inverted region")
            fp = res.get("partialFingerprints", {}).get("primaryLocationLineHash")
            need(isinstance(fp, str) and fp, rat,
                 "partialFingerprints.primaryLocationLineHash missing")
    return problems


if __name__ == "__main__":
    problems = main(sys.argv[1])
    for p in problems:
        print("github-subset: error: " + p)
    sys.exit(1 if problems else 0)
