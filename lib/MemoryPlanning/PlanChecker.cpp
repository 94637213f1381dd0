//===- PlanChecker.cpp - Check a memory plan byte by byte -----------------===//
//
// Independent of the planner: it takes the placements as given, recomputes
// the bytes each tensor occupies (strides and wrap-around included), and
// accepts an overlap of two tensors live at the same step only where the op
// that writes the newer one makes it safe.
//
//===----------------------------------------------------------------------===//

#include "aidge/MemoryPlanning/MemoryPlanner.h"

#include <algorithm>
#include <numeric>

using namespace mlir::aidge::memory;

namespace {
using Range = std::pair<int64_t, int64_t>; // [first, last)
using Ranges = std::vector<Range>;

/// Sorts and merges touching ranges.
Ranges normalize(Ranges ranges) {
  std::sort(ranges.begin(), ranges.end());
  Ranges merged;
  for (Range r : ranges) {
    if (!merged.empty() && r.first <= merged.back().second)
      merged.back().second = std::max(merged.back().second, r.second);
    else
      merged.push_back(r);
  }
  return merged;
}

/// The arena bytes of slots [begin, end) of a placed plane; false when a
/// slot lies past its space even after wrapping once.
bool slotBytes(const Placement &p, int64_t begin, int64_t end, Ranges &out) {
  // Contiguous slots that fit: the bytes of [first, last) taken modulo the
  // space, in at most two pieces (the same bytes as slot by slot).
  int64_t space = p.spaceSize, rel = p.offset - p.spaceOffset;
  if (p.plane.stride == p.plane.size && p.plane.size <= space && begin < end &&
      rel + begin * p.plane.size >= 0 &&
      rel + (end - 1) * p.plane.size < 2 * space) {
    int64_t first = rel + begin * p.plane.size, last = rel + end * p.plane.size;
    if (last - first >= space) {
      out.emplace_back(p.spaceOffset, p.spaceOffset + space);
      return true;
    }
    if (first >= space) {
      first -= space;
      last -= space;
    }
    out.emplace_back(p.spaceOffset + first,
                     p.spaceOffset + std::min(last, space));
    if (last > space)
      out.emplace_back(p.spaceOffset, p.spaceOffset + last - space);
    return true;
  }
  for (int64_t k = begin; k < end; ++k) {
    int64_t pos = p.offset - p.spaceOffset + k * p.plane.stride;
    if (pos >= p.spaceSize)
      pos -= p.spaceSize;
    if (pos < 0 || pos >= p.spaceSize)
      return false;
    int64_t first = std::min(p.plane.size, p.spaceSize - pos);
    out.emplace_back(p.spaceOffset + pos, p.spaceOffset + pos + first);
    if (first < p.plane.size)
      out.emplace_back(p.spaceOffset, p.spaceOffset + p.plane.size - first);
  }
  return true;
}

Range intersection(const Ranges &a, const Ranges &b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    int64_t lo = std::max(a[i].first, b[j].first);
    int64_t hi = std::min(a[i].second, b[j].second);
    if (lo < hi)
      return {lo, hi};
    if (a[i].second < b[j].second)
      ++i;
    else
      ++j;
  }
  return {0, 0};
}

bool contains(const Ranges &outer, const Ranges &inner) {
  for (Range r : inner) {
    auto it = std::find_if(outer.begin(), outer.end(), [&](Range o) {
      return o.first <= r.first && r.second <= o.second;
    });
    if (it == outer.end())
      return false;
  }
  return true;
}

class Checker {
public:
  Checker(const Problem &problem, const std::vector<Placement> &placements,
          int64_t arena)
      : problem(problem), placements(placements), arena(arena) {}

  std::vector<PlanError> run();

private:
  bool overlapAllowed(int older, int newer) const;
  bool ringSafe(const Op &op, int in, int out) const;
  bool inSlice(const Op &op, int in, int out) const;
  void error(int a, int b, const std::string &message) {
    errors.push_back(PlanError{a, b, message});
  }
  const std::string &name(int t) const { return problem.tensors[t].name; }

  const Problem &problem;
  const std::vector<Placement> &placements;
  int64_t arena;
  std::vector<Ranges> bytes;
  std::vector<int> producer, viewRoot;
  std::vector<PlanError> errors;
};
} // namespace

bool Checker::ringSafe(const Op &op, int in, int out) const {
  const Placement &pi = placements[in], &po = placements[out];
  int64_t inRows = pi.plane.count, inLength = pi.plane.length;
  for (int64_t oy = 0; oy < po.plane.count; ++oy) {
    Ranges written, needed;
    slotBytes(po, oy * po.plane.length, (oy + 1) * po.plane.length, written);
    int64_t first =
        std::clamp<int64_t>(oy * op.windowStride - op.windowPadTop, 0, inRows);
    slotBytes(pi, first * inLength, inRows * inLength, needed);
    Range shared = intersection(normalize(written), normalize(needed));
    if (shared.first < shared.second)
      return false;
  }
  return true;
}

bool Checker::inSlice(const Op &op, int in, int out) const {
  const Placement &part = placements[in], &whole = placements[out];
  int64_t offset = 0;
  for (int other : op.inputs) {
    if (other == in)
      break;
    const Plane &plane = problem.tensors[other].plane;
    offset += op.concatInner ? plane.size : plane.extent();
  }
  int64_t expected = whole.offset + offset;
  if (expected >= whole.spaceOffset + whole.spaceSize)
    expected -= whole.spaceSize;
  bool stride = op.concatInner ? part.plane.stride == whole.plane.stride
                               : part.plane.stride == part.plane.size;
  return part.offset == expected && stride && contains(bytes[out], bytes[in]);
}

bool Checker::overlapAllowed(int older, int newer) const {
  int opIndex = producer[newer];
  if (opIndex < 0)
    return false;
  const Op &op = problem.ops[opIndex];
  bool isInput = std::count(op.inputs.begin(), op.inputs.end(), older) > 0;
  bool diesHere = problem.tensors[older].lastUse == op.step;
  bool sameBytes = bytes[older] == bytes[newer];
  switch (op.kind) {
  case OpKind::elementwise:
    return isInput && diesHere && sameBytes;
  case OpKind::view:
    return sameBytes && viewRoot[older] == viewRoot[newer];
  case OpKind::window:
    return !op.inputs.empty() && op.inputs[0] == older && diesHere &&
           ringSafe(op, older, newer);
  case OpKind::concat:
    return isInput && diesHere && inSlice(op, older, newer);
  case OpKind::other:
    return false;
  }
  return false;
}

std::vector<PlanError> Checker::run() {
  size_t n = problem.tensors.size();
  if (placements.size() != n) {
    error(-1, -1, std::to_string(placements.size()) + " placements for " +
                      std::to_string(n) + " tensors");
    return errors;
  }
  producer.assign(n, -1);
  for (size_t i = 0; i < problem.ops.size(); ++i)
    for (int out : problem.ops[i].outputs)
      producer[out] = i;
  bytes.resize(n);
  for (size_t t = 0; t < n; ++t) {
    const Placement &p = placements[t];
    const Plane &plane = p.plane;
    // The planner may only spread the slots apart (into a concatenation).
    const Plane &want = problem.tensors[t].plane;
    if (plane.size != want.size || plane.length != want.length ||
        plane.count != want.count || plane.stride < plane.size) {
      error(t, -1, "'" + name(t) + "' is placed as a plane of " +
                       std::to_string(plane.count) + " x " +
                       std::to_string(plane.length) + " x " +
                       std::to_string(plane.size) + " B (stride " +
                       std::to_string(plane.stride) + "), not " +
                       std::to_string(want.count) + " x " +
                       std::to_string(want.length) + " x " +
                       std::to_string(want.size) + " B");
      continue;
    }
    if (plane.dataBytes() == 0)
      continue; // an empty tensor holds no bytes, even in a space of 0
    if (!slotBytes(p, 0, plane.length * plane.count, bytes[t])) {
      error(t, -1, "'" + name(t) + "' runs past its space even after wrapping");
      continue;
    }
    bytes[t] = normalize(bytes[t]);
    int64_t total = 0;
    for (Range r : bytes[t])
      total += r.second - r.first;
    if (total != plane.dataBytes())
      error(t, -1, "'" + name(t) + "' overlaps itself (its space is too small)");
    if (!bytes[t].empty() &&
        (bytes[t].front().first < 0 || bytes[t].back().second > arena))
      error(t, -1, "'" + name(t) + "' lies outside the arena of " +
                       std::to_string(arena) + " bytes");
  }
  // Views of the same bytes hold the same data.
  viewRoot.resize(n);
  std::iota(viewRoot.begin(), viewRoot.end(), 0);
  std::vector<const Op *> order;
  for (const Op &op : problem.ops)
    order.push_back(&op);
  std::stable_sort(order.begin(), order.end(),
                   [](const Op *a, const Op *b) { return a->step < b->step; });
  for (const Op *op : order)
    if (op->kind == OpKind::view && op->inputs.size() == 1 &&
        op->outputs.size() == 1 && bytes[op->inputs[0]] == bytes[op->outputs[0]])
      viewRoot[op->outputs[0]] = viewRoot[op->inputs[0]];

  std::vector<int> byDef(n);
  std::iota(byDef.begin(), byDef.end(), 0);
  std::stable_sort(byDef.begin(), byDef.end(), [&](int a, int b) {
    return problem.tensors[a].def < problem.tensors[b].def;
  });
  for (size_t i = 0; i < n; ++i) {
    int a = byDef[i];
    const Tensor &ta = problem.tensors[a];
    for (size_t j = i + 1; j < n; ++j) {
      int b = byDef[j];
      const Tensor &tb = problem.tensors[b];
      if (tb.def > ta.lastUse)
        break;
      Range shared = intersection(bytes[a], bytes[b]);
      if (shared.first >= shared.second)
        continue;
      if (ta.def != tb.def && overlapAllowed(a, b))
        continue;
      error(a, b,
            "'" + name(a) + "' and '" + name(b) + "' are live at step " +
                std::to_string(std::max(ta.def, tb.def)) + " and share bytes [" +
                std::to_string(shared.first) + ", " +
                std::to_string(shared.second) + ")");
    }
  }
  return errors;
}

std::vector<PlanError>
mlir::aidge::memory::checkPlan(const Problem &problem,
                               const std::vector<Placement> &placements,
                               int64_t arenaBytes) {
  return Checker(problem, placements, arenaBytes).run();
}
