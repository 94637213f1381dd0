#!/usr/bin/python3
"""Memory benchmark: the arena the planner gives each model, per configuration.

  /usr/bin/python3 bench/memory/run.py BUILD_DIR OUTDIR [--quick] [--repeat N]
                                       [--models a,b,...]

For every model of gen_models.py (exported into OUTDIR/models, kept if
already there) and every configuration below, runs

  aidge-opt MODEL --aidge-fuse --aidge-match-impl=lib=cpp --aidge-schedule[=order=memory]
            --aidge-plan-memory="strategy=... inplace=... wrapping=... concat-in-place=... align=16"
            --aidge-verify-memory --aidge-memory-report=dir=OUTDIR/reports/MODEL/CONFIG

reads memory_info.json and prints one table (also written to
OUTDIR/memory_bench.md and OUTDIR/memory_bench.json). See README.md for the
columns. Exits 1 if a verification fails, or if a `best` configuration's
peak / lower bound, rounded to two decimals, is above 1.00.

--quick: lenet5 and resnet8 only, the `best` configurations only.
--repeat N: timing runs per measurement (the minimum is kept; default 3).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
import gen_models  # noqa: E402

ALIGN = 16

# name, schedule order, plan-memory options. Reuse options are spelled out so
# that the table keeps its meaning if the pass defaults change.
CONFIGS = [
    ("stack", "topological",
     dict(strategy="stack", inplace="true", wrapping="false", concat="false")),
    ("greedy-by-size", "topological",
     dict(strategy="greedy-by-size", inplace="true", wrapping="false", concat="false")),
    ("best", "topological",
     dict(strategy="best", inplace="true", wrapping="false", concat="false")),
    ("best+wrap+concat", "topological",
     dict(strategy="best", inplace="true", wrapping="true", concat="true")),
    ("best order=memory", "memory",
     dict(strategy="best", inplace="true", wrapping="false", concat="false")),
]
QUICK_MODELS = ["lenet5", "resnet8"]

PREFIX = ["--aidge-fuse", "--aidge-match-impl=lib=cpp"]
BASELINE_NAME = "fuse+match-impl+schedule"


def schedule_flag(order):
    return "--aidge-schedule" if order == "topological" else f"--aidge-schedule=order={order}"


def plan_flag(o):
    return ("--aidge-plan-memory=strategy={strategy} inplace={inplace} "
            "wrapping={wrapping} concat-in-place={concat} align={align}"
            .format(align=ALIGN, **o))


def run(cmd):
    """Runs cmd; returns (wall seconds, CompletedProcess)."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return time.perf_counter() - start, proc


def check(proc, what):
    if proc.returncode != 0:
        sys.exit(f"error: {what} failed ({proc.returncode}):\n  {' '.join(proc.args)}\n"
                 f"{proc.stderr.strip()}")


PASS_TIME = re.compile(r"^\s*([0-9.]+) \(\s*[0-9.]+%\)\s+AidgePlanMemory\s*$", re.M)


def time_runs(base_cmd, cmd, repeat):
    """Runs the baseline and the measured command alternately, `repeat` times
    each; returns the minimum wall times (s) of both and the minimum
    AidgePlanMemory time (s) that -mlir-timing reports for cmd, if any. Both
    commands get -mlir-timing, so that its cost cancels out."""
    bases, walls, passes = [], [], []
    for _ in range(repeat):
        base, proc = run(base_cmd + ["--mlir-timing"])
        check(proc, "baseline run")
        bases.append(base)
        wall, proc = run(cmd + ["--mlir-timing"])
        check(proc, "timing run")
        walls.append(wall)
        m = PASS_TIME.search(proc.stderr)
        if m:
            passes.append(float(m.group(1)))
    return min(bases), min(walls), (min(passes) if passes else None)


def kib(n):
    return f"{n / 1024:.1f}"


COLUMNS = ["model", "config", "peak KiB", "lower bound KiB", "naive KiB",
           "peak/LB", "weights KiB", "pass ms", "pass/baseline"]


def row_cells(r):
    if r.get("error"):
        return [r["model"], r["config"], "VERIFY FAILED"] + [""] * (len(COLUMNS) - 3)
    return [r["model"], r["config"], kib(r["peak_bytes"]), kib(r["lower_bound_bytes"]),
            kib(r["naive_bytes"]), f"{r['ratio']:.2f}", kib(r["weights_bytes"]),
            f"{r['pass_ms']:.2f}" if r["pass_ms"] is not None else "n/a",
            f"{r['pass_ms'] / r['baseline_ms']:.4f}" if r["pass_ms"] is not None else "n/a"]


def text_table(rows):
    cells = [COLUMNS] + [row_cells(r) for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(COLUMNS))]
    lines = []
    for k, c in enumerate(cells):
        lines.append("  ".join(x.ljust(w) if i < 2 else x.rjust(w)
                               for i, (x, w) in enumerate(zip(c, widths))).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(rows):
    lines = ["| " + " | ".join(COLUMNS) + " |",
             "|" + "|".join(["---", "---"] + ["---:"] * (len(COLUMNS) - 2)) + "|"]
    for r in rows:
        lines.append("| " + " | ".join(row_cells(r)) + " |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("build_dir")
    ap.add_argument("outdir")
    ap.add_argument("--quick", action="store_true",
                    help="lenet5 + resnet8, best configurations only")
    ap.add_argument("--repeat", type=int, default=None,
                    help="timing runs per measurement, minimum kept (default 3)")
    ap.add_argument("--models", default=None,
                    help="comma-separated subset of: " + ",".join(gen_models.NAMES))
    args = ap.parse_args()

    bindir = os.path.join(os.path.abspath(args.build_dir), "bin")
    opt = os.path.join(bindir, "aidge-opt")
    translate = os.path.join(bindir, "aidge-translate")
    for tool in (opt, translate):
        if not os.access(tool, os.X_OK):
            sys.exit(f"error: {tool} not found; build it first")
    outdir = os.path.abspath(args.outdir)
    repeat = args.repeat or 3
    models = QUICK_MODELS if args.quick else gen_models.NAMES
    if args.models:
        models = args.models.split(",")
        unknown = [m for m in models if m not in gen_models.NAMES]
        if unknown:
            sys.exit(f"error: unknown model(s) {unknown}; known: {gen_models.NAMES}")
    configs = [c for c in CONFIGS if not args.quick or c[2]["strategy"] == "best"]

    started = time.perf_counter()
    t0 = time.perf_counter()
    onnx_paths = gen_models.generate(os.path.join(outdir, "models"), models,
                                     log=lambda s: print("generated " + s, flush=True))
    gen_s = time.perf_counter() - t0

    rows, failures, notes = [], [], []
    for model in models:
        # Import once; later runs parse MLIR bytecode (the weights make the
        # text form of ResNet-18 ~90 MB).
        mlir_dir = os.path.join(outdir, "mlir")
        os.makedirs(mlir_dir, exist_ok=True)
        text = os.path.join(mlir_dir, model + ".mlir")
        imported = os.path.join(mlir_dir, model + ".mlirbc")
        _, proc = run([translate, "--import-onnx", onnx_paths[model], "-o", text])
        check(proc, f"import of {model}")
        _, proc = run([opt, text, "--emit-bytecode", "-o", imported])
        check(proc, f"bytecode conversion of {model}")
        os.remove(text)

        for config, order, options in configs:
            sched = schedule_flag(order)
            out = ["--emit-bytecode", "-o", os.devnull]
            baseline, wall, pass_s = time_runs(
                [opt, imported] + PREFIX + [sched] + out,
                [opt, imported] + PREFIX + [sched, plan_flag(options)] + out, repeat)

            report_dir = os.path.join(outdir, "reports", model,
                                      config.replace(" ", "_").replace("=", "-"))
            os.makedirs(report_dir, exist_ok=True)
            info_path = os.path.join(report_dir, "memory_info.json")
            if os.path.exists(info_path):
                os.remove(info_path)
            cmd = [opt, imported] + PREFIX + [sched, plan_flag(options), "--aidge-verify-memory",
                                              f"--aidge-memory-report=dir={report_dir}",
                                              "--emit-bytecode", "-o", os.devnull]
            _, proc = run(cmd)
            row = dict(model=model, config=config, schedule=order,
                       plan_options=plan_flag(options).split("=", 1)[1],
                       command=" ".join(cmd))
            if proc.returncode != 0 or not os.path.exists(info_path):
                row["error"] = proc.stderr.strip() or "no memory_info.json written"
                failures.append(f"{model} / {config}: verification failed:\n"
                                + "\n".join("    " + l for l in row["error"].splitlines()[:10]))
                rows.append(row)
                print(f"{model:16} {config:18} VERIFY FAILED", flush=True)
                continue
            with open(info_path) as f:
                info = json.load(f)
            peak, lb = info["peak_bytes"], info["lower_bound_bytes"]
            ratio = peak / lb if lb > 0 else float("nan")
            row.update(peak_bytes=peak, lower_bound_bytes=lb, naive_bytes=info["naive_bytes"],
                       weights_bytes=info["weights_bytes"], ratio=ratio,
                       chosen_strategy=info.get("strategy"), steps=info.get("steps"),
                       tensors=len(info.get("tensors", [])),
                       wall_ms=wall * 1e3, baseline_ms=baseline * 1e3,
                       pass_ms=pass_s * 1e3 if pass_s is not None else None,
                       report=info_path)
            rows.append(row)
            if options["strategy"] == "best":
                if round(ratio, 2) > 1.00:
                    failures.append(f"{model} / {config}: peak/lower bound {ratio:.4f} > 1.00 "
                                    f"(peak {peak} B, lower bound {lb} B; see {info_path})")
                elif peak > lb:
                    notes.append(f"{model} / {config}: peak {peak} B exceeds the lower bound "
                                 f"{lb} B by {peak - lb} B; the ratio rounds to 1.00")
            print(f"{model:16} {config:18} peak {kib(peak):>8} KiB  LB {kib(lb):>8} KiB  "
                  f"ratio {ratio:.2f}", flush=True)

    total_s = time.perf_counter() - started
    baseline_desc = (f"`aidge-opt MODEL.mlirbc {' '.join(PREFIX)} --aidge-schedule[=order=...] "
                     f"--emit-bytecode -o /dev/null -mlir-timing` ({BASELINE_NAME}: the same pipeline "
                     f"without --aidge-plan-memory), run alternately with the measured one; "
                     f"minimum of {repeat} run(s) each")
    table = text_table(rows)
    print()
    print(table)
    print()
    print(f"pass ms = AidgePlanMemory in -mlir-timing; pass/baseline = pass ms over the wall "
          f"time of the baseline {BASELINE_NAME} (min of {repeat}), measured in the same run.")
    print(f"generation {gen_s:.1f} s, total {total_s:.1f} s")

    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "memory_bench.md"), "w") as f:
        f.write("# Memory benchmark\n\n")
        f.write(markdown_table(rows) + "\n\n")
        f.write(f"Alignment {ALIGN} B. pass ms: the AidgePlanMemory line of `-mlir-timing` "
                f"(minimum over the runs). pass/baseline: pass ms over the wall time of the "
                f"baseline {baseline_desc}.\n")
        if failures:
            f.write("\n## Failures\n\n" + "\n".join("- " + x.splitlines()[0] for x in failures)
                    + "\n")
        if notes:
            f.write("\n## Notes\n\n" + "\n".join("- " + x for x in notes) + "\n")
    with open(os.path.join(outdir, "memory_bench.json"), "w") as f:
        json.dump(dict(align=ALIGN, repeat=repeat, quick=args.quick, baseline=baseline_desc,
                       generation_s=gen_s, total_s=total_s, rows=rows,
                       failures=failures, notes=notes), f, indent=2)
        f.write("\n")
    print(f"wrote {os.path.join(outdir, 'memory_bench.md')} and memory_bench.json")

    for n in notes:
        print("note: " + n)
    if failures:
        print("\nFAILED:", file=sys.stderr)
        for x in failures:
            print("  " + x, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
