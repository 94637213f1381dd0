//===- Evaluators.h - The interpreter's op families -------------*- C++ -*-===//
//
// Each family evaluates its ops from the tensors computed so far. A family
// returns nullopt for an op that is not one of its own, else whether it
// could evaluate the op (it has emitted an error when not).
//
//===----------------------------------------------------------------------===//

#ifndef AIDGE_LIB_REFERENCE_EVALUATORS_H
#define AIDGE_LIB_REFERENCE_EVALUATORS_H

#include "aidge/Dialect/Aidge/IR/AidgeOps.h"
#include "aidge/Reference/Interpreter.h"

namespace mlir::aidge::reference::detail {

using ValueMap = llvm::DenseMap<Value, Tensor>;

std::optional<LogicalResult> evaluateWindowOp(Operation *op, ValueMap &values);
std::optional<LogicalResult> evaluateLinearOp(Operation *op, ValueMap &values);
std::optional<LogicalResult> evaluateElementwiseOp(Operation *op,
                                                   ValueMap &values);
std::optional<LogicalResult> evaluateDataMovementOp(Operation *op,
                                                    ValueMap &values);

//===----------------------------------------------------------------------===//
// Helpers shared by the families
//===----------------------------------------------------------------------===//

/// The tensor computed for `value` (an operand: always computed before).
const Tensor &lookup(const ValueMap &values, Value value);

/// Stores `values`, rounded to the element type of `result`, as its tensor.
void setResult(ValueMap &map, Value result, std::vector<double> values);

/// Row-major strides of `shape`.
SmallVector<int64_t> getStrides(ArrayRef<int64_t> shape);

int64_t getNumElements(ArrayRef<int64_t> shape);

/// `values` of a tensor of `shape` with its dimensions permuted: result
/// dimension i is dimension perm[i].
std::vector<double> permute(ArrayRef<double> values, ArrayRef<int64_t> shape,
                            ArrayRef<int64_t> perm);

/// The values of `tensor` in the default (channels-first) order of its data
/// format: how channel-aware ops read their operands.
std::vector<double> toDefaultOrder(const Tensor &tensor);

/// Values computed in the default order, stored in the format of `type`.
std::vector<double> fromDefaultOrder(RankedTensorType type,
                                     std::vector<double> values);

/// `value` through the fused activation `activation` (none when null).
double activate(ActivationAttr activation, double value);

/// Calls `fn(flat, index)` for each element of a tensor of `shape`, in
/// row-major order, with its multi-dimensional index.
void forEachIndex(ArrayRef<int64_t> shape,
                  function_ref<void(int64_t, ArrayRef<int64_t>)> fn);

} // namespace mlir::aidge::reference::detail

#endif // AIDGE_LIB_REFERENCE_EVALUATORS_H
