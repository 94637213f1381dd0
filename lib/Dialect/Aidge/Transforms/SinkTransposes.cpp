//===- SinkTransposes.cpp - Move transposes toward the graph's end --------===//
//
// After matching, each channels-last op sits between a transpose into its
// format and one back. Moving the "back" transposes down across ops that
// work in any format lets them meet the next "into" transpose, where the
// pair folds away.
//
//===----------------------------------------------------------------------===//

#include "aidge/Dialect/Aidge/IR/AidgeOps.h"
#include "aidge/Dialect/Aidge/IR/DataFormat.h"
#include "aidge/Dialect/Aidge/Transforms/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"

using namespace mlir;
using namespace mlir::aidge;

/// Whether `op` may run in another data format: no implementation chosen
/// yet, or one that takes any format for every operand.
static bool takesAnyFormat(Operation *op) {
  auto impl = op->getAttrOfType<ImplAttr>("aidge.impl");
  if (!impl)
    return true;
  for (ArrayAttr list : {impl.getSpec().getInputs(), impl.getSpec().getOutputs()})
    for (Attribute io : list)
      if (cast<IOSpecAttr>(io).getFormat() != DataFormat::any)
        return false;
  return true;
}

static SmallVector<int64_t> invert(ArrayRef<int64_t> perm) {
  SmallVector<int64_t> inverse(perm.size());
  for (auto [i, p] : llvm::enumerate(perm))
    inverse[p] = i;
  return inverse;
}

/// Re-infers the result types of `op` after its operands changed.
static LogicalResult reinferResultTypes(Operation *op) {
  auto infer = dyn_cast<InferTypeOpInterface>(op);
  if (!infer)
    return failure();
  SmallVector<Type> types;
  if (failed(infer.inferReturnTypes(op->getContext(), op->getLoc(),
                                    op->getOperands(), op->getRawDictionaryAttrs(),
                                    op->getPropertiesStorage(), op->getRegions(),
                                    types)))
    return failure();
  for (auto [result, type] : llvm::zip_equal(op->getResults(), types))
    result.setType(type);
  return success();
}

namespace {
/// op(transpose(a), transpose(b), constant c) ->
///   transpose(op(a, b, transpose^-1(c))) for an element-wise op.
struct SinkThroughElementwise : RewritePattern {
  SinkThroughElementwise(MLIRContext *context)
      : RewritePattern(MatchAnyOpTypeTag(), /*benefit=*/1, context) {}

  LogicalResult matchAndRewrite(Operation *op,
                                PatternRewriter &rewriter) const override {
    if (!op->hasTrait<AidgeElementwise>() || op->getNumResults() != 1 ||
        !takesAnyFormat(op))
      return failure();
    auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
    TransposeOp pivot;
    for (Value operand : op->getOperands()) {
      auto transpose = operand.getDefiningOp<TransposeOp>();
      if (!transpose)
        continue;
      if (pivot && transpose.getPerm() != pivot.getPerm())
        return failure();
      pivot = transpose;
    }
    if (!pivot || !pivot->hasOneUse() ||
        pivot.getType().getRank() != resultType.getRank())
      return failure();
    // Every other operand must be a transpose like the pivot (used only
    // here) or a constant that can be transposed back instead.
    for (Value operand : op->getOperands()) {
      auto transpose = operand.getDefiningOp<TransposeOp>();
      if (transpose ? !transpose->hasOneUse()
                    : !operand.getDefiningOp<ProducerOp>())
        return failure();
    }
    SmallVector<int64_t> inverse = invert(pivot.getPerm());
    Attribute storedEncoding = pivot.getInput().getType().getEncoding();
    SmallVector<Value> operands;
    for (Value operand : op->getOperands()) {
      if (auto transpose = operand.getDefiningOp<TransposeOp>()) {
        operands.push_back(transpose.getInput());
        continue;
      }
      auto type = cast<RankedTensorType>(operand.getType());
      Value value = operand;
      // Broadcasting aligns trailing dimensions: give the constant the full
      // rank before permuting it.
      if (type.getRank() < resultType.getRank()) {
        SmallVector<int64_t> shape(resultType.getRank() - type.getRank(), 1);
        llvm::append_range(shape, type.getShape());
        type = RankedTensorType::get(shape, type.getElementType());
        value = ReshapeOp::create(rewriter, op->getLoc(), type, value);
      }
      SmallVector<int64_t> shape;
      for (int64_t p : inverse)
        shape.push_back(type.getDimSize(p));
      auto stored = RankedTensorType::get(shape, type.getElementType(), storedEncoding);
      operands.push_back(
          TransposeOp::create(rewriter, op->getLoc(), stored, value, inverse));
    }
    Operation *moved = rewriter.clone(*op);
    moved->setOperands(operands);
    if (failed(reinferResultTypes(moved))) {
      rewriter.eraseOp(moved);
      return failure();
    }
    rewriter.replaceOpWithNewOp<TransposeOp>(op, resultType, moved->getResult(0),
                                             pivot.getPerm());
    return success();
  }
};

/// concat(transpose(a), transpose(b), axis) ->
///   transpose(concat(a, b, perm[axis])).
struct SinkThroughConcat : OpRewritePattern<ConcatOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ConcatOp concat,
                                PatternRewriter &rewriter) const override {
    if (!takesAnyFormat(concat))
      return failure();
    SmallVector<Value> inputs;
    ArrayRef<int64_t> perm;
    for (Value input : concat.getInputs()) {
      auto transpose = input.getDefiningOp<TransposeOp>();
      if (!transpose || !transpose->hasOneUse() ||
          (!perm.empty() && transpose.getPerm() != perm))
        return failure();
      perm = transpose.getPerm();
      inputs.push_back(transpose.getInput());
    }
    auto moved = cast<ConcatOp>(rewriter.clone(*concat));
    moved->setOperands(inputs);
    moved.setAxis(perm[concat.getAxis()]);
    if (failed(reinferResultTypes(moved))) {
      rewriter.eraseOp(moved);
      return failure();
    }
    rewriter.replaceOpWithNewOp<TransposeOp>(concat, concat.getType(),
                                             moved.getResult(), perm);
    return success();
  }
};
} // namespace

void mlir::aidge::populateTransposeSinkingPatterns(RewritePatternSet &patterns) {
  patterns.add<SinkThroughElementwise, SinkThroughConcat>(patterns.getContext());
}
