# -*- Python -*-
# The GTest suites of unittests/, one lit test per test case.

import os

import lit.formats

config.name = "AIDGE-Unit"
config.suffixes = []
config.test_source_root = os.path.join(config.aidge_obj_root, "unittests")
config.test_exec_root = config.test_source_root
config.test_format = lit.formats.GoogleTest(".", "Tests")
