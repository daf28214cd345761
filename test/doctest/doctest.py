"""Runs the marked code blocks of README.md and docs/*.md on a temporary
copy of the bundled examples and compares what they print with what the
docs show, so a doc that drifts from the tool fails the test suite.

Only blocks marked with an HTML comment on the line before their opening
fence run (docs/doctest.md describes the convention):

  <!-- doctest -->            a console block: each line starting with "$ "
                              is a command; the lines after it, up to the
                              next command, are what it prints (stdout and
                              stderr).
  <!-- doctest: CMD -->       the block is the output of CMD (stdout and
                              stderr).
  <!-- doctest: run -->       a sh block of commands whose output the doc
                              does not show: each command (a line, with its
                              backslash continuations; comments ignored) is
                              run and must exit 0 or 1.
  <!-- doctest: skip (WHY) -->  not run, for the reason WHY (needs Bazel
                              remote execution, an editor, root...).

With --lint, nothing runs: every shell block (sh, bash, shell, console) of
the files must be marked, to run or to skip with a reason; each unmarked one
is reported as "FILE:LINE: unmarked shell block" and the exit code is 1.

Commands run with bash in a sandbox: a temporary directory holding a fresh
copy of examples/ for each block, the compile database of examples/incident as build/example/ and
build/ (compile_commands.json), and build/bin and build/lib linking to the
poolguard under test, which is also first on PATH. Paths under the sandbox
are printed relative to it. A command must exit 0 or 1 (clean or findings)
unless the marker says otherwise: "<!-- doctest: exit=N -->" or
"<!-- doctest: exit=N CMD -->".

Matching: trailing spaces are ignored; a line "..." matches any number of
lines (including none); "..." inside a line matches any text; run times
("in 0.5 s") and cache hits (", 4 from cache") are not compared: they depend
on the machine and on the blocks run before.

Usage: doctest.py --src ROOT --bin-dir DIR --lib-dir DIR [--clang-tidy BIN] FILE...
       doctest.py --lint FILE...
(a FILE with wildcards, such as docs/*.md, is expanded)
Prints "FILE:LINE: ok" per block, or the difference, and a last line
"N blocks checked"; exits 1 if a block differs."""

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

MARKER = re.compile(r"^\s*<!--\s*doctest(?::\s*(.*?))?\s*-->\s*$")
FENCE = re.compile(r"^(\s*)(```+|~~~+)\s*([\w-]*)")
SKIP = re.compile(r"^skip\s*\((.*)\)$")
SHELL = ("sh", "bash", "shell", "console")
EXIT = re.compile(r"^exit=(\d+)\s*")
TIME = re.compile(r"\bin [0-9]+(\.[0-9]+)? s\b")
CACHED = re.compile(r", [0-9]+ from cache\b")


class Block:
    def __init__(self, path, line, spec, lines, lang="", marked=True):
        self.path, self.line, self.lines = path, line, lines
        self.lang, self.marked = lang, marked
        self.exit = None
        self.skip = None   # the reason, for a block marked not to run
        self.script = False
        spec = spec or ""
        m = SKIP.match(spec.strip())
        if m:
            self.skip = m.group(1).strip()
            if not self.skip:
                sys.exit("%s:%d: a skipped doctest block needs a reason: "
                         "<!-- doctest: skip (why) -->" % (path, line - 1))
            spec = ""
        if spec.strip() == "run":
            self.script = True
            spec = ""
        m = EXIT.match(spec)
        if m:
            self.exit = int(m.group(1))
            spec = spec[m.end():]
        self.command = spec.strip() or None


def marked_blocks(path, unmarked=False):
    """The marked fenced blocks of the file at path (and the unmarked ones
    too, with marked=False, if unmarked)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    blocks = []
    i = 0
    while i < len(lines):
        m = MARKER.match(lines[i])
        start = i + 1 if m else i
        fence = FENCE.match(lines[start]) if start < len(lines) else None
        if m and not fence:
            sys.exit("%s:%d: a doctest marker must be followed by a fenced "
                     "code block" % (path, i + 1))
        if not fence:
            i += 1
            continue
        # Every fenced block is skipped whole: a marker shown inside one (as
        # in docs/doctest.md) does not count.
        indent, close = fence.group(1), fence.group(2)
        body = []
        j = start + 1
        while j < len(lines) and not lines[j].strip().startswith(close):
            body.append(lines[j][len(indent):]
                        if lines[j].startswith(indent) else lines[j])
            j += 1
        if j == len(lines):
            sys.exit("%s:%d: unterminated code block" % (path, start + 1))
        if m:
            blocks.append(Block(path, start + 1, m.group(1), body,
                                fence.group(3)))
        elif unmarked:
            blocks.append(Block(path, start + 1, None, body, fence.group(3),
                                marked=False))
        i = j + 1
    return blocks


def make_sandbox(src, bin_dir, lib_dir, clang_tidy=None):
    box = tempfile.mkdtemp(prefix="poolguard-doctest-")
    # The docs name clang-tidy-19; with --clang-tidy (the clang-tidy of the
    # LLVM poolguard was built against, e.g. 22) that name runs it, so the
    # plugin under test loads into its own clang-tidy.
    if clang_tidy:
        shims = os.path.join(box, ".doctest-bin")
        os.makedirs(shims)
        os.symlink(os.path.abspath(clang_tidy),
                   os.path.join(shims, "clang-tidy-19"))
    template = os.path.join(src, "examples", "incident",
                            "compile_commands.json.in")
    with open(template) as f:
        db = f.read().replace("@DIR@", os.path.join(box, "examples",
                                                    "incident"))
    for d in ("build", os.path.join("build", "example")):
        os.makedirs(os.path.join(box, d), exist_ok=True)
        with open(os.path.join(box, d, "compile_commands.json"), "w") as f:
            f.write(db)
    os.symlink(os.path.abspath(bin_dir), os.path.join(box, "build", "bin"))
    os.symlink(os.path.abspath(lib_dir), os.path.join(box, "build", "lib"))
    return box


def reset_sandbox(box, src):
    """A fresh copy of examples/ and nothing else a block wrote; build/
    stays, so poolguard's cache there is shared by the blocks (its entries
    are keyed by content, so a stale one is never used)."""
    for name in os.listdir(box):
        if name not in ("build", ".doctest-bin"):
            path = os.path.join(box, name)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            else:
                os.remove(path)
    shutil.copytree(os.path.join(src, "examples"),
                    os.path.join(box, "examples"), symlinks=True)


def run(box, command, bin_dir):
    env = dict(os.environ)
    env["PATH"] = os.path.abspath(bin_dir) + os.pathsep + env.get("PATH", "")
    shims = os.path.join(box, ".doctest-bin")
    if os.path.isdir(shims):
        env["PATH"] = shims + os.pathsep + env["PATH"]
    env.pop("NO_COLOR", None)
    proc = subprocess.run(["bash", "-c", command], cwd=box, env=env,
                          stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=300)
    text = proc.stdout.decode(errors="replace")
    text = text.replace(os.path.realpath(box) + "/", "").replace(box + "/", "")
    return proc.returncode, text.rstrip("\n").split("\n") if text else []


def normalize(line):
    return CACHED.sub("", TIME.sub("in N s", line.rstrip()))


def line_matches(expected, actual):
    parts = [re.escape(p) for p in normalize(expected).split("...")]
    return re.fullmatch(".*".join(parts), normalize(actual)) is not None


def matches(expected, actual):
    """Whether the actual lines match the expected ones ("..." lines are
    wildcards)."""
    if not expected:
        return not actual
    if expected[0].strip() == "...":
        return any(matches(expected[1:], actual[k:])
                   for k in range(len(actual) + 1))
    return (bool(actual) and line_matches(expected[0], actual[0]) and
            matches(expected[1:], actual[1:]))


def steps(block):
    """(command, expected lines) pairs of a block; None for expected lines
    that are not compared."""
    if block.command:
        return [(block.command, block.lines)]
    if block.script:
        out, pending = [], ""
        for line in block.lines:
            line = re.sub(r"\s+#.*$", "", line) if not line.lstrip().startswith("#") else ""
            if line.rstrip().endswith("\\"):
                pending += line.rstrip()[:-1].strip() + " "
                continue
            command = (pending + line.strip()).strip()
            pending = ""
            if command:
                out.append((command, None))
        return out
    out = []
    for line in block.lines:
        if line.startswith("$ "):
            out.append((line[2:], []))
        elif out:
            out[-1][1].append(line)
        elif line.strip():
            sys.exit("%s:%d: a doctest console block starts with a '$ ' "
                     "command" % (block.path, block.line))
    return out


def check(block, box, args):
    name = "%s:%d" % (os.path.relpath(block.path, args.src), block.line)
    reset_sandbox(box, args.src)
    for command, expected in steps(block):
        rc, actual = run(box, command, args.bin_dir)
        if expected is None:
            if rc not in (0, 1):
                print("%s: FAIL: $ %s (exit %d)" % (name, command, rc))
                print("  output:\n    " + "\n    ".join(actual))
                return False
            continue
        while expected and not expected[-1].strip():
            expected = expected[:-1]
        allowed = (block.exit,) if block.exit is not None else (0, 1)
        if rc not in allowed or not matches(expected, actual):
            print("%s: FAIL: $ %s (exit %d)" % (name, command, rc))
            print("  expected:\n    " + "\n    ".join(expected))
            print("  actual:\n    " + "\n    ".join(actual))
            return False
    print("%s: ok" % name)
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--src")
    ap.add_argument("--bin-dir")
    ap.add_argument("--lib-dir")
    ap.add_argument("--clang-tidy")
    ap.add_argument("--lint", action="store_true")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    paths = [p for f in args.files for p in sorted(glob.glob(f)) or [f]]
    if args.lint:
        bad = 0
        for path in paths:
            for block in marked_blocks(path, unmarked=True):
                if block.lang in SHELL and not block.marked:
                    print("%s:%d: unmarked shell block: mark it "
                          "<!-- doctest... --> or <!-- doctest: skip "
                          "(why) -->" % (path, block.line))
                    bad += 1
        print("%d unmarked shell blocks" % bad)
        return 1 if bad else 0
    if not (args.src and args.bin_dir and args.lib_dir):
        ap.error("--src, --bin-dir and --lib-dir are required to run blocks")
    ok, count = True, 0
    box = make_sandbox(args.src, args.bin_dir, args.lib_dir, args.clang_tidy)
    try:
        for path in paths:
            for block in marked_blocks(path):
                if block.skip is not None:
                    continue
                ok = check(block, box, args) and ok
                count += 1
    finally:
        shutil.rmtree(box, ignore_errors=True)
    print("%d blocks checked" % count)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
