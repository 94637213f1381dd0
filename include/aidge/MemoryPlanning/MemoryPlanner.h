//===- MemoryPlanner.h - One arena for all activations ----------*- C++ -*-===//
//
// The planning problem with no IR in it: tensors with lifetimes over a
// static schedule, the ops that make and read them, and what each op
// allows (in-place, views, windows that may wrap over their input,
// concatenations that producers can write into). The planner groups
// tensors into spaces (Aidge's MemorySpace: a block one or more tensors
// share), then packs the spaces in one arena. The checker verifies any
// plan independently, byte by byte.
//
// Geometry follows Aidge's mem_info (all in bytes): a tensor is a plane of
// `count` lines of `length` slots of `size` bytes, slots `stride` bytes
// apart (stride > size when a producer writes into a wider concatenation).
// A plane that runs past the end of its space continues at the space's
// start (wrap-around).
//
//===----------------------------------------------------------------------===//

#ifndef AIDGE_MEMORYPLANNING_MEMORYPLANNER_H
#define AIDGE_MEMORYPLANNING_MEMORYPLANNER_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mlir::aidge::memory {

struct Plane {
  int64_t size = 0, stride = 0, length = 1, count = 1;

  /// Bytes from the first slot's start to the last slot's end.
  int64_t extent() const { return stride * (length * count - 1) + size; }
  /// Bytes of data.
  int64_t dataBytes() const { return size * length * count; }
};

/// The plane of a tensor stored alone: slots are its innermost dimension,
/// lines the next one, and `count` the product of the others.
Plane contiguousPlane(const std::vector<int64_t> &shape, int64_t elementBytes);

enum class Reuse { none, inplace, alias, wrap, concat };
const char *stringifyReuse(Reuse reuse);

struct Tensor {
  std::string name;
  Plane plane;
  /// Steps where it is written and last read; graph inputs are written at
  /// step 0, ops run from step 1, graph outputs are read after the last op.
  int64_t def = 0, lastUse = 0;
};

/// What an op lets the planner do with its operands.
enum class OpKind {
  other,
  /// Each result element from the operand elements at the same position:
  /// the result may overwrite an operand of its size that dies here.
  elementwise,
  /// The result is the operand's bytes (reshape, flatten, ...).
  view,
  /// Reads its input line after line and writes its output line after line
  /// (conv/pool on one channels-last image): the output may wrap over the
  /// input, keeping a protected margin.
  window,
  /// Joins its inputs along `concatAxisInner` (slots) or outer (lines).
  concat,
};

struct Op {
  std::string name;
  int64_t step = 0;
  OpKind kind = OpKind::other;
  std::vector<int> inputs, outputs;
  /// window: rows of the output, and how they read input rows.
  int64_t windowStride = 1, windowKernel = 1, windowDilation = 1, windowPadTop = 0;
  /// concat: true when inputs are interleaved slot by slot (innermost
  /// axis), false when they follow one another (only outer dims of 1).
  bool concatInner = false;
};

struct Problem {
  std::vector<Tensor> tensors;
  std::vector<Op> ops;
};

/// Sets each tensor's lastUse from the ops that read it (its def when none
/// does); tensors flagged in `graphOutputs` are read after the last op.
void setLastUses(Problem &problem, const std::vector<bool> &graphOutputs);

enum class Strategy { stack, greedyBySize, best };

struct Options {
  Strategy strategy = Strategy::best;
  bool inplace = true;
  bool wrapping = false;
  bool concatInPlace = false;
  int64_t align = 16;
};

struct Placement {
  /// The tensor's plane in the arena (stride may exceed size).
  Plane plane;
  int64_t offset = 0;
  /// The space it lies in: wrap-around goes back to spaceOffset.
  int64_t spaceOffset = 0, spaceSize = 0;
  Reuse reuse = Reuse::none;
  /// The tensor whose memory it reuses, or -1.
  int reused = -1;

  int64_t contSize() const;
  int64_t wrapOffset() const { return spaceOffset; }
  int64_t wrapSize() const { return plane.extent() - contSize(); }
};

struct Plan {
  std::vector<Placement> placements;
  int64_t peak = 0;
  Strategy strategy = Strategy::stack;
};

/// Plans `problem`. Deterministic; `best` runs every strategy, with and
/// without the wrapping and concat-in-place reuse it allows, and keeps the
/// smallest peak.
Plan planMemory(const Problem &problem, const Options &options);

/// The largest sum of sizes of tensors live at one step, no reuse.
int64_t liveSetLowerBound(const Problem &problem);
/// The sum of all tensor sizes (each alone, aligned).
int64_t naiveBytes(const Problem &problem, int64_t align);

/// A violation of a plan: both tensors named in `message`.
struct PlanError {
  int first = -1, second = -1;
  std::string message;
};

/// Checks that no two tensors live at the same step share a byte, except
/// as each op's kind allows (a result over an elementwise operand that dies
/// there at the same bytes, a view at its operand's bytes, a window output
/// that never overtakes the input rows still to be read, concatenation
/// inputs in their slice of the output), and that every plane lies in the
/// arena. Trusts nothing of the planner but the placements.
std::vector<PlanError> checkPlan(const Problem &problem,
                                 const std::vector<Placement> &placements,
                                 int64_t arenaBytes);

} // namespace mlir::aidge::memory

#endif // AIDGE_MEMORYPLANNING_MEMORYPLANNER_H
