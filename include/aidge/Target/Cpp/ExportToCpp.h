//===- ExportToCpp.h - Write the C++ export of an aidge_export module -*- C++ -*-===//

#ifndef AIDGE_TARGET_CPP_EXPORTTOCPP_H
#define AIDGE_TARGET_CPP_EXPORTTOCPP_H

#include "aidge/Dialect/AidgeExport/IR/AidgeExportDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace mlir::aidge {

/// Receives each file of the export: its path in the export tree, and
/// either its contents or, for a library file copied as is, its source.
struct ExportFileSink {
  /// Prints the file's contents into the stream it is given; a failure has
  /// been reported already.
  using Contents = llvm::function_ref<LogicalResult(raw_ostream &)>;
  /// Writes a file from `contents`, streamed: the weight headers are
  /// hundreds of megabytes of text, never held in memory whole.
  std::function<LogicalResult(StringRef path, Contents contents)> stream;
  std::function<LogicalResult(StringRef path, StringRef source)> copy;

  /// Writes a file whose contents are already built.
  LogicalResult write(StringRef path, StringRef contents) const {
    return stream(path, [&](raw_ostream &os) {
      os << contents;
      return success();
    });
  }
};

/// The C++ names the export gives one kernel call: what a renderer's code
/// may use. All of them are declared in `layerHeader`, which forward.cpp
/// includes before the call; the weights by their parameters/ headers,
/// also included.
struct KernelSymbols {
  /// "layers/<layer>.h": #defines of the params, the aidge_cpp::MemInfo
  /// constants below and #defines of each of their fields, named after the
  /// constant: <LAYER>_OUT_MEM_CONT_OFFSET, _SIZE, _STRIDE, _LENGTH, _COUNT,
  /// _OFFSET, _CONT_SIZE, _WRAP_OFFSET, _WRAP_SIZE.
  std::string layerHeader;
  /// The activation arena: `unsigned char mem[MODEL_ARENA_SIZE]`; a tensor
  /// starts at `mem + <its mem_info>.cont_offset`.
  std::string arena = "mem";
  /// The aidge_cpp::MemInfo constant of each input ("" for an input that
  /// is not in the arena) and of each output: <LAYER>_IN<i>_MEM,
  /// <LAYER>_OUT_MEM, <LAYER>_OUT<i>_MEM.
  std::vector<std::string> inputs, outputs;
  /// Each param's name and its #define (<LAYER>_<NAME>).
  std::vector<std::pair<std::string, std::string>> params;
  /// The constexpr aggregate of the params (<LAYER>_PARAMS), or "" (always
  /// for external kernels: its type is the library's C++ kernels').
  std::string paramsStruct;
  /// The C++ expression of each weight operand: a static const array, or
  /// an aidge_cpp::ArenaArray of a weight computed into the arena.
  std::vector<std::string> weights;
};

KernelSymbols getKernelSymbols(aidge_export::KernelOp kernel);

/// What a renderer emits for one kernel call.
struct RenderedKernel {
  /// Headers forward.cpp includes, relative to dnn/include.
  std::vector<std::string> includes;
  /// The statements model_forward runs for the call.
  std::string forward;
  /// Files of the export the call needs (its kernel's sources, say), by
  /// path in the export tree.
  std::vector<std::pair<std::string, std::string>> files;
};

/// Emits the call of an `external` kernel (KernelDescriptor::external):
/// kernels a library implements outside the C++ translation, such as the
/// Python package's templates. A failure has been reported already.
using KernelRenderer = std::function<FailureOr<RenderedKernel>(
    aidge_export::KernelOp kernel, const KernelSymbols &symbols)>;

struct ExportOptions {
  /// By kernel name; every external kernel of the module needs one.
  llvm::StringMap<KernelRenderer> renderers;
};

/// Writes the export tree of `module`, which holds aidge_export ops: the
/// dnn/ sources, the kernel and utils headers they use, main.cpp, data/,
/// a Makefile and a CMakeLists.txt. Errors are emitted on the ops.
LogicalResult exportToCpp(ModuleOp module, const ExportFileSink &sink,
                          const ExportOptions &options = {});

/// The sink that writes files under `dir`.
ExportFileSink getDirectorySink(StringRef dir);

/// Registers `aidge-translate --to-cpp [--export-dir=DIR]`.
void registerToCppTranslation();

} // namespace mlir::aidge

#endif // AIDGE_TARGET_CPP_EXPORTTOCPP_H
