//===- VerifyMemory.cpp - Check a memory plan byte by byte ----------------===//

#include "aidge/Dialect/Aidge/Transforms/GraphMemory.h"

#include "aidge/Dialect/Aidge/Transforms/Passes.h"

namespace mlir::aidge {
#define GEN_PASS_DEF_AIDGEVERIFYMEMORY
#include "aidge/Dialect/Aidge/Transforms/Passes.h.inc"
} // namespace mlir::aidge

using namespace mlir;
using namespace mlir::aidge;

/// Where a diagnostic about a tensor goes: the op that writes it, or the
/// function for a graph input.
static Location getTensorLoc(const GraphMemory &graph, int tensor) {
  if (Operation *writer = graph.writers[tensor])
    return writer->getLoc();
  return graph.values[tensor].getLoc();
}

namespace {
struct AidgeVerifyMemoryPass
    : aidge::impl::AidgeVerifyMemoryBase<AidgeVerifyMemoryPass> {
  void runOnOperation() override {
    bool failed = false;
    for (auto func : getOperation().getOps<func::FuncOp>()) {
      if (func.isExternal())
        continue;
      FailureOr<GraphMemory> graph = buildGraphMemory(func);
      if (mlir::failed(graph))
        return signalPassFailure();
      auto arena = func->getAttrOfType<IntegerAttr>("aidge.peak_bytes");
      if (!arena) {
        func.emitError() << "has no aidge.peak_bytes; run --aidge-plan-memory";
        return signalPassFailure();
      }
      std::vector<memory::Placement> placements;
      for (auto [index, value] : llvm::enumerate(graph->values)) {
        MemInfoAttr info = getMemInfo(value);
        if (!info) {
          emitError(getTensorLoc(*graph, index))
              << "tensor '" << getTensorName(value)
              << "' has no aidge.mem; run --aidge-plan-memory";
          return signalPassFailure();
        }
        placements.push_back(getPlacement(info));
      }
      for (const memory::PlanError &error :
           memory::checkPlan(graph->problem, placements, arena.getInt())) {
        int at = error.second >= 0 ? error.second : error.first;
        InFlightDiagnostic diag = emitError(getTensorLoc(*graph, at))
                                  << "memory plan: " << error.message;
        if (error.second >= 0)
          diag.attachNote(getTensorLoc(*graph, error.first))
              << "'" << graph->problem.tensors[error.first].name << "' is "
              << (graph->writers[error.first] ? "written here"
                                              : "this graph input");
        failed = true;
      }
    }
    if (failed)
      signalPassFailure();
  }
};
} // namespace
