//===- Interpreter.h - Reference evaluation of aidge graphs -----*- C++ -*-===//
//
// Computes what an `aidge` function computes, op by op, straight from the
// dialect's semantics: the expected outputs of an export, and every
// intermediate activation for a per-layer comparison. It reads the IR at any
// stage (imported, fused, matched with data formats and transposes,
// scheduled, planned): attributes that only say how to run an op (aidge.impl,
// aidge.step, aidge.mem) are ignored, the ones that say what it computes
// (fused activations, fused pads, data formats) are honoured.
//
// Floating-point ops compute in double and round each result to its element
// type, so an f32 graph gets f32 results with double accumulation. Integers
// are exact up to 2^53.
//
//===----------------------------------------------------------------------===//

#ifndef AIDGE_REFERENCE_INTERPRETER_H
#define AIDGE_REFERENCE_INTERPRETER_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinAttributeInterfaces.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/DenseMap.h"

#include <vector>

namespace mlir::aidge::reference {

/// The values of a tensor of `type`, in the stored row-major order (the
/// order of its dimensions in `type`, whatever its data format).
struct Tensor {
  RankedTensorType type;
  std::vector<double> values;
};

/// Every value of an evaluated function.
struct Evaluation {
  /// Each block argument and each op result.
  llvm::DenseMap<Value, Tensor> values;
  /// The function's results, in order.
  SmallVector<Tensor> outputs;
};

/// Evaluates `func` (one block of aidge ops) on `inputs`, one per argument
/// and with its number of elements. Emits an error naming the op, and
/// fails, when an op cannot be evaluated (an op of another dialect, an
/// element type without a meaning here, an integer division by zero, ...).
FailureOr<Evaluation> evaluate(func::FuncOp func, ArrayRef<Tensor> inputs);

/// The values of a dense or dense_resource constant; nullopt when they are
/// not available (a released blob, a non-numeric element type).
std::optional<Tensor> getTensor(ElementsAttr value);

/// A dense constant holding `tensor` (without the data format encoding).
ElementsAttr getElementsAttr(const Tensor &tensor);

/// `value` rounded to `type` as a result of that element type: floats to
/// the nearest representable value, integers truncated toward zero and
/// wrapped to their width, i1 to 0 or 1.
double roundToElementType(Type type, double value);

} // namespace mlir::aidge::reference

#endif // AIDGE_REFERENCE_INTERPRETER_H
