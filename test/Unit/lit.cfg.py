# Runs every googletest in build/unittests as one lit test each.
import lit.formats

config.name = "poolguard-unit"
config.test_format = lit.formats.GoogleTest(".", "Tests")
config.test_source_root = config.unittests_dir
config.test_exec_root = config.unittests_dir
