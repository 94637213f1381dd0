//===- planner_scale.cpp - The memory planner on a 10,000-op graph --------===//
//
// Builds a synthetic, seeded graph of 10,000 ops (chains, residual blocks,
// inception-like concatenations, views, outer concatenations, down- and
// upsampling, dead results), plans it with each strategy, without reuse
// and with every reuse option, checks every plan, and prints how long it
// all takes against a baseline measured in the same run: the live-set
// lower bound (a sort and a sweep over the tensors' lifetimes).
//
//   aidge-bench-planner [ops] [seed]
//
//===----------------------------------------------------------------------===//

#include "aidge/MemoryPlanning/MemoryPlanner.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>
#include <vector>

using namespace mlir::aidge::memory;

namespace {

Plane nhwc(int64_t h, int64_t w, int64_t c) {
  Plane plane;
  plane.size = plane.stride = c * 4;
  plane.length = w;
  plane.count = h;
  return plane;
}

/// A CNN-like graph, op after op in schedule order.
class Generator {
public:
  Generator(unsigned seed, int ops) : rng(seed), target(ops) {}

  Problem build() {
    int cur = input(nhwc(56, 56, 16));
    while ((int)problem.ops.size() + 16 < target)
      cur = block(cur);
    while ((int)problem.ops.size() < target)
      cur = unary(OpKind::elementwise, cur, plane(cur));
    output[cur] = true;
    // lastUse: the last reader, after the last op for graph outputs, the
    // writer itself for tensors nobody reads.
    setLastUses(problem, output);
    return problem;
  }

private:
  int pick(int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng); }
  int channels() { return 8 * pick(1, 8); }
  const Plane &plane(int t) const { return problem.tensors[t].plane; }

  int tensor(Plane plane, int64_t def) {
    Tensor t;
    t.name = "t" + std::to_string(problem.tensors.size());
    t.plane = plane;
    t.def = def;
    problem.tensors.push_back(t);
    output.push_back(false);
    return problem.tensors.size() - 1;
  }
  int input(Plane plane) { return tensor(plane, 0); }

  Op &op(OpKind kind, std::vector<int> inputs, std::vector<Plane> results) {
    Op op;
    op.step = problem.ops.size() + 1;
    op.kind = kind;
    op.name = "op" + std::to_string(op.step);
    op.inputs = std::move(inputs);
    for (const Plane &p : results)
      op.outputs.push_back(tensor(p, op.step));
    problem.ops.push_back(op);
    return problem.ops.back();
  }
  int unary(OpKind kind, int in, Plane result) {
    return op(kind, {in}, {result}).outputs[0];
  }
  int binary(int a, int b) {
    return op(OpKind::elementwise, {a, b}, {plane(a)}).outputs[0];
  }
  int window(int in, int64_t kernel, int64_t stride, int64_t c) {
    const Plane &p = plane(in);
    int64_t pad = kernel / 2;
    int64_t h = (p.count + 2 * pad - kernel) / stride + 1;
    int64_t w = (p.length + 2 * pad - kernel) / stride + 1;
    Op &o = op(OpKind::window, {in}, {nhwc(h, w, c)});
    o.windowKernel = kernel;
    o.windowStride = stride;
    o.windowPadTop = pad;
    return o.outputs[0];
  }
  int relu(int in) { return unary(OpKind::elementwise, in, plane(in)); }

  int block(int cur) {
    const Plane p = plane(cur);
    int64_t c = p.size / 4;
    int r = pick(0, 99);
    if (r < 25) { // chain
      int n = pick(1, 4);
      for (int i = 0; i < n; ++i)
        cur = relu(window(cur, chance(0.5) ? 3 : 1, 1, channels()));
      return cur;
    }
    if (r < 55) { // residual block
      int y = relu(window(cur, 3, 1, c));
      y = window(y, 3, 1, c);
      return relu(binary(y, cur));
    }
    if (r < 80) { // inception
      std::vector<int> parts;
      parts.push_back(relu(window(cur, 1, 1, channels())));
      parts.push_back(
          relu(window(relu(window(cur, 1, 1, channels())), 3, 1, channels())));
      parts.push_back(
          relu(window(relu(window(cur, 1, 1, channels())), 5, 1, channels())));
      if (chance(0.5))
        parts.push_back(relu(window(window(cur, 3, 1, c), 1, 1, channels())));
      Plane whole = plane(parts[0]);
      for (size_t i = 1; i < parts.size(); ++i)
        whole.size += plane(parts[i]).size;
      whole.stride = whole.size;
      Op &cat = op(OpKind::concat, parts, {whole});
      cat.concatInner = true;
      return cat.outputs[0];
    }
    if (r < 85) { // views: flatten, then back
      int flat = unary(OpKind::view, cur, nhwc(1, 1, p.dataBytes() / 4));
      int act = relu(flat);
      return unary(OpKind::view, act, p);
    }
    if (r < 90) { // outer concatenation of row bands
      std::vector<int> parts;
      int64_t rows = 0;
      int n = pick(2, 3);
      for (int i = 0; i < n; ++i) {
        int64_t h = std::max<int64_t>(1, p.count / n);
        rows += h;
        parts.push_back(unary(OpKind::other, cur, nhwc(h, p.length, c)));
      }
      Op &cat = op(OpKind::concat, parts, {nhwc(rows, p.length, c)});
      cat.concatInner = false;
      int joined = cat.outputs[0];
      return unary(OpKind::other, joined, p);
    }
    if (r < 95) { // resolution change
      if (p.count > 7)
        return relu(window(cur, 3, 2, channels()));
      return unary(OpKind::other, cur,
                   nhwc(pick(2, 4) * 14, pick(2, 4) * 14, channels()));
    }
    if (r < 98) { // an op with a result nobody reads
      Op &o = op(OpKind::other, {cur}, {p, nhwc(1, 1, channels())});
      return o.outputs[0];
    }
    // A side output.
    output[cur] = true;
    return relu(cur);
  }

  std::mt19937 rng;
  int target;
  Problem problem;
  std::vector<bool> output;
};

using Clock = std::chrono::steady_clock;

/// Median wall time of `runs` calls of `body`, in milliseconds.
double medianMs(int runs, const std::function<void()> &body) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    body();
    times.push_back(
        std::chrono::duration<double, std::milli>(Clock::now() - start)
            .count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

const char *strategyName(Strategy s) {
  switch (s) {
  case Strategy::stack:
    return "stack";
  case Strategy::greedyBySize:
    return "greedyBySize";
  case Strategy::best:
    return "best";
  }
  return "?";
}

} // namespace

int main(int argc, char **argv) {
  int ops = argc > 1 ? std::atoi(argv[1]) : 10000;
  unsigned seed = argc > 2 ? std::atoi(argv[2]) : 42;
  auto buildStart = Clock::now();
  Problem problem = Generator(seed, ops).build();
  double buildMs =
      std::chrono::duration<double, std::milli>(Clock::now() - buildStart)
          .count();
  const int64_t align = 16;

  int64_t lowerBound = 0, naive = 0;
  double boundMs =
      medianMs(5, [&] { lowerBound = liveSetLowerBound(problem); });
  double naiveMs = medianMs(5, [&] { naive = naiveBytes(problem, align); });
  std::printf("graph: %zu ops, %zu tensors, seed %u (built in %.1f ms)\n",
              problem.ops.size(), problem.tensors.size(), seed, buildMs);
  std::printf("baseline: liveSetLowerBound %.3f ms; naiveBytes (O(n) sum) "
              "%.3f ms\n\n",
              boundMs, naiveMs);

  std::printf("%-13s %-5s %6s %7s %9s %9s %11s %11s %11s %7s %9s\n", "strategy",
              "reuse", "ops", "tensors", "plan ms", "check ms", "peak",
              "lower bnd", "naive", "pk/lb", "plan/base");
  double worstMs = 0;
  bool allValid = true;
  for (bool reuse : {false, true}) {
    for (Strategy strategy :
         {Strategy::stack, Strategy::greedyBySize, Strategy::best}) {
      Options o;
      o.strategy = strategy;
      o.inplace = o.wrapping = o.concatInPlace = reuse;
      o.align = align;
      Plan plan;
      double planMs = medianMs(5, [&] { plan = planMemory(problem, o); });
      std::vector<PlanError> errors;
      double checkMs = medianMs(
          3, [&] { errors = checkPlan(problem, plan.placements, plan.peak); });
      worstMs = std::max(worstMs, planMs);
      std::printf("%-13s %-5s %6zu %7zu %9.2f %9.2f %11lld %11lld %11lld %7.3f "
                  "%8.1fx\n",
                  strategyName(strategy), reuse ? "all" : "none",
                  problem.ops.size(), problem.tensors.size(), planMs, checkMs,
                  (long long)plan.peak, (long long)lowerBound, (long long)naive,
                  double(plan.peak) / lowerBound,
                  planMs / std::max(boundMs, 1e-6));
      if (!errors.empty()) {
        allValid = false;
        std::printf("  %zu checker errors, first: %s\n", errors.size(),
                    errors[0].message.c_str());
      }
    }
  }
  std::printf("\nplan/base: plan time over the liveSetLowerBound time "
              "(%.3f ms)\n",
              boundMs);
  bool pass = worstMs < 1000 && allValid;
  std::printf("%zu-op plan: %.1f ms (target < 1000 ms): %s\n",
              problem.ops.size(), worstMs, pass ? "PASS" : "FAIL");
  return allValid ? 0 : 1;
}
