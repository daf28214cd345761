# Runs every googletest in build/unittests as one lit test each.
import lit.formats

config.name = "poolguard-unit"
config.test_format = lit.formats.GoogleTest(".", "Tests")
config.test_source_root = config.unittests_dir
config.test_exec_root = config.unittests_dir

# In a sanitized build (POOLGUARD_SANITIZE=ON) the same ASan settings as the
# lit suite (test/lit.cfg.py): no leak detection at exit, no reports of the
# allocator annotations of LLVM's headers. Harmless otherwise.
import os
config.environment["ASAN_OPTIONS"] = \
    "detect_leaks=0:halt_on_error=1:allow_user_poisoning=0"
config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
