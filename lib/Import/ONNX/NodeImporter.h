//===- NodeImporter.h - What an op handler sees of its ONNX node -*- C++ -*-===//

#ifndef AIDGE_LIB_IMPORT_ONNX_NODEIMPORTER_H
#define AIDGE_LIB_IMPORT_ONNX_NODEIMPORTER_H

#include "HostTensor.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/StringMap.h"

#include <optional>

namespace mlir::aidge::onnx_import {

/// An ONNX value during import: an IR value, a value known at import time,
/// or both once a constant has been materialized.
struct ImportedValue {
  Value value;
  std::optional<HostTensor> constant;
};

/// The view of one ONNX node that op handlers work with. It resolves inputs,
/// decodes attributes with their ONNX defaults, and reports errors that name
/// the node, its op type and the opset.
class NodeImporter {
public:
  NodeImporter(const onnx::NodeProto &node, int64_t opset, OpBuilder &builder,
               llvm::StringMap<ImportedValue> &values, Location loc);

  const onnx::NodeProto &node() const { return proto; }
  StringRef opType() const { return proto.op_type(); }
  int64_t opset() const { return opsetVersion; }
  Location loc() const { return location; }
  OpBuilder &builder() { return b; }
  MLIRContext *context() { return b.getContext(); }

  /// Starts an error about this node; the message follows.
  InFlightDiagnostic error();

  // Inputs. Optional inputs may be absent or have an empty name.
  int numInputs() const { return proto.input_size(); }
  bool hasInput(int i) const;
  /// The IR value of input i; constants become aidge.producer ops.
  Value input(int i);
  RankedTensorType inputType(int i);
  /// The import-time value of input i, or null when not known.
  const HostTensor *constantInput(int i);
  /// Input i as integers; emits an error naming `what` when not constant.
  FailureOr<std::vector<int64_t>> constantInts(int i, StringRef what);
  FailureOr<std::vector<double>> constantDoubles(int i, StringRef what);

  // Outputs.
  int numOutputs() const { return proto.output_size(); }
  bool hasOutput(int i) const;
  void setOutput(int i, Value value);
  void setConstantOutput(int i, HostTensor tensor);
  /// Fails with an error if an output past `count` is used by the model.
  LogicalResult onlyOutputsUsed(int count);

  // Attributes, with the defaults the caller gives.
  bool hasAttr(StringRef name) const { return findAttr(name) != nullptr; }
  int64_t getInt(StringRef name, int64_t fallback) const;
  float getFloat(StringRef name, float fallback) const;
  std::string getString(StringRef name, StringRef fallback) const;
  std::vector<int64_t> getInts(StringRef name) const;
  std::vector<float> getFloats(StringRef name) const;
  const onnx::AttributeProto *findAttr(StringRef name) const;

  /// Normalizes an axis in [-rank, rank) to [0, rank); reports an error
  /// otherwise.
  FailureOr<int64_t> normalizeAxis(int64_t axis, int64_t rank);
  /// Normalizes, sorts and checks axes for uniqueness.
  FailureOr<SmallVector<int64_t>> normalizeAxes(ArrayRef<int64_t> axes,
                                                int64_t rank);

private:
  const onnx::NodeProto &proto;
  int64_t opsetVersion;
  OpBuilder &b;
  llvm::StringMap<ImportedValue> &values;
  Location location;
};

/// A handler builds the IR of one ONNX op type. Handlers check everything
/// about the node and emit one error on anything unsupported.
using OpHandler = LogicalResult (*)(NodeImporter &);

/// The handler for an op type at an opset, or null.
OpHandler lookupOpHandler(StringRef opType);

/// Evaluates a node whose inputs are all known at import time (the shape
/// subgraphs real exporters emit). Returns failure without a diagnostic when
/// the op is not one we evaluate, or after an error for bad attributes.
FailureOr<bool> tryFoldNode(NodeImporter &node);

/// True for op types that exist only to compute shapes and must fold.
bool isFoldOnlyOp(StringRef opType);

} // namespace mlir::aidge::onnx_import

#endif // AIDGE_LIB_IMPORT_ONNX_NODEIMPORTER_H
