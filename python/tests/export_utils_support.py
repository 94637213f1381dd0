"""Shared by the test_export_utils_*.py tests: the bundled model taken
through the export pipeline, and building and running an export."""

import subprocess
import sys
from pathlib import Path

import aidge_mlir

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "examples" / "small_cnn.onnx"
TEST_DATA = ROOT / "examples" / "small_cnn_test_data"

# The example Python export library of docs/python.md, `import mylib`.
sys.path.insert(0, str(ROOT / "examples" / "python_lib"))


def scheduled_graph(lib="cpp"):
    """examples/small_cnn.onnx fused, matched against `lib`, scheduled."""
    graph = aidge_mlir.load_onnx(str(MODEL))
    graph.run_pipeline(f"aidge-fuse,aidge-match-impl{{lib={lib}}}")
    scheduler = aidge_mlir.Scheduler(graph)
    scheduler.generate_scheduling()
    return scheduler


def build_and_run(export_dir: Path) -> subprocess.CompletedProcess:
    """Builds the export with its Makefile's ASan + UBSan target (g++ -Wall
    -Wextra -Werror) and runs it."""
    subprocess.run(["make", "-s", "-C", str(export_dir), "asan"], check=True,
                   capture_output=True, text=True)
    return subprocess.run([str(export_dir / "model_asan")], capture_output=True, text=True,
                          cwd=export_dir)
