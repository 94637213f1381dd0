//===- Fuse.cpp - Aidge's metaops as rewrites -----------------------------===//
//
// Each rewrite computes exactly what the chain it replaces computed (batch
// norm folding up to float rounding), so it checks every precondition that
// makes it so: single uses, constant operands, padding values, formats.
// The fused op's location fuses the locations of the ops it replaces, so
// diagnostics still name the ONNX nodes.
//
//===----------------------------------------------------------------------===//

#include "aidge/Dialect/Aidge/IR/AidgeOps.h"
#include "aidge/Dialect/Aidge/IR/ConstantData.h"
#include "aidge/Dialect/Aidge/IR/DataFormat.h"
#include "aidge/Dialect/Aidge/IR/ShapeInference.h"
#include "aidge/Dialect/Aidge/Transforms/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

namespace mlir::aidge {
#define GEN_PASS_DEF_AIDGEFUSE
#include "aidge/Dialect/Aidge/Transforms/Passes.h.inc"
} // namespace mlir::aidge

using namespace mlir;
using namespace mlir::aidge;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

static RankedTensorType tensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

/// The elements of `value` when an `aidge.producer` makes it and they are f32.
static std::optional<std::vector<float>> getConstantF32(Value value) {
  auto producer = value ? value.getDefiningOp<ProducerOp>() : ProducerOp();
  if (!producer)
    return std::nullopt;
  return getF32Values(producer.getValue());
}

/// A new `aidge.producer` of `type` holding `values`, named after the
/// constant `like` (when a producer makes it) with `suffix`.
static Value createF32Producer(PatternRewriter &rewriter, Location loc,
                               RankedTensorType type, ArrayRef<float> values,
                               Value like, StringRef suffix = "") {
  std::string name = "cst";
  if (auto producer = like ? like.getDefiningOp<ProducerOp>() : ProducerOp())
    name = getConstantName(producer.getValue());
  name += suffix;
  return ProducerOp::create(rewriter, loc,
                            makeF32Constant(type, values, name));
}

/// Copies the discardable attributes (e.g. `aidge.impl`) of `from` to `to`.
static void copyDiscardableAttrs(Operation *from, Operation *to) {
  for (NamedAttribute attr : from->getDiscardableAttrs())
    to->setDiscardableAttr(attr.getName(), attr.getValue());
}

//===----------------------------------------------------------------------===//
// Pad into the window of a conv or avg_pool
//===----------------------------------------------------------------------===//

/// The pads that `pad` adds to each spatial axis of the N x C x D... tensor
/// it makes (begin pads then end pads, in the default order), when it pads
/// with zeros, only spatial axes, never crops and pads something.
static FailureOr<SmallVector<int64_t>> getSpatialZeroPads(PadOp pad) {
  // A pad that adds nothing is left to its folder.
  if (llvm::all_of(pad.getPads(), [](int64_t p) { return p == 0; }))
    return failure();
  // +0.0 only: a -0.0 cell could change the sign of a zero sum.
  if (pad.getMode() != PadMode::constant || !pad.getValue().isPosZero())
    return failure();
  RankedTensorType type = tensorType(pad.getInput());
  int64_t rank = type.getRank();
  // Pads follow the stored order; `perm` tells which dimension each is.
  auto perm = getFormatPermutation(getDataFormat(type), rank);
  if (!perm || rank < 3)
    return failure();
  int64_t spatial = rank - 2;
  ArrayRef<int64_t> pads = pad.getPads();
  SmallVector<int64_t> added(2 * spatial, 0);
  for (int64_t stored = 0; stored < rank; ++stored) {
    int64_t begin = pads[stored], end = pads[stored + rank];
    if (begin < 0 || end < 0)
      return failure();
    int64_t dim = (*perm)[stored];
    if (dim < 2) { // batch or channels
      if (begin != 0 || end != 0)
        return failure();
      continue;
    }
    added[dim - 2] = begin;
    added[dim - 2 + spatial] = end;
  }
  return added;
}

namespace {
/// conv(pad(x, 0)) -> conv(x) with the pads added to its own.
struct FusePadIntoConv : OpRewritePattern<ConvOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(ConvOp conv,
                                PatternRewriter &rewriter) const override {
    auto pad = conv.getInput().getDefiningOp<PadOp>();
    if (!pad)
      return rewriter.notifyMatchFailure(conv, "input is not an aidge.pad");
    FailureOr<SmallVector<int64_t>> added = getSpatialZeroPads(pad);
    if (failed(added))
      return rewriter.notifyMatchFailure(
          conv, "not a non-negative zero padding of the spatial axes");
    SmallVector<int64_t> pads(conv.getPads());
    if (pads.size() != added->size())
      return rewriter.notifyMatchFailure(conv, "pads of another rank");
    for (size_t i = 0; i < pads.size(); ++i)
      pads[i] += (*added)[i];
    Location loc = rewriter.getFusedLoc({conv.getLoc(), pad.getLoc()});
    rewriter.modifyOpInPlace(conv, [&] {
      conv.setPads(pads);
      conv.getInputMutable().assign(pad.getInput());
      conv->setLoc(loc);
    });
    return success();
  }
};

/// avg_pool(pad(x, 0)) -> avg_pool(x) with the pads added to its own and
/// counted: the padding cells were real zeros, so they must stay in the
/// divisor. Only when the own padding cells counted too (or there are none)
/// and no ceil_mode (whose extra windows are clipped, not counted).
/// Never into max_pool: its padding is -inf, not zero.
struct FusePadIntoAvgPool : OpRewritePattern<AvgPoolOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(AvgPoolOp pool,
                                PatternRewriter &rewriter) const override {
    auto pad = pool.getInput().getDefiningOp<PadOp>();
    if (!pad)
      return rewriter.notifyMatchFailure(pool, "input is not an aidge.pad");
    if (pool.getCeilMode())
      return rewriter.notifyMatchFailure(pool, "ceil_mode");
    SmallVector<int64_t> pads(pool.getPads());
    if (!pool.getCountIncludePad() &&
        llvm::any_of(pads, [](int64_t p) { return p != 0; }))
      return rewriter.notifyMatchFailure(
          pool, "own pads that are not counted in the divisor");
    FailureOr<SmallVector<int64_t>> added = getSpatialZeroPads(pad);
    if (failed(added))
      return rewriter.notifyMatchFailure(
          pool, "not a non-negative zero padding of the spatial axes");
    if (pads.size() != added->size())
      return rewriter.notifyMatchFailure(pool, "pads of another rank");
    ArrayRef<int64_t> kernel = pool.getKernelShape();
    int64_t spatial = kernel.size();
    for (size_t i = 0; i < pads.size(); ++i) {
      pads[i] += (*added)[i];
      // aidge.avg_pool (as ONNX) needs pads smaller than the kernel.
      if (pads[i] >= kernel[i % spatial])
        return rewriter.notifyMatchFailure(pool, "pads would reach the kernel size");
    }
    Location loc = rewriter.getFusedLoc({pool.getLoc(), pad.getLoc()});
    rewriter.modifyOpInPlace(pool, [&] {
      pool.setPads(pads);
      pool.setCountIncludePad(true);
      pool.getInputMutable().assign(pad.getInput());
      pool->setLoc(loc);
    });
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Batch norm into the weights of a conv or fc
//===----------------------------------------------------------------------===//

/// batch_norm(conv(x, w, b)) -> conv(x, w * s, (b - mean) * s + beta) and
/// batch_norm(fc(a, b, c)) alike along the columns of the fc, with
/// s = scale / sqrt(var + epsilon) per channel. Computed in double, rounded
/// once to f32.
struct FoldBatchNorm : OpRewritePattern<BatchNormOp> {
  using OpRewritePattern::OpRewritePattern;

  /// The batch norm per channel c: y -> (y - mean[c]) * s[c] + beta[c]. A
  /// weight scales by s[c]; a bias b becomes shift(b, c).
  struct Affine {
    std::vector<double> s, mean, beta;
    double shift(double b, size_t c) const { return (b - mean[c]) * s[c] + beta[c]; }
  };

  LogicalResult matchAndRewrite(BatchNormOp bn,
                                PatternRewriter &rewriter) const override {
    Value input = bn.getInput();
    Operation *producer = input.getDefiningOp();
    if (!producer || !isa<ConvOp, FCOp>(producer))
      return rewriter.notifyMatchFailure(bn, "input is not a conv or fc");
    if (!input.hasOneUse())
      return rewriter.notifyMatchFailure(bn, "its producer has other users");
    if (!tensorType(input).getElementType().isF32())
      return rewriter.notifyMatchFailure(bn, "not f32");
    auto scale = getConstantF32(bn.getScale());
    auto bias = getConstantF32(bn.getBias());
    auto mean = getConstantF32(bn.getMean());
    auto var = getConstantF32(bn.getVar());
    if (!scale || !bias || !mean || !var)
      return rewriter.notifyMatchFailure(bn, "parameters are not f32 constants");
    Affine affine;
    double epsilon = bn.getEpsilon().convertToDouble();
    for (size_t c = 0; c < scale->size(); ++c) {
      affine.s.push_back((*scale)[c] / std::sqrt((double)(*var)[c] + epsilon));
      affine.mean.push_back((*mean)[c]);
      affine.beta.push_back((*bias)[c]);
    }
    if (auto conv = dyn_cast<ConvOp>(producer))
      return foldIntoConv(bn, conv, affine, rewriter);
    return foldIntoFC(bn, cast<FCOp>(producer), affine, rewriter);
  }

  LogicalResult foldIntoConv(BatchNormOp bn, ConvOp conv, const Affine &affine,
                             PatternRewriter &rewriter) const {
    if (conv.getActivation())
      return rewriter.notifyMatchFailure(bn, "conv applies an activation first");
    Value weight = conv.getWeight(), bias = conv.getBias();
    auto w = getConstantF32(weight);
    if (!w)
      return rewriter.notifyMatchFailure(bn, "conv weight is not an f32 constant");
    std::optional<std::vector<float>> b;
    if (bias && !(b = getConstantF32(bias)))
      return rewriter.notifyMatchFailure(bn, "conv bias is not an f32 constant");

    // The output channel is dimension 0 of the weight in the default order;
    // find where the weight's data format stores it.
    RankedTensorType weightType = tensorType(weight);
    int64_t rank = weightType.getRank();
    auto perm = getFormatPermutation(getDataFormat(weightType), rank);
    if (!perm)
      return rewriter.notifyMatchFailure(bn, "unknown weight format");
    int64_t channelDim = llvm::find(*perm, 0) - perm->begin();
    int64_t channels = weightType.getDimSize(channelDim);
    if (channels != (int64_t)affine.s.size() || (b && (int64_t)b->size() != channels))
      return rewriter.notifyMatchFailure(bn, "channel counts differ");
    int64_t stride = 1; // between consecutive channels in the stored order
    for (int64_t d = channelDim + 1; d < rank; ++d)
      stride *= weightType.getDimSize(d);

    // The stored order is [outer][channel][stride]: no division an element.
    std::vector<float> newW(w->size()), newB(channels);
    for (size_t i = 0; i < w->size();)
      for (int64_t c = 0; c < channels; ++c)
        for (int64_t k = 0; k < stride; ++k, ++i)
          newW[i] = (float)((*w)[i] * affine.s[c]);
    for (int64_t c = 0; c < channels; ++c)
      newB[c] = (float)affine.shift(b ? (*b)[c] : 0.0, c);

    Location loc = rewriter.getFusedLoc({conv.getLoc(), bn.getLoc()});
    Value weightCst = createF32Producer(
        rewriter, rewriter.getFusedLoc({weight.getLoc(), bn.getLoc()}),
        weightType, newW, weight);
    Value biasCst = createF32Producer(
        rewriter, bias ? rewriter.getFusedLoc({bias.getLoc(), bn.getLoc()}) : loc,
        RankedTensorType::get({channels}, rewriter.getF32Type()), newB,
        bias ? bias : weight, bias ? "" : "_bias");
    auto fused = ConvOp::create(
        rewriter, loc, conv.getType(), conv.getInput(), weightCst, biasCst,
        conv.getStridesAttr(), conv.getDilationsAttr(), conv.getPadsAttr(),
        conv.getGroupAttr(), /*activation=*/ActivationAttr());
    copyDiscardableAttrs(conv, fused);
    rewriter.replaceOp(bn, fused);
    rewriter.eraseOp(conv);
    return success();
  }

  /// The fc's result is M x N and the batch norm's channels are its columns:
  /// scales the columns of op(b), and makes c' = (beta * c - mean) * s + bias
  /// with beta = 1.
  LogicalResult foldIntoFC(BatchNormOp bn, FCOp fc, const Affine &affine,
                           PatternRewriter &rewriter) const {
    if (fc.getActivation())
      return rewriter.notifyMatchFailure(bn, "fc applies an activation first");
    RankedTensorType outType = tensorType(fc.getResult());
    if (outType.getRank() != 2 || getDataFormat(outType) != DataFormat::default_)
      return rewriter.notifyMatchFailure(bn, "fc result is not a plain matrix");
    int64_t n = outType.getDimSize(1);
    if (n != (int64_t)affine.s.size())
      return rewriter.notifyMatchFailure(bn, "channel counts differ");
    Value bValue = fc.getB(), cValue = fc.getC();
    auto b = getConstantF32(bValue);
    if (!b)
      return rewriter.notifyMatchFailure(bn, "fc b is not an f32 constant");
    std::optional<std::vector<float>> c;
    if (cValue && !(c = getConstantF32(cValue)))
      return rewriter.notifyMatchFailure(bn, "fc c is not an f32 constant");

    // Column j of op(b) is row j of b when trans_b.
    RankedTensorType bType = tensorType(bValue);
    int64_t bCols = bType.getDimSize(1);
    std::vector<float> newB(b->size());
    for (size_t i = 0; i < b->size(); ++i) {
      size_t col = fc.getTransB() ? i / bCols : i % bCols;
      newB[i] = (float)((*b)[i] * affine.s[col]);
    }

    // c broadcasts to M x N; c' needs the N columns, and keeps c's rows.
    double beta = fc.getBeta().convertToDouble();
    SmallVector<int64_t> cShape;
    if (c)
      cShape.assign(tensorType(cValue).getShape().begin(),
                    tensorType(cValue).getShape().end());
    int64_t rows = cShape.size() == 2 ? cShape[0] : 1;
    int64_t cCols = cShape.empty() ? 1 : cShape.back();
    SmallVector<int64_t> newCShape{n};
    if (cShape.size() == 2)
      newCShape.insert(newCShape.begin(), rows);
    std::vector<float> newC(rows * n);
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t j = 0; j < n; ++j) {
        double cell = c ? beta * (*c)[r * cCols + (cCols == 1 ? 0 : j)] : 0.0;
        newC[r * n + j] = (float)affine.shift(cell, j);
      }

    Location loc = rewriter.getFusedLoc({fc.getLoc(), bn.getLoc()});
    Value bCst = createF32Producer(
        rewriter, rewriter.getFusedLoc({bValue.getLoc(), bn.getLoc()}), bType,
        newB, bValue);
    Value cCst = createF32Producer(
        rewriter, cValue ? rewriter.getFusedLoc({cValue.getLoc(), bn.getLoc()}) : loc,
        RankedTensorType::get(newCShape, rewriter.getF32Type()), newC,
        cValue ? cValue : bValue, cValue ? "" : "_bias");
    auto fused = FCOp::create(rewriter, loc, fc.getType(), fc.getA(), bCst, cCst,
                              fc.getTransAAttr(), fc.getTransBAttr(),
                              fc.getAlphaAttr(), rewriter.getF32FloatAttr(1.0f),
                              /*activation=*/ActivationAttr());
    copyDiscardableAttrs(fc, fused);
    rewriter.replaceOp(bn, fused);
    rewriter.eraseOp(fc);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// MatMul + Add into FC
//===----------------------------------------------------------------------===//

/// add(matmul(a, B), C) -> fc(a, B, C) for a 2-D `a`, a 2-D constant `B` and
/// a constant `C` that broadcasts to the matmul's M x N result.
struct FuseMatMulAdd : OpRewritePattern<AddOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(AddOp add,
                                PatternRewriter &rewriter) const override {
    for (unsigned i = 0; i < 2; ++i) {
      auto matmul = add->getOperand(i).getDefiningOp<MatMulOp>();
      Value c = add->getOperand(1 - i);
      if (!matmul || !matmul.getResult().hasOneUse())
        continue;
      RankedTensorType lhsType = tensorType(matmul.getLhs()),
                       rhsType = tensorType(matmul.getRhs()),
                       outType = tensorType(matmul.getResult());
      if (lhsType.getRank() != 2 || rhsType.getRank() != 2 ||
          !matmul.getRhs().getDefiningOp<ProducerOp>() ||
          !c.getDefiningOp<ProducerOp>())
        continue;
      // The add must not broadcast the matmul result itself.
      if (add.getType() != outType ||
          !isUnidirectionallyBroadcastable(tensorType(c).getShape(),
                                           outType.getShape()))
        continue;
      Location loc = rewriter.getFusedLoc({matmul.getLoc(), add.getLoc()});
      auto fc = FCOp::create(rewriter, loc, add.getType(), matmul.getLhs(),
                             matmul.getRhs(), c, rewriter.getBoolAttr(false),
                             rewriter.getBoolAttr(false),
                             rewriter.getF32FloatAttr(1.0f),
                             rewriter.getF32FloatAttr(1.0f),
                             add.getActivationAttr());
      // No discardable attributes: an `aidge.impl` of the add is no fc kernel.
      rewriter.replaceOp(add, fc);
      rewriter.eraseOp(matmul);
      return success();
    }
    return rewriter.notifyMatchFailure(
        add, "not a single-use 2-D matmul by a constant plus a constant");
  }
};

//===----------------------------------------------------------------------===//
// Activations into the op that feeds them
//===----------------------------------------------------------------------===//

/// Whether `op` has an `activation` attribute.
static bool takesActivation(Operation *op) {
  return isa<ConvOp, FCOp, MaxPoolOp, AvgPoolOp, GlobalAveragePoolOp, AddOp,
             SubOp, MulOp, DivOp>(op);
}

static ActivationAttr getActivation(Operation *op) {
  return llvm::TypeSwitch<Operation *, ActivationAttr>(op)
      .Case<ConvOp, FCOp, MaxPoolOp, AvgPoolOp, GlobalAveragePoolOp, AddOp,
            SubOp, MulOp, DivOp>([](auto op) { return op.getActivationAttr(); })
      .Default([](Operation *) { return ActivationAttr(); });
}

static void setActivation(Operation *op, ActivationAttr activation) {
  llvm::TypeSwitch<Operation *>(op)
      .Case<ConvOp, FCOp, MaxPoolOp, AvgPoolOp, GlobalAveragePoolOp, AddOp,
            SubOp, MulOp, DivOp>(
          [&](auto op) { op.setActivationAttr(activation); });
}

static ActivationAttr toActivation(ReLUOp op) {
  return ActivationAttr::get(op.getContext(), ActivationKind::relu, {}, {}, {});
}
static ActivationAttr toActivation(ClipOp op) {
  return ActivationAttr::get(op.getContext(), ActivationKind::clip,
                             op.getMinAttr(), op.getMaxAttr(), {});
}
static ActivationAttr toActivation(LeakyReLUOp op) {
  return ActivationAttr::get(op.getContext(), ActivationKind::leaky_relu, {}, {},
                             op.getAlphaAttr());
}

/// act(op(...)) -> op(...) {activation = act} when `act` is the only user
/// of `op` and `op` applies no activation yet.
template <typename ActOp>
struct FuseActivation : OpRewritePattern<ActOp> {
  using OpRewritePattern<ActOp>::OpRewritePattern;

  LogicalResult matchAndRewrite(ActOp act,
                                PatternRewriter &rewriter) const override {
    Value input = act.getInput();
    Operation *producer = input.getDefiningOp();
    if (!producer || !takesActivation(producer))
      return rewriter.notifyMatchFailure(act, "producer takes no activation");
    if (!input.hasOneUse())
      return rewriter.notifyMatchFailure(act, "producer has other users");
    if (getActivation(producer))
      return rewriter.notifyMatchFailure(act, "producer has an activation");
    if (input.getType() != act.getType())
      return rewriter.notifyMatchFailure(act, "changes the type");
    ActivationAttr activation = toActivation(act);
    Location loc = rewriter.getFusedLoc({producer->getLoc(), act.getLoc()});
    rewriter.modifyOpInPlace(producer, [&] {
      setActivation(producer, activation);
      producer->setLoc(loc);
    });
    rewriter.replaceOp(act, input);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Shape-only chains
//===----------------------------------------------------------------------===//

/// reshape/flatten of a reshape/flatten -> one reshape of the first input.
/// Reshape-of-reshape is also a fold of aidge.reshape; the no-op cases
/// (same type in and out, identity) are the ops' folders, which the greedy
/// driver applies. Only without data formats, whose row-major order would
/// be ambiguous.
template <typename OpTy>
struct CollapseReshapeChain : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    Operation *inner = op.getInput().getDefiningOp();
    if (!inner || !isa<ReshapeOp, FlattenOp>(inner))
      return rewriter.notifyMatchFailure(op, "input is not a reshape or flatten");
    Value source = inner->getOperand(0);
    for (Value value : {source, Value(op.getInput()), Value(op.getResult())})
      if (tensorType(value).getEncoding())
        return rewriter.notifyMatchFailure(op, "has a data format");
    auto reshape = ReshapeOp::create(
        rewriter, rewriter.getFusedLoc({op.getLoc(), inner->getLoc()}),
        op.getType(), source);
    rewriter.replaceOp(op, reshape);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

struct AidgeFusePass : aidge::impl::AidgeFuseBase<AidgeFusePass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    RewritePatternSet patterns(context);
    patterns.add<FusePadIntoConv, FusePadIntoAvgPool, FoldBatchNorm,
                 FuseMatMulAdd, FuseActivation<ReLUOp>, FuseActivation<ClipOp>,
                 FuseActivation<LeakyReLUOp>, CollapseReshapeChain<ReshapeOp>,
                 CollapseReshapeChain<FlattenOp>>(context);
    // The ops' own canonicalizations; their folders (identity, no-op
    // reshape/flatten, reshape chains) run in the driver anyway.
    for (RegisteredOperationName op :
         context->getRegisteredOperationsByDialect(AidgeDialect::getDialectNamespace()))
      op.getCanonicalizationPatterns(patterns, context);

    GreedyRewriteConfig config;
    // Leave producers where they are, with their own locations: constant
    // CSE would hoist them to the top of the function and merge their names.
    config.enableConstantCSE(false);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns), config)))
      signalPassFailure();
  }
};
} // namespace
