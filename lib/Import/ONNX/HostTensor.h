//===- HostTensor.h - ONNX tensors known at import time ---------*- C++ -*-===//
//
// A tensor whose value the importer knows: an initializer, a Constant node or
// the result of folding a shape subgraph. Data is kept as the little-endian
// bytes of its ONNX data type; arithmetic decodes to int64 or double.
//
//===----------------------------------------------------------------------===//

#ifndef AIDGE_LIB_IMPORT_ONNX_HOSTTENSOR_H
#define AIDGE_LIB_IMPORT_ONNX_HOSTTENSOR_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

#include <onnx/onnx_pb.h>

#include <string>
#include <vector>

namespace mlir::aidge::onnx_import {

class HostTensor {
public:
  HostTensor() = default;

  /// Decodes an initializer or a Constant's value; `baseDir` resolves
  /// external data. Fails on inconsistent sizes or unreadable files.
  static llvm::Expected<HostTensor> fromProto(const onnx::TensorProto &proto,
                                              llvm::StringRef baseDir);

  static HostTensor fromInts(int32_t dataType, ArrayRef<int64_t> shape,
                             ArrayRef<int64_t> values);
  static HostTensor fromDoubles(int32_t dataType, ArrayRef<int64_t> shape,
                                ArrayRef<double> values);

  int32_t dataType() const { return type; }
  ArrayRef<int64_t> shape() const { return dims; }
  int64_t numElements() const;
  bool isFloat() const;
  bool isInteger() const { return !isFloat(); }

  int64_t getInt(int64_t index) const;
  double getDouble(int64_t index) const;
  std::vector<int64_t> toInts() const;
  std::vector<double> toDoubles() const;

  /// The same elements with another shape.
  HostTensor reshaped(ArrayRef<int64_t> newShape) const;

  /// The IR attribute for an aidge.producer: dense_resource for weights,
  /// plain dense literals for small constants that are nicer to read.
  ElementsAttr toAttr(MLIRContext *context, StringRef name) const;

private:
  int32_t type = onnx::TensorProto::FLOAT;
  SmallVector<int64_t> dims;
  std::vector<char> bytes;
};

/// Byte width of an ONNX data type we can hold, 0 when unsupported.
unsigned byteWidth(int32_t dataType);

/// The MLIR element type of an ONNX data type, null when unsupported.
Type elementType(MLIRContext *context, int32_t dataType);

/// The ONNX data type name, for diagnostics.
StringRef dataTypeName(int32_t dataType);

} // namespace mlir::aidge::onnx_import

#endif // AIDGE_LIB_IMPORT_ONNX_HOSTTENSOR_H
