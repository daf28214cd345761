# lit configuration of poolguard's tests. Substitutions:
#   %check_tidy     test/check_tidy.py: clang-tidy --load with our plugin,
#                   FileCheck of messages and fixes (see that file)
#   %clang_tidy     the versioned clang-tidy the plugin was built for
#   %plugin         build/lib/libPoolGuardTidyModule.so
#   %poolguard      build/bin/poolguard
#   %clangd         build/bin/poolguard-clangd
#   %headers        test/checks/Inputs/Headers (mock third-party headers)
#   %front_ends     test/tool/front_ends.py: the tool and the plugin over one
#                   compile database, their cross-TU findings compared
#   %S, %t, %s      as usual
import os
import shutil
import subprocess
import lit.formats
import lit.util

config.name = "poolguard"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "Unit", "corpus", "lit.cfg.py", "check_tidy.py", "checks_table.py",
                   "docs_packages.py", "expect_exit.py"]
config.test_source_root = os.path.dirname(__file__)

# No stray .clang-tidy or clang config from the machine leaks into a test.
config.environment["CLANG_NO_DEFAULT_CONFIG"] = "1"
for var in ["HOME", "TMPDIR", "TERM"]:
    if var in os.environ:
        config.environment[var] = os.environ[var]

# Every poolguard run of the suite is a differential test of skipping
# library function bodies: each TU parsed with bodies skipped is parsed again
# in full and the two results (facts, diagnostics, dependencies) must be
# byte-identical, or the TU fails naming the first difference
# (docs/performance.md). `lit --param verify_skip_bodies=0` turns it off.
if lit_config.params.get("verify_skip_bodies", "1") != "0":
    config.environment["POOLGUARD_VERIFY_SKIP_BODIES"] = "1"

tools = config.poolguard_tools_dir
config.environment["PATH"] = os.pathsep.join(
    [tools, config.llvm_tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))])

# A sanitized build (POOLGUARD_SANITIZE=ON): the instrumented plugin needs
# the ASan runtime loaded first into the unsanitized clang-tidy, so clang-tidy
# runs with it preloaded (docs/reliability.md). LLVM front ends free nothing
# at exit on purpose: no leak detection. LLVM's BumpPtrAllocator poisons and
# unpoisons its slabs from inline header code when compiled with ASan, while
# the allocator objects live in the unsanitized libclang-cpp/libLLVM: user
# poisoning is off, so those half-instrumented annotations are not reported.
# Any other report fails the test.
tidy_env = ""
if getattr(config, "poolguard_sanitize", "OFF").upper() in ("ON", "1", "TRUE", "YES"):
    import subprocess
    config.available_features.add("asan")
    asan_runtime = subprocess.check_output(
        [config.cxx_compiler, "-print-file-name=libasan.so"], universal_newlines=True).strip()
    tidy_env = "env LD_PRELOAD=%s " % asan_runtime
    config.environment["ASAN_OPTIONS"] = \
        "detect_leaks=0:halt_on_error=1:allow_user_poisoning=0"
    config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"

src = config.poolguard_src_root
check_tidy = os.path.join(src, "test", "check_tidy.py")
headers = os.path.join(src, "test", "checks", "Inputs", "Headers")
config.substitutions.append(
    ("%check_tidy",
     tidy_env + "python3 %s --clang-tidy=%s --plugin=%s --filecheck=%s --headers=%s"
     " --poolguard=%s"
     % (check_tidy, config.clang_tidy, config.poolguard_plugin, config.filecheck, headers,
        os.path.join(tools, "poolguard"))))
config.substitutions.append(
    ("%front_ends",
     tidy_env + "python3 %s --poolguard=%s --clang-tidy=%s --plugin=%s"
     % (os.path.join(src, "test", "tool", "front_ends.py"),
        os.path.join(tools, "poolguard"), config.clang_tidy,
        config.poolguard_plugin)))
config.substitutions.append(
    ("%expect_exit", "python3 " + os.path.join(src, "test", "expect_exit.py")))
config.substitutions.append(("%clang_tidy", tidy_env + config.clang_tidy))
config.substitutions.append(("%llvm_tools_dir", config.llvm_tools_dir))
config.substitutions.append(("%plugin", config.poolguard_plugin))
config.substitutions.append(("%{poolguard_bin}", tools))
config.substitutions.append(("%{clang_tidy_bin}", config.clang_tidy))
config.substitutions.append(
    ("%{poolguard_lib}", os.path.dirname(config.poolguard_plugin)))
config.substitutions.append(("%poolguard", os.path.join(tools, "poolguard")))
config.substitutions.append(("%clangd", os.path.join(tools, "poolguard-clangd")))
config.substitutions.append(("%headers", headers))
config.substitutions.append(("%FileCheck", config.filecheck))
config.substitutions.append(("%llvm_version", config.llvm_version_major))
# Before %poolguard, which is a prefix of these.
config.substitutions.insert(0, ("%poolguard_version", config.poolguard_version))
config.substitutions.insert(0, ("%poolguard_build", config.poolguard_obj_root))
config.substitutions.append(("%cmake", config.cmake))
config.available_features.add("llvm-" + config.llvm_version_major)
# Another installed clang-tidy for the plugin version-mismatch test: for a
# build against 19 Debian's default (14), for 22 the 19 one.
for other in {"19": ["14", "22"]}.get(config.llvm_version_major, ["19", "14"]):
    other_tidy = "/usr/lib/llvm-%s/bin/clang-tidy" % other
    if other != config.llvm_version_major and os.path.exists(other_tidy):
        config.available_features.add("other-clang-tidy")
        config.substitutions.append(("%other_clang_tidy", tidy_env + other_tidy))
        config.substitutions.append(("%other_llvm_version", other))
        break
# strace's fault injection, for the tests that kill --fix mid-write (ptrace
# may be forbidden in a container: try it).
if shutil.which("strace") and subprocess.run(
        ["strace", "-qq", "-o", os.devnull, "true"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
    config.available_features.add("strace")
# Tests that need root (device nodes made with mknod in a private
# directory, files of another owner) are skipped for other users.
if os.geteuid() == 0:
    config.available_features.add("root")
# Bazel (Debian's bazel-bootstrap) for test/tool/bazel.test.
if shutil.which("bazel") and os.path.isdir("/usr/share/bazel/tools/platforms"):
    config.available_features.add("bazel")
else:
    lit_config.note("bazel not found: test/tool/bazel.test is skipped "
                    "(apt-get install bazel-bootstrap bazel-platforms)")
if os.path.exists(os.path.join(tools, "poolguard-clangd")):
    config.available_features.add("clangd")

# The live tests (test/pg): a throwaway PostgreSQL 15 server (test/pg/
# cluster.sh; initdb once per build into POOLGUARD_PG_TEMPLATE) and real
# programs built against the pool libraries Debian ships. .ci/deps.sh
# installs all of them; where one is missing its tests are reported
# UNSUPPORTED and this says why.
config.substitutions.append(("%cxx", config.cxx_compiler))
qt5 = "/usr/include/x86_64-linux-gnu/qt5"
config.substitutions.append(
    ("%qt_flags", "-fPIC -I%s -I%s/QtCore -I%s/QtSql" % (qt5, qt5, qt5)))
qt6 = "/usr/include/x86_64-linux-gnu/qt6"
config.substitutions.append(
    ("%qt6_flags", "-fPIC -I%s -I%s/QtCore -I%s/QtSql" % (qt6, qt6, qt6)))
config.environment["POOLGUARD_PG_TEMPLATE"] = os.path.join(
    config.test_exec_root, "pg-cluster-template")
# They measure the libraries and the server, not the LLVM poolguard is built
# against (the facts from the real headers are compared with the mocks' in
# every suite: checks/facts-real-headers.cpp), so CI runs them in the LLVM 19
# suite only: `lit --param live_tests=0` leaves test/pg out
# (docs/live-databases.md).
live_tests = lit_config.params.get("live_tests", "1")
if live_tests not in ("0", "1"):
    lit_config.fatal("--param live_tests=%s: expected 0 or 1" % live_tests)
if live_tests == "0":
    config.excludes.append("pg")
    lit_config.note("the live tests (test/pg) are not run: --param live_tests=0")
live_requirements = {
    "postgres": ("postgresql-15", ["/usr/lib/postgresql/15/bin/initdb"]),
    "soci": ("libsoci-dev libsoci-postgresql4.0 libboost-dev",
             ["/usr/include/soci/connection-pool.h",
              "/usr/include/boost/fusion/algorithm/iteration/for_each.hpp"]),
    "poco-data": ("libpoco-dev", ["/usr/include/Poco/Data/PostgreSQL/Connector.h"]),
    "qt5-sql": ("qtbase5-dev libqt5sql5-psql",
                ["/usr/include/x86_64-linux-gnu/qt5/QtSql/QSqlDatabase",
                 "/usr/lib/x86_64-linux-gnu/qt5/plugins/sqldrivers/libqsqlpsql.so"]),
    "qt6-sql": ("qt6-base-dev libqt6sql6-psql",
                ["/usr/include/x86_64-linux-gnu/qt6/QtSql/QSqlDatabase",
                 "/usr/lib/x86_64-linux-gnu/qt6/plugins/sqldrivers/libqsqlpsql.so"]),
    "cppdb": ("libcppdb-dev libcppdb-postgresql0", ["/usr/include/cppdb/frontend.h"]),
    "libpq": ("libpq-dev", ["/usr/include/postgresql/libpq-fe.h"]),
    "libpqxx": ("libpqxx-dev", ["/usr/include/pqxx/pqxx"]),
}
for feature, (packages, paths) in live_requirements.items():
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        lit_config.note("tests that need '%s' are skipped: %s not found "
                        "(apt-get install %s)" % (feature, missing[0], packages))
    else:
        config.available_features.add(feature)
