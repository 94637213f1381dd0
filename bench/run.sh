#!/bin/bash
# Speed benchmark of the export against single-thread PyTorch (see
# bench/README.md). From the repository root, after building aidge-export:
#
#   bench/run.sh [BUILD_DIR [NAME...]]
#
# Writes BUILD_DIR/bench/results.md: the machine, the FP32 peak, the table
# and the compiler-scaling table (the source of docs/performance.md). Exits 1
# if an export's output differs from torch's. Takes ~5 minutes, mostly
# compiling ResNet-18's weights. AIDGE_SCALING="1000 10000" sets the sizes
# of the scaling graphs (default 1000 10000 100000; "" skips them).
set -euo pipefail
build=${1:-build}
shift || true
out=$build/bench
mkdir -p "$out"
here=$(dirname "$0")

g++ -O3 -march=native "$here/peak/fma_peak.cpp" -o "$out/fma_peak"
peak_line=$("$out/fma_peak")
peak=$(sed -E 's/^fp32 peak: ([0-9.]+) GFLOP.*/\1/' <<<"$peak_line")

# /usr/bin/python3 is the Python with torch, torchvision and onnx.
table=$(/usr/bin/python3 "$here/perf.py" "$build" "$out" "$peak" "$@") && status=0 || status=$?
sizes=${AIDGE_SCALING-1000 10000 100000}
scaling=""
if [ -n "$sizes" ]; then
  # shellcheck disable=SC2086  # one argument per size
  scaling=$(/usr/bin/python3 "$here/scaling/run.py" "$build" "$out/scaling" $sizes)
fi
{
  echo "- CPU: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores visible"
  echo "- vector ISA: $(grep -o -w 'avx512f\|avx2\|fma\|avx512_fp16\|avx512_bf16' /proc/cpuinfo | sort -u | tr '\n' ' ')"
  echo "- compiler: $(g++ --version | head -1), export built with -O3 -march=native"
  echo "- torch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)'), ${AIDGE_BENCH_THREADS:-1} thread(s), the export too (OPENMP=1 when more than 1)"
  echo "- export library: ${AIDGE_BENCH_LIB:-cpp_fast}"
  echo "- $peak_line"
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- load average at the end (other jobs on the machine): $(cut -d" " -f1-3 /proc/loadavg)"
  echo
  echo "$table"
  if [ -n "$scaling" ]; then
    echo
    echo "Compiler scaling (bench/scaling, aidge-export of synthetic graphs):"
    echo
    echo "$scaling"
  fi
} | tee "$out/results.md"
exit $status
