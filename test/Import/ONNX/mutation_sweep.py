#!/usr/bin/python3
"""Corrupts valid ONNX models at random and imports each mutant.

Every mutant must import (exit 0) or be rejected with a diagnostic (exit 1
and an `error:` line): a crash, an abort or a hang fails the sweep. The
mutations are seeded, so a failure reproduces with the printed seed.
"""
import argparse
import glob
import os
import random
import subprocess
import sys
import tempfile


def mutate(data, rng):
    data = bytearray(data)
    kind = rng.randrange(4)
    if kind == 0:  # flip a few bytes
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == 1:  # truncate
        del data[rng.randrange(1, len(data)):]
    elif kind == 2:  # duplicate a slice (repeated fields, odd lengths)
        a = rng.randrange(len(data))
        b = min(len(data), a + rng.randint(1, 64))
        data[a:a] = data[a:b]
    else:  # small varints become large ones (dims, types, lengths)
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(len(data))
            if data[i] < 0x80:
                data[i] = rng.choice([0x00, 0x01, 0x7f, 0x0f, 0x10])
    return bytes(data)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--aidge-translate", required=True)
    parser.add_argument("--models", required=True, help="directory of .onnx")
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    models = sorted(glob.glob(os.path.join(args.models, "*.onnx")))
    rng = random.Random(args.seed)
    outcomes = {"imported": 0, "rejected": 0}
    broken = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.count):
            source = rng.choice(models)
            with open(source, "rb") as f:
                mutant = mutate(f.read(), rng)
            path = os.path.join(tmp, f"mutant{n}.onnx")
            with open(path, "wb") as f:
                f.write(mutant)
            try:
                proc = subprocess.run([args.aidge_translate, "--import-onnx", path],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                      timeout=30, text=True, errors="replace")
                code, err = proc.returncode, proc.stderr
            except subprocess.TimeoutExpired:
                code, err = "hang", ""
            if code == 0:
                outcomes["imported"] += 1
            elif code == 1 and "error:" in err:
                outcomes["rejected"] += 1
            else:
                keep = os.path.join(os.getcwd(), f"broken-mutant{n}.onnx")
                with open(keep, "wb") as f:
                    f.write(mutant)
                broken.append(f"mutant {n} of {os.path.basename(source)} "
                              f"(exit {code}, kept as {keep}): {err.strip()[-400:]}")
    print(f"{args.count} mutants: {outcomes['imported']} imported, "
          f"{outcomes['rejected']} rejected with a diagnostic, {len(broken)} broken")
    for b in broken:
        print("BROKEN", b)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
