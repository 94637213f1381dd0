//===- PlannerPropertyTest.cpp - The planner on thousands of graphs -------===//
//
// Random DAGs (chains, diamonds, residual blocks, inner and outer concats,
// views, windows, broadcasts, dead tensors, several consumers), built the
// way the IR builder builds a Problem, planned with every option
// combination: the independent checker must accept every plan and the
// peaks must sit between the live-set lower bound and the naive sum.
// Then small hand-made cases with exact offsets, and broken plans the
// checker must reject.
//
//===----------------------------------------------------------------------===//

#include "aidge/MemoryPlanning/MemoryPlanner.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <cstdlib>
#include <random>
#include <sstream>

using namespace mlir::aidge::memory;

namespace {

/// A number from the environment (to hunt with more graphs, longer ones
/// or another seed), else `fallback`.
int fromEnv(const char *name, int fallback) {
  const char *value = std::getenv(name);
  return value ? std::atoi(value) : fallback;
}

/// A channels-last image of H rows, W columns, C float channels.
Plane nhwc(int64_t h, int64_t w, int64_t c) {
  Plane plane;
  plane.size = plane.stride = c * 4;
  plane.length = w;
  plane.count = h;
  return plane;
}

int64_t rowsOf(const Plane &p) { return p.count; }
int64_t colsOf(const Plane &p) { return p.length; }
int64_t chansOf(const Plane &p) { return p.size / 4; }

/// Builds a Problem as the IR builder does: ops at steps 1..n in
/// topological order, def = producer step (0 for graph inputs), lastUse =
/// the last consumer's step, last step + 1 for graph outputs, def for
/// tensors nobody reads.
struct Builder {
  Problem problem;
  std::vector<bool> output;

  int input(Plane plane, const std::string &name = "") {
    return tensor(plane, 0, name);
  }

  int tensor(Plane plane, int64_t def, std::string name = "") {
    if (name.empty())
      name = "t" + std::to_string(problem.tensors.size());
    Tensor t;
    t.name = name;
    t.plane = plane;
    t.def = def;
    problem.tensors.push_back(t);
    output.push_back(false);
    return problem.tensors.size() - 1;
  }

  /// Appends an op at the next step; returns its op index.
  int op(OpKind kind, std::vector<int> inputs, std::vector<Plane> results,
         std::vector<std::string> names = {}) {
    Op op;
    op.step = problem.ops.size() + 1;
    op.kind = kind;
    op.name = "op" + std::to_string(op.step);
    op.inputs = std::move(inputs);
    for (size_t i = 0; i < results.size(); ++i)
      op.outputs.push_back(
          tensor(results[i], op.step, i < names.size() ? names[i] : ""));
    problem.ops.push_back(op);
    return problem.ops.size() - 1;
  }

  int unary(OpKind kind, int in, Plane result, std::string name = "") {
    return problem.ops[op(kind, {in}, {result}, {name})].outputs[0];
  }

  int window(int in, int64_t stride, int64_t kernel, int64_t pad, int64_t c,
             std::string name = "") {
    const Plane &p = problem.tensors[in].plane;
    int64_t h = (rowsOf(p) + 2 * pad - kernel) / stride + 1;
    int64_t w = (colsOf(p) + 2 * pad - kernel) / stride + 1;
    int index = op(OpKind::window, {in}, {nhwc(h, w, c)}, {name});
    Op &o = problem.ops[index];
    o.windowStride = stride;
    o.windowKernel = kernel;
    o.windowPadTop = pad;
    return o.outputs[0];
  }

  int concat(std::vector<int> inputs, bool inner, std::string name = "") {
    Plane whole = problem.tensors[inputs[0]].plane;
    for (size_t i = 1; i < inputs.size(); ++i) {
      const Plane &p = problem.tensors[inputs[i]].plane;
      if (inner)
        whole.size += p.size;
      else
        whole.count += p.count;
    }
    whole.stride = whole.size;
    int index = op(OpKind::concat, inputs, {whole}, {name});
    problem.ops[index].concatInner = inner;
    return problem.ops[index].outputs[0];
  }

  Problem finish() {
    setLastUses(problem, output);
    return problem;
  }
};

/// A random graph of a few dozen ops.
class RandomGraph {
public:
  explicit RandomGraph(std::mt19937 &rng) : rng(rng) {}

  Problem build() {
    int inputs = pick(1, 2);
    for (int i = 0; i < inputs; ++i)
      live.push_back(b.input(randomImage()));
    int cur = live[0];
    int blocks = pick(3, fromEnv("AIDGE_PLANNER_BLOCKS", 14));
    for (int k = 0; k < blocks; ++k) {
      cur = block(cur);
      live.push_back(cur);
      if (chance(0.08))
        b.output[cur] = true;
    }
    b.output[cur] = true;
    return b.finish();
  }

private:
  int pick(int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng); }
  Plane randomImage() { return nhwc(pick(1, 6), pick(1, 6), pick(1, 6)); }
  const Plane &plane(int t) const { return b.problem.tensors[t].plane; }

  int anyLive() { return live[pick(0, live.size() - 1)]; }

  /// Another operand for an elementwise op over `t`: same plane, or a
  /// smaller one it broadcasts.
  int operandFor(int t) {
    const Plane &p = plane(t);
    switch (pick(0, 3)) {
    case 0:
      for (int i = 0; i < 8; ++i) {
        int other = anyLive();
        if (other != t && plane(other).extent() == p.extent() &&
            plane(other).size == p.size)
          return other;
      }
      return b.input(p);
    case 1:
      return b.input(nhwc(1, 1, chansOf(p)));
    case 2:
      // A broadcast operand computed in the graph.
      return b.unary(OpKind::other, anyLive(), nhwc(1, 1, chansOf(p)));
    default:
      return b.input(p);
    }
  }

  int elementwise(int t) {
    if (chance(0.1)) // the same operand twice
      return b.problem.ops[b.op(OpKind::elementwise, {t, t}, {plane(t)})]
          .outputs[0];
    if (chance(0.1)) // a result of another shape but the same bytes
      return b.unary(
          OpKind::elementwise, t,
          nhwc(1, plane(t).length * plane(t).count, chansOf(plane(t))));
    if (chance(0.5))
      return b.unary(OpKind::elementwise, t, plane(t));
    int other = operandFor(t);
    std::vector<int> ins = {t, other};
    if (chance(0.5))
      std::swap(ins[0], ins[1]);
    return b.problem.ops[b.op(OpKind::elementwise, ins, {plane(t)})].outputs[0];
  }

  int view(int t) {
    const Plane &p = plane(t);
    Plane out;
    switch (pick(0, 2)) {
    case 0: // flatten
      out = nhwc(1, 1, chansOf(p) * p.length * p.count);
      break;
    case 1: // merge rows and columns
      out = nhwc(1, p.length * p.count, chansOf(p));
      break;
    default: // rows and columns swapped (a reshape, not a transpose)
      out = nhwc(p.length, p.count, chansOf(p));
    }
    return b.unary(OpKind::view, t, out);
  }

  int window(int t, bool keepShape = false) {
    const Plane &p = plane(t);
    int64_t kernel = keepShape ? 3 : std::vector<int>{1, 3, 5}[pick(0, 2)];
    int64_t stride = keepShape ? 1 : pick(1, 2);
    int64_t pad = keepShape ? 1 : pick(0, kernel / 2 + 1);
    if (std::min(rowsOf(p), colsOf(p)) + 2 * pad < kernel)
      pad = (kernel - std::min(rowsOf(p), colsOf(p)) + 1) / 2;
    int64_t c = keepShape ? chansOf(p) : pick(1, 6);
    int out = b.window(t, stride, kernel, pad, c);
    if (!keepShape && chance(0.1)) // another operand, read as a whole
      b.problem.ops.back().inputs.push_back(anyLive());
    return out;
  }

  int other(int t) {
    int outs = chance(0.25) ? 2 : 1;
    std::vector<Plane> results;
    for (int i = 0; i < outs; ++i)
      results.push_back(randomImage());
    std::vector<int> ins = {t};
    if (chance(0.2))
      ins.push_back(anyLive());
    int index = b.op(OpKind::other, ins, results);
    // A second result is left dead, or read later.
    for (size_t i = 1; i < b.problem.ops[index].outputs.size(); ++i)
      if (chance(0.5))
        live.push_back(b.problem.ops[index].outputs[i]);
    return b.problem.ops[index].outputs[0];
  }

  /// Something that makes a tensor from `t`, of any kind.
  int anyOp(int t) {
    switch (pick(0, 3)) {
    case 0:
      return elementwise(t);
    case 1:
      return view(t);
    case 2:
      return window(t);
    default:
      return other(t);
    }
  }

  int block(int cur) {
    switch (pick(0, 12)) {
    case 0:
    case 1:
      return elementwise(cur);
    case 2:
      return view(cur);
    case 3:
    case 4:
      return window(cur);
    case 5:
      return other(cur);
    case 6: { // diamond
      int a = anyOp(cur), c = anyOp(cur);
      if (plane(c).extent() != plane(a).extent() ||
          plane(c).size != plane(a).size)
        c = b.unary(OpKind::other, c, plane(a));
      return b.problem.ops[b.op(OpKind::elementwise, {a, c}, {plane(a)})]
          .outputs[0];
    }
    case 7: { // residual block
      int y = window(cur, /*keepShape=*/true);
      y = b.unary(OpKind::elementwise, y, plane(y));
      y = window(y, /*keepShape=*/true);
      std::vector<int> ins = {y, cur};
      if (chance(0.3))
        std::swap(ins[0], ins[1]);
      return b.problem.ops[b.op(OpKind::elementwise, ins, {plane(y)})]
          .outputs[0];
    }
    case 8: { // inner concat: channels interleaved
      const Plane &p = plane(cur);
      int n = pick(2, 4);
      std::vector<int> parts;
      for (int i = 0; i < n; ++i) {
        Plane part = nhwc(rowsOf(p), colsOf(p), pick(1, 4));
        int kind = pick(0, 3);
        int from = chance(0.2) ? anyLive() : cur;
        if (kind == 0 && rowsOf(plane(from)) == rowsOf(p) &&
            colsOf(plane(from)) == colsOf(p))
          parts.push_back(b.window(from, 1, 1, 0, chansOf(part)));
        else if (kind == 1 && plane(from).extent() == part.extent())
          parts.push_back(b.unary(OpKind::elementwise, from, part));
        else
          parts.push_back(b.unary(OpKind::other, from, part));
        if (chance(0.1)) // read by someone else too
          live.push_back(parts.back());
        if (chance(0.05))
          b.output[parts.back()] = true;
      }
      if (chance(0.1)) // the same tensor twice
        parts.push_back(parts[0]);
      return b.concat(parts, /*inner=*/true);
    }
    case 9: { // outer concat: one part after another
      const Plane &p = plane(cur);
      int n = pick(2, 3);
      std::vector<int> parts;
      for (int i = 0; i < n; ++i) {
        Plane part = nhwc(pick(1, 4), colsOf(p), chansOf(p));
        if (chance(0.3) && rowsOf(p) == rowsOf(part))
          parts.push_back(b.unary(OpKind::elementwise, cur, part));
        else if (chance(0.2))
          parts.push_back(b.input(part));
        else
          parts.push_back(b.unary(OpKind::other, cur, part));
        if (chance(0.05))
          b.output[parts.back()] = true;
      }
      return b.concat(parts, /*inner=*/false);
    }
    case 10: // branch from an older tensor
      return anyOp(anyLive());
    case 11: { // split, then concatenate again
      const Plane &p = plane(cur);
      int index = b.op(OpKind::other, {cur},
                       {nhwc(rowsOf(p), colsOf(p), pick(1, 3)),
                        nhwc(rowsOf(p), colsOf(p), pick(1, 3))});
      std::vector<int> parts = b.problem.ops[index].outputs;
      if (chance(0.5))
        parts[1] = b.unary(OpKind::view,
                           b.unary(OpKind::other, parts[1], plane(parts[1])),
                           plane(parts[1]));
      return b.concat(parts, /*inner=*/true);
    }
    default: { // an op reading several tensors, possibly dead
      int t = other(cur);
      if (chance(0.2))
        b.unary(OpKind::other, anyLive(), randomImage()); // dead
      return t;
    }
    }
  }

  std::mt19937 &rng;
  Builder b;
  std::vector<int> live;
};

std::string describe(const Problem &problem) {
  std::ostringstream os;
  for (const Tensor &t : problem.tensors)
    os << "  tensor " << t.name << " size=" << t.plane.size
       << " stride=" << t.plane.stride << " length=" << t.plane.length
       << " count=" << t.plane.count << " def=" << t.def
       << " lastUse=" << t.lastUse << "\n";
  for (const Op &op : problem.ops) {
    os << "  op " << op.name << " step=" << op.step << " kind=" << int(op.kind)
       << " in=";
    for (int i : op.inputs)
      os << problem.tensors[i].name << ",";
    os << " out=";
    for (int o : op.outputs)
      os << problem.tensors[o].name << ",";
    if (op.kind == OpKind::window)
      os << " stride=" << op.windowStride << " kernel=" << op.windowKernel
         << " pad=" << op.windowPadTop;
    if (op.kind == OpKind::concat)
      os << " inner=" << op.concatInner;
    os << "\n";
  }
  return os.str();
}

std::string describe(const Plan &plan) {
  std::ostringstream os;
  for (size_t t = 0; t < plan.placements.size(); ++t) {
    const Placement &p = plan.placements[t];
    os << "  t" << t << " offset=" << p.offset << " stride=" << p.plane.stride
       << " space=[" << p.spaceOffset << "+" << p.spaceSize
       << "] reuse=" << stringifyReuse(p.reuse) << " of " << p.reused << "\n";
  }
  os << "  peak=" << plan.peak << "\n";
  return os.str();
}

std::string optionsName(const Options &o) {
  const char *strategies[] = {"stack", "greedyBySize", "best"};
  std::ostringstream os;
  os << strategies[int(o.strategy)] << " inplace=" << o.inplace
     << " wrapping=" << o.wrapping << " concatInPlace=" << o.concatInPlace
     << " align=" << o.align;
  return os.str();
}

/// What a plan must satisfy besides the checker's verdict.
void expectWellFormed(const Problem &problem, const Plan &plan,
                      const Options &o, const std::string &context) {
  ASSERT_EQ(plan.placements.size(), problem.tensors.size()) << context;
  for (size_t t = 0; t < problem.tensors.size(); ++t) {
    const Placement &p = plan.placements[t];
    const Plane &want = problem.tensors[t].plane;
    EXPECT_EQ(p.plane.size, want.size) << context << " t" << t;
    EXPECT_EQ(p.plane.length, want.length) << context << " t" << t;
    EXPECT_EQ(p.plane.count, want.count) << context << " t" << t;
    EXPECT_GE(p.plane.stride, p.plane.size) << context << " t" << t;
    EXPECT_EQ(p.spaceOffset % o.align, 0) << context << " t" << t;
    EXPECT_EQ(p.spaceSize % o.align, 0) << context << " t" << t;
    // The arena holds every tensor, and the whole ring of one that wraps.
    EXPECT_LE(p.offset + p.contSize(), plan.peak) << context << " t" << t;
    if (p.wrapSize() > 0)
      EXPECT_LE(p.spaceOffset + p.spaceSize, plan.peak) << context << " t" << t;
    EXPECT_EQ(p.reuse == Reuse::none, p.reused < 0) << context << " t" << t;
    if (p.reuse == Reuse::inplace) {
      EXPECT_TRUE(o.inplace) << context;
      EXPECT_EQ(p.offset, plan.placements[p.reused].offset) << context;
    }
    if (p.reuse == Reuse::alias) {
      EXPECT_EQ(p.offset, plan.placements[p.reused].offset) << context;
    }
    if (p.reuse == Reuse::wrap) {
      EXPECT_TRUE(o.wrapping) << context;
    }
    if (p.reuse == Reuse::concat) {
      EXPECT_TRUE(o.concatInPlace) << context;
    }
  }
}

TEST(PlannerPropertyTest, RandomGraphs) {
  std::mt19937 rng(fromEnv("AIDGE_PLANNER_SEED", 20240611));
  const int kGraphs = fromEnv("AIDGE_PLANNER_GRAPHS", 2000);
  int combinations = 0, reused[5] = {0, 0, 0, 0, 0};
  for (int g = 0; g < kGraphs; ++g) {
    Problem problem = RandomGraph(rng).build();
    int64_t lowerBound = liveSetLowerBound(problem);
    for (int64_t align : {1, 16}) {
      int64_t naive = naiveBytes(problem, align);
      for (int flags = 0; flags < 8; ++flags) {
        int64_t peaks[3];
        for (Strategy strategy :
             {Strategy::stack, Strategy::greedyBySize, Strategy::best}) {
          Options o;
          o.strategy = strategy;
          o.inplace = flags & 1;
          o.wrapping = flags & 2;
          o.concatInPlace = flags & 4;
          o.align = align;
          ++combinations;
          std::string context =
              "graph " + std::to_string(g) + " with " + optionsName(o);
          Plan plan = planMemory(problem, o);
          peaks[int(strategy)] = plan.peak;
          std::vector<PlanError> errors =
              checkPlan(problem, plan.placements, plan.peak);
          if (!errors.empty()) {
            ADD_FAILURE() << context << ": " << errors[0].message << "\n"
                          << describe(problem) << describe(plan);
            return;
          }
          expectWellFormed(problem, plan, o, context);
          if (flags == 0) {
            EXPECT_GE(plan.peak, lowerBound) << context;
          }
          EXPECT_LE(plan.peak, naive) << context;
          if (strategy != Strategy::best)
            continue;
          // Best: the smallest plan of both strategies, with and without
          // the wrapping and concat-in-place it allows (so allowing more
          // reuse never makes the arena larger).
          int64_t smallest = std::min(peaks[0], peaks[1]);
          for (bool wrapping : {false, o.wrapping})
            for (bool concatInPlace : {false, o.concatInPlace})
              for (Strategy one : {Strategy::stack, Strategy::greedyBySize}) {
                Options fewer = o;
                fewer.strategy = one;
                fewer.wrapping = wrapping;
                fewer.concatInPlace = concatInPlace;
                smallest = std::min(smallest, planMemory(problem, fewer).peak);
              }
          EXPECT_EQ(plan.peak, smallest) << context;
          for (const Placement &p : plan.placements)
            ++reused[int(p.reuse)];
          // Deterministic.
          Plan again = planMemory(problem, o);
          EXPECT_EQ(again.peak, plan.peak) << context;
          for (size_t t = 0; t < plan.placements.size(); ++t)
            EXPECT_EQ(again.placements[t].offset, plan.placements[t].offset)
                << context;
        }
        if (::testing::Test::HasFailure())
          return;
      }
    }
  }
  EXPECT_EQ(combinations, kGraphs * 48);
  // The graphs exercise every kind of reuse.
  for (Reuse r :
       {Reuse::none, Reuse::inplace, Reuse::alias, Reuse::wrap, Reuse::concat})
    EXPECT_GT(reused[int(r)], 100) << stringifyReuse(r);
  std::printf("%d graphs x 48 option sets; reuse none/inplace/alias/wrap/"
              "concat: %d/%d/%d/%d/%d\n",
              kGraphs, reused[0], reused[1], reused[2], reused[3], reused[4]);
}

/// A valid plan moved one tensor over another live one: the checker must
/// see it.
TEST(PlannerPropertyTest, CheckerCatchesMovedTensors) {
  std::mt19937 rng(7);
  int caught = 0;
  for (int g = 0; g < 300; ++g) {
    Problem problem = RandomGraph(rng).build();
    Options o;
    o.inplace = o.wrapping = o.concatInPlace = false;
    o.align = 1;
    Plan plan = planMemory(problem, o);
    ASSERT_TRUE(checkPlan(problem, plan.placements, plan.peak).empty());
    // Two distinct tensors live at once, the newer put at the older's bytes.
    const auto &ts = problem.tensors;
    for (size_t a = 0; a < ts.size(); ++a)
      for (size_t b = 0; b < ts.size(); ++b) {
        if (a == b || ts[b].def < ts[a].def || ts[b].def > ts[a].lastUse ||
            (ts[a].def == ts[b].def && b < a))
          continue;
        // (Over an operand of its own op, or as a view, it may be legal.)
        if (ts[b].def > 0) {
          const Op &op = problem.ops[ts[b].def - 1];
          if (op.kind == OpKind::view ||
              std::count(op.inputs.begin(), op.inputs.end(), int(a)))
            continue;
        }
        std::vector<Placement> broken = plan.placements;
        broken[b] = broken[a];
        broken[b].plane = ts[b].plane;
        broken[b].spaceSize =
            std::max(broken[a].spaceSize, ts[b].plane.extent());
        std::vector<PlanError> errors =
            checkPlan(problem, broken, plan.peak + ts[b].plane.extent());
        bool named = std::any_of(errors.begin(), errors.end(), [&](auto &e) {
          return (e.first == int(a) && e.second == int(b)) ||
                 (e.first == int(b) && e.second == int(a));
        });
        std::string all;
        for (const PlanError &e : errors)
          all += e.message + "\n";
        EXPECT_TRUE(named) << "graph " << g << ": " << ts[b].name << " over "
                           << ts[a].name << "\n"
                           << describe(problem) << all << describe(plan)
                           << "broken b: offset=" << broken[b].offset
                           << " space=" << broken[b].spaceOffset << "+"
                           << broken[b].spaceSize << "\n";
        caught += named;
        if (::testing::Test::HasFailure())
          return;
        goto nextGraph;
      }
  nextGraph:;
  }
  EXPECT_GT(caught, 250);
}

//===----------------------------------------------------------------------===//
// Small cases with exact offsets
//===----------------------------------------------------------------------===//

Options exactly(Strategy strategy, bool inplace, bool wrapping, bool concat) {
  Options o;
  o.strategy = strategy;
  o.inplace = inplace;
  o.wrapping = wrapping;
  o.concatInPlace = concat;
  o.align = 1;
  return o;
}

void expectValid(const Problem &problem, const Plan &plan) {
  std::vector<PlanError> errors =
      checkPlan(problem, plan.placements, plan.peak);
  for (const PlanError &e : errors)
    ADD_FAILURE() << e.message;
}

TEST(PlannerExactTest, ChainOfThreeStacks) {
  Builder b;
  Plane p = nhwc(2, 2, 2); // 32 bytes
  int a = b.input(p, "a");
  int c1 = b.unary(OpKind::other, a, p, "b");
  int c2 = b.unary(OpKind::other, c1, p, "c");
  b.output[c2] = true;
  Problem problem = b.finish();
  Plan plan = planMemory(problem, exactly(Strategy::stack, true, true, true));
  expectValid(problem, plan);
  EXPECT_EQ(plan.placements[a].offset, 0);
  EXPECT_EQ(plan.placements[c1].offset, 32);
  EXPECT_EQ(plan.placements[c2].offset, 0);
  EXPECT_EQ(plan.peak, 64);
  EXPECT_EQ(liveSetLowerBound(problem), 64);
  EXPECT_EQ(naiveBytes(problem, 1), 96);
}

TEST(PlannerExactTest, InPlaceRelu) {
  Builder b;
  Plane p = nhwc(3, 3, 3); // 108 bytes
  int x = b.input(p, "x");
  int y = b.unary(OpKind::other, x, p, "y");
  int r = b.unary(OpKind::elementwise, y, p, "relu");
  int z = b.unary(OpKind::other, r, p, "z");
  b.output[z] = true;
  Problem problem = b.finish();
  Plan plan = planMemory(problem, exactly(Strategy::stack, true, false, false));
  expectValid(problem, plan);
  EXPECT_EQ(plan.placements[r].reuse, Reuse::inplace);
  EXPECT_EQ(plan.placements[r].reused, y);
  EXPECT_EQ(plan.placements[r].offset, plan.placements[y].offset);
  EXPECT_EQ(plan.placements[y].offset, 108);
  EXPECT_EQ(plan.placements[z].offset, 0);
  EXPECT_EQ(plan.peak, 216);

  // Not when the operand is read again later.
  Builder b2;
  x = b2.input(p, "x");
  r = b2.unary(OpKind::elementwise, x, p, "relu");
  z = b2.problem.ops[b2.op(OpKind::other, {x, r}, {p})].outputs[0];
  b2.output[z] = true;
  problem = b2.finish();
  plan = planMemory(problem, exactly(Strategy::stack, true, false, false));
  expectValid(problem, plan);
  EXPECT_EQ(plan.placements[r].reuse, Reuse::none);
  EXPECT_NE(plan.placements[r].offset, plan.placements[x].offset);
}

TEST(PlannerExactTest, ViewAliases) {
  Builder b;
  int x = b.input(nhwc(2, 3, 4), "x"); // 96 bytes
  int y = b.unary(OpKind::other, x, nhwc(2, 3, 4), "y");
  int v = b.unary(OpKind::view, y, nhwc(1, 1, 24), "flat");
  int z = b.unary(OpKind::other, v, nhwc(1, 1, 10), "z");
  b.output[z] = true;
  Problem problem = b.finish();
  for (bool inplace : {false, true}) {
    Plan plan =
        planMemory(problem, exactly(Strategy::stack, inplace, false, false));
    expectValid(problem, plan);
    EXPECT_EQ(plan.placements[v].reuse, Reuse::alias);
    EXPECT_EQ(plan.placements[v].reused, y);
    EXPECT_EQ(plan.placements[v].offset, 96);
    EXPECT_EQ(plan.placements[y].offset, 96);
    EXPECT_EQ(plan.placements[z].offset, 0);
    EXPECT_EQ(plan.peak, 192);
  }
}

/// 3x3, stride 1, pad 1 over 4 rows of 4 one-channel pixels (16-byte rows,
/// 64-byte planes). Output row oy is written while input rows from oy - 1
/// on are still to be read; written right after the input in a ring, row
/// oy ends at 64 + 16 (oy + 1), which must stay within the ring size plus
/// the start of the first unread row, 16 max(0, oy - 1):
///   oy=0: 80 - 0, oy=1: 96 - 0, oy=2: 112 - 16, oy=3: 128 - 32
/// so the ring holds 96 bytes: a margin of 32 (two rows).
TEST(PlannerExactTest, WrapMargin) {
  Builder b;
  int x = b.input(nhwc(4, 4, 1), "x");
  int y = b.window(x, 1, 3, 1, 1, "conv");
  b.output[y] = true;
  Problem problem = b.finish();
  for (Strategy s : {Strategy::stack, Strategy::greedyBySize, Strategy::best}) {
    Plan plan = planMemory(problem, exactly(s, true, true, false));
    expectValid(problem, plan);
    const Placement &px = plan.placements[x], &py = plan.placements[y];
    EXPECT_EQ(py.reuse, Reuse::wrap);
    EXPECT_EQ(py.reused, x);
    EXPECT_EQ(px.offset, 0);
    EXPECT_EQ(py.offset, 64);
    EXPECT_EQ(py.spaceOffset, 0);
    EXPECT_EQ(py.spaceSize, 96);
    EXPECT_EQ(py.contSize(), 32);
    EXPECT_EQ(py.wrapSize(), 32);
    EXPECT_EQ(py.wrapOffset(), 0);
    EXPECT_EQ(plan.peak, 96);
  }
  // Without wrapping: 128.
  Plan plain =
      planMemory(problem, exactly(Strategy::stack, true, false, false));
  EXPECT_EQ(plain.peak, 128);
  EXPECT_EQ(plain.placements[y].reuse, Reuse::none);
  // Aligned to 64: the ring is 128 bytes, the output still right after
  // the input.
  Options o = exactly(Strategy::stack, true, true, false);
  o.align = 64;
  Plan aligned = planMemory(problem, o);
  expectValid(problem, aligned);
  EXPECT_EQ(aligned.placements[y].offset, 64);
  EXPECT_EQ(aligned.placements[y].spaceSize, 128);
}

/// 3x3, stride 2, pad 1 over 4x4: a 2x2 output, 8-byte rows. Row 0 ends at
/// 64 + 8 with nothing read yet; row 1 at 64 + 16 once input row 0
/// (16 bytes) is done: margin max(8, 16 - 16) = 8.
TEST(PlannerExactTest, WrapMarginStride2) {
  Builder b;
  int x = b.input(nhwc(4, 4, 1), "x");
  int y = b.window(x, 2, 3, 1, 1, "conv");
  b.output[y] = true;
  Problem problem = b.finish();
  Plan plan = planMemory(problem, exactly(Strategy::best, true, true, false));
  expectValid(problem, plan);
  EXPECT_EQ(plan.placements[y].reuse, Reuse::wrap);
  EXPECT_EQ(plan.placements[y].offset, 64);
  EXPECT_EQ(plan.placements[y].spaceSize, 72);
  EXPECT_EQ(plan.peak, 72);
}

/// Channels of a (12 bytes per pixel) and b (4 bytes) interleaved in a
/// 16-byte-per-pixel output: a at +0, b at +12, both with stride 16.
TEST(PlannerExactTest, InnerConcatSlices) {
  Builder b;
  int x = b.input(nhwc(2, 3, 1), "x"); // 24 bytes
  int pa = b.window(x, 1, 1, 0, 3, "a");
  int pb = b.window(x, 1, 1, 0, 1, "b");
  int o = b.concat({pa, pb}, /*inner=*/true, "cat");
  b.output[o] = true;
  Problem problem = b.finish();
  Plan plan = planMemory(problem, exactly(Strategy::stack, true, true, true));
  expectValid(problem, plan);
  const Placement &po = plan.placements[o], &qa = plan.placements[pa],
                  &qb = plan.placements[pb];
  EXPECT_EQ(problem.tensors[o].plane.size, 16);
  EXPECT_EQ(qa.reuse, Reuse::concat);
  EXPECT_EQ(qb.reuse, Reuse::concat);
  EXPECT_EQ(qa.reused, o);
  EXPECT_EQ(po.offset, 24); // x lives until b is written
  EXPECT_EQ(qa.offset, 24);
  EXPECT_EQ(qb.offset, 36);
  EXPECT_EQ(qa.plane.stride, 16);
  EXPECT_EQ(qb.plane.stride, 16);
  EXPECT_EQ(qa.plane.size, 12);
  EXPECT_EQ(qb.plane.size, 4);
  EXPECT_EQ(plan.peak, 24 + 96);
  // Without concatenation in place: x, a, b and the output.
  Plan plain = planMemory(problem, exactly(Strategy::stack, true, true, false));
  expectValid(problem, plain);
  EXPECT_EQ(plain.peak, 24 + 72 + 24 + 96);
}

TEST(PlannerExactTest, OuterConcatSlices) {
  Builder b;
  int x = b.input(nhwc(2, 2, 2), "x");                    // 32 bytes
  int pa = b.unary(OpKind::other, x, nhwc(1, 2, 2), "a"); // 16
  int pb = b.unary(OpKind::other, x, nhwc(3, 2, 2), "b"); // 48
  int o = b.concat({pa, pb}, /*inner=*/false, "cat");
  b.output[o] = true;
  Problem problem = b.finish();
  Plan plan = planMemory(problem, exactly(Strategy::stack, true, true, true));
  expectValid(problem, plan);
  EXPECT_EQ(plan.placements[o].offset, 32);
  EXPECT_EQ(plan.placements[pa].offset, 32);
  EXPECT_EQ(plan.placements[pb].offset, 48);
  EXPECT_EQ(plan.placements[pb].plane.stride, 8);
  EXPECT_EQ(plan.peak, 96);
}

/// Regression: a concatenation input also read after it (here a graph
/// output) must keep bytes of its own; in the output's slice it would be
/// overwritten once the output is updated in place.
TEST(PlannerExactTest, ConcatInputReadAfterTheConcat) {
  Builder b;
  int x = b.input(nhwc(2, 2, 1), "x");
  int pa = b.unary(OpKind::other, x, nhwc(2, 2, 1), "a");
  int pb = b.unary(OpKind::other, x, nhwc(2, 2, 1), "b");
  int o = b.concat({pa, pb}, /*inner=*/true, "cat");
  int r = b.unary(OpKind::elementwise, o, nhwc(2, 2, 2), "relu");
  b.output[pa] = b.output[r] = true;
  Problem problem = b.finish();
  for (Strategy s : {Strategy::stack, Strategy::greedyBySize}) {
    Plan plan = planMemory(problem, exactly(s, true, true, true));
    expectValid(problem, plan);
    // (All of a concatenation's inputs go in place, or none.)
    EXPECT_EQ(plan.placements[pa].reuse, Reuse::none);
    EXPECT_EQ(plan.placements[pb].reuse, Reuse::none);
    EXPECT_EQ(plan.placements[r].reuse, Reuse::inplace);
  }
}

/// Regression: a window whose second operand is a view of its first reads
/// those bytes in no known order: no ring over them.
TEST(PlannerExactTest, NoRingOverAnOperandReadTwice) {
  Builder b;
  int x = b.input(nhwc(4, 4, 1), "x");
  int y = b.unary(OpKind::other, x, nhwc(4, 4, 1), "y");
  int v = b.unary(OpKind::view, y, nhwc(1, 16, 1), "v");
  int c = b.window(v, 1, 3, 1, 1, "conv");
  b.problem.ops.back().inputs.push_back(y);
  b.output[c] = true;
  Problem problem = b.finish();
  Plan plan = planMemory(problem, exactly(Strategy::best, true, true, true));
  expectValid(problem, plan);
  EXPECT_EQ(plan.placements[v].reuse, Reuse::alias);
  EXPECT_EQ(plan.placements[c].reuse, Reuse::none);
}

/// Views share their operand's bytes whatever the options, so the lower
/// bound counts them once.
TEST(PlannerExactTest, LowerBoundCountsViewsOnce) {
  Builder b;
  int x = b.input(nhwc(2, 2, 2), "x"); // 32 bytes
  int v = b.unary(OpKind::view, x, nhwc(1, 1, 8), "v");
  int w = b.unary(OpKind::view, v, nhwc(1, 2, 4), "w");
  int y =
      b.problem.ops[b.op(OpKind::other, {x, v, w}, {nhwc(1, 1, 1)})].outputs[0];
  b.output[y] = true;
  Problem problem = b.finish();
  EXPECT_EQ(liveSetLowerBound(problem), 32 + 4);
  Plan plan = planMemory(problem, exactly(Strategy::best, false, false, false));
  expectValid(problem, plan);
  EXPECT_EQ(plan.peak, 36);
}

/// Regression: a tensor with no element (a dimension of 0) takes no
/// bytes; the checker used to see it run past its space of 0 bytes.
TEST(PlannerExactTest, EmptyTensor) {
  Builder b;
  int x = b.input(contiguousPlane({4, 0}, 4), "x");
  int y = b.unary(OpKind::other, x, nhwc(1, 2, 2), "y");
  b.output[y] = true;
  Problem problem = b.finish();
  for (int64_t align : {1, 16}) {
    Options o = exactly(Strategy::best, true, true, true);
    o.align = align;
    Plan plan = planMemory(problem, o);
    expectValid(problem, plan);
    EXPECT_EQ(plan.peak, 16);
  }
}

//===----------------------------------------------------------------------===//
// Broken plans the checker must reject
//===----------------------------------------------------------------------===//

Placement at(const Problem &problem, int t, int64_t offset,
             int64_t spaceOffset = -1, int64_t spaceSize = -1) {
  Placement p;
  p.plane = problem.tensors[t].plane;
  p.offset = offset;
  p.spaceOffset = spaceOffset < 0 ? offset : spaceOffset;
  p.spaceSize = spaceSize < 0 ? p.plane.extent() : spaceSize;
  return p;
}

/// Some error names both tensors, by index and in its message.
void expectErrorNaming(const Problem &problem,
                       const std::vector<Placement> &placements, int64_t arena,
                       int a, int b) {
  std::vector<PlanError> errors = checkPlan(problem, placements, arena);
  std::string na = "'" + problem.tensors[a].name + "'";
  std::string nb = "'" + problem.tensors[b].name + "'";
  bool found = false;
  for (const PlanError &e : errors)
    found |=
        ((e.first == a && e.second == b) || (e.first == b && e.second == a)) &&
        e.message.find(na) != std::string::npos &&
        e.message.find(nb) != std::string::npos;
  std::string all;
  for (const PlanError &e : errors)
    all += e.message + "\n";
  EXPECT_TRUE(found) << "no error naming " << na << " and " << nb << ":\n"
                     << all;
}

TEST(PlanCheckerTest, TwoLiveTensorsAtOneOffset) {
  Builder b;
  Plane p = nhwc(2, 2, 1);
  int x = b.input(p, "x");
  int y = b.unary(OpKind::other, x, p, "y");
  b.output[y] = true;
  Problem problem = b.finish();
  std::vector<Placement> ok = {at(problem, x, 0), at(problem, y, 16)};
  EXPECT_TRUE(checkPlan(problem, ok, 32).empty());
  std::vector<Placement> broken = {at(problem, x, 0), at(problem, y, 0)};
  expectErrorNaming(problem, broken, 32, x, y);
  // One byte is enough.
  broken[1].offset = broken[1].spaceOffset = 15;
  expectErrorNaming(problem, broken, 32, x, y);
  // ... but a dead tensor's bytes are free.
  Builder b2;
  x = b2.input(p, "x");
  y = b2.unary(OpKind::other, x, p, "y");
  int z = b2.unary(OpKind::other, y, p, "z");
  b2.output[z] = true;
  problem = b2.finish();
  ok = {at(problem, x, 0), at(problem, y, 16), at(problem, z, 0)};
  EXPECT_TRUE(checkPlan(problem, ok, 32).empty());
}

TEST(PlanCheckerTest, WrapOvertakesUnreadRows) {
  Builder b;
  int x = b.input(nhwc(4, 4, 1), "x");
  int y = b.window(x, 1, 3, 1, 1, "conv");
  b.output[y] = true;
  Problem problem = b.finish();
  // The ring of 96 bytes the planner picks is fine.
  std::vector<Placement> ok = {at(problem, x, 0, 0, 96),
                               at(problem, y, 64, 0, 96)};
  EXPECT_TRUE(checkPlan(problem, ok, 96).empty());
  // A ring of 80: output row 1 lands on input row 0, still read for it.
  std::vector<Placement> broken = {at(problem, x, 0, 0, 80),
                                   at(problem, y, 64, 0, 80)};
  expectErrorNaming(problem, broken, 80, x, y);
  // The output written over the input, in place: row 0 over unread rows.
  broken = {at(problem, x, 0), at(problem, y, 0)};
  expectErrorNaming(problem, broken, 64, x, y);
  // Nor may it wrap over an input that is read again later.
  Builder b2;
  x = b2.input(nhwc(4, 4, 1), "x");
  y = b2.window(x, 1, 3, 1, 1, "conv");
  int z =
      b2.problem.ops[b2.op(OpKind::other, {x, y}, {nhwc(1, 1, 1)})].outputs[0];
  b2.output[z] = true;
  problem = b2.finish();
  broken = {at(problem, x, 0, 0, 96), at(problem, y, 64, 0, 96),
            at(problem, z, 96)};
  expectErrorNaming(problem, broken, 100, x, y);
}

TEST(PlanCheckerTest, ConcatInputInWrongSlice) {
  Builder b;
  int x = b.input(nhwc(2, 3, 1), "x"); // 24 bytes
  int pa = b.window(x, 1, 1, 0, 1, "a");
  int pb = b.window(x, 1, 1, 0, 1, "b");
  int o = b.concat({pa, pb}, /*inner=*/true, "cat");
  b.output[o] = true;
  Problem problem = b.finish();
  auto slice = [&](int t, int64_t offset) {
    Placement p = at(problem, t, offset, 24, 48);
    p.plane.stride = 8;
    return p;
  };
  std::vector<Placement> ok = {at(problem, x, 0), slice(pa, 24), slice(pb, 28),
                               at(problem, o, 24)};
  EXPECT_TRUE(checkPlan(problem, ok, 72).empty());
  // Swapped: each has the size of the other's slice but is in the wrong one.
  std::vector<Placement> broken = {at(problem, x, 0), slice(pa, 28),
                                   slice(pb, 24), at(problem, o, 24)};
  expectErrorNaming(problem, broken, 72, pa, o);
  expectErrorNaming(problem, broken, 72, pb, o);
  // Right offset, wrong stride (as if it were contiguous).
  broken = {at(problem, x, 0), at(problem, pa, 24, 24, 48), slice(pb, 28),
            at(problem, o, 24)};
  expectErrorNaming(problem, broken, 72, pa, o);
}

TEST(PlanCheckerTest, OutsideTheArena) {
  Builder b;
  Plane p = nhwc(2, 2, 1);
  int x = b.input(p, "x");
  int y = b.unary(OpKind::other, x, p, "y");
  b.output[y] = true;
  Problem problem = b.finish();
  std::vector<Placement> placements = {at(problem, x, 0), at(problem, y, 16)};
  std::vector<PlanError> errors = checkPlan(problem, placements, 31);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].first, y);
  EXPECT_NE(errors[0].message.find("'y'"), std::string::npos);
  EXPECT_NE(errors[0].message.find("arena"), std::string::npos);
  placements[0].offset = placements[0].spaceOffset = -4;
  errors = checkPlan(problem, placements, 32);
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].first, x);
  EXPECT_NE(errors[0].message.find("'x'"), std::string::npos);
}

TEST(PlanCheckerTest, PlaneNotTheTensors) {
  Builder b;
  Plane p = nhwc(2, 2, 1);
  int x = b.input(p, "x");
  int y = b.unary(OpKind::other, x, p, "y");
  b.output[y] = true;
  Problem problem = b.finish();
  // Claimed one row shorter, to fit beside x.
  std::vector<Placement> placements = {at(problem, x, 0), at(problem, y, 8)};
  placements[1].plane.count = 1;
  placements[1].offset = placements[1].spaceOffset = 16;
  std::vector<PlanError> errors = checkPlan(problem, placements, 32);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].first, y);
  EXPECT_NE(errors[0].message.find("'y'"), std::string::npos);
  // Missing placements.
  placements.pop_back();
  EXPECT_EQ(checkPlan(problem, placements, 32).size(), 1u);
}

TEST(PlanCheckerTest, InPlaceOverAnInputReadLater) {
  Builder b;
  Plane p = nhwc(2, 2, 1);
  int x = b.input(p, "x");
  int r = b.unary(OpKind::elementwise, x, p, "relu");
  int z = b.problem.ops[b.op(OpKind::elementwise, {x, r}, {p})].outputs[0];
  b.output[z] = true;
  Problem problem = b.finish();
  std::vector<Placement> broken = {at(problem, x, 0), at(problem, r, 0),
                                   at(problem, z, 16)};
  broken[1].reuse = Reuse::inplace;
  broken[1].reused = x;
  expectErrorNaming(problem, broken, 32, x, r);
  // The same at the last read is fine: z over x (and r at 16).
  std::vector<Placement> ok = {at(problem, x, 0), at(problem, r, 16),
                               at(problem, z, 0)};
  EXPECT_TRUE(checkPlan(problem, ok, 32).empty());
  // Shifted by one slot it is not in place any more.
  std::vector<Placement> shifted = {at(problem, x, 0), at(problem, r, 16),
                                    at(problem, z, 4)};
  expectErrorNaming(problem, shifted, 32, x, z);
}

} // namespace
