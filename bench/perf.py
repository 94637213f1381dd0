#!/usr/bin/python3
"""Speed benchmark: the export against single-thread PyTorch.

  /usr/bin/python3 bench/perf.py BUILD_DIR OUTDIR PEAK_GFLOPS [NAME...]

Per model of bench/memory/gen_models.py (default: the list below): writes
the ONNX, runs torch on a seeded input (eager, then frozen TorchScript),
exports with aidge-export --test-data (torch's input and output, so the
binary checks itself and a wrong kernel cannot count), builds with -O3
-march=native, runs ./model --bench N. Each latency is the fastest of
ROUNDS interleaved medians, each export time the fastest of ROUNDS
exports. Prints a Markdown table; exits 1 if an export fails its check.
bench/run.sh is the usual entry point.

The export library is cpp_fast (cpp plus the Winograd convolution, which
trades weight and stack memory for speed); AIDGE_BENCH_LIB=cpp measures
the embedded default instead. AIDGE_BENCH_THREADS=N (default 1) builds
the export with OPENMP=1 and runs it and torch on N threads.
"""
import os
import re
import statistics
import subprocess
import sys
import time

import numpy as np
import torch
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(HERE, "memory"))
import gen_models  # noqa: E402

DEFAULT = ["lenet5", "ds_cnn", "mobilenetv1_025", "resnet8", "autoencoder",
           "mobilenetv2_035", "resnet18"]
LIB = os.environ.get("AIDGE_BENCH_LIB", "cpp_fast")
THREADS = int(os.environ.get("AIDGE_BENCH_THREADS", "1"))
os.environ["OMP_NUM_THREADS"] = str(THREADS)  # the export's, when OPENMP=1
BUDGET_US = 1e6  # per timed loop: enough runs for a stable median, bounded time
# Timed loops per contender, interleaved (torch eager, TorchScript, ours,
# again...), keeping each one's fastest median: a shared VM's slow spells
# hit one loop, not one contender, and every contender gets the same filter.
ROUNDS = 3


def run(cmd):
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"FAILED: {' '.join(cmd)}\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return result.stdout


def median_us(fn, runs):
    for _ in range(3):  # warm-up: caches, allocator, TorchScript profiling runs
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1e6)
    return statistics.median(times)


def latency(model_bin, runs):
    """(median µs, completed process) of ./model --bench RUNS."""
    result = subprocess.run([model_bin, "--bench", str(runs)], capture_output=True, text=True)
    match = re.search(r"median latency over \d+ runs: ([\d.]+) us", result.stdout)
    if not match:
        sys.exit(f"FAILED: {model_bin} --bench {runs}\n{result.stdout}{result.stderr}")
    return float(match.group(1)), result


def count_macs(model, x):
    """Multiply-accumulates of the Conv2d and Linear layers (the rest is
    negligible), counted by forward hooks on one run."""
    total = [0]

    def hook(module, inputs, output):
        if isinstance(module, torch.nn.Conv2d):
            kh, kw = module.kernel_size
            total[0] += output.numel() * module.in_channels // module.groups * kh * kw
        else:
            total[0] += output.numel() * module.in_features

    handles = [m.register_forward_hook(hook) for m in model.modules()
               if isinstance(m, (torch.nn.Conv2d, torch.nn.Linear))]
    with torch.no_grad():
        model(x)
    for h in handles:
        h.remove()
    return total[0]


def write_test_data(directory, x, y):
    """input_0.pb / output_0.pb, ONNX TensorProtos named as the graph's
    input and output (as examples/gen_small_cnn_test_data.py writes them)."""
    os.makedirs(directory, exist_ok=True)
    for name, tensor_name, array in (("input_0", "input", x), ("output_0", "output", y)):
        with open(os.path.join(directory, name + ".pb"), "wb") as f:
            f.write(numpy_helper.from_array(array, name=tensor_name).SerializeToString())


def bench_model(build, outdir, name, onnx_path):
    make, shape = next((m, s) for n, m, s in gen_models.MODELS if n == name)
    torch.manual_seed(0)  # the same weights as gen_models.export
    model = make()
    gen_models.randomize_bn(model)
    model.eval()
    x = torch.randn(*shape, generator=torch.Generator().manual_seed(123))
    macs = count_macs(model, x)
    with torch.no_grad():
        expected = model(x)
        eager_once = median_us(lambda: model(x), 3)
        runs = int(max(10, min(1000, BUDGET_US / eager_once)))
        frozen = torch.jit.optimize_for_inference(torch.jit.freeze(torch.jit.trace(model, x).eval()))

    data_dir = os.path.join(outdir, "data", name)
    write_test_data(data_dir, x.numpy(), expected.numpy())
    export_dir = os.path.join(outdir, "exports", name)

    def export_s(lib, directory):
        """Fastest of ROUNDS exports, in seconds (the same filter as latency)."""
        times = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            run([os.path.join(build, "bin", "aidge-export"), onnx_path, "-o", directory,
                 f"--lib={lib}", f"--test-data={data_dir}"])
            times.append(time.perf_counter() - start)
        return min(times)

    # The default library's export time too: cpp_fast's Winograd weights are
    # 36 per 9 to write.
    default_s = export_s("cpp", export_dir + ".cpp") if LIB != "cpp" else None
    compile_s = export_s(LIB, export_dir)
    # The Makefile's CXXFLAGS ?= -O2 is the portable default; override it.
    run(["make", "-s", "-C", export_dir, "model", "CXXFLAGS=-O3 -march=native"]
        + (["OPENMP=1"] if THREADS > 1 else []))
    model_bin = os.path.join(export_dir, "model")
    # Our run count from our own latency: torch's would make a slow export
    # run for minutes.
    ours_runs = int(max(5, min(1000, BUDGET_US / latency(model_bin, 3)[0])))
    eager, script, ours, passed = [], [], [], True
    for _ in range(ROUNDS):
        with torch.no_grad():
            eager.append(median_us(lambda: model(x), runs))
            script.append(median_us(lambda: frozen(x), runs))
        us, result = latency(model_bin, ours_runs)
        ours.append(us)
        passed = passed and result.returncode == 0 and "PASS" in result.stdout
    with open(os.path.join(export_dir, "stats", "memory_info.txt")) as f:
        arena = int(re.search(r"^peak:\s+(\d+) B", f.read(), re.M).group(1))
    return dict(name=name, macs=macs, ours=min(ours), eager=min(eager), script=min(script),
                arena=arena, compile_s=compile_s, default_s=default_s,
                runs=f"{ours_runs}/{runs}", passed=passed,
                check=result.stdout.strip().splitlines()[-2:])


def compile_column(r):
    if r["default_s"] is None:
        return f"{r['compile_s']:.2f}"
    return f"{r['compile_s']:.2f} (cpp {r['default_s']:.2f})"


def table(rows, peak_gflops):
    lines = ["| model | MACs | ours µs | eager µs | TorchScript µs | speed-up | % of peak "
             "| arena bytes | compile s | runs per round ours/torch | check |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        best_torch = min(r["eager"], r["script"])
        peak_pct = 100 * 2 * r["macs"] / (r["ours"] * 1e-6) / (peak_gflops * 1e9)
        lines.append(
            f"| {r['name']} | {r['macs'] / 1e6:.2f} M | {r['ours']:.1f} | {r['eager']:.1f} "
            f"| {r['script']:.1f} | {best_torch / r['ours']:.2f}x | {peak_pct:.1f} % "
            f"| {r['arena']} | {compile_column(r)} | {r['runs']} "
            f"| {'PASS' if r['passed'] else 'FAIL'} |")
    return "\n".join(lines)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    build, outdir, peak = sys.argv[1], sys.argv[2], float(sys.argv[3])
    names = sys.argv[4:] or DEFAULT
    torch.set_num_threads(THREADS)  # the export's threads too
    paths = gen_models.generate(os.path.join(outdir, "models"), names,
                                 log=lambda line: print(line, file=sys.stderr))
    rows = []
    for name in names:
        rows.append(bench_model(build, outdir, name, paths[name]))
        print(f"{name}: done ({'PASS' if rows[-1]['passed'] else 'FAIL: ' + str(rows[-1]['check'])})",
              file=sys.stderr, flush=True)
    print(table(rows, peak))
    sys.exit(0 if all(r["passed"] for r in rows) else 1)


if __name__ == "__main__":
    main()
