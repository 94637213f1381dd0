//===- OpImporters.cpp - One handler per supported ONNX op type -----------===//
//
// Handlers translate ONNX semantics (defaults, auto_pad, attribute-to-input
// moves across opsets, negative axes) into the normalized aidge form.
//
//===----------------------------------------------------------------------===//

#include "NodeImporter.h"
#include "OpParameters.h"

#include "aidge/Dialect/Aidge/IR/AidgeOps.h"
#include "aidge/Import/ONNX/ImportONNX.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringMap.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::aidge;
using namespace mlir::aidge::onnx_import;

namespace {

/// Ops that can carry a fused activation; ONNX nodes never have one.
template <typename OpTy, typename = void>
struct HasActivation : std::false_type {};
template <typename OpTy>
struct HasActivation<OpTy, std::void_t<decltype(std::declval<OpTy>().getActivationAttr())>>
    : std::true_type {};

/// Creates an aidge op for the node and checks it: builds with the given
/// (placeholder) result types, re-infers them from the built op, verifies.
/// Any diagnostic becomes one error on the node, and the op is removed, so
/// a bad model never reaches the builders' fatal inference error.
template <typename OpTy, typename ResultTypes, typename... Args>
FailureOr<OpTy> createOp(NodeImporter &node, ResultTypes resultTypes,
                         Args &&...args) {
  OpTy op;
  if constexpr (HasActivation<OpTy>::value)
    op = OpTy::create(node.builder(), node.loc(), resultTypes,
                      std::forward<Args>(args)..., ActivationAttr());
  else
    op = OpTy::create(node.builder(), node.loc(), resultTypes,
                      std::forward<Args>(args)...);
  std::string message;
  LogicalResult result = success();
  {
    ScopedDiagnosticHandler capture(node.context(), [&](Diagnostic &diag) {
      if (message.empty())
        message = diag.str();
      return success();
    });
    if constexpr (OpTy::template hasTrait<InferTypeOpInterface::Trait>()) {
      SmallVector<Type> types;
      result = OpTy::inferReturnTypes(
          node.context(), node.loc(), op->getOperands(),
          op->getRawDictionaryAttrs(), op->getPropertiesStorage(),
          op->getRegions(), types);
      if (succeeded(result))
        for (auto [value, type] : llvm::zip(op->getResults(), types))
          value.setType(type);
    }
    if (succeeded(result))
      result = verify(op, /*verifyRecursively=*/false);
  }
  if (failed(result)) {
    op->erase();
    node.error() << message;
    return failure();
  }
  return op;
}

Type none(NodeImporter &node) { return node.builder().getNoneType(); }

/// Single-result op: build, check, bind output 0.
template <typename OpTy, typename... Args>
LogicalResult emitSingle(NodeImporter &node, Args &&...args) {
  FailureOr<OpTy> op = createOp<OpTy>(node, none(node), std::forward<Args>(args)...);
  if (failed(op))
    return failure();
  node.setOutput(0, op->getResult());
  return success();
}

LogicalResult requireInputs(NodeImporter &node, int minimum) {
  for (int i = 0; i < minimum; ++i)
    if (!node.hasInput(i))
      return node.error() << "expects at least " << minimum << " inputs";
  return success();
}

//===----------------------------------------------------------------------===//
// Sliding windows
//===----------------------------------------------------------------------===//

struct Window {
  SmallVector<int64_t> kernel, strides, dilations, pads;
};

/// An ints attribute, or `count` copies of `fill` when it is absent.
SmallVector<int64_t> intsOr(NodeImporter &node, StringRef name, size_t count,
                            int64_t fill) {
  std::vector<int64_t> values = node.getInts(name);
  if (values.empty())
    return SmallVector<int64_t>(count, fill);
  return SmallVector<int64_t>(values.begin(), values.end());
}

/// Decodes kernel_shape/strides/dilations/pads/auto_pad for `spatial` axes
/// of an input with spatial sizes `in`.
FailureOr<Window> decodeWindow(NodeImporter &node, ArrayRef<int64_t> in,
                               ArrayRef<int64_t> impliedKernel) {
  size_t spatial = in.size();
  Window w;
  std::vector<int64_t> kernel = node.getInts("kernel_shape");
  if (kernel.empty())
    kernel.assign(impliedKernel.begin(), impliedKernel.end());
  if (kernel.size() != spatial ||
      (!impliedKernel.empty() && !llvm::equal(kernel, impliedKernel)))
    return node.error() << "kernel_shape does not match the "
                        << (impliedKernel.empty() ? "input" : "weight"),
           failure();
  w.kernel.assign(kernel.begin(), kernel.end());
  w.strides = intsOr(node, "strides", spatial, 1);
  w.dilations = intsOr(node, "dilations", spatial, 1);
  if (w.strides.size() != spatial || w.dilations.size() != spatial)
    return node.error() << "strides and dilations need " << spatial
                        << " entries",
           failure();
  std::string autoPad = node.getString("auto_pad", "NOTSET");
  if (autoPad == "NOTSET") {
    w.pads = intsOr(node, "pads", 2 * spatial, 0);
    if (w.pads.size() != 2 * spatial)
      return node.error() << "pads need " << 2 * spatial << " entries",
             failure();
  } else if (autoPad == "VALID") {
    w.pads.assign(2 * spatial, 0);
  } else if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
    w.pads.assign(2 * spatial, 0);
    for (size_t i = 0; i < spatial; ++i) {
      if (w.strides[i] <= 0)
        return node.error() << "strides must be positive", failure();
      int64_t out = (in[i] + w.strides[i] - 1) / w.strides[i];
      int64_t total = std::max<int64_t>(
          0, (out - 1) * w.strides[i] + (w.kernel[i] - 1) * w.dilations[i] + 1 -
                 in[i]);
      int64_t small = total / 2;
      w.pads[i] = autoPad == "SAME_UPPER" ? small : total - small;
      w.pads[i + spatial] = total - w.pads[i];
    }
  } else {
    return node.error() << "unsupported auto_pad value '" << autoPad << "'",
           failure();
  }
  return w;
}

LogicalResult importConv(NodeImporter &node) {
  if (failed(requireInputs(node, 2)))
    return failure();
  RankedTensorType input = node.inputType(0), weight = node.inputType(1);
  if (input.getRank() < 3 || weight.getRank() != input.getRank())
    return node.error() << "expects input and weight of the same rank >= 3";
  FailureOr<Window> w = decodeWindow(node, input.getShape().drop_front(2),
                                     weight.getShape().drop_front(2));
  if (failed(w))
    return failure();
  Value bias = node.hasInput(2) ? node.input(2) : Value();
  return emitSingle<ConvOp>(node, node.input(0), node.input(1), bias,
                            w->strides, w->dilations, w->pads,
                            node.getInt("group", 1));
}

LogicalResult importConvTranspose(NodeImporter &node) {
  if (failed(requireInputs(node, 2)))
    return failure();
  RankedTensorType input = node.inputType(0), weight = node.inputType(1);
  // As for Conv, the verifier bounds the spatial rank.
  if (input.getRank() < 3 || weight.getRank() != input.getRank())
    return node.error() << "expects input and weight of the same rank >= 3";
  size_t spatial = input.getRank() - 2;
  std::string autoPad = node.getString("auto_pad", "NOTSET");
  std::vector<int64_t> outputShape = node.getInts("output_shape");
  // auto_pad SAME is decided from the output size, not the input's.
  if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
    if (outputShape.empty()) {
      std::vector<int64_t> strides = node.getInts("strides");
      for (size_t i = 0; i < spatial; ++i)
        outputShape.push_back(input.getDimSize(i + 2) *
                              (strides.empty() ? 1 : strides[i]));
    }
  } else if (autoPad != "NOTSET" && autoPad != "VALID") {
    return node.error() << "unsupported auto_pad value '" << autoPad << "'";
  }
  Window w;
  w.strides = intsOr(node, "strides", spatial, 1);
  w.dilations = intsOr(node, "dilations", spatial, 1);
  w.pads = autoPad == "VALID" ? SmallVector<int64_t>(2 * spatial, 0)
                              : intsOr(node, "pads", 2 * spatial, 0);
  w.kernel.assign(weight.getShape().begin() + 2, weight.getShape().end());
  if (w.strides.size() != spatial || w.dilations.size() != spatial ||
      w.pads.size() != 2 * spatial)
    return node.error() << "expects " << spatial << " strides, " << spatial
                        << " dilations and " << 2 * spatial << " pads";
  SmallVector<int64_t> outputPadding = intsOr(node, "output_padding", spatial, 0);
  if (outputPadding.size() != spatial)
    return node.error() << "expects " << spatial << " output paddings";
  if (!outputShape.empty()) {
    if (outputShape.size() != spatial && outputShape.size() != spatial + 2)
      return node.error() << "output_shape needs the " << spatial
                          << " spatial sizes";
    ArrayRef<int64_t> spatialOut = ArrayRef(outputShape).take_back(spatial);
    for (size_t i = 0; i < spatial; ++i) {
      int64_t total = w.strides[i] * (input.getDimSize(i + 2) - 1) +
                      outputPadding[i] + (w.kernel[i] - 1) * w.dilations[i] +
                      1 - spatialOut[i];
      // As the ONNX reference: floor division, begin pads take the larger
      // half unless SAME_UPPER.
      int64_t half = total >= 0 ? total / 2 : -((-total + 1) / 2);
      bool upper = autoPad == "SAME_UPPER";
      w.pads[i] = upper ? half : total - half;
      w.pads[i + spatial] = total - w.pads[i];
      // A larger output_shape than the kernel covers means negative end
      // padding: rows and columns of bias only, i.e. output padding.
      if (w.pads[i + spatial] < 0) {
        outputPadding[i] -= w.pads[i + spatial];
        w.pads[i + spatial] = 0;
      }
      if (w.pads[i] < 0)
        return node.error() << "output_shape needs a negative begin padding";
    }
  }
  Value bias = node.hasInput(2) ? node.input(2) : Value();
  return emitSingle<ConvTransposeOp>(node, node.input(0), node.input(1), bias,
                                     w.strides, w.dilations, w.pads,
                                     outputPadding, node.getInt("group", 1));
}

template <typename OpTy>
LogicalResult importPool(NodeImporter &node) {
  constexpr bool isMax = std::is_same_v<OpTy, MaxPoolOp>;
  if (failed(requireInputs(node, 1)) || failed(node.onlyOutputsUsed(isMax ? 2 : 1)))
    return failure();
  RankedTensorType input = node.inputType(0);
  if (input.getRank() < 3)
    return node.error() << "expects an input of rank 3 or more";
  FailureOr<Window> w = decodeWindow(node, input.getShape().drop_front(2), {});
  if (failed(w))
    return failure();
  bool ceil = node.getInt("ceil_mode", 0) != 0;
  if constexpr (isMax) {
    // storage_order only orders the Indices output.
    int64_t order = node.getInt("storage_order", 0);
    if (order != 0 && order != 1)
      return node.error() << "storage_order must be 0 or 1, not " << order;
    bool withIndices = node.hasOutput(1);
    FailureOr<MaxPoolOp> op = createOp<MaxPoolOp>(
        node, SmallVector<Type>(withIndices ? 2 : 1, none(node)), node.input(0),
        w->kernel, w->strides, w->dilations, w->pads, ceil, withIndices,
        withIndices && order == 1);
    if (failed(op))
      return failure();
    node.setOutput(0, op->getOutput());
    if (withIndices)
      node.setOutput(1, op->getIndices());
    return success();
  } else {
    return emitSingle<AvgPoolOp>(node, node.input(0), w->kernel, w->strides,
                                 w->dilations, w->pads, ceil,
                                 node.getInt("count_include_pad", 0) != 0);
  }
}

//===----------------------------------------------------------------------===//
// Dense layers
//===----------------------------------------------------------------------===//

LogicalResult importGemm(NodeImporter &node) {
  if (failed(requireInputs(node, node.opset() < 11 ? 3 : 2)))
    return failure();
  Value c = node.hasInput(2) ? node.input(2) : Value();
  return emitSingle<FCOp>(node, node.input(0), node.input(1), c,
                          node.getInt("transA", 0) != 0,
                          node.getInt("transB", 0) != 0,
                          APFloat(node.getFloat("alpha", 1.0f)),
                          APFloat(node.getFloat("beta", 1.0f)));
}

//===----------------------------------------------------------------------===//
// Element-wise ops
//===----------------------------------------------------------------------===//

template <typename OpTy>
LogicalResult importUnary(NodeImporter &node) {
  if (failed(requireInputs(node, 1)))
    return failure();
  Value x = node.input(0);
  FailureOr<OpTy> op = createOp<OpTy>(node, x.getType(), x);
  if (failed(op))
    return failure();
  node.setOutput(0, op->getResult());
  return success();
}

/// Before opset 7, BatchNormalization and Dropout infer only with
/// is_test=1. As ONNX's version converter does, an absent is_test counts as
/// inference too and an explicit 0 (training) is rejected.
LogicalResult requireTestMode(NodeImporter &node) {
  if (node.opset() < 7 && node.hasAttr("is_test") && !node.getInt("is_test", 0))
    return node.error() << "is_test=0 (training) is not supported";
  return success();
}

LogicalResult importDropout(NodeImporter &node) {
  // Inference-time Dropout is the identity; its mask output is not, nor
  // is training mode (opset 12 passes it as input 2), which is random.
  if (node.hasOutput(1))
    return node.error() << "output 1 ('" << node.node().output(1)
                        << "'), the bool mask, is not supported: bool tensors "
                           "are outside float32/int32/int64";
  if (failed(requireTestMode(node)))
    return failure();
  if (node.hasInput(2)) {
    FailureOr<std::vector<int64_t>> training = node.constantInts(2, "training_mode");
    if (failed(training))
      return failure();
    if (!training->empty() && training->front())
      return node.error() << "training_mode is not supported";
  }
  return importUnary<IdentityOp>(node);
}

LogicalResult importLeakyRelu(NodeImporter &node) {
  if (failed(requireInputs(node, 1)))
    return failure();
  Value x = node.input(0);
  FailureOr<LeakyReLUOp> op = createOp<LeakyReLUOp>(
      node, x.getType(), x, APFloat(node.getFloat("alpha", 0.01f)));
  if (failed(op))
    return failure();
  node.setOutput(0, op->getResult());
  return success();
}

LogicalResult importHardSigmoid(NodeImporter &node) {
  if (failed(requireInputs(node, 1)))
    return failure();
  Value x = node.input(0);
  FailureOr<HardSigmoidOp> op = createOp<HardSigmoidOp>(
      node, x.getType(), x, APFloat(node.getFloat("alpha", 0.2f)),
      APFloat(node.getFloat("beta", 0.5f)));
  if (failed(op))
    return failure();
  node.setOutput(0, op->getResult());
  return success();
}

LogicalResult importClip(NodeImporter &node) {
  if (failed(requireInputs(node, 1)))
    return failure();
  std::optional<float> lo, hi;
  if (node.opset() < 11) {
    // The attributes default to the float range (the schema's defaults
    // from opset 6, the documented ones before): both bounds apply, so
    // infinities clip to -FLT_MAX and FLT_MAX. From opset 11, as in ONNX's
    // reference, a missing input is no bound.
    lo = node.getFloat("min", std::numeric_limits<float>::lowest());
    hi = node.getFloat("max", std::numeric_limits<float>::max());
  } else {
    for (int i : {1, 2}) {
      if (!node.hasInput(i))
        continue;
      FailureOr<std::vector<double>> bound =
          node.constantDoubles(i, i == 1 ? "min" : "max");
      if (failed(bound))
        return failure();
      if (bound->size() != 1)
        return node.error() << "min and max must be scalars";
      (i == 1 ? lo : hi) = static_cast<float>(bound->front());
    }
  }
  Builder &b = node.builder();
  Value x = node.input(0);
  FailureOr<ClipOp> op = createOp<ClipOp>(
      node, x.getType(), x, lo ? b.getF32FloatAttr(*lo) : FloatAttr(),
      hi ? b.getF32FloatAttr(*hi) : FloatAttr());
  if (failed(op))
    return failure();
  node.setOutput(0, op->getResult());
  return success();
}

LogicalResult importSoftmax(NodeImporter &node) {
  if (failed(requireInputs(node, 1)))
    return failure();
  RankedTensorType type = node.inputType(0);
  int64_t rank = type.getRank();
  FailureOr<int64_t> axis =
      node.normalizeAxis(node.getInt("axis", node.opset() < 13 ? 1 : -1), rank);
  if (failed(axis))
    return failure();
  Value x = node.input(0);
  if (node.opset() >= 13 || *axis == rank - 1) {
    FailureOr<SoftmaxOp> op = createOp<SoftmaxOp>(node, x.getType(), x, *axis);
    if (failed(op))
      return failure();
    node.setOutput(0, op->getResult());
    return success();
  }
  // Before opset 13 Softmax normalizes over all dimensions from `axis` on,
  // as a 2-D matrix: flatten, softmax the rows, restore the shape.
  FailureOr<FlattenOp> flat = createOp<FlattenOp>(node, none(node), x, *axis);
  if (failed(flat))
    return failure();
  Value rows = flat->getResult();
  FailureOr<SoftmaxOp> softmax = createOp<SoftmaxOp>(node, rows.getType(), rows, 1);
  if (failed(softmax))
    return failure();
  FailureOr<ReshapeOp> restored =
      createOp<ReshapeOp>(node, type, softmax->getResult());
  if (failed(restored))
    return failure();
  node.setOutput(0, restored->getResult());
  return success();
}

template <typename OpTy>
LogicalResult importBinary(NodeImporter &node) {
  if (failed(requireInputs(node, 2)))
    return failure();
  Value rhs = node.input(1);
  RankedTensorType rhsType = node.inputType(1);
  FailureOr<SmallVector<int64_t>> shape = legacyBroadcastShape(
      node, node.inputType(0).getShape(), rhsType.getShape());
  if (failed(shape))
    return failure();
  if (*shape != rhsType.getShape()) {
    FailureOr<ReshapeOp> aligned =
        createOp<ReshapeOp>(node, rhsType.clone(*shape), rhs);
    if (failed(aligned))
      return failure();
    rhs = aligned->getResult();
  }
  return emitSingle<OpTy>(node, node.input(0), rhs);
}

/// Max and Min are variadic in ONNX: a left fold of binary ops.
template <typename OpTy>
LogicalResult importVariadic(NodeImporter &node) {
  if (failed(requireInputs(node, 1)))
    return failure();
  Value acc = node.input(0);
  if (node.numInputs() == 1) {
    FailureOr<IdentityOp> op = createOp<IdentityOp>(node, acc.getType(), acc);
    if (failed(op))
      return failure();
    acc = op->getResult();
  }
  for (int i = 1; i < node.numInputs(); ++i) {
    FailureOr<OpTy> op = createOp<OpTy>(node, none(node), acc, node.input(i));
    if (failed(op))
      return failure();
    acc = op->getResult();
  }
  node.setOutput(0, acc);
  return success();
}

/// The result of a one-result op built from `args`, or null after an error.
template <typename OpTy, typename... Args>
Value buildValue(NodeImporter &node, Type type, Args &&...args) {
  FailureOr<OpTy> op = createOp<OpTy>(node, type, std::forward<Args>(args)...);
  return succeeded(op) ? op->getResult() : Value();
}

/// training_mode=1 normalises with the batch's own statistics, and outputs
/// 1 and 2 are the updated running ones. As ONNX's reference computes them,
/// over every axis but 1 (channels):
///   batch_mean = mean(x), batch_var = mean((x - batch_mean)^2) (population);
///   y = scale * (x - batch_mean) / sqrt(batch_var + epsilon) + bias;
///   running_mean = mean * momentum + batch_mean * (1 - momentum), and the
///   same for var.
/// aidge.batch_norm takes constant statistics, so this is built from
/// reduce_mean and element-wise ops.
LogicalResult importBatchNormTraining(NodeImporter &node) {
  RankedTensorType type = node.inputType(0);
  int64_t rank = type.getRank();
  if (rank < 2)
    return node.error() << "training_mode expects an input of rank 2 or more";
  Type element = type.getElementType();
  SmallVector<int64_t> axes{0};
  for (int64_t i = 2; i < rank; ++i)
    axes.push_back(i);
  OpBuilder &b = node.builder();
  auto scalar = [&](double value) -> Value {
    auto one = RankedTensorType::get({1}, element);
    return ProducerOp::create(b, node.loc(),
                              DenseElementsAttr::get(one, b.getFloatAttr(element, value)));
  };
  // [C] parameters broadcast against x as [C, 1, ...].
  SmallVector<int64_t> column(rank - 1, 1);
  column[0] = type.getDimSize(1);
  auto asColumn = [&](Value v) {
    return buildValue<ReshapeOp>(node, RankedTensorType::get(column, element), v);
  };
  Value x = node.input(0), mean, centered, squares, var, deviation, normal,
        scaled, y;
  // Each step stops at the first op that fails (after its error).
  if (!(mean = buildValue<ReduceMeanOp>(node, none(node), x, axes, true)) ||
      !(centered = buildValue<SubOp>(node, none(node), x, mean)) ||
      !(squares = buildValue<MulOp>(node, none(node), centered, centered)) ||
      !(var = buildValue<ReduceMeanOp>(node, none(node), squares, axes, true)) ||
      !(deviation = buildValue<AddOp>(node, none(node), var,
                                      scalar(node.getFloat("epsilon", 1e-5f)))) ||
      !(deviation = buildValue<SqrtOp>(node, deviation.getType(), deviation)) ||
      !(normal = buildValue<DivOp>(node, none(node), centered, deviation)) ||
      !(scaled = asColumn(node.input(1))) ||
      !(scaled = buildValue<MulOp>(node, none(node), normal, scaled)) ||
      !(y = asColumn(node.input(2))) ||
      !(y = buildValue<AddOp>(node, none(node), scaled, y)))
    return failure();
  node.setOutput(0, y);
  if (!node.hasOutput(1) && !node.hasOutput(2))
    return success();
  float momentum = node.getFloat("momentum", 0.9f);
  Value keep = scalar(momentum), take = scalar(1.0 - momentum);
  for (auto [output, batch, running] :
       {std::tuple(1, mean, node.input(3)), std::tuple(2, var, node.input(4))}) {
    if (!node.hasOutput(output))
      continue;
    Value flat, kept, updated;
    if (!(flat = buildValue<ReshapeOp>(node, running.getType(), batch)) ||
        !(flat = buildValue<MulOp>(node, none(node), flat, take)) ||
        !(kept = buildValue<MulOp>(node, none(node), running, keep)) ||
        !(updated = buildValue<AddOp>(node, none(node), kept, flat)))
      return failure();
    node.setOutput(output, updated);
  }
  return success();
}

LogicalResult importBatchNorm(NodeImporter &node) {
  if (failed(requireInputs(node, 5)) || failed(requireTestMode(node)))
    return failure();
  if (node.getInt("training_mode", 0) != 0)
    return importBatchNormTraining(node);
  if (failed(node.onlyOutputsUsed(1)))
    return failure();
  if (node.opset() < 9 && node.getInt("spatial", 1) != 1)
    return node.error() << "spatial=0 is not supported";
  return emitSingle<BatchNormOp>(node, node.input(0), node.input(1),
                                 node.input(2), node.input(3), node.input(4),
                                 APFloat(node.getFloat("epsilon", 1e-5f)));
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

LogicalResult importConcat(NodeImporter &node) {
  if (failed(requireInputs(node, 1)))
    return failure();
  FailureOr<int64_t> axis = concatAxis(node, node.inputType(0).getRank());
  if (failed(axis))
    return failure();
  SmallVector<Value> inputs;
  for (int i = 0; i < node.numInputs(); ++i)
    if (node.hasInput(i))
      inputs.push_back(node.input(i));
  return emitSingle<ConcatOp>(node, inputs, *axis);
}

LogicalResult importTranspose(NodeImporter &node) {
  if (failed(requireInputs(node, 1)))
    return failure();
  FailureOr<SmallVector<int64_t>> perm =
      transposePerm(node, node.inputType(0).getRank());
  if (failed(perm))
    return failure();
  return emitSingle<TransposeOp>(node, node.input(0), *perm);
}

/// Ops that only change the shape become aidge ops of the resolved shape.
template <typename OpTy, typename... Args>
LogicalResult emitShaped(NodeImporter &node, Args &&...args) {
  return emitSingle<OpTy>(node, node.input(0), std::forward<Args>(args)...);
}

LogicalResult importReshape(NodeImporter &node) {
  if (failed(requireInputs(node, node.opset() < 5 ? 1 : 2)))
    return failure();
  RankedTensorType type = node.inputType(0);
  FailureOr<SmallVector<int64_t>> shape = reshapeTarget(node, type.getShape());
  if (failed(shape))
    return failure();
  FailureOr<ReshapeOp> op = createOp<ReshapeOp>(
      node, RankedTensorType::get(*shape, type.getElementType()), node.input(0));
  if (failed(op))
    return failure();
  node.setOutput(0, op->getResult());
  return success();
}

LogicalResult importFlatten(NodeImporter &node) {
  if (failed(requireInputs(node, 1)))
    return failure();
  FailureOr<int64_t> axis = flattenAxis(node, node.inputType(0).getRank());
  if (failed(axis))
    return failure();
  return emitShaped<FlattenOp>(node, *axis);
}

LogicalResult importSqueeze(NodeImporter &node) {
  if (failed(requireInputs(node, 1)))
    return failure();
  FailureOr<SmallVector<int64_t>> axes =
      squeezeAxes(node, node.inputType(0).getShape());
  if (failed(axes))
    return failure();
  return emitShaped<SqueezeOp>(node, *axes);
}

LogicalResult importUnsqueeze(NodeImporter &node) {
  if (failed(requireInputs(node, 1)))
    return failure();
  FailureOr<SmallVector<int64_t>> axes =
      unsqueezeAxes(node, node.inputType(0).getRank());
  if (failed(axes))
    return failure();
  return emitShaped<UnsqueezeOp>(node, *axes);
}

LogicalResult importPad(NodeImporter &node) {
  if (failed(requireInputs(node, 1)))
    return failure();
  int64_t rank = node.inputType(0).getRank();
  std::string modeName = node.getString("mode", "constant");
  std::optional<PadMode> mode = symbolizePadMode(modeName);
  if (!mode)
    return node.error() << "unsupported mode '" << modeName << "'";
  std::vector<int64_t> pads;
  double value = 0;
  if (node.opset() < 11) {
    // Opset 1 names them `paddings`, in the same order.
    pads = node.getInts(node.opset() < 2 ? "paddings" : "pads");
    value = node.getFloat("value", 0.0f);
  } else {
    FailureOr<std::vector<int64_t>> given = node.constantInts(1, "pads");
    if (failed(given))
      return failure();
    pads = *given;
    if (node.hasInput(2)) {
      FailureOr<std::vector<double>> v = node.constantDoubles(2, "constant_value");
      if (failed(v))
        return failure();
      if (v->size() != 1)
        return node.error() << "constant_value must be a scalar";
      value = v->front();
    }
  }
  // Opset 18 pads only the listed axes; spread them over every dimension.
  if (node.opset() >= 18 && node.hasInput(3)) {
    FailureOr<std::vector<int64_t>> axes = node.constantInts(3, "axes");
    if (failed(axes))
      return failure();
    if (pads.size() != 2 * axes->size())
      return node.error() << "pads need two entries per axis";
    std::vector<int64_t> full(2 * rank, 0);
    for (size_t i = 0; i < axes->size(); ++i) {
      FailureOr<int64_t> axis = node.normalizeAxis((*axes)[i], rank);
      if (failed(axis))
        return failure();
      full[*axis] = pads[i];
      full[*axis + rank] = pads[i + axes->size()];
    }
    pads = full;
  }
  if ((int64_t)pads.size() != 2 * rank)
    return node.error() << "pads need " << 2 * rank << " entries";
  return emitSingle<PadOp>(node, node.input(0), pads, *mode,
                           APFloat(static_cast<float>(value)));
}

LogicalResult importSlice(NodeImporter &node) {
  if (failed(requireInputs(node, 1)))
    return failure();
  FailureOr<SliceBounds> bounds = sliceBounds(node, node.inputType(0).getShape());
  if (failed(bounds))
    return failure();
  return emitSingle<SliceOp>(node, node.input(0), bounds->starts, bounds->ends,
                             bounds->steps);
}

LogicalResult importSplit(NodeImporter &node) {
  if (failed(requireInputs(node, 1)))
    return failure();
  RankedTensorType type = node.inputType(0);
  // Opset 1 gives the axis no default.
  if (node.opset() < 2 && !node.hasAttr("axis"))
    return node.error() << "needs an axis";
  FailureOr<int64_t> axis = node.normalizeAxis(node.getInt("axis", 0), type.getRank());
  if (failed(axis))
    return failure();
  int64_t dim = type.getDimSize(*axis);
  std::vector<int64_t> split;
  // The sizes are an attribute from opset 2 to 12; opset 1 also takes them
  // from an optional input, as opset 13 does.
  bool splitInput = node.opset() >= 13 || (node.opset() < 2 && node.hasInput(1));
  if (!splitInput) {
    split = node.getInts("split");
  } else if (node.hasInput(1)) {
    FailureOr<std::vector<int64_t>> given = node.constantInts(1, "split");
    if (failed(given))
      return failure();
    split = *given;
  }
  if (split.empty()) {
    // Equal chunks, the last one smaller (num_outputs in opset 18).
    int64_t parts = node.opset() >= 18 && node.hasAttr("num_outputs")
                        ? node.getInt("num_outputs", 1)
                        : node.numOutputs();
    if (parts <= 0 || parts > dim)
      return node.error() << "cannot split " << dim << " elements in " << parts
                          << " parts";
    int64_t chunk = (dim + parts - 1) / parts;
    for (int64_t start = 0; start < dim; start += chunk)
      split.push_back(std::min(chunk, dim - start));
  }
  if ((int64_t)split.size() != node.numOutputs())
    return node.error() << "has " << node.numOutputs() << " outputs but "
                        << split.size() << " split sizes";
  FailureOr<SplitOp> op = createOp<SplitOp>(
      node, SmallVector<Type>(split.size(), none(node)), node.input(0), *axis,
      split);
  if (failed(op))
    return failure();
  for (int i = 0; i < node.numOutputs(); ++i)
    node.setOutput(i, op->getResult(i));
  return success();
}

LogicalResult importGather(NodeImporter &node) {
  if (failed(requireInputs(node, 2)))
    return failure();
  RankedTensorType type = node.inputType(0);
  if (type.getRank() < 1)
    return node.error() << "data must have rank 1 or more";
  if (!node.constantInput(1)) {
    // Indices computed at run time (an embedding lookup): the kernel
    // resolves negative ones.
    if (!node.inputType(1).getElementType().isInteger(32) &&
        !node.inputType(1).getElementType().isInteger(64))
      return node.error() << "indices must be int32 or int64";
    FailureOr<int64_t> axis =
        node.normalizeAxis(node.getInt("axis", 0), type.getRank());
    if (failed(axis))
      return failure();
    return emitSingle<GatherOp>(node, node.input(0), node.input(1), *axis);
  }
  FailureOr<GatherParams> params = gatherParams(node, type.getShape());
  if (failed(params))
    return failure();
  // The normalized indices replace the model's (which may be negative).
  auto loc = NameLoc::get(node.builder().getStringAttr(node.node().input(1)));
  Value indices = ProducerOp::create(
      node.builder(), loc,
      params->indices.toAttr(node.context(), node.node().input(1)));
  return emitSingle<GatherOp>(node, node.input(0), indices, params->axis);
}

template <typename OpTy>
LogicalResult importReduce(NodeImporter &node) {
  if (failed(requireInputs(node, 1)))
    return failure();
  int64_t rank = node.inputType(0).getRank();
  // Axes became an input in opset 13 for ReduceSum, 18 for the others.
  int64_t inputSince = std::is_same_v<OpTy, ReduceSumOp> ? 13 : 18;
  std::vector<int64_t> axes;
  if (node.opset() < inputSince) {
    axes = node.getInts("axes");
  } else if (node.hasInput(1)) {
    FailureOr<std::vector<int64_t>> given = node.constantInts(1, "axes");
    if (failed(given))
      return failure();
    axes = *given;
  }
  if (axes.empty()) {
    if (node.opset() >= inputSince && node.getInt("noop_with_empty_axes", 0))
      return importUnary<IdentityOp>(node);
    for (int64_t d = 0; d < rank; ++d)
      axes.push_back(d);
  }
  FailureOr<SmallVector<int64_t>> normalized = node.normalizeAxes(axes, rank);
  if (failed(normalized))
    return failure();
  return emitSingle<OpTy>(node, node.input(0), *normalized,
                          node.getInt("keepdims", 1) != 0);
}

LogicalResult importResize(NodeImporter &node) {
  if (failed(requireInputs(node, node.opset() < 11 ? 2 : 1)))
    return failure();
  RankedTensorType type = node.inputType(0);
  int64_t rank = type.getRank();
  std::string modeName = node.getString("mode", "nearest");
  std::optional<ResizeMode> mode = symbolizeResizeMode(modeName);
  if (!mode)
    return node.error() << "unsupported mode '" << modeName << "'";
  std::string ctmName = node.getString(
      "coordinate_transformation_mode",
      node.opset() < 11 ? "asymmetric" : "half_pixel");
  std::optional<CoordinateTransform> ctm = symbolizeCoordinateTransform(ctmName);
  if (!ctm)
    return node.error() << "unsupported coordinate_transformation_mode '"
                        << ctmName << "'";
  std::string nearestName = node.getString("nearest_mode", "round_prefer_floor");
  // Opset 10 Resize rounds nearest down.
  if (node.opset() < 11)
    nearestName = "floor";
  std::optional<NearestMode> nearest = symbolizeNearestMode(nearestName);
  if (!nearest)
    return node.error() << "unsupported nearest_mode '" << nearestName << "'";
  if (node.getInt("antialias", 0))
    return node.error() << "antialias is not supported";
  if (node.hasAttr("axes"))
    return node.error() << "the axes attribute is not supported";
  if (node.getString("keep_aspect_ratio_policy", "stretch") != "stretch")
    return node.error() << "keep_aspect_ratio_policy other than stretch is "
                           "not supported";

  // tf_crop_and_resize resamples the region `roi` (input 1 from opset 11):
  // per dimension its start, then per dimension its end.
  bool crop = *ctm == CoordinateTransform::tf_crop_and_resize;
  std::optional<SmallVector<float>> roi;
  if (crop) {
    const HostTensor *roiTensor = node.opset() >= 11 ? node.constantInput(1) : nullptr;
    if (!roiTensor)
      return node.error() << "tf_crop_and_resize needs a roi known at compile time";
    roi.emplace();
    for (double v : roiTensor->toDoubles())
      roi->push_back(static_cast<float>(v));
    if ((int64_t)roi->size() != 2 * rank)
      return node.error() << "needs a roi of " << 2 * rank << " values";
  }

  int scalesInput = node.opset() < 11 ? 1 : 2;
  SmallVector<double> scales;
  SmallVector<int64_t> outShape;
  const HostTensor *scalesTensor = node.constantInput(scalesInput);
  const HostTensor *sizesTensor = node.opset() >= 11 ? node.constantInput(3) : nullptr;
  if (node.hasInput(scalesInput) && !scalesTensor)
    return node.error() << "scales must be known at compile time";
  if (node.hasInput(3) && !sizesTensor)
    return node.error() << "sizes must be known at compile time";
  if (scalesTensor && scalesTensor->numElements() > 0) {
    // ONNX computes with the float scales as given.
    for (double s : scalesTensor->toDoubles())
      scales.push_back(static_cast<float>(s));
    if ((int64_t)scales.size() != rank)
      return node.error() << "needs one scale per dimension";
    for (int64_t d = 0; d < rank; ++d) {
      if (!(scales[d] > 0))
        return node.error() << "scales must be positive";
      // As ONNX's shape inference, also for tf_crop_and_resize: the roi
      // does not change the output size.
      outShape.push_back(static_cast<int64_t>(
          std::floor(type.getDimSize(d) * scales[d])));
    }
  } else if (sizesTensor) {
    std::vector<int64_t> sizes = sizesTensor->toInts();
    if ((int64_t)sizes.size() != rank)
      return node.error() << "needs one size per dimension";
    for (int64_t d = 0; d < rank; ++d) {
      if (sizes[d] <= 0)
        return node.error() << "sizes must be positive";
      outShape.push_back(sizes[d]);
      scales.push_back(static_cast<double>(sizes[d]) / type.getDimSize(d));
    }
  } else {
    return node.error() << "needs scales or sizes";
  }
  FailureOr<ResizeOp> op = createOp<ResizeOp>(
      node, RankedTensorType::get(outShape, type.getElementType()),
      node.input(0), scales, *mode, *ctm, *nearest,
      APFloat(node.getFloat("cubic_coeff_a", -0.75f)),
      node.getInt("exclude_outside", 0) != 0,
      APFloat(node.getFloat("extrapolation_value", 0.0f)),
      roi ? DenseF32ArrayAttr::get(node.context(), *roi) : DenseF32ArrayAttr());
  if (failed(op))
    return failure();
  node.setOutput(0, op->getResult());
  return success();
}

LogicalResult importCast(NodeImporter &node) {
  if (failed(requireInputs(node, 1)))
    return failure();
  FailureOr<int32_t> to = castTarget(node);
  if (failed(to))
    return failure();
  Type elem = elementType(node.context(), *to);
  if (!elem)
    return node.error() << "cast to " << dataTypeName(*to) << " is not supported";
  RankedTensorType type = node.inputType(0);
  FailureOr<CastOp> op =
      createOp<CastOp>(node, type.clone(elem), node.input(0));
  if (failed(op))
    return failure();
  node.setOutput(0, op->getResult());
  return success();
}

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

struct HandlerEntry {
  SupportedONNXOp info;
  OpHandler handler;
};

const HandlerEntry kHandlers[] = {
    {{"Abs", 1, false}, importUnary<AbsOp>},
    {{"Add", 1, false}, importBinary<AddOp>},
    {{"AveragePool", 1, false}, importPool<AvgPoolOp>},
    {{"BatchNormalization", 1, false}, importBatchNorm},
    {{"Cast", 1, false}, importCast},
    {{"Clip", 1, false}, importClip},
    {{"Concat", 1, false}, importConcat},
    {{"Conv", 1, false}, importConv},
    {{"ConvTranspose", 1, false}, importConvTranspose},
    {{"Div", 1, false}, importBinary<DivOp>},
    {{"Dropout", 1, false}, importDropout},
    {{"Erf", 9, false}, importUnary<ErfOp>},
    {{"Exp", 1, false}, importUnary<ExpOp>},
    {{"Flatten", 1, false}, importFlatten},
    {{"Gather", 1, false}, importGather},
    {{"Gemm", 1, false}, importGemm},
    {{"GlobalAveragePool", 1, false}, emitShaped<GlobalAveragePoolOp>},
    {{"GlobalMaxPool", 1, false}, emitShaped<GlobalMaxPoolOp>},
    {{"HardSigmoid", 1, false}, importHardSigmoid},
    {{"HardSwish", 14, false}, importUnary<HardSwishOp>},
    {{"Identity", 1, false}, importUnary<IdentityOp>},
    {{"LeakyRelu", 1, false}, importLeakyRelu},
    {{"MatMul", 1, false}, importBinary<MatMulOp>},
    {{"Max", 1, false}, importVariadic<MaxOp>},
    {{"MaxPool", 1, false}, importPool<MaxPoolOp>},
    {{"Min", 1, false}, importVariadic<MinOp>},
    {{"Mul", 1, false}, importBinary<MulOp>},
    {{"Neg", 1, false}, importUnary<NegOp>},
    {{"Pad", 1, false}, importPad},
    {{"Pow", 1, false}, importBinary<PowOp>},
    {{"ReduceMax", 1, false}, importReduce<ReduceMaxOp>},
    {{"ReduceMean", 1, false}, importReduce<ReduceMeanOp>},
    {{"ReduceSum", 1, false}, importReduce<ReduceSumOp>},
    {{"Relu", 1, false}, importUnary<ReLUOp>},
    {{"Reshape", 1, false}, importReshape},
    {{"Resize", 10, false}, importResize},
    {{"Sigmoid", 1, false}, importUnary<SigmoidOp>},
    {{"Slice", 1, false}, importSlice},
    {{"Softmax", 1, false}, importSoftmax},
    {{"Split", 1, false}, importSplit},
    {{"Sqrt", 1, false}, importUnary<SqrtOp>},
    {{"Squeeze", 1, false}, importSqueeze},
    {{"Sub", 1, false}, importBinary<SubOp>},
    {{"Tanh", 1, false}, importUnary<TanhOp>},
    {{"Transpose", 1, false}, importTranspose},
    {{"Unsqueeze", 1, false}, importUnsqueeze},
};

const SupportedONNXOp kFoldOnly[] = {
    {"Ceil", 1, true},       {"Constant", 1, true},   {"ConstantOfShape", 9, true},
    {"Equal", 1, true},      {"Expand", 8, true},     {"Floor", 1, true},
    {"Greater", 1, true},    {"Less", 1, true},       {"Not", 1, true},
    {"Range", 11, true},     {"ReduceProd", 1, true}, {"Shape", 1, true},
    {"Size", 1, true},       {"Where", 9, true},
};

} // namespace

OpHandler mlir::aidge::onnx_import::lookupOpHandler(StringRef opType) {
  for (const HandlerEntry &entry : kHandlers)
    if (entry.info.opType == opType)
      return entry.handler;
  return nullptr;
}

ArrayRef<SupportedONNXOp> mlir::aidge::getSupportedONNXOps() {
  static const std::vector<SupportedONNXOp> table = [] {
    std::vector<SupportedONNXOp> all;
    for (const HandlerEntry &entry : kHandlers)
      all.push_back(entry.info);
    all.insert(all.end(), std::begin(kFoldOnly), std::end(kFoldOnly));
    llvm::sort(all, [](const SupportedONNXOp &a, const SupportedONNXOp &b) {
      return a.opType < b.opType;
    });
    return all;
  }();
  return table;
}
