#!/usr/bin/python3
"""Compiler-scaling benchmark: aidge-export of synthetic graphs of growing size.

  /usr/bin/python3 bench/scaling/run.py BUILD_DIR OUT_DIR [N...]

For each N (default 1000 10000 100000) writes OUT_DIR/scale_N.onnx with
gen_graph.py (once), runs the full pipeline (BUILD_DIR/bin/aidge-export to a
fresh OUT_DIR/export_N) and prints a Markdown table: ops in the ONNX graph,
kernel calls, wall seconds, seconds per 1k ops. Time that grows linearly
keeps the last column flat.
"""
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    build, out = sys.argv[1], sys.argv[2]
    sizes = [int(n) for n in sys.argv[3:]] or [1000, 10000, 100000]
    os.makedirs(out, exist_ok=True)
    print("| ops | kernel calls | aidge-export s | s per 1k ops |")
    print("|---:|---:|---:|---:|")
    for n in sizes:
        model = os.path.join(out, f"scale_{n}.onnx")
        if not os.path.exists(model):
            subprocess.run(["/usr/bin/python3", os.path.join(HERE, "gen_graph.py"), str(n), model],
                           check=True, stdout=subprocess.DEVNULL)
        export = os.path.join(out, f"export_{n}")
        shutil.rmtree(export, ignore_errors=True)
        start = time.perf_counter()
        result = subprocess.run([os.path.join(build, "bin", "aidge-export"), model, "-o", export],
                                check=True, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        ops = int(re.search(r"(\d+) ops$", subprocess.run(
            ["/usr/bin/python3", "-c", "import onnx,sys; print(len(onnx.load(sys.argv[1]).graph.node), 'ops')",
             model], check=True, capture_output=True, text=True).stdout.strip()).group(1))
        calls = int(re.search(r"ops:\s+(\d+) kernel calls", result.stdout).group(1))
        print(f"| {ops} | {calls} | {seconds:.2f} | {seconds / ops * 1000:.3f} |", flush=True)
        shutil.rmtree(export, ignore_errors=True)


if __name__ == "__main__":
    main()
