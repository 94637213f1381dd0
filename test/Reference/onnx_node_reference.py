#!/usr/bin/python3
"""Runs the reference interpreter on ONNX's backend node tests.

For every node test (Debian libonnx-testdata) that imports, evaluates the
imported graph (`aidge-export --print-reference=imported`) on
test_data_set_0's inputs and compares each output with output_N.pb:
|e - v| <= 1e-4 + rtol |e| with rtol = 1e-4 (float16: 2^-10, bfloat16:
2^-7, one unit in their last place), NaN where NaN is expected. Inputs that
must be known at compile time (pads, indices, scales, ...) are compiled as
constants (--constant-input) when the model does not import otherwise.

With --planned, the graph after the whole export pipeline (fuse, match to
the cpp library with its channels-last formats and transposes, schedule,
plan) is evaluated too, where the pipeline accepts it, and must match as
well.

The outcomes on the imported graph are compared with an expected file
(`--update` rewrites it); after the pipeline, any evaluation must match.
"""
import argparse
import concurrent.futures
import math
import os
import subprocess
import sys
import tempfile

import numpy as np
import onnx
from onnx import numpy_helper

DATA = "/usr/share/libonnx-testdata/data/node"
WORKDIR = tempfile.gettempdir()


def load_tensor(path):
    tensor = onnx.load_tensor(path)
    if tensor.data_type == onnx.TensorProto.BFLOAT16:
        bits = np.array(tensor.int32_data, dtype=np.uint32)
        if tensor.raw_data:
            bits = np.frombuffer(tensor.raw_data, dtype=np.uint16).astype(np.uint32)
        return (bits << 16).view(np.float32).reshape(tuple(tensor.dims)), 2.0 ** -7
    array = numpy_helper.to_array(tensor)
    return array, 2.0 ** -10 if array.dtype == np.float16 else 1e-4


def graph_inputs(model):
    initializers = {i.name for i in model.graph.initializer}
    return [i.name for i in model.graph.input if i.name not in initializers]


def data_set(test):
    """test_data_set_0, or a copy where bfloat16 tensors that the data set
    stores as uint16 bit patterns (as ONNX 1.12 writes them) say bfloat16."""
    data = os.path.join(DATA, test, "test_data_set_0")
    model = onnx.load(os.path.join(DATA, test, "model.onnx"), load_external_data=False)
    initializers = {i.name for i in model.graph.initializer}
    declared = {"input": [i.type.tensor_type.elem_type for i in model.graph.input
                          if i.name not in initializers],
                "output": [o.type.tensor_type.elem_type for o in model.graph.output]}
    if onnx.TensorProto.BFLOAT16 not in declared["input"] + declared["output"]:
        return data
    fixed = os.path.join(WORKDIR, test)
    os.makedirs(fixed, exist_ok=True)
    for kind, types in declared.items():
        for i, elem_type in enumerate(types):
            tensor = onnx.load_tensor(os.path.join(data, f"{kind}_{i}.pb"))
            if elem_type == onnx.TensorProto.BFLOAT16:
                tensor.data_type = onnx.TensorProto.BFLOAT16
            onnx.save_tensor(tensor, os.path.join(fixed, f"{kind}_{i}.pb"))
    return fixed


def evaluate(export, test, stage, constants):
    model = os.path.join(DATA, test, "model.onnx")
    data = data_set(test)
    command = [export, model, "--test-data=" + data, "--print-reference=" + stage]
    command += ["--constant-input=" + name for name in constants]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=120,
                          errors="replace")
    return proc


def parse(stdout):
    lines = stdout.splitlines()
    outputs = []
    for header, values in zip(lines[0::2], lines[1::2]):
        fields = header.split()
        shape = [int(d) for d in fields[2].split("x")] if len(fields) == 4 else []
        outputs.append((shape, np.array([float(v) for v in values.split()])))
    return outputs


def compare(test, outputs):
    data = data_set(test)
    given = len([f for f in os.listdir(data) if f.startswith("output_")])
    if given != len(outputs):
        return f"MISMATCH: {len(outputs)} outputs, the data set has {given}"
    for i, (shape, values) in enumerate(outputs):
        path = os.path.join(data, f"output_{i}.pb")
        if not os.path.exists(path):
            return f"MISMATCH: output {i} has no output_{i}.pb"
        expected, rtol = load_tensor(path)
        expected = np.asarray(expected, dtype=np.float64)
        if list(expected.shape) != shape and expected.size != values.size:
            return f"MISMATCH: output {i} has shape {shape}, expected {list(expected.shape)}"
        expected = expected.reshape(-1)
        for k, (e, v) in enumerate(zip(expected, values)):
            if math.isnan(e) or math.isnan(v):
                ok = math.isnan(e) and math.isnan(v)
            elif math.isinf(e) or math.isinf(v):
                ok = e == v
            else:
                ok = abs(e - v) <= 1e-4 + rtol * abs(e)
            if not ok:
                return f"MISMATCH: output {i} element {k}: {v!r} instead of {e!r}"
    return "match"


def error_of(proc):
    errors = [l for l in proc.stderr.splitlines() if "error:" in l]
    if proc.returncode == 1 and errors:
        return errors[0].split("error: ", 1)[1].strip()
    return f"CRASH (exit {proc.returncode}): {proc.stderr.strip()[-300:]}"


def run(export, test, planned):
    """(outcome, whether the planned graph was evaluated and matched), or
    None when the model does not import."""
    model = onnx.load(os.path.join(DATA, test, "model.onnx"), load_external_data=False)
    constants = []
    proc = evaluate(export, test, "imported", constants)
    if proc.returncode != 0 and ("known at compile time" in proc.stderr or
                                 "symbolic dimension" in proc.stderr):
        constants = graph_inputs(model)[1:]
        proc = evaluate(export, test, "imported", constants)
    if proc.returncode != 0:
        message = error_of(proc)
        if "reference interpreter" in message or message.startswith("CRASH"):
            return test, (f"interpreter: {message}", False)
        return test, None  # not imported: not the interpreter's business
    outcome = compare(test, parse(proc.stdout))
    if not planned or outcome != "match":
        return test, (outcome, False)
    # After the pipeline: the same outputs, where the pipeline takes the
    # graph (which ops it takes is the export's business, not recorded).
    proc = evaluate(export, test, "planned", constants)
    if proc.returncode == 0:
        planned_outcome = compare(test, parse(proc.stdout))
        if planned_outcome != "match":
            return test, ("planned " + planned_outcome, False)
        return test, (outcome, True)
    if "reference interpreter" in proc.stderr or proc.returncode != 1:
        return test, ("planned interpreter: " + error_of(proc), False)
    return test, (outcome, False)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--aidge-export", required=True)
    parser.add_argument("--expected", required=True)
    parser.add_argument("--planned", action="store_true")
    parser.add_argument("--update", action="store_true")
    parser.add_argument("--workdir", help="where fixed-up data sets go")
    args = parser.parse_args()
    global WORKDIR
    if args.workdir:
        WORKDIR = args.workdir

    tests = sorted(d for d in os.listdir(DATA)
                   if os.path.isfile(os.path.join(DATA, d, "model.onnx")) and
                   os.path.isdir(os.path.join(DATA, d, "test_data_set_0")))
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(pool.map(lambda t: run(args.aidge_export, t, args.planned),
                                tests))
    results = {t: o for t, o in results.items() if o is not None}
    planned = sum(p for _, p in results.values())
    results = {t: o for t, (o, _) in results.items()}

    if args.update:
        with open(args.expected, "w") as f:
            f.write("# Reference interpreter against each ONNX node test that imports.\n"
                    "# Regenerate with onnx_node_reference.py --update and review the\n"
                    "# diff.\n")
            for test, outcome in sorted(results.items()):
                f.write(f"{test}: {outcome}\n")
    expected = {}
    with open(args.expected) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            test, outcome = line.rstrip("\n").split(": ", 1)
            expected[test] = outcome
    matches = sum(o.startswith("match") for o in results.values())
    print(f"node tests: {len(results)} evaluated, {matches} match ONNX, "
          f"{planned} also after the export pipeline")
    for test, outcome in sorted(results.items()):
        if "MISMATCH" in outcome or "CRASH" in outcome or "planned" in outcome:
            print(f"BROKEN {test}: {outcome}")
        elif expected.get(test) != outcome:
            print(f"CHANGED {test}: {outcome} (expected {expected.get(test)})")
    for test in sorted(set(expected) - set(results)):
        print(f"CHANGED {test}: no longer evaluated (expected {expected[test]})")


if __name__ == "__main__":
    sys.exit(main())
