"""poolguard on Bazel: the map step as one cached action per C++ source, the
merge step as a test (docs/scale.md).

    load("@poolguard//:poolguard.bzl", "poolguard_test")

    poolguard_test(
        name = "poolguard",
        deps = ["//services/orders:server", "//services/users:server"],
    )

Written for Bazel 4.2.3 (Debian bookworm's bazel-bootstrap) and current
Bazel; the differences are listed in docs/scale.md.
"""

load("@bazel_tools//tools/cpp:toolchain_utils.bzl", "find_cpp_toolchain")
load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "ACTION_NAMES")

PoolguardInfo = provider(
    doc = "What the map step of a target and its deps produced.",
    fields = {
        "facts": "depset of --facts-out files, one per C++ source",
        "srcs": "depset of the analyzed sources and the headers they can include",
    },
)

_CXX_EXTENSIONS = [".cc", ".cpp", ".cxx", ".c++", ".C"]

# Flags of GCC toolchains that poolguard's clang does not accept; poolguard
# parses, so warning flags are dropped too.
_DROPPED_FLAGS = ["-fno-canonical-system-headers"]

def _is_cxx_source(f):
    return f.is_source and any([f.path.endswith(e) for e in _CXX_EXTENSIONS])

def _toolchain_flags(ctx):
    """The C++ compile flags of the target's toolchain and copts."""
    cc_toolchain = find_cpp_toolchain(ctx)
    features = cc_common.configure_features(
        ctx = ctx,
        cc_toolchain = cc_toolchain,
        requested_features = ctx.features,
        unsupported_features = ctx.disabled_features,
    )
    variables = cc_common.create_compile_variables(
        feature_configuration = features,
        cc_toolchain = cc_toolchain,
        user_compile_flags = ctx.fragments.cpp.cxxopts + ctx.fragments.cpp.copts +
                             getattr(ctx.rule.attr, "copts", []),
    )
    flags = cc_common.get_memory_inefficient_command_line(
        feature_configuration = features,
        action_name = ACTION_NAMES.cpp_compile,
        variables = variables,
    )
    return [f for f in flags if not f.startswith("-W") and f not in _DROPPED_FLAGS]

def _header_search_flags(cc):
    """-D, -I, -iquote, -isystem of a compilation context."""
    flags = ["-D" + d for d in cc.defines.to_list() + cc.local_defines.to_list()]
    flags += ["-I" + i for i in cc.includes.to_list()]
    flags += ["-iquote" + i for i in cc.quote_includes.to_list()]
    flags += ["-isystem" + i for i in cc.system_includes.to_list()]
    return flags

def _map_action(ctx, src, cc, flags):
    """One PoolguardMap action: the facts of src, paths relative to the
    execution root (--path-root=.), so the output is the same on every
    machine and at every checkout path."""
    out = ctx.actions.declare_file("poolguard/%s/%s.facts.json" % (ctx.label.name, src.path))
    args = ctx.actions.args()
    args.add(src)
    args.add("--no-cache")
    args.add("--quiet")
    args.add("--path-root=.")
    args.add("--facts-out=" + out.path)
    args.add("--")
    args.add_all(flags)
    ctx.actions.run(
        executable = ctx.executable._poolguard,
        arguments = [args],
        inputs = depset([src], transitive = [cc.headers]),
        outputs = [out],
        mnemonic = "PoolguardMap",
        progress_message = "poolguard %s" % src.short_path,
    )
    return out

def _poolguard_aspect_impl(target, ctx):
    deps = [d[PoolguardInfo] for d in getattr(ctx.rule.attr, "deps", []) if PoolguardInfo in d]
    facts, srcs, headers = [], [], []
    if CcInfo in target and hasattr(ctx.rule.attr, "srcs"):
        cc = target[CcInfo].compilation_context
        flags = _toolchain_flags(ctx) + _header_search_flags(cc)
        for src_target in ctx.rule.attr.srcs:
            for src in src_target.files.to_list():
                if _is_cxx_source(src):
                    facts.append(_map_action(ctx, src, cc, flags))
                    srcs.append(src)
        headers = [cc.headers]
    all_facts = depset(facts, transitive = [d.facts for d in deps])
    return [
        PoolguardInfo(
            facts = all_facts,
            srcs = depset(srcs, transitive = headers + [d.srcs for d in deps]),
        ),
        # `bazel build --aspects=... --output_groups=poolguard_facts`: only
        # the map actions.
        OutputGroupInfo(poolguard_facts = all_facts),
    ]

poolguard_aspect = aspect(
    implementation = _poolguard_aspect_impl,
    attr_aspects = ["deps"],
    fragments = ["cpp"],
    toolchains = ["@bazel_tools//tools/cpp:toolchain_type"],
    attrs = {
        "_cc_toolchain": attr.label(default = Label("@bazel_tools//tools/cpp:current_cc_toolchain")),
        "_poolguard": attr.label(
            default = Label("//:poolguard"),
            allow_single_file = True,
            executable = True,
            cfg = "exec",
        ),
    },
)

# The merge runs in the test's runfiles, where the relative paths of the
# facts name the sources. The sources there are links into the checkout (or
# copies on a remote executor): their real directories are the project roots
# poolguard reads report excerpts from.
_MERGE = """#!/bin/sh
set -eu
roots="${{TEST_TMPDIR:-/tmp}}/poolguard-roots.txt"
xargs -r readlink -f < {srcs} | sed 's|/[^/]*$||' | sort -u | sed 's|^|--root=|' > "$roots"
exec {poolguard} --merge --path-root=. {args} @{facts} @"$roots"
"""

def _runfiles_list(ctx, name, files):
    listing = ctx.actions.declare_file(ctx.label.name + name)
    ctx.actions.write(listing, "".join([f.short_path + "\n" for f in files]))
    return listing

def _poolguard_test_impl(ctx):
    facts = depset(transitive = [d[PoolguardInfo].facts for d in ctx.attr.deps])
    srcs = depset(transitive = [d[PoolguardInfo].srcs for d in ctx.attr.deps])
    facts_list = _runfiles_list(ctx, ".facts.txt", facts.to_list())
    srcs_list = _runfiles_list(ctx, ".srcs.txt", srcs.to_list())
    script = ctx.actions.declare_file(ctx.label.name + ".sh")
    ctx.actions.write(script, is_executable = True, content = _MERGE.format(
        poolguard = ctx.executable._poolguard.short_path,
        args = " ".join(ctx.attr.args_merge),
        facts = facts_list.short_path,
        srcs = srcs_list.short_path,
    ))
    runfiles = ctx.runfiles(
        files = [facts_list, srcs_list, ctx.executable._poolguard] + ctx.files.config,
        transitive_files = depset(transitive = [facts, srcs]),
    )
    return [DefaultInfo(executable = script, runfiles = runfiles)]

poolguard_test = rule(
    implementation = _poolguard_test_impl,
    test = True,
    doc = "Fails with poolguard's exit code (1: findings, 3: a TU could not be analyzed); the report is in the test log.",
    attrs = {
        "deps": attr.label_list(aspects = [poolguard_aspect], doc = "The C++ targets to check, with their deps."),
        "config": attr.label_list(allow_files = True, doc = "The .clang-tidy of the cross-TU checks (found from the workspace root)."),
        "args_merge": attr.string_list(doc = "More options of the merge, e.g. --format=sarif."),
        "_poolguard": attr.label(
            default = Label("//:poolguard"),
            allow_single_file = True,
            executable = True,
            cfg = "target",
        ),
    },
)
