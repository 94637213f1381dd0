//===- ExportPipeline.cpp - Imported IR to export IR ----------------------===//

#include "aidge/Pipelines/ExportPipeline.h"

#include "aidge/Conversion/Passes.h"
#include "aidge/Dialect/Aidge/Transforms/Passes.h"

#include "mlir/Pass/PassRegistry.h"

using namespace mlir;
using namespace mlir::aidge;

void mlir::aidge::buildExportPipeline(OpPassManager &pm,
                                      const ExportPipelineOptions &options) {
  pm.addNestedPass<func::FuncOp>(createAidgeFuse());
  AidgeMatchImplOptions match;
  match.libName = options.lib;
  match.libFiles = llvm::to_vector(options.exportLibs);
  pm.addPass(createAidgeMatchImpl(match));
  pm.addNestedPass<func::FuncOp>(createAidgeSchedule(AidgeScheduleOptions{options.order}));
  AidgePlanMemoryOptions plan;
  plan.strategy = options.strategy;
  plan.wrapping = options.wrapping;
  plan.concatInPlace = options.concatInPlace;
  plan.align = options.align;
  pm.addPass(createAidgePlanMemory(plan));
  pm.addPass(createAidgeVerifyMemory());
  if (!options.reportDir.empty())
    pm.addPass(createAidgeMemoryReport(AidgeMemoryReportOptions{options.reportDir}));
  if (options.lower)
    pm.addPass(createAidgeLowerToExport());
}

void mlir::aidge::registerExportPipeline() {
  PassPipelineRegistration<ExportPipelineOptions>(
      "aidge-export-pipeline",
      "Take imported aidge IR to aidge_export IR: fuse, match to an export "
      "library, schedule, plan and verify the memory, lower",
      buildExportPipeline);
}
