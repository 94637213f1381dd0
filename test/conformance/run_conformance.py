#!/usr/bin/python3
"""ONNX's own backend tests through the whole export, against a checked-in list.

For every test of Debian's libonnx-testdata (model.onnx + test_data_set_0):
`aidge-export --test-data` -> `make` -> run the program in test mode, which
compares its outputs with ONNX's reference outputs. Each test ends as

  pass                  the program printed PASS;
  unsupported: <why>    aidge-export refused it with a diagnostic (exit 1);
  FAIL: <what>          anything else: a crash, a build error, a mismatch.

expected.txt says per test `pass` or `unsupported: <reason>`; any outcome
that differs from it (including a new pass) fails the run, so the list never
drifts. `--update` rewrites it and docs/conformance.md from this run. A test
in scope (every op in the dialect, every tensor float32/int32/int64; see
scope()) must pass, listed so or not: the only reasons left unsupported
are an op outside the dialect and a dtype outside those three.

Static shapes need some operands known at compile time (Reshape's shape,
Resize's scales, Clip's bounds), and the cpp kernels take weights as
constants; ONNX's tests feed those as graph inputs. A test refused for that
reason is rerun with every input but the first compiled as a constant
(`aidge-export --constant-input`, its value from the test data), as
onnx-mlir's backend runner does; the table says which inputs were.
"""
import argparse
import collections
import concurrent.futures
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import onnx

SUITES = ["node", "simple", "pytorch-converted", "pytorch-operator"]
# Element types the cpp library is meant to run; others belong to a later
# issue (int8 and friends) and may be unsupported.
IN_SCOPE_TYPES = {onnx.TensorProto.FLOAT, onnx.TensorProto.INT32,
                  onnx.TensorProto.INT64}
# Diagnostics that mean "this input must be a compile-time constant", and
# "this input needs a static shape".
NEEDS_CONSTANT = re.compile(r"(must be (an integer tensor )?|needs an? \w+ )known at compile time")
NEEDS_SHAPE = re.compile(r"has a symbolic dimension")


def importer_ops(aidge_translate):
    """ONNX op types the importer handles: {op: fold_only}."""
    listing = subprocess.run([aidge_translate, "--list-onnx-ops"], check=True,
                             capture_output=True, text=True).stdout
    return {l.split()[0]: l.endswith("fold-only") for l in listing.splitlines()}


def scope(model_path, ops):
    """Why a test is out of the dialect's scope, or None when it is in.

    An unsupported dtype is named before a fold-only op, since it blocks the
    test whatever the op; Constant is not one of those ops: it imports as an
    aidge.producer."""
    model = onnx.load(model_path, load_external_data=False)
    outside = sorted({n.op_type for n in model.graph.node if n.op_type not in ops})
    if outside:
        return "op outside the dialect: " + ", ".join(outside)
    types = set()
    for info in list(model.graph.input) + list(model.graph.output):
        if info.type.HasField("tensor_type"):
            types.add(info.type.tensor_type.elem_type)
        else:
            types.add(-1)
    for node in model.graph.node:
        for attr in node.attribute:
            if attr.name == "to":
                types.add(attr.i)
            elif node.op_type == "Constant" and attr.type == onnx.AttributeProto.TENSOR:
                types.add(attr.t.data_type)
    types |= {t.data_type for t in model.graph.initializer}
    other = sorted(onnx.TensorProto.DataType.Name(t) if t >= 0 else "non-tensor"
                   for t in types - IN_SCOPE_TYPES)
    if other:
        return "dtype outside float32/int32/int64: " + ", ".join(other)
    folded = sorted({n.op_type for n in model.graph.node
                     if ops[n.op_type] and n.op_type != "Constant"})
    if folded:
        return "op outside the dialect, folded at compile time only: " + ", ".join(folded)
    return None


def graph_inputs(model_path):
    model = onnx.load(model_path, load_external_data=False)
    inits = {t.name for t in model.graph.initializer}
    return [i.name for i in model.graph.input if i.name not in inits]


def data_shapes(model_path, data_dir):
    """--input-shape options from the test data's input_N.pb dimensions."""
    shapes = []
    for index, name in enumerate(graph_inputs(model_path)):
        tensor = onnx.TensorProto()
        with open(os.path.join(data_dir, f"input_{index}.pb"), "rb") as f:
            tensor.ParseFromString(f.read())
        if tensor.dims and all(d > 0 for d in tensor.dims):
            shapes.append(f"--input-shape={name}:" + "x".join(map(str, tensor.dims)))
    return shapes


def diagnostic(stderr):
    """The first error message, without its location prefix."""
    for line in stderr.splitlines():
        if "error: " in line:
            message = line.split("error: ", 1)[1].strip()
            return re.sub(r'^loc\((".*?"(\(".*?"\))?)\): ', "", message)
    return None


def one_line(text):
    return " ".join(text.split())


def run_test(args, suite, name):
    test_dir = os.path.join(args.data, suite, name)
    model = os.path.join(test_dir, "model.onnx")
    data = os.path.join(test_dir, "test_data_set_0")
    out = os.path.join(args.work, suite, name)

    def export(constants, shapes):
        cmd = [args.aidge_export, model, "-o", out, "--test-data", data]
        cmd += [f"--constant-input={c}" for c in constants] + shapes
        try:
            return subprocess.run(cmd, capture_output=True, text=True,
                                  errors="replace", timeout=300)
        except subprocess.TimeoutExpired:
            return None

    # Plain first; then, as the diagnostics ask, with static shapes from
    # the test data and with every input but the first as a constant.
    constants, shapes = [], []
    proc = export(constants, shapes)
    for _ in range(3):
        message = diagnostic(proc.stderr) if proc and proc.returncode == 1 else None
        if message and NEEDS_SHAPE.search(message) and not shapes:
            shapes = data_shapes(model, data)
        elif message and NEEDS_CONSTANT.search(message) and constants != graph_inputs(model)[1:]:
            constants = graph_inputs(model)[1:]
        else:
            break
        shapes = [s for s in shapes if s.split("=")[1].split(":")[0] not in constants]
        proc = export(constants, shapes)
    if proc is None:
        return "FAIL: aidge-export hangs", constants
    if proc.returncode != 0:
        message = diagnostic(proc.stderr)
        if proc.returncode == 1 and message:
            return "unsupported: " + message, constants
        return f"FAIL: aidge-export exit {proc.returncode}: {one_line(proc.stderr)[-300:]}", constants
    build = subprocess.run(["make", "-s", "-C", out, f"CXXFLAGS={args.cxxflags}"],
                           capture_output=True, text=True, errors="replace")
    if build.returncode != 0:
        return "FAIL: the export does not build: " + one_line(build.stderr)[:300], constants
    try:
        run = subprocess.run([os.path.join(out, "model")], capture_output=True,
                             text=True, errors="replace", timeout=120)
    except subprocess.TimeoutExpired:
        return "FAIL: the program hangs", constants
    lines = run.stdout.strip().splitlines()
    if run.returncode == 0 and lines and lines[-1] == "PASS":
        return "pass", constants
    return f"FAIL: the program exits {run.returncode}: " + one_line(" | ".join(lines[-4:])), constants


def read_expected(path):
    expected = {}
    if not os.path.exists(path):
        return expected
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                test, status = line.split(" ", 1)
                expected[test] = status
    return expected


def write_expected(path, results):
    with open(path, "w") as f:
        f.write("# Outcome of every ONNX backend test (libonnx-testdata) through\n"
                "# aidge-export -> make -> run; see run_conformance.py. Regenerate\n"
                "# with --update and review the diff.\n")
        for test, (status, _, _) in sorted(results.items()):
            f.write(f"{test} {status}\n")


def write_docs(path, results, counts):
    with open(path, "w") as f:
        f.write("# ONNX backend conformance\n\n"
                "Generated by `test/conformance/run_conformance.py --update` "
                "(run by `scripts/test.sh`); do not edit.\n\n"
                "Every test of ONNX's backend suite shipped by Debian's "
                "`libonnx-testdata` goes through `aidge-export --test-data` → "
                "`make` → the program's test mode, which compares its outputs "
                "with ONNX's reference outputs (|e−v| ≤ 1e-3 + 1e-4·|e|). "
                "`unsupported` means aidge-export refused the model with the "
                "diagnostic shown, at compile time; no test may build and "
                "compute a wrong result.\n\n"
                "Scope: *in* means every op is in the aidge dialect and every "
                "tensor is float32, int32 or int64; every such test must pass.\n\n"
                "Some tests feed operands static shapes need (Reshape's shape, "
                "Resize's scales, Clip's bounds, reduction axes) as graph inputs; "
                "when aidge-export asks for them at compile time, every input but "
                "the first is compiled as a constant from the test data "
                "(`--constant-input`, listed under *constant inputs*). Weights "
                "and indices fed as inputs otherwise run at run time.\n\n")
        f.write("| suite | pass | unsupported | total |\n|---|---|---|---|\n")
        for suite in SUITES:
            c = counts[suite]
            f.write(f"| {suite} | {c['pass']} | {c['unsupported']} | "
                    f"{c['pass'] + c['unsupported'] + c['FAIL']} |\n")
        total = collections.Counter()
        for c in counts.values():
            total.update(c)
        f.write(f"| **all** | {total['pass']} | {total['unsupported']} | "
                f"{total['pass'] + total['unsupported'] + total['FAIL']} |\n\n")
        f.write("| test | status | scope | constant inputs | reason |\n"
                "|---|---|---|---|---|\n")
        for test, (status, why_out, constants) in sorted(results.items()):
            kind, _, reason = status.partition(": ")
            # The full diagnostic is in expected.txt.
            reason = reason.split(", which requires")[0].replace("|", "\\|")
            f.write(f"| {test} | {kind} | {'in' if why_out is None else why_out} | "
                    f"{', '.join(constants)} | {reason} |\n")


def problems(status, want, why_out):
    """What fails the run about one test: an outcome other than the list's,
    and a test in scope that is not `pass` in both."""
    found = []
    if status != want:
        found.append(("NEW PASS" if status == "pass" else "UNEXPECTED",
                      f"expected '{want}', got '{status}'"))
    if why_out is None and (status, want) != ("pass", "pass"):
        found.append(("IN SCOPE", f"every op in the dialect and every dtype in "
                      f"scope, so it must pass; listed '{want}', got '{status}'"))
    return found


def write_xunit(path, results, expected, docs_stale):
    suite = ET.Element("testsuite", name="conformance")
    if docs_stale is not None:
        case = ET.SubElement(suite, "testcase", classname="conformance",
                             name="docs/conformance.md up to date")
        if docs_stale:
            ET.SubElement(case, "failure", message=docs_stale)
    for test, (status, why_out, _) in sorted(results.items()):
        case = ET.SubElement(suite, "testcase", classname="conformance", name=test)
        found = problems(status, expected.get(test), why_out)
        if found:
            ET.SubElement(case, "failure", message="; ".join(m for _, m in found))
    ET.ElementTree(suite).write(path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--aidge-export", required=True)
    parser.add_argument("--aidge-translate", required=True)
    parser.add_argument("--data", default="/usr/share/libonnx-testdata/data")
    parser.add_argument("--expected", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--cxxflags", default="-O1")
    parser.add_argument("--filter", default="", help="regex on suite/test")
    parser.add_argument("--xunit")
    parser.add_argument("--docs", help="write the table there")
    parser.add_argument("--check-docs", help="the committed table, to compare with --docs")
    parser.add_argument("--update", action="store_true")
    args = parser.parse_args()

    ops = importer_ops(args.aidge_translate)
    tests = [(s, t) for s in SUITES
             for t in sorted(os.listdir(os.path.join(args.data, s)))
             if os.path.isfile(os.path.join(args.data, s, t, "model.onnx"))
             and re.search(args.filter, f"{s}/{t}")]
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        outcomes = list(pool.map(lambda st: run_test(args, *st), tests))
    results = {}
    counts = collections.defaultdict(collections.Counter)
    for (suite, name), (status, constants) in zip(tests, outcomes):
        why_out = scope(os.path.join(args.data, suite, name, "model.onnx"), ops)
        results[f"{suite}/{name}"] = (status, why_out, constants)
        counts[suite][status.split(":")[0]] += 1

    expected = read_expected(args.expected)
    if args.update:
        write_expected(args.expected, results)
        expected = read_expected(args.expected)
    docs_stale = None
    if args.docs:
        write_docs(args.docs, results, counts)
        if args.check_docs:
            with open(args.docs) as new, open(args.check_docs) as old:
                same = new.read() == old.read()
            docs_stale = "" if same else f"{args.check_docs} differs from {args.docs}; rerun with --update"
            if docs_stale:
                print("STALE " + docs_stale)
    if args.xunit:
        write_xunit(args.xunit, results, expected, docs_stale)

    bad = 0
    for test, (status, why_out, _) in sorted(results.items()):
        found = problems(status, expected.get(test), why_out)
        bad += bool(found)
        for tag, message in found:
            print(f"{tag} {test}: {message}")
    for suite in SUITES:
        c = counts[suite]
        print(f"conformance {suite}: {c['pass']} pass, {c['unsupported']} unsupported, "
              f"{c['FAIL']} FAIL")
    return 1 if bad or docs_stale else 0


if __name__ == "__main__":
    sys.exit(main())
