//===- MemoryReport.cpp - Write the report of a memory plan ---------------===//

#include "aidge/Dialect/Aidge/Transforms/GraphMemory.h"

#include "aidge/Dialect/Aidge/Transforms/Passes.h"
#include "aidge/MemoryPlanning/MemoryReport.h"

#include "llvm/Support/Path.h"

namespace mlir::aidge {
#define GEN_PASS_DEF_AIDGEMEMORYREPORT
#include "aidge/Dialect/Aidge/Transforms/Passes.h.inc"
} // namespace mlir::aidge

using namespace mlir;
using namespace mlir::aidge;

namespace {
/// The tensor whose memory a tensor reuses, read back from the plan: the
/// concatenation it is written into, or the operand of its writer that
/// shares its space. The ops are indexed by tensor once: a scan of the ops
/// per tensor is quadratic in the graph size.
class ReuseFinder {
public:
  ReuseFinder(const memory::Problem &problem, ArrayRef<memory::Placement> placements)
      : problem(problem), placements(placements),
        writer(problem.tensors.size(), -1), concat(problem.tensors.size(), -1) {
    for (auto [index, op] : llvm::enumerate(problem.ops)) {
      for (int out : op.outputs)
        if (writer[out] < 0)
          writer[out] = index;
      if (op.outputs.size() == 1)
        for (int in : op.inputs)
          if (concat[in] < 0)
            concat[in] = op.outputs[0];
    }
  }

  int find(int tensor) const {
    const memory::Placement &p = placements[tensor];
    if (p.reuse == memory::Reuse::none)
      return -1;
    if (p.reuse == memory::Reuse::concat)
      return concat[tensor];
    if (writer[tensor] >= 0)
      for (int in : problem.ops[writer[tensor]].inputs)
        if (placements[in].spaceOffset == p.spaceOffset)
          return in;
    return -1;
  }

private:
  const memory::Problem &problem;
  ArrayRef<memory::Placement> placements;
  /// Per tensor: the first op writing it; the output of the first
  /// single-output op reading it.
  std::vector<int> writer, concat;
};
} // namespace

namespace {
struct AidgeMemoryReportPass
    : aidge::impl::AidgeMemoryReportBase<AidgeMemoryReportPass> {
  using AidgeMemoryReportBase::AidgeMemoryReportBase;

  void runOnOperation() override {
    if (dir.empty()) {
      getOperation().emitError() << "--aidge-memory-report needs dir=<directory>";
      return signalPassFailure();
    }
    auto funcs = llvm::to_vector(getOperation().getOps<func::FuncOp>());
    llvm::erase_if(funcs, [](func::FuncOp f) { return f.isExternal(); });
    for (func::FuncOp func : funcs) {
      FailureOr<GraphMemory> graph = buildGraphMemory(func);
      if (failed(graph))
        return signalPassFailure();
      auto peak = func->getAttrOfType<IntegerAttr>("aidge.peak_bytes");
      if (!peak) {
        func.emitError() << "has no aidge.peak_bytes; run --aidge-plan-memory";
        return signalPassFailure();
      }
      memory::Report report;
      report.graph = func.getSymName().str();
      if (auto strategy = func->getAttrOfType<StringAttr>("aidge.memory_strategy"))
        report.strategy = strategy.str();
      int64_t align = 16;
      if (auto attr = func->getAttrOfType<IntegerAttr>("aidge.arena_align"))
        align = attr.getInt();
      report.steps = graph->schedule.size();
      report.peakBytes = peak.getInt();
      report.lowerBoundBytes = memory::liveSetLowerBound(graph->problem);
      report.naiveBytes = memory::naiveBytes(graph->problem, align);
      report.weightsBytes = graph->weightsBytes;
      std::vector<memory::Placement> placements;
      for (Value value : graph->values) {
        MemInfoAttr info = getMemInfo(value);
        if (!info) {
          emitError(value.getLoc()) << "tensor '" << getTensorName(value)
                                    << "' has no aidge.mem; run --aidge-plan-memory";
          return signalPassFailure();
        }
        placements.push_back(getPlacement(info));
      }
      ReuseFinder reuse(graph->problem, placements);
      for (auto [index, value] : llvm::enumerate(graph->values)) {
        const memory::Tensor &tensor = graph->problem.tensors[index];
        memory::ReportTensor entry;
        entry.name = tensor.name;
        entry.op = getWriterName(value);
        entry.bytes = tensor.plane.dataBytes();
        entry.firstStep = tensor.def;
        entry.lastStep = tensor.lastUse;
        entry.placement = placements[index];
        entry.placement.reused = reuse.find(index);
        report.tensors.push_back(entry);
      }
      // One graph writes straight into dir; several get a folder each.
      SmallString<128> path(dir);
      if (funcs.size() > 1)
        llvm::sys::path::append(path, report.graph);
      if (llvm::Error error = memory::writeMemoryReport(report, path)) {
        func.emitError() << "cannot write the memory report: "
                         << llvm::toString(std::move(error));
        return signalPassFailure();
      }
    }
  }
};
} // namespace
