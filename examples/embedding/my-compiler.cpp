//===- my-compiler.cpp - A compiler that embeds aidge-mlir ----------------===//
//
// Reads an ONNX model or an .mlir file, runs a pass pipeline in which the
// aidge passes sit next to MLIR's own (by default canonicalize, then
// aidge-export-pipeline), and prints the resulting IR or, with
// --export-dir, writes the C++ export project.
//
//===----------------------------------------------------------------------===//

#include "aidge/Conversion/Passes.h"
#include "aidge/Dialect/Aidge/Transforms/Passes.h"
#include "aidge/Import/ONNX/ImportONNX.h"
#include "aidge/InitAllDialects.h"
#include "aidge/Pipelines/ExportPipeline.h"
#include "aidge/Target/Cpp/ExportToCpp.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

static llvm::cl::opt<std::string> inputFile(llvm::cl::Positional,
                                            llvm::cl::desc("<model.onnx|input.mlir>"),
                                            llvm::cl::Required);
static llvm::cl::opt<std::string>
    passes("passes", llvm::cl::desc("Pass pipeline run on the module"),
           llvm::cl::init("canonicalize,aidge-export-pipeline"));
static llvm::cl::opt<std::string>
    exportDir("export-dir", llvm::cl::desc("Write the C++ project here"));

static OwningOpRef<ModuleOp> load(MLIRContext &context) {
  auto buffer = llvm::MemoryBuffer::getFile(inputFile);
  if (!buffer) {
    llvm::errs() << "cannot read " << inputFile << "\n";
    return nullptr;
  }
  if (StringRef(inputFile).ends_with(".onnx"))
    return aidge::importONNXModel((*buffer)->getBuffer(), &context, {});
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  return parseSourceFile<ModuleOp>(sourceMgr, &context);
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);

  // Our dialects next to the upstream ones this compiler also accepts.
  DialectRegistry registry;
  aidge::registerAllDialects(registry);
  registry.insert<arith::ArithDialect>();
  // Named passes for --passes: MLIR's generic ones and aidge's, which
  // include the --aidge-export-pipeline pipeline.
  registerTransformsPasses();
  aidge::registerAidgePasses();
  aidge::registerAidgeConversionPasses();
  aidge::registerExportPipeline();
  llvm::cl::ParseCommandLineOptions(argc, argv, "an aidge-mlir embedder\n");

  MLIRContext context(registry);
  OwningOpRef<ModuleOp> module = load(context);
  if (!module)
    return 1;

  PassManager pm(&context);
  if (failed(parsePassPipeline(passes, pm, llvm::errs())) ||
      failed(pm.run(*module)))
    return 1;

  if (exportDir.empty()) {
    module->print(llvm::outs());
    return 0;
  }
  return failed(aidge::exportToCpp(*module, aidge::getDirectorySink(exportDir)));
}
