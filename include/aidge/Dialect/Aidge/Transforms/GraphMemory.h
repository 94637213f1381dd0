//===- GraphMemory.h - A function as a memory-planning problem --*- C++ -*-===//
//
// Shared by --aidge-plan-memory, --aidge-verify-memory and the memory
// report: which values are arena tensors, their lifetimes over the
// schedule, and what each op allows, read off the IR.
//
//===----------------------------------------------------------------------===//

#ifndef AIDGE_DIALECT_AIDGE_TRANSFORMS_GRAPHMEMORY_H
#define AIDGE_DIALECT_AIDGE_TRANSFORMS_GRAPHMEMORY_H

#include "aidge/Dialect/Aidge/IR/AidgeDialect.h"
#include "aidge/MemoryPlanning/MemoryPlanner.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/ADT/DenseMap.h"

namespace mlir::aidge {

struct GraphMemory {
  memory::Problem problem;
  /// The value of each tensor, and the op (or null, for a graph input)
  /// that writes it.
  SmallVector<Value> values;
  SmallVector<Operation *> writers;
  DenseMap<Value, int> tensorOf;
  /// Ops that run, in schedule order: step i + 1.
  SmallVector<Operation *> schedule;
  int64_t weightsBytes = 0;
};

/// Reads `func` as a planning problem; emits an error and fails when its
/// schedule is inconsistent or a tensor has no static byte size.
FailureOr<GraphMemory> buildGraphMemory(func::FuncOp func);

/// A name for a tensor in diagnostics and reports: its op's ONNX node name
/// (with `#i` for result i > 0), or the graph input's name.
std::string getTensorName(Value value);

/// The op that writes `value`, as named in reports ("input" for inputs).
std::string getWriterName(Value value);

MemInfoAttr getMemInfoAttr(MLIRContext *context,
                           const memory::Placement &placement);
memory::Placement getPlacement(MemInfoAttr info);

/// The `aidge.mem` of a value, or null.
MemInfoAttr getMemInfo(Value value);
void setMemInfo(Value value, MemInfoAttr info);

} // namespace mlir::aidge

#endif // AIDGE_DIALECT_AIDGE_TRANSFORMS_GRAPHMEMORY_H
