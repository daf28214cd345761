#!/usr/bin/env python3
"""The Bazel workspace of test/tool/bazel.test, and what its execution logs say.

  bazel_workspace.py make DIR --examples=EXAMPLES --poolguard=BIN --bazel-dir=DIR
      writes, under DIR:
        ws/            the workspace: the incident of examples/incident spread
                       over packages (db, modules, app, users, orders), 16
                       feature TUs in 4 more packages (21 TUs), and the
                       incident's 5 TUs fixed under fixed/; //:poolguard and
                       //:poolguard_fixed are the poolguard_test targets;
                       ws/compile_commands.json lists the incident's TUs
                       with the flags Bazel gives them, for `poolguard -p`
        poolguard/     the repository @poolguard: poolguard's bazel/ files and
                       a link to the poolguard binary under test
        rules_cc/, rules_java/, remote_coverage_tools/   stubs of the
                       repositories Bazel 4.2.3 would download (Bazel's native
                       rules under their names; coverage tools never run)
        bazelrc        the flags every bazel command of the test uses

  bazel_workspace.py clone WS DEST
      copies the workspace WS to DEST (a second checkout), leaving out
      Bazel's convenience links.

  bazel_workspace.py bazel DIR [--timeout=S] ARGS...
      runs `bazel --batch ARGS` with DIR's output root, bazelrc and HOME, and
      always stops it.

  bazel_workspace.py spawns LOG MNEMONIC [--command-contains=S]
      reads an --execution_log_json_file (a stream of JSON objects) and prints
      "MNEMONIC: N spawns, E executed, H cache hits" (of the spawns with an
      argument containing S: a test's own spawn runs test-setup.sh, the
      spawn writing its test.xml does not).
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time

FEATURE_GROUPS = ["billing", "catalog", "search", "shipping"]
FEATURES_PER_GROUP = 4

RULES_CC = ["cc_library", "cc_binary", "cc_test", "cc_toolchain",
            "cc_toolchain_suite", "cc_import"]
RULES_JAVA = ["java_import", "java_runtime", "java_toolchain", "java_library",
              "java_binary"]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def stub_repository(root, package, rules):
    """A rule repository whose defs.bzl re-exports Bazel's native rules."""
    write(os.path.join(root, "WORKSPACE"), "")
    write(os.path.join(root, package, "BUILD"), 'exports_files(["defs.bzl"])\n')
    write(os.path.join(root, package, "defs.bzl"),
          "".join("%s = native.%s\n" % (r, r) for r in rules))


def coverage_stub(root):
    """Test rules depend on the coverage tools Bazel would download; the
    test never runs coverage."""
    write(os.path.join(root, "WORKSPACE"), "")
    write(os.path.join(root, "unused.sh"), "#!/bin/sh\nexit 1\n")
    os.chmod(os.path.join(root, "unused.sh"), 0o755)
    write(os.path.join(root, "BUILD"), "".join(
        'sh_binary(name = "%s", srcs = ["unused.sh"], '
        'visibility = ["//visibility:public"])\n' % name
        for name in ["coverage_report_generator", "lcov_merger"]))


def incident_sources(examples, tree, fixed):
    """examples/incident/src, one package per module, includes rewritten."""
    src = os.path.join(examples, "incident", "src")

    def read(name):
        with open(os.path.join(src, name)) as f:
            text = f.read()
        text = text.replace('"Modules.h"', '"%s/modules/Modules.h"' % tree)
        return text.replace('"PrismaService.h"', '"%s/db/PrismaService.h"' % tree)

    files = {
        "db/PrismaService.h": read("PrismaService.h"),
        "db/PrismaService.cpp": read("PrismaService.cpp"),
        "modules/Modules.h": read("Modules.h"),
        "app/AppModule.cpp": read("AppModule.cpp"),
        "app/main.cpp": read("main.cpp"),
        "users/UsersModule.cpp": read("UsersModule.cpp"),
        "orders/OrdersModule.cpp": read("OrdersModule.cpp"),
    }
    if fixed:
        # One provider (the app module), and the limit appended with '&'.
        for module in ["users/UsersModule.cpp", "orders/OrdersModule.cpp"]:
            files[module] = files[module].replace(
                "  Builder.registerType<PrismaService>().singleInstance();\n", "")
        files["db/PrismaService.cpp"] = files["db/PrismaService.cpp"].replace(
            '"?connection_limit=5"', '"&connection_limit=5"')
    return files


def feature_sources(group, index):
    name = "%s%d" % (group.capitalize(), index)
    return ("features/%s/%s.cpp" % (group, name),
            '#include <Hypodermic/Hypodermic.h>\n\n'
            'class %sRepository {};\n\n'
            'void register%s(Hypodermic::ContainerBuilder &Builder) {\n'
            '  Builder.registerType<%sRepository>();\n'
            '}\n' % (name, name, name))


def tree_build_files(tree, groups):
    third_party = ["//third_party:hypodermic", "//third_party:soci"]
    builds = {
        "db": [("db", ["PrismaService.cpp"], ["PrismaService.h"],
                ["//third_party:soci"])],
        "modules": [("modules", [], ["Modules.h"], ["//third_party:hypodermic"])],
        "users": [("users", ["UsersModule.cpp"], [],
                   ["//%s/modules" % tree, "//%s/db" % tree])],
        "orders": [("orders", ["OrdersModule.cpp"], [],
                    ["//%s/modules" % tree, "//%s/db" % tree])],
        "app": [("app", ["AppModule.cpp"], [],
                 ["//%s/modules" % tree, "//%s/db" % tree,
                  "//%s/users" % tree, "//%s/orders" % tree] +
                 ["//%s/features/%s" % (tree, g) for g in groups])],
    }
    for g in groups:
        srcs = ["%s%d.cpp" % (g.capitalize(), i)
                for i in range(1, FEATURES_PER_GROUP + 1)]
        builds["features/" + g] = [(g, srcs, [], third_party)]
    out = {}
    for package, libs in builds.items():
        text = 'load("@rules_cc//cc:defs.bzl", "cc_binary", "cc_library")\n\n'
        text += 'package(default_visibility = ["//visibility:public"])\n'
        for name, srcs, hdrs, deps in libs:
            text += ('\ncc_library(\n    name = "%s",\n    srcs = %s,\n'
                     '    hdrs = %s,\n    copts = ["-std=c++17"],\n'
                     '    deps = %s,\n)\n' % (name, json.dumps(srcs),
                                             json.dumps(hdrs), json.dumps(deps)))
        if package == "app":
            text += ('\ncc_binary(\n    name = "server",\n    srcs = ["main.cpp"],\n'
                     '    copts = ["-std=c++17"],\n    deps = [":app"],\n)\n')
        out[tree + "/" + package + "/BUILD"] = text
    return out


def make(args):
    out = os.path.abspath(args.dir)
    ws = os.path.join(out, "ws")
    stub_repository(os.path.join(out, "rules_cc"), "cc", RULES_CC)
    stub_repository(os.path.join(out, "rules_java"), "java", RULES_JAVA)
    coverage_stub(os.path.join(out, "remote_coverage_tools"))
    repo = os.path.join(out, "poolguard")
    shutil.copytree(args.bazel_dir, repo)
    os.symlink(os.path.abspath(args.poolguard), os.path.join(repo, "poolguard"))

    write(os.path.join(ws, "WORKSPACE"),
          'workspace(name = "incident")\n\n'
          'local_repository(name = "poolguard", path = "%s")\n' % repo)
    write(os.path.join(ws, ".clang-tidy"), "Checks: 'poolguard-*'\n")
    write(os.path.join(ws, "BUILD"),
          'load("@poolguard//:poolguard.bzl", "poolguard_test")\n\n'
          'exports_files([".clang-tidy"])\n\n'
          'poolguard_test(\n    name = "poolguard",\n'
          '    deps = ["//incident/app:server"],\n'
          '    config = [".clang-tidy"],\n    args_merge = ["--quiet"],\n)\n\n'
          'poolguard_test(\n    name = "poolguard_fixed",\n'
          '    deps = ["//fixed/app:server"],\n'
          '    config = [".clang-tidy"],\n    args_merge = ["--quiet"],\n)\n')
    third_party = os.path.join(args.examples, "incident", "third_party")
    shutil.copytree(third_party, os.path.join(ws, "third_party"))
    write(os.path.join(ws, "third_party", "BUILD"),
          'load("@rules_cc//cc:defs.bzl", "cc_library")\n\n'
          'package(default_visibility = ["//visibility:public"])\n\n'
          'cc_library(name = "hypodermic", hdrs = ["Hypodermic/Hypodermic.h"], '
          'includes = ["."])\n\n'
          'cc_library(name = "soci", hdrs = ["soci/soci.h"], includes = ["."])\n')

    commands = []
    for tree, fixed in [("incident", False), ("fixed", True)]:
        files = incident_sources(args.examples, tree, fixed)
        for g in FEATURE_GROUPS if not fixed else []:
            for i in range(1, FEATURES_PER_GROUP + 1):
                path, text = feature_sources(g, i)
                files[path] = text
        for path, text in files.items():
            write(os.path.join(ws, tree, path), text)
            if tree == "incident" and path.endswith(".cpp"):
                commands.append({
                    "directory": ws, "file": "%s/%s" % (tree, path),
                    "arguments": ["c++", "-std=c++17", "-iquote", ".",
                                  "-isystem", "third_party", "-c",
                                  "%s/%s" % (tree, path)]})
        groups = [] if fixed else FEATURE_GROUPS
        for path, text in tree_build_files(tree, groups).items():
            write(os.path.join(ws, path), text)
    write(os.path.join(ws, "compile_commands.json"),
          json.dumps(sorted(commands, key=lambda c: c["file"]), indent=1) + "\n")

    # Debian's bazel-bootstrap is not self-extracting: its system bazelrc
    # (left out with --nosystem_rc) names the install base and the JDK.
    write(os.path.join(out, "bazelrc"), "".join(
        "startup --%s\n" % flag for flag in [
            "install_base=/usr/share/bazel",
            "trust_install_base",
        ]) + "".join(
        "build --%s\n" % flag for flag in [
            "host_javabase=@local_jdk//:jdk",
            "override_repository=rules_cc=" + os.path.join(out, "rules_cc"),
            "override_repository=rules_java=" + os.path.join(out, "rules_java"),
            "override_repository=platforms=/usr/share/bazel/tools/platforms",
            "override_repository=remote_coverage_tools=" +
            os.path.join(out, "remote_coverage_tools"),
            "disk_cache=" + os.path.join(out, "disk-cache"),
            "repository_cache=" + os.path.join(out, "repository-cache"),
            "jobs=2",
            "color=no",
            "curses=no",
            "show_progress_rate_limit=60",
        ]))


def spawns(args):
    """The spawns of one mnemonic in an execution log."""
    with open(args.log) as f:
        text = f.read()
    decoder = json.JSONDecoder()
    pos, entries = 0, []
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos == len(text):
            break
        entry, pos = decoder.raw_decode(text, pos)
        entries.append(entry)
    mine = [e for e in entries if e.get("mnemonic") == args.mnemonic and
            any(args.command_contains in a for a in e.get("commandArgs", []))]
    hits = sum(1 for e in mine if e.get("remoteCacheHit"))
    print("%s: %d spawns, %d executed, %d cache hits"
          % (args.mnemonic, len(mine), len(mine) - hits, hits))


def clone(args):
    """A second checkout: the workspace copied to another path, without the
    convenience links (bazel-*) into the first one's output base."""
    shutil.copytree(args.src, args.dst, symlinks=True,
                    ignore=lambda d, names: [n for n in names if n.startswith("bazel-")])


def bazel(args):
    """Runs `bazel --batch` with the test's private output root, rc file and
    HOME, in its own process group, and kills that group however this ends
    (a batch Bazel leaves no server; its children die with it)."""
    out = os.path.abspath(args.dir)
    home = os.path.join(out, "home")
    os.makedirs(home, exist_ok=True)
    command = ["bazel", "--batch", "--output_user_root=" + os.path.join(out, "root"),
               "--bazelrc=" + os.path.join(out, "bazelrc"), "--nohome_rc",
               "--nosystem_rc"] + args.args
    env = dict(os.environ, HOME=home)
    start = time.monotonic()
    process = subprocess.Popen(command, env=env, start_new_session=True)
    try:
        code = process.wait(timeout=args.timeout)
        print("bazel_workspace.py: bazel ran %.1f s" % (time.monotonic() - start),
              file=sys.stderr)
        return code
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    m = sub.add_parser("make")
    m.add_argument("dir")
    m.add_argument("--examples", required=True)
    m.add_argument("--poolguard", required=True)
    m.add_argument("--bazel-dir", required=True)
    s = sub.add_parser("spawns")
    s.add_argument("log")
    s.add_argument("mnemonic")
    s.add_argument("--command-contains", default="",
                   help="only the spawns with an argument containing this")
    c = sub.add_parser("clone")
    c.add_argument("src")
    c.add_argument("dst")
    b = sub.add_parser("bazel")
    b.add_argument("dir")
    b.add_argument("--timeout", type=int, default=300)
    b.add_argument("args", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    return {"make": make, "spawns": spawns, "clone": clone,
            "bazel": bazel}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
