//===- ImportONNX.h - ONNX protobuf to the aidge dialect --------*- C++ -*-===//

#ifndef AIDGE_IMPORT_ONNX_IMPORTONNX_H
#define AIDGE_IMPORT_ONNX_IMPORTONNX_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include "mlir/IR/BuiltinAttributeInterfaces.h"

namespace mlir::aidge {

struct ImportONNXOptions {
  /// Static shapes for graph inputs, by input name; needed for inputs whose
  /// shape in the model has symbolic dimensions.
  llvm::StringMap<SmallVector<int64_t>> inputShapes;
  /// Where external tensor data is looked up (the model's directory).
  std::string externalDataDir;
  /// Graph inputs compiled as constants, by input name: the serialized
  /// TensorProto of their value (an `input_N.pb` of a test data set). Static
  /// shapes need inputs such as Resize's scales or Reshape's shape known at
  /// compile time; ONNX's backend tests feed them as graph inputs.
  llvm::StringMap<std::string> constantInputs;
};

/// Imports a binary ONNX model into a module holding one `func.func`
/// @main_graph of aidge ops. Returns null after emitting one diagnostic on
/// bad input.
OwningOpRef<ModuleOp> importONNXModel(StringRef bytes, MLIRContext *context,
                                      const ImportONNXOptions &options);

/// The names of the graph inputs of a binary ONNX model that are not
/// initializers, in order: what `input_N.pb` of a test data set feeds.
llvm::Expected<SmallVector<std::string>> getONNXGraphInputNames(StringRef bytes);

/// Parses "name:1x3x224x224" into `options`; returns an error message when
/// the text is malformed.
std::optional<std::string> parseInputShape(StringRef text,
                                           ImportONNXOptions &options);

/// Registers `--import-onnx` (and its `--input-shape` option) with
/// mlir-translate style drivers.
void registerImportONNXTranslation();

/// Reads a serialized ONNX TensorProto (an `input_N.pb` / `output_N.pb` of
/// ONNX's test data sets) as a constant; the error says what is wrong.
llvm::Expected<ElementsAttr> readONNXTensor(StringRef bytes, MLIRContext *context);

/// dir/<prefix><index>.pb: a file of an ONNX test data set.
std::string getONNXTestDataFile(StringRef dir, StringRef prefix, size_t index);

/// Reads input_N.pb and output_N.pb of the ONNX test data set in `dir` into
/// the module attributes --to-cpp embeds for the compare main
/// (aidge_export.inputs, aidge_export.expected); the inputs in
/// `skipInputs` (compiled as constants) are left out.
LogicalResult embedONNXTestData(ModuleOp module, StringRef dir,
                                const llvm::SmallDenseSet<size_t> &skipInputs);

/// One row of the importer's support table: an ONNX op type and the opset
/// from which its handler applies. Drives docs and the unsupported-op
/// diagnostic.
struct SupportedONNXOp {
  StringRef opType;
  int64_t sinceVersion;
  bool foldOnly; ///< Only evaluated at import, for shape subgraphs.
};
ArrayRef<SupportedONNXOp> getSupportedONNXOps();

constexpr int64_t kMinONNXOpset = 1;
constexpr int64_t kMaxONNXOpset = 21;

} // namespace mlir::aidge

#endif // AIDGE_IMPORT_ONNX_IMPORTONNX_H
