//===- MemoryReport.h - What a memory plan looks like -----------*- C++ -*-===//
//
// The files `--aidge-memory-report` writes (and the export copies to its
// stats/): memory_info.json for tools, memory_info.txt for people,
// memory_info.svg to see the arena over time at a glance.
//
//===----------------------------------------------------------------------===//

#ifndef AIDGE_MEMORYPLANNING_MEMORYREPORT_H
#define AIDGE_MEMORYPLANNING_MEMORYREPORT_H

#include "aidge/MemoryPlanning/MemoryPlanner.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace mlir::aidge::memory {

struct ReportTensor {
  std::string name; ///< The tensor (ONNX node name, `#i` for result i > 0).
  std::string op;   ///< The op that writes it ("input" for graph inputs).
  int64_t bytes = 0;
  int64_t firstStep = 0, lastStep = 0;
  Placement placement; ///< offset, plane, space: the mem_info fields.
};

struct Report {
  std::string graph;    ///< Function name.
  std::string strategy; ///< The strategy whose plan was kept.
  int64_t steps = 0;    ///< Ops in the schedule (steps 1..steps).
  int64_t peakBytes = 0, lowerBoundBytes = 0, naiveBytes = 0, weightsBytes = 0;
  std::vector<ReportTensor> tensors;
};

/// Writes memory_info.json, memory_info.txt and memory_info.svg into `dir`
/// (created if needed).
llvm::Error writeMemoryReport(const Report &report, llvm::StringRef dir);

} // namespace mlir::aidge::memory

#endif // AIDGE_MEMORYPLANNING_MEMORYREPORT_H
