//===- AidgeOps.cpp - aidge operators: type inference and verifiers -------===//
//
// Inferred ops check their attributes while inferring: the
// InferTypeOpInterface verifier runs before an op's own verify(), so bad
// attributes must be reported here rather than crash the shape arithmetic.
//
//===----------------------------------------------------------------------===//

#include "aidge/Dialect/Aidge/IR/AidgeOps.h"
#include "aidge/Dialect/Aidge/IR/DataFormat.h"
#include "aidge/Dialect/Aidge/IR/ShapeInference.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallSet.h"

using namespace mlir;
using namespace mlir::aidge;

namespace {
/// Reports inference failures with the same "'op' op ..." prefix that
/// emitOpError uses, so diagnostics read alike whichever check fires.
class InferenceError {
public:
  InferenceError(std::optional<Location> loc, StringRef opName)
      : loc(loc), opName(opName) {}

  template <typename... Args>
  LogicalResult operator()(Args &&...args) const {
    return emitOptionalError(loc, "'", opName, "' op ",
                             std::forward<Args>(args)...);
  }

private:
  std::optional<Location> loc;
  StringRef opName;
};
} // namespace

static RankedTensorType tensorType(Value value) {
  return cast<RankedTensorType>(value.getType());
}

/// `type` with another shape. A result of the same rank keeps the operand's
/// data format: ops that do not look for the channels work on the stored
/// order, so their result is stored like their operand.
static RankedTensorType withShape(RankedTensorType type,
                                  ArrayRef<int64_t> shape) {
  Attribute encoding;
  if ((int64_t)shape.size() == type.getRank())
    encoding = type.getEncoding();
  return RankedTensorType::get(shape, type.getElementType(), encoding);
}

/// The result of a channel-aware op, computed in the default order, stored
/// in the format of its input.
static RankedTensorType inFormatOf(RankedTensorType input,
                                   ArrayRef<int64_t> shape) {
  return getTensorInFormat(shape, input.getElementType(), getDataFormat(input));
}

static bool allPositive(ArrayRef<int64_t> values) {
  return llvm::all_of(values, [](int64_t v) { return v > 0; });
}

static bool allNonNegative(ArrayRef<int64_t> values) {
  return llvm::all_of(values, [](int64_t v) { return v >= 0; });
}

//===----------------------------------------------------------------------===//
// ProducerOp
//===----------------------------------------------------------------------===//

LogicalResult ProducerOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                           Adaptor adaptor,
                                           SmallVectorImpl<Type> &types) {
  auto type = dyn_cast<RankedTensorType>(adaptor.getValue().getType());
  if (!type || !type.hasStaticShape())
    return InferenceError(loc, getOperationName())(
        "value must be a statically shaped tensor");
  types.push_back(type);
  return success();
}

//===----------------------------------------------------------------------===//
// Convolutions and dense layers
//===----------------------------------------------------------------------===//

/// Checks the window attributes shared by convolutions, transposed
/// convolutions and pooling: up to 3 spatial dimensions, as far as the
/// reference interpreter and the cpp kernels go.
static LogicalResult verifyWindow(const InferenceError &error,
                                  int64_t spatialRank,
                                  ArrayRef<int64_t> strides,
                                  ArrayRef<int64_t> dilations,
                                  ArrayRef<int64_t> pads) {
  if (spatialRank < 1 || spatialRank > 3)
    return error("supports 1-D to 3-D windows only, got ", spatialRank,
                 " spatial dimensions");
  if ((int64_t)strides.size() != spatialRank || !allPositive(strides))
    return error("expects ", spatialRank, " positive strides");
  if ((int64_t)dilations.size() != spatialRank || !allPositive(dilations))
    return error("expects ", spatialRank, " positive dilations");
  if ((int64_t)pads.size() != 2 * spatialRank || !allNonNegative(pads))
    return error("expects ", 2 * spatialRank, " non-negative pads");
  return success();
}

LogicalResult ConvOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                       Adaptor adaptor,
                                       SmallVectorImpl<Type> &types) {
  InferenceError error(loc, getOperationName());
  RankedTensorType input = tensorType(adaptor.getInput());
  SmallVector<int64_t> in = getDefaultOrderShape(input);
  SmallVector<int64_t> w = getDefaultOrderShape(tensorType(adaptor.getWeight()));
  int64_t spatial = input.getRank() - 2;
  if (failed(verifyWindow(error, spatial, adaptor.getStrides(),
                          adaptor.getDilations(), adaptor.getPads())))
    return failure();
  if (w.size() != in.size())
    return error("expects a weight of rank ", in.size(), ", got ", w.size());
  int64_t group = adaptor.getGroupAttr().getInt();
  if (group < 1 || in[1] % group != 0 || w[0] % group != 0)
    return error("group ", group,
                 " must divide the input and output channels (", in[1], ", ",
                 w[0], ")");
  if (w[1] * group != in[1])
    return error("weight has ", w[1], " input channels per group, expected ",
                 in[1] / group);
  if (Value bias = adaptor.getBias()) {
    ArrayRef<int64_t> b = tensorType(bias).getShape();
    if (b.size() != 1 || b[0] != w[0])
      return error("expects a bias of ", w[0], " elements");
  }
  SmallVector<int64_t> out{in[0], w[0]};
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t size = slidingWindowOutputSize(
        in[i + 2], w[i + 2], adaptor.getStrides()[i], adaptor.getDilations()[i],
        adaptor.getPads()[i], adaptor.getPads()[i + spatial]);
    if (size < 1)
      return error("kernel does not fit the padded input along spatial axis ", i);
    out.push_back(size);
  }
  types.push_back(inFormatOf(input, out));
  return success();
}

LogicalResult ConvTransposeOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<Type> &types) {
  InferenceError error(loc, getOperationName());
  RankedTensorType input = tensorType(adaptor.getInput());
  SmallVector<int64_t> in = getDefaultOrderShape(input);
  SmallVector<int64_t> w = getDefaultOrderShape(tensorType(adaptor.getWeight()));
  int64_t spatial = input.getRank() - 2;
  if (failed(verifyWindow(error, spatial, adaptor.getStrides(),
                          adaptor.getDilations(), adaptor.getPads())))
    return failure();
  if (w.size() != in.size())
    return error("expects a weight of rank ", in.size(), ", got ", w.size());
  ArrayRef<int64_t> outputPadding = adaptor.getOutputPadding();
  if ((int64_t)outputPadding.size() != spatial || !allNonNegative(outputPadding))
    return error("expects ", spatial, " non-negative output paddings");
  int64_t group = adaptor.getGroupAttr().getInt();
  if (group < 1 || in[1] % group != 0 || w[0] != in[1])
    return error("weight must have ", in[1],
                 " input channels and group must divide them");
  int64_t outChannels = w[1] * group;
  if (Value bias = adaptor.getBias()) {
    ArrayRef<int64_t> b = tensorType(bias).getShape();
    if (b.size() != 1 || b[0] != outChannels)
      return error("expects a bias of ", outChannels, " elements");
  }
  SmallVector<int64_t> out{in[0], outChannels};
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t size = transposedConvOutputSize(
        in[i + 2], w[i + 2], adaptor.getStrides()[i], adaptor.getDilations()[i],
        adaptor.getPads()[i], adaptor.getPads()[i + spatial], outputPadding[i]);
    if (size < 1)
      return error("output is empty along spatial axis ", i);
    out.push_back(size);
  }
  types.push_back(inFormatOf(input, out));
  return success();
}

LogicalResult FCOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                     Adaptor adaptor,
                                     SmallVectorImpl<Type> &types) {
  InferenceError error(loc, getOperationName());
  RankedTensorType aType = tensorType(adaptor.getA());
  ArrayRef<int64_t> a = aType.getShape();
  ArrayRef<int64_t> b = tensorType(adaptor.getB()).getShape();
  if (a.size() != 2 || b.size() != 2)
    return error("expects 2-D operands");
  int64_t m = adaptor.getTransA() ? a[1] : a[0];
  int64_t ka = adaptor.getTransA() ? a[0] : a[1];
  int64_t kb = adaptor.getTransB() ? b[1] : b[0];
  int64_t n = adaptor.getTransB() ? b[0] : b[1];
  if (ka != kb)
    return error("inner dimensions differ: ", ka, " vs ", kb);
  SmallVector<int64_t> out{m, n};
  if (Value c = adaptor.getC())
    if (!isUnidirectionallyBroadcastable(tensorType(c).getShape(), out))
      return error("c does not broadcast to ", m, "x", n);
  types.push_back(withShape(aType, out));
  return success();
}

LogicalResult MatMulOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  RankedTensorType lhs = tensorType(adaptor.getLhs());
  auto shape = matmulShape(lhs.getShape(), tensorType(adaptor.getRhs()).getShape());
  if (!shape)
    return InferenceError(loc, getOperationName())("operand shapes are incompatible");
  types.push_back(withShape(lhs, *shape));
  return success();
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

template <typename Adaptor>
static LogicalResult inferPool(const InferenceError &error, Adaptor adaptor,
                               SmallVectorImpl<Type> &types) {
  RankedTensorType input = tensorType(adaptor.getInput());
  SmallVector<int64_t> in = getDefaultOrderShape(input);
  int64_t spatial = input.getRank() - 2;
  ArrayRef<int64_t> kernel = adaptor.getKernelShape();
  if (failed(verifyWindow(error, spatial, adaptor.getStrides(),
                          adaptor.getDilations(), adaptor.getPads())))
    return failure();
  if ((int64_t)kernel.size() != spatial || !allPositive(kernel))
    return error("expects ", spatial, " positive kernel sizes");
  ArrayRef<int64_t> pads = adaptor.getPads();
  SmallVector<int64_t> out{in[0], in[1]};
  for (int64_t i = 0; i < spatial; ++i) {
    if (pads[i] >= kernel[i] || pads[i + spatial] >= kernel[i])
      return error("pads must be smaller than the kernel");
    int64_t size = slidingWindowOutputSize(
        in[i + 2], kernel[i], adaptor.getStrides()[i], adaptor.getDilations()[i],
        pads[i], pads[i + spatial], adaptor.getCeilMode());
    if (size < 1)
      return error("window does not fit the padded input along spatial axis ", i);
    out.push_back(size);
  }
  types.push_back(inFormatOf(input, out));
  return success();
}

LogicalResult MaxPoolOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &types) {
  InferenceError error(loc, getOperationName());
  if (adaptor.getColumnMajor() && !adaptor.getWithIndices())
    return error("column_major orders indices, so needs with_indices");
  if (failed(inferPool(error, adaptor, types)))
    return failure();
  // The indices are laid out like the output, in i64.
  if (adaptor.getWithIndices())
    types.push_back(cast<RankedTensorType>(types.front())
                        .clone(IntegerType::get(adaptor.getInput().getContext(), 64)));
  return success();
}

LogicalResult AvgPoolOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &types) {
  return inferPool(InferenceError(loc, getOperationName()), adaptor, types);
}

static LogicalResult inferGlobalPool(const InferenceError &error, Value input,
                                     SmallVectorImpl<Type> &types) {
  RankedTensorType type = tensorType(input);
  if (type.getRank() < 3)
    return error("expects an input of rank 3 or more");
  SmallVector<int64_t> out = getDefaultOrderShape(type);
  std::fill(out.begin() + 2, out.end(), 1);
  types.push_back(inFormatOf(type, out));
  return success();
}

LogicalResult GlobalAveragePoolOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<Type> &types) {
  return inferGlobalPool(InferenceError(loc, getOperationName()),
                         adaptor.getInput(), types);
}

LogicalResult GlobalMaxPoolOp::inferReturnTypes(
    MLIRContext *, std::optional<Location> loc, Adaptor adaptor,
    SmallVectorImpl<Type> &types) {
  return inferGlobalPool(InferenceError(loc, getOperationName()),
                         adaptor.getInput(), types);
}

//===----------------------------------------------------------------------===//
// Element-wise ops
//===----------------------------------------------------------------------===//

LogicalResult ClipOp::verify() {
  if (getMin() && getMax() && getMin()->convertToFloat() > getMax()->convertToFloat())
    return emitOpError("min must not exceed max");
  return success();
}

LogicalResult SoftmaxOp::verify() {
  int64_t axis = getAxisAttr().getInt();
  if (axis < 0 || axis >= getInput().getType().getRank())
    return emitOpError("axis ") << axis << " is out of range";
  return success();
}

static LogicalResult inferBroadcast(const InferenceError &error, Value lhs,
                                    Value rhs, bool sameElementType,
                                    SmallVectorImpl<Type> &types) {
  RankedTensorType lhsType = tensorType(lhs), rhsType = tensorType(rhs);
  if (sameElementType && lhsType.getElementType() != rhsType.getElementType())
    return error("operands have different element types: ",
                 lhsType.getElementType(), " and ", rhsType.getElementType());
  auto shape = broadcastShapes(lhsType.getShape(), rhsType.getShape());
  if (!shape)
    return error("operand shapes ", lhsType, " and ", rhsType,
                 " are not broadcastable");
  types.push_back(withShape(lhsType, *shape));
  return success();
}

#define AIDGE_BROADCAST_INFERENCE(OP, SAME_ELEMENT_TYPE)                        \
  LogicalResult OP::inferReturnTypes(MLIRContext *, std::optional<Location> loc, \
                                     Adaptor adaptor,                           \
                                     SmallVectorImpl<Type> &types) {            \
    return inferBroadcast(InferenceError(loc, getOperationName()),             \
                          adaptor.getLhs(), adaptor.getRhs(),                   \
                          SAME_ELEMENT_TYPE, types);                            \
  }
AIDGE_BROADCAST_INFERENCE(AddOp, true)
AIDGE_BROADCAST_INFERENCE(SubOp, true)
AIDGE_BROADCAST_INFERENCE(MulOp, true)
AIDGE_BROADCAST_INFERENCE(DivOp, true)
AIDGE_BROADCAST_INFERENCE(PowOp, false)
AIDGE_BROADCAST_INFERENCE(MaxOp, true)
AIDGE_BROADCAST_INFERENCE(MinOp, true)
#undef AIDGE_BROADCAST_INFERENCE

//===----------------------------------------------------------------------===//
// BatchNormOp
//===----------------------------------------------------------------------===//

LogicalResult BatchNormOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  InferenceError error(loc, getOperationName());
  RankedTensorType input = tensorType(adaptor.getInput());
  if (input.getRank() < 2)
    return error("expects an input of rank 2 or more");
  int64_t channels = getDefaultOrderShape(input)[1];
  for (Value param : {adaptor.getScale(), adaptor.getBias(), adaptor.getMean(),
                      adaptor.getVar()}) {
    ArrayRef<int64_t> shape = tensorType(param).getShape();
    if (shape.size() != 1 || shape[0] != channels)
      return error("expects parameters of ", channels, " elements, one per channel");
  }
  if (adaptor.getEpsilon().convertToFloat() < 0)
    return error("epsilon must not be negative");
  types.push_back(input);
  return success();
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

LogicalResult ConcatOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  InferenceError error(loc, getOperationName());
  ValueRange inputs = adaptor.getInputs();
  if (inputs.empty())
    return error("expects at least one input");
  RankedTensorType first = tensorType(inputs.front());
  int64_t axis = adaptor.getAxisAttr().getInt();
  if (axis < 0 || axis >= first.getRank())
    return error("axis ", axis, " is out of range");
  SmallVector<int64_t> out(first.getShape());
  out[axis] = 0;
  for (Value input : inputs) {
    RankedTensorType type = tensorType(input);
    if (type.getElementType() != first.getElementType() ||
        type.getRank() != first.getRank())
      return error("inputs must have the same element type and rank");
    for (int64_t d = 0; d < type.getRank(); ++d)
      if (d != axis && type.getDimSize(d) != first.getDimSize(d))
        return error("inputs differ in dimension ", d);
    out[axis] += type.getDimSize(axis);
  }
  types.push_back(withShape(first, out));
  return success();
}

/// A transpose may change how its result is stored (its data format) as
/// well as its shape, so only the shape and element type are inferred.
bool TransposeOp::isCompatibleReturnTypes(TypeRange inferred, TypeRange actual) {
  if (inferred.size() != 1 || actual.size() != 1)
    return false;
  auto lhs = cast<RankedTensorType>(inferred.front());
  auto rhs = dyn_cast<RankedTensorType>(actual.front());
  return rhs && lhs.getShape() == rhs.getShape() &&
         lhs.getElementType() == rhs.getElementType();
}

LogicalResult TransposeOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  RankedTensorType input = tensorType(adaptor.getInput());
  ArrayRef<int64_t> perm = adaptor.getPerm();
  SmallVector<int64_t> sorted(perm);
  llvm::sort(sorted);
  if ((int64_t)perm.size() != input.getRank() ||
      !llvm::equal(sorted, llvm::seq<int64_t>(0, input.getRank())))
    return InferenceError(loc, getOperationName())(
        "perm must be a permutation of the ", input.getRank(), " dimensions");
  SmallVector<int64_t> out;
  for (int64_t p : perm)
    out.push_back(input.getDimSize(p));
  types.push_back(withShape(input, out));
  return success();
}

LogicalResult ReshapeOp::verify() {
  if (getInput().getType().getNumElements() != getType().getNumElements())
    return emitOpError("changes the number of elements from ")
           << getInput().getType().getNumElements() << " to "
           << getType().getNumElements();
  if (getInput().getType().getElementType() != getType().getElementType())
    return emitOpError("must not change the element type");
  return success();
}

LogicalResult FlattenOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &types) {
  RankedTensorType input = tensorType(adaptor.getInput());
  int64_t axis = adaptor.getAxisAttr().getInt();
  if (axis < 0 || axis > input.getRank())
    return InferenceError(loc, getOperationName())("axis ", axis, " is out of range");
  types.push_back(withShape(input, flattenedShape(input.getShape(), axis)));
  return success();
}

LogicalResult SqueezeOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                          Adaptor adaptor,
                                          SmallVectorImpl<Type> &types) {
  InferenceError error(loc, getOperationName());
  RankedTensorType input = tensorType(adaptor.getInput());
  ArrayRef<int64_t> axes = adaptor.getAxes();
  if (!isSortedAxisList(axes, input.getRank()))
    return error("axes must be sorted, unique and within the input rank");
  for (int64_t d : axes)
    if (input.getDimSize(d) != 1)
      return error("cannot squeeze dimension ", d, " of size ", input.getDimSize(d));
  types.push_back(withShape(input, squeezedShape(input.getShape(), axes)));
  return success();
}

LogicalResult UnsqueezeOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  RankedTensorType input = tensorType(adaptor.getInput());
  ArrayRef<int64_t> axes = adaptor.getAxes();
  int64_t rank = input.getRank() + axes.size();
  if (!isSortedAxisList(axes, rank))
    return InferenceError(loc, getOperationName())(
        "axes must be sorted, unique and within the output rank");
  types.push_back(withShape(input, unsqueezedShape(input.getShape(), axes)));
  return success();
}

LogicalResult PadOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                      Adaptor adaptor,
                                      SmallVectorImpl<Type> &types) {
  InferenceError error(loc, getOperationName());
  RankedTensorType input = tensorType(adaptor.getInput());
  ArrayRef<int64_t> pads = adaptor.getPads();
  int64_t rank = input.getRank();
  if ((int64_t)pads.size() != 2 * rank)
    return error("expects ", 2 * rank, " pads");
  SmallVector<int64_t> out;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t in = input.getDimSize(d);
    if (adaptor.getMode() == PadMode::reflect &&
        (pads[d] >= in || pads[d + rank] >= in))
      return error("reflect pads must be smaller than dimension ", d);
    int64_t size = in + pads[d] + pads[d + rank];
    if (size < 1)
      return error("crops dimension ", d, " to nothing");
    out.push_back(size);
  }
  types.push_back(withShape(input, out));
  return success();
}

LogicalResult SliceOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &types) {
  InferenceError error(loc, getOperationName());
  RankedTensorType input = tensorType(adaptor.getInput());
  ArrayRef<int64_t> starts = adaptor.getStarts(), ends = adaptor.getEnds(),
                    steps = adaptor.getSteps();
  int64_t rank = input.getRank();
  if ((int64_t)starts.size() != rank || (int64_t)ends.size() != rank ||
      (int64_t)steps.size() != rank)
    return error("expects one start, end and step per dimension (", rank, ")");
  SmallVector<int64_t> out;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t dim = input.getDimSize(d);
    if (steps[d] == 0)
      return error("step of dimension ", d, " is zero");
    // A non-empty slice with a negative step reads index `start` first, so
    // the start must be an element (ONNX clamps it to [0, dim - 1]).
    if (starts[d] < 0 || starts[d] > dim || ends[d] < -1 || ends[d] > dim ||
        (ends[d] == -1 && steps[d] > 0) ||
        (steps[d] < 0 && starts[d] > ends[d] && starts[d] >= dim))
      return error("bounds of dimension ", d, " are not normalized to its size ", dim);
    out.push_back(sliceOutputSize(starts[d], ends[d], steps[d]));
  }
  types.push_back(withShape(input, out));
  return success();
}

LogicalResult SplitOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                        Adaptor adaptor,
                                        SmallVectorImpl<Type> &types) {
  InferenceError error(loc, getOperationName());
  RankedTensorType input = tensorType(adaptor.getInput());
  int64_t axis = adaptor.getAxisAttr().getInt();
  if (axis < 0 || axis >= input.getRank())
    return error("axis ", axis, " is out of range");
  ArrayRef<int64_t> split = adaptor.getSplit();
  int64_t total = 0;
  for (int64_t size : split)
    total += size;
  if (split.empty() || !allNonNegative(split) || total != input.getDimSize(axis))
    return error("split sizes must be non-negative and add up to ",
                 input.getDimSize(axis));
  for (int64_t size : split) {
    SmallVector<int64_t> out(input.getShape());
    out[axis] = size;
    types.push_back(withShape(input, out));
  }
  return success();
}

LogicalResult GatherOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                         Adaptor adaptor,
                                         SmallVectorImpl<Type> &types) {
  RankedTensorType data = tensorType(adaptor.getData());
  int64_t axis = adaptor.getAxisAttr().getInt();
  if (axis < 0 || axis >= data.getRank())
    return InferenceError(loc, getOperationName())("axis ", axis, " is out of range");
  SmallVector<int64_t> out(data.getShape().take_front(axis));
  llvm::append_range(out, tensorType(adaptor.getIndices()).getShape());
  llvm::append_range(out, data.getShape().drop_front(axis + 1));
  types.push_back(withShape(data, out));
  return success();
}

template <typename Adaptor>
static LogicalResult inferReduce(const InferenceError &error, Adaptor adaptor,
                                 SmallVectorImpl<Type> &types) {
  RankedTensorType input = tensorType(adaptor.getInput());
  ArrayRef<int64_t> axes = adaptor.getAxes();
  if (axes.empty() || !isSortedAxisList(axes, input.getRank()))
    return error("axes must be non-empty, sorted, unique and within the rank");
  SmallVector<int64_t> out;
  for (int64_t d = 0; d < input.getRank(); ++d) {
    if (!llvm::is_contained(axes, d))
      out.push_back(input.getDimSize(d));
    else if (adaptor.getKeepdims())
      out.push_back(1);
  }
  types.push_back(withShape(input, out));
  return success();
}

LogicalResult ReduceMeanOp::inferReturnTypes(MLIRContext *,
                                             std::optional<Location> loc,
                                             Adaptor adaptor,
                                             SmallVectorImpl<Type> &types) {
  return inferReduce(InferenceError(loc, getOperationName()), adaptor, types);
}

LogicalResult ReduceSumOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  return inferReduce(InferenceError(loc, getOperationName()), adaptor, types);
}

LogicalResult ReduceMaxOp::inferReturnTypes(MLIRContext *,
                                            std::optional<Location> loc,
                                            Adaptor adaptor,
                                            SmallVectorImpl<Type> &types) {
  return inferReduce(InferenceError(loc, getOperationName()), adaptor, types);
}

LogicalResult ResizeOp::verify() {
  RankedTensorType input = getInput().getType(), output = getType();
  ArrayRef<double> scales = getScales();
  if (input.getRank() != output.getRank() ||
      (int64_t)scales.size() != input.getRank())
    return emitOpError("expects input, output and scales of the same rank");
  if (input.getElementType() != output.getElementType())
    return emitOpError("must not change the element type");
  bool crop = getCoordinateTransform() == CoordinateTransform::tf_crop_and_resize;
  if (crop != getRoi().has_value())
    return emitOpError("has a roi if and only if its coordinate transform is "
                       "tf_crop_and_resize");
  if (getRoi() && (int64_t)getRoi()->size() != 2 * input.getRank())
    return emitOpError("expects a roi of ") << 2 * input.getRank() << " values";
  for (int64_t d = 0; d < input.getRank(); ++d) {
    if (!(scales[d] > 0))
      return emitOpError("scale of dimension ") << d << " must be positive";
    // ONNX rounds down; sizes given as sizes come back through the
    // output / input scale, so also accept an integer within rounding
    // error of the product.
    double expected = input.getDimSize(d) * scales[d];
    int64_t size = output.getDimSize(d);
    if (size != static_cast<int64_t>(std::floor(expected)) &&
        std::abs(expected - size) > 1e-5 * std::max(1.0, expected))
      return emitOpError("output dimension ")
             << d << " is " << output.getDimSize(d) << ", but the scale gives "
             << expected;
  }
  return success();
}

LogicalResult CastOp::verify() {
  if (getInput().getType().getShape() != getType().getShape())
    return emitOpError("must not change the shape");
  return success();
}

#define GET_OP_CLASSES
#include "aidge/Dialect/Aidge/IR/AidgeOps.cpp.inc"
