# -*- Python -*-

import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "AIDGE"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.aidge_obj_root, "test")
config.excludes = ["Inputs", "CMakeLists.txt", "README.md", "lit.cfg.py",
                   "lit.site.cfg.py", "Unit"]

config.substitutions.append(("%PATH%", config.environment["PATH"]))
# Debian's python3 has onnx, numpy and torch; the first python3 on PATH
# may not.
config.substitutions.append(("%python", "/usr/bin/python3"))
config.substitutions.append(("%aidge_src", config.aidge_src_root))
config.substitutions.append(("%aidge_obj", config.aidge_obj_root))

llvm_config.with_system_environment(["HOME", "INCLUDE", "LIB", "TMP", "TEMP"])
llvm_config.use_default_substitutions()
# `not` and `count` at the start of a RUN line are found through PATH.
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.aidge_tools_dir, append_path=True)

tool_dirs = [config.aidge_tools_dir, config.llvm_tools_dir]
tools = ["aidge-opt", "aidge-translate", "aidge-export"]
llvm_config.add_tool_substitutions(tools, tool_dirs)

# The machine runs AVX-512 code: the kernel tests then also run the cpp
# kernels built for it (their register blocking depends on the target).
try:
    with open("/proc/cpuinfo") as cpuinfo:
        if " avx512f" in cpuinfo.read():
            config.available_features.add("avx512")
except OSError:
    pass
