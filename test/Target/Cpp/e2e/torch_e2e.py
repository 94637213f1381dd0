#!/usr/bin/python3
"""Exports PyTorch models end to end and checks the C++ against torch.

  torch_e2e.py BUILD_DIR OUTDIR MODEL [--lib NAME] [--plan "OPTIONS"]... [--asan] [--openmp]

For MODEL (a name of bench/memory/gen_models.py): exports it to ONNX with
seeded random weights, runs it in torch on a seeded input, then for each
--plan (aidge-plan-memory options; default "strategy=best"): imports,
fuses, matches to the export library NAME (default cpp), schedules, plans,
verifies, lowers, writes the C++ with aidge-translate --to-cpp, builds it with make (and
make asan with --asan; make OPENMP=1, run on 2 threads, with --openmp),
runs it on the same input and compares every
output value with torch's: |e - v| <= 1e-3 + 1e-4 |e|. Prints one line per
configuration; exits 1 at the first failure.
"""
import os
import subprocess
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "..", "bench", "memory"))
import gen_models  # noqa: E402


def run(cmd, **kwargs):
    result = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"FAILED: {' '.join(cmd) if isinstance(cmd, list) else cmd}\n"
                 f"{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return result.stdout


def main():
    args = sys.argv[1:]
    if len(args) < 3:
        sys.exit(__doc__)
    build, outdir, name = args[:3]
    plans, asan, openmp, lib, rest = [], False, False, "cpp", args[3:]
    while rest:
        if rest[0] == "--lib":
            lib, rest = rest[1], rest[2:]
        elif rest[0] == "--plan":
            plans.append(rest[1])
            rest = rest[2:]
        elif rest[0] == "--asan":
            asan, rest = True, rest[1:]
        elif rest[0] == "--openmp":
            openmp, rest = True, rest[1:]
        else:
            sys.exit(f"unknown argument {rest[0]}")
    plans = plans or ["strategy=best"]
    label_name = name if lib == "cpp" else f"{name} {lib}"
    make, shape = next((m, s) for n, m, s in gen_models.MODELS if n == name)
    os.makedirs(outdir, exist_ok=True)
    onnx_path = os.path.join(outdir, name + ".onnx")
    gen_models.export(name, make, shape, onnx_path)

    torch.manual_seed(0)
    model = make()
    gen_models.randomize_bn(model)
    model.eval()
    x = torch.randn(*shape, generator=torch.Generator().manual_seed(123))
    with torch.no_grad():
        expected = model(x).numpy().astype(np.float64).ravel()
    input_path = os.path.join(outdir, name + ".input.bin")
    x.numpy().astype("<f4").tofile(input_path)

    bin_dir = os.path.join(build, "bin")
    imported = run([os.path.join(bin_dir, "aidge-translate"), "--import-onnx",
                    onnx_path, "--mlir-print-debuginfo"])
    for index, plan in enumerate(plans):
        export_dir = os.path.join(outdir, f"{name}-{lib}-{index}")
        lowered = run([os.path.join(bin_dir, "aidge-opt"), "--aidge-fuse",
                       f"--aidge-match-impl=lib={lib}", "--aidge-schedule",
                       f"--aidge-plan-memory={plan}", "--aidge-verify-memory",
                       "--aidge-lower-to-export", "--mlir-print-debuginfo"],
                      input=imported)
        run([os.path.join(bin_dir, "aidge-translate"), "--to-cpp",
             f"--export-dir={export_dir}"], input=lowered)
        # (make target, more make arguments, label, OMP_NUM_THREADS)
        targets = [("model", [], "-O2", None)]
        targets += [("model_asan", [], "ASan/UBSan", None)] if asan else []
        targets += [("model", ["-B", "OPENMP=1"], "OpenMP 2 threads", "2")] if openmp else []
        for target, make_args, label, threads in targets:
            run(["make", "-s", "-C", export_dir, target] + make_args)
            out_dir = os.path.join(export_dir, "out-" + label.split()[0])
            os.makedirs(out_dir, exist_ok=True)
            env = dict(os.environ, OMP_NUM_THREADS=threads) if threads else None
            run([os.path.join(export_dir, target), "--input", input_path,
                 "--output-dir", out_dir], env=env)
            got = np.load(os.path.join(out_dir, "output.npy")).astype(np.float64).ravel()
            if got.shape != expected.shape:
                sys.exit(f"{label_name} [{plan}] {label}: {got.size} outputs, torch has {expected.size}")
            bad = np.abs(got - expected) > 1e-3 + 1e-4 * np.abs(expected)
            worst = float(np.max(np.abs(got - expected)))
            status = "PASS" if not bad.any() else f"FAIL ({int(bad.sum())} mismatches)"
            print(f"{label_name} [{plan}] {label}: max |error| {worst:.2e} {status}")
            if bad.any():
                sys.exit(1)


if __name__ == "__main__":
    main()
