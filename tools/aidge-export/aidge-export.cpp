//===- aidge-export.cpp - ONNX in, a standalone C++ project out -----------===//
//
// Import, the export pipeline and the C++ writer in one process:
//
//   aidge-export model.onnx -o DIR [--lib=cpp] [--export-lib=lib.json]
//     [--input-shape=name:1x3x224x224] [--strategy=best] [--wrapping]
//     [--concat-in-place] [--schedule=memory] [--test-data=DIR]
//     [--constant-input=NAME ...] [--reference] [--layer-ref=DIR]
//     [--mlir-print-ir-after-all ...] [--mlir-timing]
//
//===----------------------------------------------------------------------===//

#include "Reference.h"

#include "aidge/Conversion/Passes.h"
#include "aidge/Dialect/Aidge/IR/AidgeOps.h"
#include "aidge/Dialect/Aidge/IR/DataFormat.h"
#include "aidge/Dialect/Aidge/Transforms/GraphMemory.h"
#include "aidge/Dialect/Aidge/Transforms/Passes.h"
#include "aidge/Import/ONNX/ImportONNX.h"
#include "aidge/InitAllDialects.h"
#include "aidge/Pipelines/ExportPipeline.h"
#include "aidge/MemoryPlanning/MemoryPlanner.h"
#include "aidge/Target/Cpp/ExportToCpp.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Support/Timing.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;
using namespace mlir::aidge;
namespace cl = llvm::cl;

/// --help lists these; LLVM's and MLIR's own options stay available
/// (--help-hidden lists them).
static cl::OptionCategory exportCategory("aidge-export options");

static cl::opt<std::string> modelPath(cl::Positional, cl::desc("<model.onnx>"),
                                      cl::Required, cl::cat(exportCategory));
static cl::opt<std::string> outputDir("o", cl::desc("Directory of the export"),
                                      cl::value_desc("dir"), cl::cat(exportCategory));
static cl::opt<std::string>
    libName("lib",
            cl::desc("Export library: cpp, cpp_fast or one loaded by --export-lib"),
            cl::init("cpp"), cl::cat(exportCategory));
static cl::list<std::string> libFiles("export-lib",
                                      cl::desc("JSON export library to load"), cl::cat(exportCategory));
static cl::list<std::string>
    inputShapes("input-shape", cl::desc("Static shape of an input: name:1x3x8x8"), cl::cat(exportCategory));
static cl::opt<std::string> strategy("strategy",
                                     cl::desc("stack, greedy-by-size or best"),
                                     cl::init("best"), cl::cat(exportCategory));
static cl::opt<bool> wrapping("wrapping",
                              cl::desc("Let convs and pools wrap over their input"), cl::cat(exportCategory));
static cl::opt<bool> concatInPlace("concat-in-place",
                                   cl::desc("Write concatenation inputs in place"), cl::cat(exportCategory));
static cl::opt<std::string> schedule("schedule", cl::desc("topological or memory"),
                                     cl::init("topological"), cl::cat(exportCategory));
static cl::opt<std::string>
    testData("test-data",
             cl::desc("ONNX test data set (input_N.pb, output_N.pb) to embed"), cl::cat(exportCategory));
static cl::list<std::string> constantInputs(
    "constant-input",
    cl::desc("Compile this graph input as a constant, its value taken from "
             "--test-data (for inputs static shapes need, e.g. Resize scales)"),
    cl::value_desc("name"), cl::cat(exportCategory));
static cl::opt<bool> withReference(
    "reference",
    cl::desc("Embed expected outputs computed by the reference interpreter "
             "(on deterministic inputs unless --test-data gives them)"), cl::cat(exportCategory));
static cl::opt<std::string> layerRefDir(
    "layer-ref",
    cl::desc("Write each layer's reference output to DIR/<layer>.npy and "
             "embed them for the AIDGE_CMP build (implies --reference)"),
    cl::value_desc("dir"), cl::cat(exportCategory));
static cl::opt<std::string> printReferenceOf(
    "print-reference",
    cl::desc("Print the reference outputs of the 'imported' or 'planned' "
             "graph instead of exporting (testing)"),
    cl::value_desc("imported|planned"), cl::Hidden, cl::cat(exportCategory));

/// The export pipeline's options from the command line.
static void setPipelineOptions(ExportPipelineOptions &options) {
  options.lib = libName;
  options.exportLibs = libFiles;
  options.order = schedule;
  options.strategy = strategy;
  options.wrapping = wrapping;
  options.concatInPlace = concatInPlace;
  // No memory report when only printing the reference (no -o).
  options.reportDir = outputDir.empty() ? "" : outputDir + "/stats";
}

/// path/<prefix><index>.pb of the test data set.
static std::string testDataFile(StringRef prefix, size_t index) {
  return getONNXTestDataFile(testData, prefix, index);
}

/// The test data values of the --constant-input inputs, into `options`;
/// `frozen` gets their indices among the graph inputs.
static LogicalResult readConstantInputs(StringRef model, ImportONNXOptions &options,
                                        llvm::SmallDenseSet<size_t> &frozen) {
  if (constantInputs.empty())
    return success();
  if (testData.empty()) {
    llvm::errs() << "error: --constant-input takes its value from --test-data\n";
    return failure();
  }
  llvm::Expected<SmallVector<std::string>> names = getONNXGraphInputNames(model);
  if (!names) {
    llvm::errs() << "error: " << llvm::toString(names.takeError()) << "\n";
    return failure();
  }
  for (const std::string &name : constantInputs) {
    auto it = llvm::find(*names, name);
    if (it == names->end()) {
      llvm::errs() << "error: --constant-input '" << name
                   << "' is not a graph input of the model\n";
      return failure();
    }
    size_t index = it - names->begin();
    std::string path = testDataFile("input_", index);
    auto buffer = llvm::MemoryBuffer::getFile(path);
    if (!buffer) {
      llvm::errs() << "error: cannot read " << path << ": "
                   << buffer.getError().message() << "\n";
      return failure();
    }
    options.constantInputs[name] = (*buffer)->getBuffer().str();
    frozen.insert(index);
  }
  return success();
}

/// Multiply-accumulates of the convolutions and dense layers.
static int64_t countMACs(ModuleOp module) {
  int64_t macs = 0;
  module.walk([&](Operation *op) {
    if (auto conv = dyn_cast<ConvOp>(op)) {
      SmallVector<int64_t> w = getDefaultOrderShape(conv.getWeight().getType());
      int64_t perOutput = 1;
      for (int64_t d : ArrayRef(w).drop_front())
        perOutput *= d;
      macs += conv.getType().getNumElements() * perOutput;
    } else if (auto fc = dyn_cast<FCOp>(op)) {
      ArrayRef<int64_t> a = fc.getA().getType().getShape();
      macs += fc.getType().getNumElements() * (fc.getTransA() ? a[0] : a[1]);
    }
  });
  return macs;
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  registerAsmPrinterCLOptions();
  registerMLIRContextCLOptions();
  registerPassManagerCLOptions();
  registerDefaultTimingManagerCLOptions();
  cl::HideUnrelatedOptions(exportCategory);
  cl::ParseCommandLineOptions(argc, argv,
                              "aidge-export: ONNX in, a standalone C++ project out\n");

  DialectRegistry registry;
  registerAllDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);

  ImportONNXOptions options;
  options.externalDataDir = llvm::sys::path::parent_path(modelPath).str();
  for (const std::string &shape : inputShapes)
    if (std::optional<std::string> error = parseInputShape(shape, options)) {
      llvm::errs() << "error: " << *error << "\n";
      return 1;
    }
  bool printing = !printReferenceOf.empty();
  if (printing && printReferenceOf != "imported" && printReferenceOf != "planned") {
    llvm::errs() << "error: --print-reference takes 'imported' or 'planned', not '"
                 << printReferenceOf << "'\n";
    return 1;
  }
  if (!printing && outputDir.empty()) {
    llvm::errs() << "error: no export directory; give -o DIR\n";
    return 1;
  }
  if (!layerRefDir.empty()) {
    if (std::error_code error = llvm::sys::fs::create_directories(layerRefDir)) {
      llvm::errs() << "error: cannot create --layer-ref directory " << layerRefDir
                   << ": " << error.message() << "\n";
      return 1;
    }
  }
  auto buffer = llvm::MemoryBuffer::getFile(modelPath);
  if (!buffer) {
    llvm::errs() << "error: cannot read " << modelPath << ": "
                 << buffer.getError().message() << "\n";
    return 1;
  }
  // --mlir-timing: the passes, and the phases around them.
  DefaultTimingManager timing;
  applyDefaultTimingManagerCLOptions(timing);
  TimingScope rootTimer = timing.getRootScope();
  TimingScope importTimer = rootTimer.nest("import ONNX");
  llvm::SmallDenseSet<size_t> frozen;
  if (failed(readConstantInputs((*buffer)->getBuffer(), options, frozen)))
    return 1;
  OwningOpRef<ModuleOp> module =
      importONNXModel((*buffer)->getBuffer(), &context, options);
  if (!module)
    return 1;
  if (!testData.empty() && failed(embedONNXTestData(*module, testData, frozen)))
    return 1;
  importTimer.stop();
  if (printReferenceOf == "imported")
    return failed(printReference(*module, llvm::outs()));

  // Up to a verified plan first, for the summary; then the lowering.
  ExportPipelineOptions pipeline;
  setPipelineOptions(pipeline);
  pipeline.lower = false;
  PassManager pm(&context);
  buildExportPipeline(pm, pipeline);
  pm.enableTiming(rootTimer);
  if (failed(applyPassManagerCLOptions(pm)) || failed(pm.run(*module)))
    return 1;
  if (printReferenceOf == "planned")
    return failed(printReference(*module, llvm::outs()));
  // The reference runs on the planned graph: its ops are the kernel calls.
  bool layers = !layerRefDir.empty();
  TimingScope referenceTimer = rootTimer.nest("reference interpreter");
  if ((withReference || layers) && failed(embedReference(*module, layers)))
    return 1;
  referenceTimer.stop();

  TimingScope summaryTimer = rootTimer.nest("summary");
  int64_t ops = 0, lowerBound = 0, weights = 0, peak = 0;
  for (auto func : module->getOps<func::FuncOp>()) {
    FailureOr<GraphMemory> graph = buildGraphMemory(func);
    if (failed(graph))
      return 1;
    ops += graph->schedule.size();
    lowerBound = std::max(lowerBound, memory::liveSetLowerBound(graph->problem));
    weights += graph->weightsBytes;
    if (auto attr = func->getAttrOfType<IntegerAttr>("aidge.peak_bytes"))
      peak = std::max(peak, attr.getInt());
  }
  int64_t macs = countMACs(*module);
  summaryTimer.stop();

  PassManager lower(&context);
  lower.addPass(createAidgeLowerToExport());
  lower.enableTiming(rootTimer);
  if (failed(applyPassManagerCLOptions(lower)) || failed(lower.run(*module)))
    return 1;
  if (layers && failed(writeLayerReferences(*module, layerRefDir)))
    return 1;

  int files = 0;
  ExportFileSink sink = getDirectorySink(outputDir);
  auto stream = sink.stream;
  auto copy = sink.copy;
  sink.stream = [&](StringRef path, ExportFileSink::Contents contents) {
    ++files;
    return stream(path, contents);
  };
  sink.copy = [&](StringRef path, StringRef source) {
    ++files;
    return copy(path, source);
  };
  TimingScope writeTimer = rootTimer.nest("write C++");
  if (failed(exportToCpp(*module, sink)))
    return 1;
  writeTimer.stop();

  llvm::outs() << llvm::formatv(
      "exported {0} to {1}\n"
      "  ops:         {2} kernel calls\n"
      "  MACs:        {3}\n"
      "  weights:     {4} bytes\n"
      "  arena:       {5} bytes (live-set lower bound {6} bytes, {7:f2}x)\n"
      "  files:       {8} (+ stats/memory_info.{{json,txt,svg})\n"
      "build and run: make -C {1} && {1}/model\n",
      modelPath, outputDir, ops, macs, weights, peak, lowerBound,
      lowerBound ? double(peak) / lowerBound : 0.0, files);
  return 0;
}
