#!/usr/bin/env python3
"""Runs poolguard's benchmarks side by side with clang and clang-tidy.

    bench/run.py [--tus 200] [--runs 3] [-j N] [--poolguard BIN] [--work DIR]

On one generated project (--workload synthetic: bench/generate.py, the
default; --workload library: bench/generate_library.py, real Boost, SOCI,
Poco and Qt headers), with the same TUs and the same -j, it measures, as
medians of --runs runs:

  (a) clang++-19 -fsyntax-only over every TU (xargs -P j): the floor
  (b) run-clang-tidy-19 -j j with one cheap built-in check
  (c) poolguard, all checks, cold (fresh cache directory)
  (g) poolguard again, nothing changed (every TU from the cache)
  (d) poolguard after one TU's content changed (the pre-commit case),
      beside the parse time of that TU alone; --touches (default 3) such
      runs per run, each paired with a parse of that TU
  (e) poolguard --merge of synthetic facts of --merge-tus TUs (default
      10,000; one --facts-out file per TU, as a build-system aspect writes)
  (f) peak resident memory per process: every clang -fsyntax-only process
      and every poolguard worker (poolguard FILE -- ARGS, one TU each), each
      under /usr/bin/time -f %M

and the instructions of (a), (b) and (c) on one TU under
valgrind --tool=callgrind (which does not vary with machine load).

--no-skip-compare measures poolguard --no-skip-bodies in the same runs, as
the (c'), (g'), (d') rows. The "differential" part runs poolguard over the
project with and without --no-skip-bodies and fails unless the findings
(--format=json) and the facts (--write-index) are byte-identical.

Wall-clock times suffer from whatever else the machine runs, so the table
also shows CPU time (user + sys of the process tree, from wait4); the runs
of (a), (b), (c), (g), (d) are interleaved so that they share the load.
Benchmarks are not tests: nothing here runs from the test suite.
"""

import argparse
import json
import os
import platform
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CLANG = "clang++-19"
TIDY = "/usr/lib/llvm-19/bin/clang-tidy"
RUN_TIDY = "run-clang-tidy-19"
CHEAP_CHECK = "-*,readability-braces-around-statements"
# Targets (issue 17) per workload: cold run and peak memory per worker
# against clang's, one-TU run against that TU's parse.
TARGETS = {"synthetic": {"c": "≤ 0.9", "f": "≤ 0.8"},
           "library": {"c": "≤ 0.6", "f": "≤ 0.8"}}


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def run(argv, cwd=None, stdin=None, quiet=True, ok=(0,)):
    """Runs argv; returns (wall s, cpu s, max RSS KB of the process tree)."""
    t0 = time.monotonic()
    p = subprocess.Popen(argv, cwd=cwd, stdin=stdin,
                         stdout=subprocess.DEVNULL if quiet else None,
                         stderr=subprocess.DEVNULL if quiet else None)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode not in ok:
        raise SystemExit(f"failed ({p.returncode}): {shlex.join(argv)}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss


def syntax_args(entry):
    """The TU's compiler arguments (without the compiler) for -fsyntax-only."""
    a = list(entry["arguments"][1:])
    out = []
    skip = False
    for x in a:
        if skip:
            skip = False
            continue
        if x == "-o":
            skip = True
            continue
        if x == "-c":
            continue
        out.append(x)
    return out


class Bench:
    def __init__(self, args):
        self.a = args
        self.work = os.path.abspath(args.work)
        self.proj = os.path.join(self.work, "project" + (
            "-library" if args.workload == "library" else ""))
        self.pg = os.path.abspath(args.poolguard)
        # (suffix, binary, arguments): the poolguard under test, and
        # optionally a second build or mode measured in the same runs.
        self.pgs = [("", self.pg, [])]
        if args.compare:
            self.pgs.append(("'", os.path.abspath(args.compare), []))
        elif args.no_skip_compare:
            self.pgs.append(("'", self.pg, ["--no-skip-bodies"]))
        self.j = args.jobs
        self.rows = {}

    # -- setup ---------------------------------------------------------------
    def setup(self):
        os.makedirs(self.work, exist_ok=True)
        if not os.path.exists(os.path.join(self.proj, "compile_commands.json")) \
                or self.a.regenerate:
            shutil.rmtree(self.proj, ignore_errors=True)
            gen = "generate_library.py" if self.a.workload == "library" \
                else "generate.py"
            subprocess.run([sys.executable, os.path.join(HERE, gen),
                            "--tus", str(self.a.tus), self.proj], check=True)
        with open(os.path.join(self.proj, "compile_commands.json")) as f:
            self.db = json.load(f)
        # One line per TU for xargs: the -fsyntax-only command.
        self.cmds = os.path.join(self.work, "syntax-cmds.txt")
        with open(self.cmds, "w") as f:
            for e in self.db:
                f.write(shlex.join(["-fsyntax-only"] + syntax_args(e)) + "\n")
        # The TU touched by (d): a business-logic (or HTTP) TU in the middle.
        logic = [e for e in self.db if "/logic_" in e["file"]
                 or "/http_" in e["file"]] or self.db
        self.touched = logic[len(logic) // 2]
        self.touched_path = os.path.join(self.proj, self.touched["file"])
        with open(self.touched_path) as f:
            self.touched_text = f.read()

    # -- the measured commands -----------------------------------------------
    def syntax_all_cmd(self):
        return run(["sh", "-c",
                    f"xargs -P {self.j} -L 1 -a {shlex.quote(self.cmds)} {CLANG}"],
                   cwd=self.proj)

    def tidy_all(self):
        return run([RUN_TIDY, "-p", self.proj, "-j", str(self.j), "-quiet",
                    "-clang-tidy-binary", TIDY, "-checks=" + CHEAP_CHECK],
                   cwd=self.proj)

    def poolguard(self, cache, pg, extra=()):
        return run([pg, "-p", self.proj, "-j", str(self.j), "--quiet",
                    "--cache-dir", cache] + list(extra),
                   cwd=self.proj, ok=(0, 1))

    # -- skipping bodies changes nothing -------------------------------------
    def differential(self):
        """Findings and facts with and without --no-skip-bodies."""
        outs = []
        for mode in ([], ["--no-skip-bodies"]):
            tag = "full" if mode else "skip"
            report = os.path.join(self.work, f"differential-{tag}.json")
            index = os.path.join(self.work, f"differential-{tag}-index.json")
            run([self.pg, "-p", self.proj, "-j", str(self.j), "--quiet",
                 "--no-cache", "--format=json", "--output", report,
                 "--write-index", index] + mode, cwd=self.proj, ok=(0, 1))
            with open(report, "rb") as f, open(index, "rb") as g:
                outs.append((f.read(), g.read()))
        if outs[0] != outs[1]:
            raise SystemExit("differential: findings or facts differ with "
                             f"--no-skip-bodies (see {self.work}/differential-*)")
        self.diff = (len(json.loads(outs[0][0])["diagnostics"]), len(outs[0][1]))
        log("differential: identical (%d findings, %d bytes of facts)" % self.diff)

    def syntax_one(self, entry):
        return run([CLANG, "-fsyntax-only"] + syntax_args(entry),
                   cwd=entry["directory"])

    # -- (a) (b) (c) (g) (d) -------------------------------------------------
    def timings(self):
        keys = ["a", "b", "d_parse"] + [k + sfx for sfx, _, _ in self.pgs
                                         for k in ("c", "g", "d")]
        res = {k: [] for k in keys}
        touch = 0
        try:
            for r in range(self.a.runs):
                log(f"run {r + 1}/{self.a.runs}")
                res["a"].append(self.syntax_all_cmd())
                log("  (a) syntax-only %.2f s" % res["a"][-1][0])
                if not self.a.skip_tidy:
                    res["b"].append(self.tidy_all())
                    log("  (b) clang-tidy  %.2f s" % res["b"][-1][0])
                for sfx, pg, extra in self.pgs:
                    cache = os.path.join(self.work, "cache" + str(len(sfx)))
                    shutil.rmtree(cache, ignore_errors=True)
                    with open(self.touched_path, "w") as f:
                        f.write(self.touched_text)
                    res["c" + sfx].append(self.poolguard(cache, pg, extra))
                    log(f"  (c{sfx}) cold        %.2f s" % res["c" + sfx][-1][0])
                    res["g" + sfx].append(self.poolguard(cache, pg, extra))
                    log(f"  (g{sfx}) unchanged   %.2f s" % res["g" + sfx][-1][0])
                # (d), --touches times, each beside a parse of the TU: a
                # 0.4 s run right after a cold run of the whole project
                # varies by ±15 % with what that run left behind (on a VM,
                # the memory its workers returned to the host); a pre-commit
                # run comes after an edit.
                for _ in range(self.a.touches):
                    for sfx, pg, extra in self.pgs:
                        cache = os.path.join(self.work, "cache" + str(len(sfx)))
                        touch += 1
                        with open(self.touched_path, "w") as f:
                            f.write(self.touched_text + f"// touched {touch}\n")
                        res["d" + sfx].append(self.poolguard(cache, pg, extra))
                        log(f"  (d{sfx}) one touched %.2f s" % res["d" + sfx][-1][0])
                    res["d_parse"].append(self.syntax_one(self.touched))
                    log("  parse of the touched TU %.2f s" % res["d_parse"][-1][0])
        finally:
            with open(self.touched_path, "w") as f:
                f.write(self.touched_text)
        self.timing = res

    # -- (e) -----------------------------------------------------------------
    def merge(self):
        n = self.a.merge_tus
        mdir = os.path.join(self.work, f"merge-{n}" + (
            "-shared" if self.a.merge_shared_databases else ""))
        files = os.path.join(mdir, "files.rsp")
        if not os.path.exists(files):
            log(f"(e) writing facts of {n} TUs")
            shutil.rmtree(mdir, ignore_errors=True)
            os.makedirs(mdir)
            # Real map results of the project, cloned as services of a
            # monorepo: svcK is a symlink to the project, its names live in
            # namespace appK (so each clone has its own findings).
            whole = os.path.join(mdir, "project.facts.json")
            run([self.pg, "-p", self.proj, "-j", str(self.j), "--quiet",
                 "--no-cache", "--facts-out=" + whole], cwd=self.proj)
            with open(whole) as f:
                root = json.load(f)
            results = root["results"]
            names = []
            k = 0
            while len(names) < n:
                svc = os.path.join(mdir, f"svc{k}")
                os.symlink(self.proj, svc)
                for r in results:
                    if len(names) == n:
                        break
                    text = json.dumps(r).replace(self.proj + "/", svc + "/")
                    text = text.replace("app::", f"app{k}::")
                    clone = json.loads(text)
                    # Each service has its own databases, unless asked to
                    # share them (the worst case for poolguard-repeated-pool:
                    # every pool of every service on one database).
                    if not self.a.merge_shared_databases:
                        for c in clone["facts"].get("poolCreations", []):
                            for key in ("database", "databaseText"):
                                if c.get(key):
                                    c[key] += f" (svc{k})"
                    one = dict(root)
                    one["results"] = [clone]
                    name = os.path.join(mdir, f"tu{len(names):05d}.json")
                    with open(name, "w") as f:
                        json.dump(one, f, separators=(",", ":"))
                    names.append(name)
                k += 1
            with open(files, "w") as f:
                f.write("\n".join(names) + "\n")
        res = []
        for r in range(self.a.runs):
            res.append(run([self.pg, "--merge", "--quiet", "--format=json",
                            "--output", os.path.join(mdir, "report.json"),
                            "@" + files], cwd=mdir, ok=(0, 1)))
            log("  (e) merge %d TUs %.2f s, %d MB"
                % (n, res[-1][0], res[-1][2] // 1024))
        self.merge_res = res
        with open(os.path.join(mdir, "report.json")) as f:
            self.merge_findings = len(json.load(f)["diagnostics"])

    # -- (f) -----------------------------------------------------------------
    def memory(self):
        """Peak RSS of every clang process and every poolguard worker."""
        mem = os.path.join(self.work, "mem")
        shutil.rmtree(mem, ignore_errors=True)
        os.makedirs(mem)
        lines_c, lines_p = [], []
        step = max(1, len(self.db) // self.a.memory_tus) if self.a.memory_tus else 1
        sample = self.db[::step]
        for i, e in enumerate(sample):
            args = syntax_args(e)
            lines_c.append(shlex.join(
                ["-f", "%M", "-o", f"{mem}/clang{i}",
                 CLANG, "-fsyntax-only"] + args))
            # One TU per poolguard process (a fixed compilation database),
            # so /usr/bin/time sees one worker: the largest of the driver
            # and its worker, which is the worker.
            for k, (_, pg, extra) in enumerate(self.pgs):
                lines_p.append((k, shlex.join(
                    ["-f", "%M", "-o", f"{mem}/pg{k}-{i}",
                     pg, "--no-cache", "--quiet", "-j", "1"] + extra +
                    [e["file"], "--"] + args)))
        out = {}
        groups = [("clang", lines_c)] + [
            (f"pg{k}-", [l for kk, l in lines_p if kk == k])
            for k in range(len(self.pgs))]
        for tag, lines in groups:
            path = os.path.join(mem, tag + ".txt")
            with open(path, "w") as f:
                f.write("\n".join(lines) + "\n")
            run(["sh", "-c",
                 f"xargs -P {self.j} -L 1 -a {shlex.quote(path)} /usr/bin/time"],
                cwd=self.proj, ok=(0, 123))
            kb = []
            for i in range(len(sample)):
                with open(f"{mem}/{tag}{i}") as f:
                    m = re.findall(r"^\d+$", f.read(), re.M)
                    kb.append(int(m[-1]))
            out[tag] = kb
        self.mem = out

    # -- callgrind -----------------------------------------------------------
    def callgrind(self):
        if not shutil.which("valgrind"):
            self.cg = None
            return
        e = self.touched
        args = syntax_args(e)
        cgdir = os.path.join(self.work, "callgrind")
        shutil.rmtree(cgdir, ignore_errors=True)
        os.makedirs(cgdir)
        vg = ["valgrind", "--tool=callgrind", "--trace-children=no"]
        cmds = {
            "a": [CLANG, "-fsyntax-only"] + args,
            "b": [TIDY, "-checks=" + CHEAP_CHECK, "--quiet", e["file"], "--",
                  CLANG] + args,
        }
        for sfx, pg, extra in self.pgs:
            cmds["c" + sfx] = [pg, "--no-cache", "--quiet", "-j", "1"] + \
                extra + [e["file"], "--"] + args
        self.cg = {}
        for k, cmd in cmds.items():
            log(f"callgrind ({k})")
            tag = k.replace("'", "2")
            out = os.path.join(cgdir, f"{tag}.%p.out")
            run(vg + ["--callgrind-out-file=" + out] + cmd, cwd=e["directory"],
                ok=(0, 1))
            total = 0
            parts = []
            for name in sorted(os.listdir(cgdir)):
                if not name.startswith(tag + "."):
                    continue
                n = callgrind_cost(os.path.join(cgdir, name))
                parts.append(n)
                total += n
            self.cg[k] = (total, sorted(parts, reverse=True))

    # -- report --------------------------------------------------------------
    def tag(self, pg, extra):
        """How a poolguard row is told apart when two are measured."""
        if len(self.pgs) == 1:
            return ""
        return " [" + " ".join([os.path.basename(pg)] + extra) + "]"

    def table(self):
        med = lambda xs, i: statistics.median(x[i] for x in xs) if xs else None
        lines = []
        add = lines.append
        if hasattr(self, "timing"):
            self.timing_table(add, med)
        elif getattr(self, "merge_res", None):
            m = self.merge_res
            add(f"(e) poolguard --merge, {self.a.merge_tus} fact files "
                f"({self.merge_findings} findings): wall {med(m, 0):.2f} s, "
                f"CPU {med(m, 1):.2f} s, peak {max(x[2] for x in m) / 1024:.0f} MB")
            add("")
        if getattr(self, "mem", None):
            self.memory_table(add)
        if getattr(self, "cg", None):
            self.callgrind_table(add)
        if getattr(self, "diff", None):
            add("Differential: findings and facts byte-identical with and "
                "without --no-skip-bodies (%d findings, %d bytes of facts)."
                % self.diff)
            add("")
        return "\n".join(lines)

    def timing_table(self, add, med):
        t = self.timing
        a_wall, a_cpu = med(t["a"], 0), med(t["a"], 1)
        add(f"poolguard benchmark ({self.a.workload}): {len(self.db)} TUs, -j {self.j}, "
            f"median of {self.a.runs} runs ({self.a.runs * self.a.touches} for (d))")
        add("")
        add("| | what | wall s | ratio to (a) | CPU s | CPU ratio | target |")
        add("|---|---|---:|---:|---:|---:|---|")

        def row(key, what, xs, target=""):
            if not xs:
                add(f"| ({key}) | {what} | skipped | | | | {target} |")
                return
            w, c = med(xs, 0), med(xs, 1)
            add(f"| ({key}) | {what} | {w:.2f} | {w / a_wall:.3f} | {c:.2f} | "
                f"{c / a_cpu:.3f} | {target} |")
        row("a", "clang++-19 -fsyntax-only, every TU (xargs -P)", t["a"],
            "floor")
        row("b", f"run-clang-tidy-19, {CHEAP_CHECK}", t["b"], "")
        dp = med(t["d_parse"], 0)
        target = TARGETS[self.a.workload]
        for sfx, pg, extra in self.pgs:
            tag = self.tag(pg, extra)
            row("c" + sfx, "poolguard, all checks, cold" + tag, t["c" + sfx],
                target["c"])
            row("g" + sfx, "poolguard, nothing changed (warm cache)" + tag,
                t["g" + sfx], "≤ 0.05")
            row("d" + sfx, "poolguard, one TU changed" + tag, t["d" + sfx],
                "≤ 0.7 × parse")
            add(f"| | (d{sfx}) / parse of that TU | "
                f"{statistics.median(d[0] / p[0] for d, p in zip(t['d' + sfx], t['d_parse'])):.3f} | | "
                f"{statistics.median(d[1] / p[1] for d, p in zip(t['d' + sfx], t['d_parse'])):.3f} | | ≤ 0.7 |")
            # Per touch: (d) minus 1.3 × the parse of the touched TU, both
            # measured back to back; the median over the touches.
            kw = statistics.median(d[0] - 1.3 * p[0] for d, p in
                                   zip(t["d" + sfx], t["d_parse"]))
            kc = statistics.median(d[1] - 1.3 * p[1] for d, p in
                                   zip(t["d" + sfx], t["d_parse"]))
            add(f"| | (d{sfx}) − 1.3 × parse of that TU (the constant) | "
                f"{kw:.2f} | | {kc:.2f} | | < 0.2 s |")
        add(f"| | parse of the changed TU alone | {dp:.2f} | | "
            f"{med(t['d_parse'], 1):.2f} | | |")
        if getattr(self, "merge_res", None):
            m = self.merge_res
            add(f"| (e) | poolguard --merge, {self.a.merge_tus} fact files "
                f"({self.merge_findings} findings) | {med(m, 0):.2f} | | "
                f"{med(m, 1):.2f} | | < 1 s |")
            add(f"| | peak memory of the merge | "
                f"{max(x[2] for x in m) / 1024:.0f} MB | | | | < 300 MB |")
        add("")

    def memory_table(self, add):
        t = getattr(self, "timing", None)
        c = self.mem["clang"]
        add(f"(f) over {len(c)} TUs:")
        add("")
        add("| (f) peak RSS per process | median MB | max MB | "
            "ratio (median) | ratio (max) | target |")
        add("|---|---:|---:|---:|---:|---|")
        add(f"| clang++-19 -fsyntax-only | {statistics.median(c) / 1024:.0f}"
            f" | {max(c) / 1024:.0f} | 1 | 1 | |")
        for k, (sfx, pg, extra) in enumerate(self.pgs):
            p = self.mem[f"pg{k}-"]
            tag = self.tag(pg, extra)
            add(f"| poolguard worker (1 TU){tag} | "
                f"{statistics.median(p) / 1024:.0f}"
                f" | {max(p) / 1024:.0f} | "
                f"{statistics.median(p) / statistics.median(c):.3f} | "
                f"{max(p) / max(c):.3f} | {TARGETS[self.a.workload]['f']} |")
            if t:
                cold_rss = max(x[2] for x in t["c" + sfx])
                add(f"| poolguard -j {self.j} cold, largest process{tag} "
                    f"| | {cold_rss / 1024:.0f} | | "
                    f"{cold_rss / max(c):.3f} | |")
        add("")

    def callgrind_table(self, add):
        a = self.cg["a"][0]
        add(f"Instructions on one TU ({self.touched['file']}) under "
            "callgrind:")
        add("")
        add("| | instructions | ratio to (a) |")
        add("|---|---:|---:|")
        whats = [("a", "clang++-19 -fsyntax-only"),
                 ("b", "clang-tidy-19, one cheap check")]
        for sfx, pg, extra in self.pgs:
            tag = self.tag(pg, extra)
            whats.append(("c" + sfx, "poolguard (driver + worker)" + tag))
        for k, what in whats:
            n, parts = self.cg[k]
            extra = (" (" + " + ".join(f"{x:,}" for x in parts) + ")"
                     if len(parts) > 1 else "")
            add(f"| ({k}) {what} | {n:,}{extra} | {n / a:.3f} |")
        add("")


def callgrind_cost(path):
    """Instructions of one callgrind profile. A forked worker inherits the
    counts of its parent up to the fork, so for a worker only what ran under
    workerMain is its own."""
    total = None
    with open(path) as f:
        for line in f:
            if line.startswith("totals:") or line.startswith("summary:"):
                total = int(line.split()[1])
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes",
                           "--threshold=100", path], capture_output=True,
                          text=True).stdout
    for line in text.splitlines():
        if "Driver::Impl::workerMain(" in line:
            return int(line.split()[0].replace(",", ""))
    return total


def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(f.readline().split()[1])
    clang = subprocess.run([CLANG, "--version"], capture_output=True,
                           text=True).stdout.splitlines()[0]
    load = os.getloadavg()
    return (f"{os.cpu_count()} CPUs ({cpu}), {mem_kb / 1048576:.0f} GB, "
            f"{platform.system()} {platform.release()}, {clang}; "
            f"load average at the end {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")


def main():
    ap = argparse.ArgumentParser(
        description="poolguard benchmarks beside clang and clang-tidy",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--workload", choices=["synthetic", "library"],
                    default="synthetic")
    ap.add_argument("--tus", type=int, default=200)
    ap.add_argument("--no-skip-compare", action="store_true",
                    help="also measure poolguard --no-skip-bodies")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--touches", type=int, default=3,
                    help="(d) runs per run, each with a parse of the TU")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count())
    ap.add_argument("--merge-tus", type=int, default=10000)
    ap.add_argument("--merge-shared-databases", action="store_true",
                    help="(e): the cloned services share their databases")
    ap.add_argument("--only",
                    default="differential,timings,merge,memory,callgrind",
                    help="comma-separated parts to run")
    build = os.environ.get("POOLGUARD_BUILD_DIR", "build")
    ap.add_argument("--poolguard",
                    default=os.path.join(ROOT, build, "bin", "poolguard"))
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(),
                                                   "poolguard-bench"))
    ap.add_argument("--compare", metavar="BIN",
                    help="a second poolguard measured in the same runs")
    ap.add_argument("--regenerate", action="store_true")
    ap.add_argument("--skip-tidy", action="store_true")
    ap.add_argument("--skip-merge", action="store_true")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--memory-tus", type=int, default=0,
                    help="(f) on every k-th TU, about this many (0: all)")
    ap.add_argument("--skip-callgrind", action="store_true")
    ap.add_argument("--output", help="also write the table here")
    args = ap.parse_args()

    b = Bench(args)
    only = set(args.only.split(","))
    b.setup()
    if "differential" in only:
        b.differential()
    if "timings" in only:
        b.timings()
    if "merge" in only and not args.skip_merge:
        b.merge()
    if "memory" in only and not args.skip_memory:
        b.memory()
    if "callgrind" in only and not args.skip_callgrind:
        b.callgrind()
    text = b.table() + "\nMachine: " + machine() + "\n"
    print(text)
    if args.output:
        with open(args.output, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
