#!/usr/bin/python3
"""The reference interpreter on PyTorch models, at two stages of the IR.

  torch_stages.py OUTDIR AIDGE_EXPORT MODEL... [-- PIPELINE OPTIONS...]

For each MODEL (a name of bench/memory/gen_models.py): exports it to ONNX
with seeded random weights, runs it in torch on a seeded input, writes that
input and torch's output as an ONNX test data set, then evaluates the graph
with `aidge-export --print-reference` right after import and after the
whole export pipeline (fused batch norms, pads and activations; cpp
implementations with their channels-last formats and transposes; schedule;
memory plan; the pipeline options given after `--`). Both must match torch:
|e - v| <= 1e-4 + 1e-4 |e|. Prints one line per model and stage.
"""
import os
import subprocess
import sys

import numpy as np
import onnx
import torch
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(HERE, "..", "..", "bench", "memory"))
import gen_models  # noqa: E402


def check(values, expected):
    worst = 0.0
    for e, v in zip(expected, values):
        if not abs(e - v) <= 1e-4 + 1e-4 * abs(e):
            return f"MISMATCH {v!r} instead of {e!r}"
        worst = max(worst, abs(e - v))
    return f"match (max |error| {worst:.1e})"


def main():
    args = sys.argv[1:]
    options = args[args.index("--") + 1:] if "--" in args else []
    args = args[:args.index("--")] if "--" in args else args
    outdir, export, names = args[0], args[1], args[2:]
    os.makedirs(outdir, exist_ok=True)
    for name in names:
        make, shape = next((m, s) for n, m, s in gen_models.MODELS if n == name)
        path = os.path.join(outdir, name + ".onnx")
        gen_models.export(name, make, shape, path)
        torch.manual_seed(0)
        model = make()
        gen_models.randomize_bn(model)
        model.eval()
        x = torch.randn(*shape, generator=torch.Generator().manual_seed(123))
        with torch.no_grad():
            y = model(x).numpy().astype(np.float64).reshape(-1)
        data = os.path.join(outdir, name + "_data")
        os.makedirs(data, exist_ok=True)
        onnx.save_tensor(numpy_helper.from_array(x.numpy()),
                         os.path.join(data, "input_0.pb"))
        for stage in ("imported", "planned"):
            proc = subprocess.run([export, path, "--test-data=" + data,
                                   "--print-reference=" + stage] + options,
                                  capture_output=True, text=True)
            if proc.returncode != 0:
                print(f"{name} {stage}: FAILED {proc.stderr.strip()[-500:]}")
                return 1
            values = [float(v) for v in proc.stdout.splitlines()[1].split()]
            print(f"{name} {stage}: {check(values, y)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
