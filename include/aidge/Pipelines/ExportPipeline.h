//===- ExportPipeline.h - Imported IR to export IR --------------*- C++ -*-===//

#ifndef AIDGE_PIPELINES_EXPORTPIPELINE_H
#define AIDGE_PIPELINES_EXPORTPIPELINE_H

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

namespace mlir::aidge {

struct ExportPipelineOptions : public PassPipelineOptions<ExportPipelineOptions> {
  Option<std::string> lib{*this, "lib", llvm::cl::desc("Export library"),
                          llvm::cl::init("cpp")};
  ListOption<std::string> exportLibs{*this, "export-lib",
                                     llvm::cl::desc("JSON export libraries to load")};
  Option<std::string> order{*this, "order",
                            llvm::cl::desc("Schedule: topological or memory"),
                            llvm::cl::init("topological")};
  Option<std::string> strategy{*this, "strategy",
                               llvm::cl::desc("stack, greedy-by-size or best"),
                               llvm::cl::init("best")};
  Option<bool> wrapping{*this, "wrapping", llvm::cl::desc("Wrap-around buffers"),
                        llvm::cl::init(false)};
  Option<bool> concatInPlace{*this, "concat-in-place",
                             llvm::cl::desc("Concatenation inputs in place"),
                             llvm::cl::init(false)};
  // 64, not the planner's 16: the cpp library's blocked kernels load and
  // store 64-byte vectors, so every buffer (and the arena) starts on one.
  Option<int64_t> align{*this, "align",
                        llvm::cl::desc("Alignment of every buffer in the arena"),
                        llvm::cl::init(64)};
  Option<std::string> reportDir{*this, "report-dir",
                                llvm::cl::desc("Write the memory report here"),
                                llvm::cl::init("")};
  Option<bool> lower{*this, "lower",
                     llvm::cl::desc("End with --aidge-lower-to-export"),
                     llvm::cl::init(true)};
};

/// fuse, match-impl, schedule, plan-memory, verify-memory (memory-report),
/// lower-to-export.
void buildExportPipeline(OpPassManager &pm, const ExportPipelineOptions &options);

/// Registers `--aidge-export-pipeline="lib=cpp strategy=best ..."`.
void registerExportPipeline();

} // namespace mlir::aidge

#endif // AIDGE_PIPELINES_EXPORTPIPELINE_H
