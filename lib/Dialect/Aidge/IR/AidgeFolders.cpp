//===- AidgeFolders.cpp - Folds that are trivially right ------------------===//
//
// Only folds that can never change a value: identities, and reshapes of
// constants, which share the constant's data instead of copying it.
//
//===----------------------------------------------------------------------===//

#include "aidge/Dialect/Aidge/IR/AidgeOps.h"
#include "aidge/Dialect/Aidge/IR/ConstantData.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"

using namespace mlir;
using namespace mlir::aidge;

/// The constant `value` viewed with `type`'s shape; dense_resource blobs are
/// shared, not copied.
static Attribute reshapeConstant(Attribute value, ShapedType type) {
  if (auto dense = dyn_cast_or_null<DenseElementsAttr>(value))
    return dense.reshape(type);
  if (auto resource = dyn_cast_or_null<DenseResourceElementsAttr>(value))
    return DenseResourceElementsAttr::get(type, resource.getRawHandle());
  return {};
}

/// Folds a shape-only op: to its input when nothing changes, to a reshaped
/// constant when the input is constant.
static OpFoldResult foldShapeOnly(Value input, Attribute inputValue,
                                  ShapedType resultType) {
  if (input.getType() == resultType)
    return input;
  return reshapeConstant(inputValue, resultType);
}

OpFoldResult ProducerOp::fold(FoldAdaptor) { return getValue(); }

OpFoldResult IdentityOp::fold(FoldAdaptor) { return getInput(); }

OpFoldResult ConcatOp::fold(FoldAdaptor) {
  if (getInputs().size() == 1)
    return getInputs().front();
  return {};
}

OpFoldResult TransposeOp::fold(FoldAdaptor adaptor) {
  if (llvm::equal(getPerm(), llvm::seq<int64_t>(0, getPerm().size())) &&
      getInput().getType() == getType())
    return getInput();
  // transpose(transpose(x, p), q) == transpose(x, p o q).
  if (auto producer = getInput().getDefiningOp<TransposeOp>()) {
    SmallVector<int64_t> composed;
    for (int64_t p : getPerm())
      composed.push_back(producer.getPerm()[p]);
    setPerm(composed);
    getInputMutable().assign(producer.getInput());
    return getResult();
  }
  if (auto value = dyn_cast_or_null<ElementsAttr>(adaptor.getInput()))
    if (auto transposed = transposeConstant(value, getPerm(), getType()))
      return *transposed;
  return {};
}

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  // A chain of reshapes only keeps its last shape.
  if (auto producer = getInput().getDefiningOp<ReshapeOp>()) {
    getInputMutable().assign(producer.getInput());
    return getResult();
  }
  return foldShapeOnly(getInput(), adaptor.getInput(), getType());
}

OpFoldResult FlattenOp::fold(FoldAdaptor adaptor) {
  return foldShapeOnly(getInput(), adaptor.getInput(), getType());
}

OpFoldResult SqueezeOp::fold(FoldAdaptor adaptor) {
  return foldShapeOnly(getInput(), adaptor.getInput(), getType());
}

OpFoldResult UnsqueezeOp::fold(FoldAdaptor adaptor) {
  return foldShapeOnly(getInput(), adaptor.getInput(), getType());
}

OpFoldResult PadOp::fold(FoldAdaptor) {
  if (llvm::all_of(getPads(), [](int64_t p) { return p == 0; }))
    return getInput();
  return {};
}

OpFoldResult SliceOp::fold(FoldAdaptor) {
  if (getInput().getType() == getType() &&
      llvm::all_of(getSteps(), [](int64_t s) { return s == 1; }))
    return getInput();
  return {};
}

OpFoldResult CastOp::fold(FoldAdaptor) {
  if (getInput().getType() == getType())
    return getInput();
  return {};
}
