//===- PlanMemory.cpp - Place every activation in one arena ---------------===//

#include "aidge/Dialect/Aidge/Transforms/GraphMemory.h"

#include "aidge/Dialect/Aidge/Transforms/Passes.h"

#include "mlir/IR/Builders.h"

namespace mlir::aidge {
#define GEN_PASS_DEF_AIDGEPLANMEMORY
#include "aidge/Dialect/Aidge/Transforms/Passes.h.inc"
} // namespace mlir::aidge

using namespace mlir;
using namespace mlir::aidge;

static std::optional<memory::Strategy> parseStrategy(StringRef text) {
  return llvm::StringSwitch<std::optional<memory::Strategy>>(text)
      .Case("stack", memory::Strategy::stack)
      .Case("greedy-by-size", memory::Strategy::greedyBySize)
      .Case("best", memory::Strategy::best)
      .Default(std::nullopt);
}

static StringRef stringifyStrategy(memory::Strategy strategy) {
  switch (strategy) {
  case memory::Strategy::stack:
    return "stack";
  case memory::Strategy::greedyBySize:
    return "greedy-by-size";
  case memory::Strategy::best:
    return "best";
  }
  return "best";
}

namespace {
struct AidgePlanMemoryPass
    : aidge::impl::AidgePlanMemoryBase<AidgePlanMemoryPass> {
  using AidgePlanMemoryBase::AidgePlanMemoryBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    std::optional<memory::Strategy> parsed = parseStrategy(strategy);
    if (!parsed) {
      module.emitError() << "unknown memory strategy '" << strategy
                         << "' (expected stack, greedy-by-size or best)";
      return signalPassFailure();
    }
    if (align < 1 || (align & (align - 1))) {
      module.emitError() << "align must be a power of two, got "
                         << static_cast<int64_t>(align);
      return signalPassFailure();
    }
    memory::Options options;
    options.strategy = *parsed;
    options.inplace = inplace;
    options.wrapping = wrapping;
    options.concatInPlace = concatInPlace;
    options.align = align;
    Builder builder(&getContext());
    int64_t modulePeak = 0;
    for (auto func : module.getOps<func::FuncOp>()) {
      if (func.isExternal())
        continue;
      FailureOr<GraphMemory> graph = buildGraphMemory(func);
      if (failed(graph))
        return signalPassFailure();
      memory::Plan plan = memory::planMemory(graph->problem, options);
      for (auto [value, placement] :
           llvm::zip_equal(graph->values, plan.placements))
        setMemInfo(value, getMemInfoAttr(&getContext(), placement));
      func->setAttr("aidge.peak_bytes", builder.getI64IntegerAttr(plan.peak));
      func->setAttr("aidge.arena_align", builder.getI64IntegerAttr(align));
      func->setAttr("aidge.memory_strategy",
                    builder.getStringAttr(stringifyStrategy(plan.strategy)));
      modulePeak = std::max(modulePeak, plan.peak);
    }
    module->setAttr("aidge.peak_bytes", builder.getI64IntegerAttr(modulePeak));
  }
};
} // namespace
