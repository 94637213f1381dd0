#!/usr/bin/python3
"""Imports every model of ONNX's backend node tests (Debian libonnx-testdata).

`--data` picks another suite of that package (pytorch-converted,
pytorch-operator), each with its own expected file.

Each model must either import (exit 0) or be rejected with one diagnostic
(exit 1 and an `error:` line); a crash, a hang or any other exit fails. The
outcome of every model whose ops are all in aidge's operator set is compared
with node_sweep.expected, so that an importer change that breaks (or fixes)
one shows up. `--update` rewrites that file.
"""
import argparse
import concurrent.futures
import os
import subprocess
import sys

import onnx

def aidge_ops(translate):
    """The ONNX op types the importer handles, from the importer itself."""
    listing = subprocess.run([translate, "--list-onnx-ops"], check=True,
                             capture_output=True, text=True).stdout
    return {line.split()[0] for line in listing.splitlines()}


def run(translate, model):
    try:
        proc = subprocess.run([translate, "--import-onnx", model],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              timeout=60, text=True, errors="replace")
    except subprocess.TimeoutExpired:
        return "HANG"
    if proc.returncode == 0:
        return "imported"
    errors = [l for l in proc.stderr.splitlines() if "error:" in l]
    if proc.returncode == 1 and errors:
        # Keep the message, drop the location prefix.
        return "rejected: " + errors[0].split("error: ", 1)[1].strip()
    return f"CRASH (exit {proc.returncode}): {proc.stderr.strip()[-300:]}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--aidge-translate", required=True)
    parser.add_argument("--data", default="/usr/share/libonnx-testdata/data/node")
    parser.add_argument("--expected", required=True)
    parser.add_argument("--update", action="store_true")
    args = parser.parse_args()

    tests = sorted(d for d in os.listdir(args.data)
                   if os.path.isfile(os.path.join(args.data, d, "model.onnx")))
    ops = aidge_ops(args.aidge_translate)
    in_set = {}
    for test in tests:
        model = onnx.load(os.path.join(args.data, test, "model.onnx"),
                          load_external_data=False)
        in_set[test] = {n.op_type for n in model.graph.node} <= ops

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = dict(zip(tests, pool.map(
            lambda t: run(args.aidge_translate,
                          os.path.join(args.data, t, "model.onnx")), tests)))

    broken = [t for t in tests if not outcomes[t].startswith(("imported", "rejected"))]
    lines = [f"{t}: {outcomes[t]}" for t in tests if in_set[t]]
    suite = os.path.basename(os.path.normpath(args.data))
    if args.update:
        with open(args.expected, "w") as f:
            f.write(f"# Outcome of each ONNX {suite} test whose ops are all in aidge's set.\n")
            f.write("# Regenerate with node_sweep.py --update and review the diff.\n")
            f.write("\n".join(lines) + "\n")
    with open(args.expected) as f:
        expected = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]

    missing = sorted(set(expected) - set(lines))
    unexpected = sorted(set(lines) - set(expected))
    imported = sum(o == "imported" for t, o in outcomes.items() if in_set[t])
    rejected_in_set = sum(in_set.values()) - imported
    print(f"{len(tests)} {suite} tests: {sum(in_set.values())} with only aidge ops "
          f"({imported} imported, {rejected_in_set} rejected with a diagnostic); "
          f"{len(tests) - sum(in_set.values())} with other ops, all rejected cleanly"
          if not broken else "")
    for t in broken:
        print(f"BROKEN {t}: {outcomes[t]}")
    for l in missing:
        print(f"EXPECTED  {l}")
    for l in unexpected:
        print(f"GOT       {l}")
    return 1 if broken or missing or unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
