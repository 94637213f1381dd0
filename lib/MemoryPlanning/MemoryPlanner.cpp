//===- MemoryPlanner.cpp - Spaces, then one arena -------------------------===//
//
// First the reuse decisions, op by op in schedule order (which tensor may
// take the memory of which); then the geometry of each space (its size,
// where each member lies in it, wrap-around included); then the packing of
// the spaces in the arena, first fit over their lifetimes, in the order of
// the strategy.
//
//===----------------------------------------------------------------------===//

#include "aidge/MemoryPlanning/MemoryPlanner.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <numeric>

using namespace mlir::aidge::memory;

Plane mlir::aidge::memory::contiguousPlane(const std::vector<int64_t> &shape,
                                           int64_t elementBytes) {
  Plane plane;
  int64_t rank = shape.size();
  plane.size = elementBytes * (rank >= 1 ? shape[rank - 1] : 1);
  plane.stride = plane.size;
  plane.length = rank >= 2 ? shape[rank - 2] : 1;
  plane.count = 1;
  for (int64_t d = 0; d + 2 < rank; ++d)
    plane.count *= shape[d];
  return plane;
}

const char *mlir::aidge::memory::stringifyReuse(Reuse reuse) {
  switch (reuse) {
  case Reuse::none:
    return "none";
  case Reuse::inplace:
    return "inplace";
  case Reuse::alias:
    return "alias";
  case Reuse::wrap:
    return "wrap";
  case Reuse::concat:
    return "concat";
  }
  return "none";
}

int64_t Placement::contSize() const {
  return std::min(plane.extent(), spaceOffset + spaceSize - offset);
}

static int64_t alignTo(int64_t value, int64_t align) {
  return align > 1 ? (value + align - 1) / align * align : value;
}

namespace {
/// The reuse decided for each tensor: its kind and the tensor it reuses.
struct Decisions {
  std::vector<Reuse> reuse;
  std::vector<int> parent;
  /// window: the protected margin in bytes; concat: the byte offset of the
  /// input in the output, and the output's plane stride for inner concat.
  std::vector<int64_t> margin, sliceOffset;
  /// concat: whether the input's slots interleave with the others'.
  std::vector<bool> interleaved;
};

class Planner {
public:
  Planner(const Problem &problem, const Options &options)
      : problem(problem), options(options) {}

  Plan run();

private:
  void decide();
  void decideInPlace(const Op &op);
  void decideView(const Op &op);
  void decideWindow(const Op &op);
  void decideConcat(const Op &op);
  int root(int tensor) const;
  /// Last step at which some tensor of `tensor`'s space is read.
  int64_t spaceLastUse(int tensor) const;
  bool isContiguous(int tensor) const;

  void layOutSpaces();
  int64_t pack(Strategy strategy, std::vector<int64_t> &offsets) const;

  const Problem &problem;
  const Options &options;
  Decisions d;
  std::vector<int> consumers;
  std::vector<bool> produced;
  /// Concatenation outputs whose inputs were placed in them.
  std::vector<bool> hostsConcat;
  /// Per tensor: its space, offset in it, and plane.
  std::vector<int> spaceOf;
  std::vector<int64_t> rel;
  std::vector<Plane> planes;
  /// Bytes [lo, hi) of a space that some member holds over steps
  /// [first, last].
  struct Block {
    int64_t lo, hi, first, last;
  };
  struct Space {
    std::vector<int> members;
    int64_t size = 0, first = 0, last = 0;
    /// What its members hold when: spaces conflict only where their blocks
    /// do, so a ring's largest moment does not block it for its whole life.
    std::vector<Block> blocks;
  };
  void addBlocks(Space &space, int tensor);
  std::vector<Space> spaces;
  std::vector<int64_t> lastUseOfRoot;
};
} // namespace

int Planner::root(int tensor) const {
  while (d.parent[tensor] >= 0)
    tensor = d.parent[tensor];
  return tensor;
}

int64_t Planner::spaceLastUse(int tensor) const {
  return lastUseOfRoot[root(tensor)];
}

bool Planner::isContiguous(int tensor) const {
  const Plane &plane = problem.tensors[tensor].plane;
  return plane.stride == plane.size && d.reuse[tensor] != Reuse::concat;
}

void Planner::decideInPlace(const Op &op) {
  if (op.outputs.size() != 1)
    return;
  int out = op.outputs[0];
  for (int in : op.inputs) {
    // Same bytes, nobody reads them after this op, and no other tensor
    // (an alias, an earlier in-place result) still needs them.
    if (!isContiguous(in) || !isContiguous(out) ||
        spaceLastUse(in) != op.step ||
        problem.tensors[in].plane.extent() != problem.tensors[out].plane.extent())
      continue;
    d.reuse[out] = Reuse::inplace;
    d.parent[out] = in;
    return;
  }
}

void Planner::decideView(const Op &op) {
  if (op.inputs.size() != 1 || op.outputs.size() != 1)
    return;
  int in = op.inputs[0], out = op.outputs[0];
  if (!isContiguous(in) ||
      problem.tensors[in].plane.extent() != problem.tensors[out].plane.extent())
    return;
  d.reuse[out] = Reuse::alias;
  d.parent[out] = in;
}

/// The bytes an output must stay ahead of the input rows it has not read
/// yet, when written right after the input in a ring: after writing output
/// row `oy`, rows before `oy*stride - pad` are no longer needed.
static int64_t protectedMargin(const Op &op, const Plane &in, const Plane &out) {
  int64_t inRow = in.stride * in.length, outRow = out.stride * out.length;
  int64_t margin = 0;
  for (int64_t oy = 0; oy < out.count; ++oy) {
    int64_t freedRows =
        std::clamp<int64_t>(oy * op.windowStride - op.windowPadTop, 0, in.count);
    margin = std::max(margin, (oy + 1) * outRow - freedRows * inRow);
  }
  return margin;
}

void Planner::decideWindow(const Op &op) {
  if (op.inputs.empty() || op.outputs.size() != 1)
    return;
  int in = op.inputs[0], out = op.outputs[0];
  if (!isContiguous(in) || !isContiguous(out) || consumers[in] != 1 ||
      spaceLastUse(in) != op.step)
    return;
  // Another operand in the same space (a view of the same bytes) is read
  // in no known order: the ring would overwrite it.
  for (size_t i = 1; i < op.inputs.size(); ++i)
    if (root(op.inputs[i]) == root(in))
      return;
  d.reuse[out] = Reuse::wrap;
  d.parent[out] = in;
  d.margin[out] =
      protectedMargin(op, problem.tensors[in].plane, problem.tensors[out].plane);
}

void Planner::decideConcat(const Op &op) {
  if (op.outputs.size() != 1 || op.inputs.size() < 2)
    return;
  int out = op.outputs[0];
  const Plane &whole = problem.tensors[out].plane;
  std::vector<int> seen;
  int64_t offset = 0;
  std::vector<int64_t> offsets;
  for (int in : op.inputs) {
    const Plane &part = problem.tensors[in].plane;
    // Written by an op for this concatenation only, in a space of its own,
    // and dead after it (not a graph output: the output's space may be
    // reused in place once the output dies).
    if (!produced[in] || consumers[in] != 1 || d.parent[in] >= 0 ||
        problem.tensors[in].lastUse != op.step ||
        std::count(op.inputs.begin(), op.inputs.end(), in) != 1 ||
        part.stride != part.size)
      return;
    if (hostsConcat[in])
      return;
    if (op.concatInner &&
        (part.length != whole.length || part.count != whole.count))
      return;
    offsets.push_back(offset);
    offset += op.concatInner ? part.size : part.extent();
  }
  if (offset != (op.concatInner ? whole.size : whole.extent()))
    return;
  for (size_t i = 0; i < op.inputs.size(); ++i) {
    int in = op.inputs[i];
    d.reuse[in] = Reuse::concat;
    d.parent[in] = out;
    d.sliceOffset[in] = offsets[i];
    d.interleaved[in] = op.concatInner;
  }
  hostsConcat[out] = true;
}

void Planner::decide() {
  size_t n = problem.tensors.size();
  d.reuse.assign(n, Reuse::none);
  d.parent.assign(n, -1);
  d.margin.assign(n, 0);
  d.sliceOffset.assign(n, 0);
  d.interleaved.assign(n, false);
  consumers.assign(n, 0);
  produced.assign(n, false);
  hostsConcat.assign(n, false);
  for (const Op &op : problem.ops) {
    for (int in : op.inputs)
      ++consumers[in];
    for (int out : op.outputs)
      produced[out] = true;
  }
  lastUseOfRoot.resize(n);
  for (size_t t = 0; t < n; ++t)
    lastUseOfRoot[t] = problem.tensors[t].lastUse;

  std::vector<const Op *> order;
  for (const Op &op : problem.ops)
    order.push_back(&op);
  std::stable_sort(order.begin(), order.end(),
                   [](const Op *a, const Op *b) { return a->step < b->step; });
  // Concatenations first: their inputs are decided when produced, later
  // in schedule order, so the concat must have claimed them by then.
  if (options.concatInPlace)
    for (const Op *op : order)
      if (op->kind == OpKind::concat)
        decideConcat(*op);
  for (const Op *op : order) {
    if (op->outputs.size() == 1 && d.parent[op->outputs[0]] >= 0)
      continue; // written into a concatenation
    if (op->kind == OpKind::elementwise && options.inplace)
      decideInPlace(*op);
    else if (op->kind == OpKind::view)
      decideView(*op);
    else if (op->kind == OpKind::window && options.wrapping)
      decideWindow(*op);
    for (int out : op->outputs) {
      int r = root(out);
      lastUseOfRoot[r] = std::max(lastUseOfRoot[r], problem.tensors[out].lastUse);
    }
  }
}

void Planner::layOutSpaces() {
  size_t n = problem.tensors.size();
  spaceOf.assign(n, -1);
  rel.assign(n, 0);
  planes.resize(n);
  spaces.clear();
  // Tensors in order of definition, so that a parent is laid out first;
  // a concatenation's inputs come before their output, and are placed
  // when it is.
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return problem.tensors[a].def < problem.tensors[b].def;
  });
  // Sizes first: a ring's size depends on all of its links.
  for (int t : order) {
    planes[t] = problem.tensors[t].plane;
    if (d.reuse[t] == Reuse::concat)
      continue;
    int parent = d.parent[t];
    if (parent < 0) {
      spaceOf[t] = spaces.size();
      spaces.push_back(Space{{}, planes[t].extent(), 0, 0});
    } else {
      spaceOf[t] = spaceOf[parent];
      Space &space = spaces[spaceOf[t]];
      space.size = std::max(space.size, planes[t].extent());
      if (d.reuse[t] == Reuse::wrap)
        space.size = std::max(space.size, planes[parent].extent() + d.margin[t]);
    }
  }
  // Rings wrap at the aligned size, so align before placing members.
  for (Space &space : spaces)
    space.size = alignTo(space.size, options.align);
  for (int t : order) {
    if (d.reuse[t] == Reuse::concat) {
      int out = d.parent[t];
      spaceOf[t] = spaceOf[out];
      if (d.interleaved[t])
        planes[t].stride = planes[out].stride;
      continue;
    }
    int parent = d.parent[t];
    if (parent >= 0) {
      int64_t size = spaces[spaceOf[t]].size;
      rel[t] = d.reuse[t] == Reuse::wrap
                   ? (rel[parent] + planes[parent].extent()) % size
                   : rel[parent];
    }
  }
  for (size_t t = 0; t < n; ++t) {
    if (d.reuse[t] == Reuse::concat)
      rel[t] = rel[d.parent[t]] + d.sliceOffset[t];
    Space &space = spaces[spaceOf[t]];
    const Tensor &tensor = problem.tensors[t];
    if (space.members.empty()) {
      space.first = tensor.def;
      space.last = tensor.lastUse;
    }
    space.first = std::min(space.first, tensor.def);
    space.last = std::max(space.last, tensor.lastUse);
    space.members.push_back(t);
    addBlocks(space, t);
  }
}

void Planner::addBlocks(Space &space, int t) {
  const Tensor &tensor = problem.tensors[t];
  int64_t lo = rel[t], hi = rel[t] + planes[t].extent();
  auto add = [&](int64_t from, int64_t to) {
    // Members at the same bytes one after the other (in-place chains,
    // views) make one block.
    for (Block &block : space.blocks)
      if (block.lo == from && block.hi == to && block.first <= tensor.lastUse &&
          tensor.def <= block.last + 1) {
        block.first = std::min(block.first, tensor.def);
        block.last = std::max(block.last, tensor.lastUse);
        return;
      }
    space.blocks.push_back(Block{from, to, tensor.def, tensor.lastUse});
  };
  if (hi <= space.size) {
    add(lo, hi);
  } else {
    add(lo, space.size);
    add(0, hi - space.size);
  }
}

int64_t Planner::pack(Strategy strategy, std::vector<int64_t> &offsets) const {
  size_t n = spaces.size();
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  if (strategy == Strategy::greedyBySize)
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      const Space &x = spaces[a], &y = spaces[b];
      if (x.size != y.size)
        return x.size > y.size;
      return x.last - x.first > y.last - y.first;
    });
  else
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return spaces[a].first < spaces[b].first;
    });
  // The placed spaces live at the same time as `space` are those that
  // start by its last step and end at or after its first one. Leaves of a
  // max-tree, one per space in order of first step, hold the last step of
  // the placed spaces: a descent visits only the subtrees that hold one.
  std::vector<int> byFirst(n), leafOf(n);
  std::iota(byFirst.begin(), byFirst.end(), 0);
  std::stable_sort(byFirst.begin(), byFirst.end(), [&](int a, int b) {
    return spaces[a].first < spaces[b].first;
  });
  std::vector<int64_t> firsts(n);
  for (size_t i = 0; i < n; ++i) {
    leafOf[byFirst[i]] = i;
    firsts[i] = spaces[byFirst[i]].first;
  }
  size_t leaves = 1;
  while (leaves < n)
    leaves <<= 1;
  const int64_t none = std::numeric_limits<int64_t>::min();
  std::vector<int64_t> lastOf(2 * leaves, none);
  std::vector<size_t> stack;

  offsets.assign(n, 0);
  std::vector<std::pair<int64_t, int64_t>> taken;
  int64_t peak = 0;
  for (int s : order) {
    const Space &space = spaces[s];
    taken.clear();
    // Leaves [0, end) start by space.last.
    size_t end = std::upper_bound(firsts.begin(), firsts.end(), space.last) -
                 firsts.begin();
    // Nodes to visit, each with the leaves [lo, lo + width) it covers.
    stack.assign({1, 0, leaves});
    while (!stack.empty()) {
      size_t width = stack.back(), lo = stack.end()[-2], node = stack.end()[-3];
      stack.resize(stack.size() - 3);
      if (lo >= end || lastOf[node] < space.first)
        continue;
      if (width == 1) {
        // Offsets of `space` at which one of its blocks would meet one of
        // `other`'s at a common step.
        int other = byFirst[lo];
        for (const Block &a : spaces[other].blocks)
          for (const Block &b : space.blocks)
            if (a.first <= b.last && b.first <= a.last)
              taken.emplace_back(offsets[other] + a.lo - b.hi + 1,
                                 offsets[other] + a.hi - b.lo);
        continue;
      }
      width /= 2;
      stack.insert(stack.end(), {2 * node + 1, lo + width, width});
      stack.insert(stack.end(), {2 * node, lo, width});
    }
    std::sort(taken.begin(), taken.end());
    // The lowest aligned offset outside every forbidden range.
    int64_t offset = 0;
    for (auto [lo, hi] : taken) {
      if (offset < lo)
        break;
      offset = std::max(offset, alignTo(hi, options.align));
    }
    offsets[s] = offset;
    for (size_t node = leaves + leafOf[s]; node >= 1; node >>= 1)
      lastOf[node] = std::max(lastOf[node], space.last);
    for (const Block &block : space.blocks)
      peak = std::max(peak, offset + block.hi);
  }
  return alignTo(peak, options.align);
}

Plan Planner::run() {
  decide();
  layOutSpaces();
  Plan plan;
  std::vector<int64_t> offsets;
  std::vector<Strategy> tried;
  if (options.strategy == Strategy::best)
    tried = {Strategy::stack, Strategy::greedyBySize};
  else
    tried = {options.strategy};
  std::vector<int64_t> bestOffsets;
  int64_t bestPeak = -1;
  for (Strategy strategy : tried) {
    int64_t peak = pack(strategy, offsets);
    if (bestPeak < 0 || peak < bestPeak) {
      bestPeak = peak;
      bestOffsets = offsets;
      plan.strategy = strategy;
    }
  }
  plan.peak = std::max<int64_t>(bestPeak, 0);
  plan.placements.resize(problem.tensors.size());
  for (size_t t = 0; t < problem.tensors.size(); ++t) {
    Placement &placement = plan.placements[t];
    const Space &space = spaces[spaceOf[t]];
    placement.plane = planes[t];
    placement.spaceOffset = bestOffsets[spaceOf[t]];
    placement.spaceSize = space.size;
    placement.offset = placement.spaceOffset + rel[t];
    placement.reuse = d.reuse[t];
    placement.reused = d.parent[t];
  }
  return plan;
}

Plan mlir::aidge::memory::planMemory(const Problem &problem,
                                     const Options &options) {
  Plan plan = Planner(problem, options).run();
  if (options.strategy != Strategy::best ||
      (!options.wrapping && !options.concatInPlace))
    return plan;
  // Wrapping and concat-in-place shrink single tensors but can shift the
  // layout into a higher peak (a ring that no longer fits a gap): best
  // also tries without them and never ends above the plan without them.
  for (auto [wrapping, concatInPlace] :
       {std::pair(false, options.concatInPlace),
        std::pair(options.wrapping, false), std::pair(false, false)}) {
    if (wrapping == options.wrapping && concatInPlace == options.concatInPlace)
      continue;
    Options fewer = options;
    fewer.wrapping = wrapping;
    fewer.concatInPlace = concatInPlace;
    Plan other = Planner(problem, fewer).run();
    if (other.peak < plan.peak)
      plan = std::move(other);
  }
  return plan;
}

void mlir::aidge::memory::setLastUses(Problem &problem,
                                      const std::vector<bool> &graphOutputs) {
  int64_t last = 0;
  for (Tensor &tensor : problem.tensors)
    tensor.lastUse = tensor.def;
  for (const Op &op : problem.ops) {
    last = std::max(last, op.step);
    for (int in : op.inputs)
      problem.tensors[in].lastUse = std::max(problem.tensors[in].lastUse, op.step);
  }
  for (size_t t = 0; t < problem.tensors.size(); ++t)
    if (t < graphOutputs.size() && graphOutputs[t])
      problem.tensors[t].lastUse = last + 1;
}

int64_t mlir::aidge::memory::liveSetLowerBound(const Problem &problem) {
  // A view is its operand's bytes in every plan (the planner aliases it
  // whatever the options): count them once, from the first def to the
  // last use of all the views of one tensor.
  size_t n = problem.tensors.size();
  std::vector<int> owner(n);
  std::iota(owner.begin(), owner.end(), 0);
  std::vector<int64_t> first(n), last(n);
  for (size_t t = 0; t < n; ++t) {
    first[t] = problem.tensors[t].def;
    last[t] = problem.tensors[t].lastUse;
  }
  std::vector<const Op *> views;
  for (const Op &op : problem.ops)
    if (op.kind == OpKind::view && op.inputs.size() == 1 &&
        op.outputs.size() == 1 &&
        problem.tensors[op.inputs[0]].plane.extent() ==
            problem.tensors[op.outputs[0]].plane.extent())
      views.push_back(&op);
  std::stable_sort(views.begin(), views.end(),
                   [](const Op *a, const Op *b) { return a->step < b->step; });
  for (const Op *op : views) {
    int out = op->outputs[0], root = owner[op->inputs[0]];
    owner[out] = root;
    first[root] = std::min(first[root], first[out]);
    last[root] = std::max(last[root], last[out]);
  }
  // Sweep the steps: +bytes at def, -bytes after lastUse.
  std::vector<std::pair<int64_t, int64_t>> events;
  for (size_t t = 0; t < n; ++t) {
    if (owner[t] != (int)t)
      continue;
    int64_t bytes = problem.tensors[t].plane.extent();
    events.emplace_back(first[t], bytes);
    events.emplace_back(last[t] + 1, -bytes);
  }
  std::sort(events.begin(), events.end());
  int64_t live = 0, peak = 0;
  for (size_t i = 0; i < events.size(); ++i) {
    live += events[i].second;
    if (i + 1 == events.size() || events[i + 1].first != events[i].first)
      peak = std::max(peak, live);
  }
  return peak;
}

int64_t mlir::aidge::memory::naiveBytes(const Problem &problem, int64_t align) {
  int64_t total = 0;
  for (const Tensor &tensor : problem.tensors)
    total += alignTo(tensor.plane.extent(), align);
  return total;
}
