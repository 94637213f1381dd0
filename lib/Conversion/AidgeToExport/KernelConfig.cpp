//===- KernelConfig.cpp - What each cpp kernel is called with -------------===//

#include "KernelConfig.h"
#include "WeightPacking.h"

#include "aidge/Dialect/Aidge/IR/AidgeOps.h"
#include "aidge/Dialect/Aidge/IR/DataFormat.h"
#include "aidge/Dialect/Aidge/Transforms/GraphMemory.h"
#include "aidge/Dialect/AidgeExport/IR/AidgeExportDialect.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;
using namespace mlir::aidge;

namespace {
/// Builds one KernelCall.
class CallBuilder {
public:
  CallBuilder(Operation *op, const WeightNamer &nameWeight)
      : op(op), builder(op->getContext()), nameWeight(nameWeight) {}

  void param(StringRef name, int64_t value) {
    call.params.emplace_back(name.str(), builder.getI64IntegerAttr(value));
  }
  void param(StringRef name, double value) {
    call.params.emplace_back(name.str(), builder.getF32FloatAttr(value));
  }
  void expr(StringRef name, const Twine &cpp) {
    call.params.emplace_back(name.str(), builder.getStringAttr(cpp));
  }
  void array(StringRef name, ArrayRef<int64_t> values) {
    std::string text = "{";
    llvm::interleave(values, [&](int64_t v) { text += std::to_string(v); },
                     [&] { text += ", "; });
    expr(name, text + "}");
  }
  /// A fixed-size array field of the params struct: `values`, then
  /// `fill` up to `size` entries.
  void array(StringRef name, ArrayRef<int64_t> values, size_t size,
             int64_t fill) {
    SmallVector<int64_t> padded(values);
    padded.resize(size, fill);
    array(name, padded);
  }
  /// A fixed-size array field of reals, `values` then `fill` up to
  /// `size` entries: doubles with every digit, or floats (`f` suffix).
  void reals(StringRef name, ArrayRef<double> values, size_t size,
             double fill, bool asFloat) {
    SmallVector<double> padded(values);
    padded.resize(size, fill);
    std::string text = "{";
    llvm::interleave(
        padded,
        [&](double v) {
          text += asFloat ? llvm::formatv("{0:e9}f", v).str()
                          : llvm::formatv("{0:e16}", v).str();
        },
        [&] { text += ", "; });
    expr(name, text + "}");
  }
  /// Every operand either in the arena (its mem_info) or a constant: a
  /// unit input and, after the params, a pointer for each operand, null
  /// for the arena ones (elemwise's and matmul's a_const, b_const).
  void inputsOrConstants(Operation *operation) {
    for (Value operand : operation->getOperands())
      call.inputs.push_back(getMemInfo(operand)
                                ? Attribute(getMemInfo(operand))
                                : Attribute(builder.getUnitAttr()));
    for (auto [i, operand] : llvm::enumerate(operation->getOperands()))
      call.weights.push_back(getMemInfo(operand)
                                 ? Attribute(builder.getStringAttr("nullptr"))
                                 : nameWeight(operand, i ? "b" : "a", nullptr));
  }
  /// Dimensions padded in front with 1 to `rank`.
  void dims(StringRef name, ArrayRef<int64_t> shape, int64_t rank) {
    SmallVector<int64_t> padded(rank - shape.size(), 1);
    llvm::append_range(padded, shape);
    array(name, padded);
  }
  void activation(ActivationAttr act) {
    if (!act) {
      expr("act", "aidge_cpp::kNoActivation");
      return;
    }
    auto bound = [](FloatAttr value, const char *otherwise) -> std::string {
      return value ? llvm::formatv("{0:e9}f", value.getValueAsDouble()).str()
                   : otherwise;
    };
    expr("act", "{aidge_cpp::Activation::" + stringifyActivationKind(act.getKind()) +
                    ", " + bound(act.getMin(), "-INFINITY") + ", " +
                    bound(act.getMax(), "INFINITY") + ", " +
                    bound(act.getAlpha(), "0.0f") + "}");
  }
  /// An arena operand, or a constant read through `role`'s weight.
  void input(Value value, StringRef role = "") {
    if (MemInfoAttr mem = getMemInfo(value)) {
      call.inputs.push_back(mem);
      return;
    }
    call.inputs.push_back(builder.getUnitAttr());
    call.weights.push_back(nameWeight(value, role, nullptr));
  }
  /// A weight array: a constant (re-laid by `packer` when not null), or
  /// computed at run time and read in place from the arena, which needs it
  /// contiguous and unpacked.
  void weight(Value value, StringRef role, const WeightPacker *packer = nullptr) {
    MemInfoAttr mem = value ? getMemInfo(value) : MemInfoAttr();
    if (mem && packer) {
      op->emitError() << "the cpp kernel takes its " << role
                      << " packed at export time, not computed at run time";
      failed = true;
    }
    if (mem && (mem.getStride() != mem.getSize() || mem.getWrapSize() != 0)) {
      op->emitError() << "the cpp kernel reads its " << role
                      << " computed at run time as one array, but the memory "
                         "plan wraps or interleaves them";
      failed = true;
    }
    if (!value || failed)
      call.weights.push_back(builder.getStringAttr("nullptr"));
    else if (mem)
      call.weights.push_back(mem);
    else if (Attribute name = nameWeight(value, role, packer))
      call.weights.push_back(name);
    else
      failed = true;
  }

  Operation *op;
  Builder builder;
  const WeightNamer &nameWeight;
  KernelCall call;
  bool failed = false;
};

/// N x C x H x W of a channels-last (or, for 1-D, NWC) tensor; `d` is the
/// depth of an NDHWC volume, 1 otherwise.
struct Image {
  int64_t n, c, h, w, d = 1;
};

std::optional<Image> getImage(Value value) {
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape = getDefaultOrderShape(type);
  DataFormat format = getDataFormat(type);
  if (format == DataFormat::nhwc)
    return Image{shape[0], shape[1], shape[2], shape[3]};
  if (format == DataFormat::nwc)
    return Image{shape[0], shape[1], 1, shape[2]};
  if (format == DataFormat::ndhwc)
    return Image{shape[0], shape[1], shape[3], shape[4], shape[2]};
  return std::nullopt;
}

/// Window attributes, 1-D ones as a 1-row 2-D window.
struct Window {
  int64_t kd = 1, sd = 1, dd = 1, front = 0, back = 0;
  int64_t kh, kw, sh, sw, dh, dw, top, left, bottom, right;
};

/// A 3-D window is its depth axis, then a 2-D window over H x W; 1-D and
/// 2-D windows have depth 1 and no depth pads.
Window getWindow(ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
                 ArrayRef<int64_t> dilations, ArrayRef<int64_t> pads) {
  if (kernel.size() == 1)
    return {1, 1, 1, 0, 0, 1, kernel[0], 1, strides[0], 1, dilations[0],
            0, pads[0], 0, pads[1]};
  if (kernel.size() == 3) {
    Window w = getWindow(kernel.drop_front(), strides.drop_front(),
                         dilations.drop_front(),
                         {pads[1], pads[2], pads[4], pads[5]});
    w.kd = kernel[0];
    w.sd = strides[0];
    w.dd = dilations[0];
    w.front = pads[0];
    w.back = pads[3];
    return w;
  }
  return {1, 1, 1, 0, 0, kernel[0], kernel[1], strides[0], strides[1],
          dilations[0], dilations[1], pads[0], pads[1], pads[2], pads[3]};
}

/// The window fields, in the order PoolParams and ConvParams declare them
/// (after the tensor sizes): the depth axis, then H x W.
void windowParams(CallBuilder &b, const Window &w) {
  b.param("kernel_d", w.kd);
  b.param("stride_d", w.sd);
  b.param("dilation_d", w.dd);
  b.param("pad_front", w.front);
  b.param("pad_back", w.back);
  b.param("kernel_h", w.kh);
  b.param("kernel_w", w.kw);
  b.param("stride_h", w.sh);
  b.param("stride_w", w.sw);
  b.param("dilation_h", w.dh);
  b.param("dilation_w", w.dw);
  b.param("pad_top", w.top);
  b.param("pad_left", w.left);
  b.param("pad_bottom", w.bottom);
  b.param("pad_right", w.right);
}

/// Convolutions and transposed convolutions: the same ConvParams, the
/// weights stored like the input (`weightLayout`, for the diagnostic).
template <typename ConvLikeOp>
LogicalResult configureConvParams(CallBuilder &b, ConvLikeOp conv,
                                  StringRef weightLayout, ActivationAttr act,
                                  const WeightPacker *packer = nullptr) {
  auto in = getImage(conv.getInput()), out = getImage(conv.getResult());
  if (!in || !out)
    return conv.emitError("the cpp convolution kernels take channels-last "
                          "tensors; run --aidge-match-impl");
  if (getDataFormat(conv.getWeight().getType()) != getDataFormat(conv.getInput().getType()))
    return conv.emitError() << "the cpp convolution kernels take weights "
                               "stored like their input ("
                            << weightLayout << ")";
  SmallVector<int64_t> kernel =
      llvm::to_vector(ArrayRef(getDefaultOrderShape(conv.getWeight().getType())).drop_front(2));
  b.call.paramsType = "aidge_cpp::ConvParams";
  b.param("batch", in->n);
  b.param("in_depth", in->d);
  b.param("in_height", in->h);
  b.param("in_width", in->w);
  b.param("in_channels", in->c);
  b.param("out_depth", out->d);
  b.param("out_height", out->h);
  b.param("out_width", out->w);
  b.param("out_channels", out->c);
  windowParams(b, getWindow(kernel, conv.getStrides(), conv.getDilations(),
                            conv.getPads()));
  b.param("group", (int64_t)conv.getGroup());
  b.activation(act);
  b.input(conv.getInput());
  b.weight(conv.getWeight(), "weights", packer);
  b.weight(conv.getBias(), "biases");
  return success();
}

/// The packer of a convolution's weight [M][kernel...][C / group] for the
/// kernel's `packing` of operand 1, or none.
std::optional<WeightPacker> convPacker(ConvOp conv, WeightPacking packing) {
  ArrayRef<int64_t> shape = conv.getWeight().getType().getShape();
  int64_t out = shape[0], group = conv.getGroup();
  int64_t perOut = conv.getWeight().getType().getNumElements() / out;
  switch (packing) {
  case WeightPacking::none:
    return std::nullopt;
  case WeightPacking::outputBlocks:
    return WeightPacker{"blocks", [=](ElementsAttr value, StringRef name) {
                          return packRowBlocks(value, group, out / group, perOut,
                                               kOutputBlock, false, name);
                        }};
  case WeightPacking::tapsMajor:
    return WeightPacker{"taps", [=](ElementsAttr value, StringRef name) {
                          return packRowBlocks(value, 1, out, perOut, out, false,
                                               name);
                        }};
  case WeightPacking::winograd4x4: {
    // Only a single-group 2-D 3x3 kernel has this transform; any other
    // fails to pack (an error naming the layer), never packs wrongly.
    SmallVector<int64_t> dims = getDefaultOrderShape(conv.getWeight().getType());
    bool fits = dims.size() == 4 && dims[2] == 3 && dims[3] == 3 && group == 1;
    return WeightPacker{"winograd", [=](ElementsAttr value, StringRef name) {
                          if (!fits)
                            return std::optional<ElementsAttr>();
                          return packWinograd4x4(value, out, perOut / 9,
                                                 kOutputBlock, name);
                        }};
  }
  }
  llvm_unreachable("unknown weight packing");
}

/// A dense layer out[M][N] = a[M][K] x b + c as the 1x1 convolution of
/// the image 1 x M x K (NWC) into 1 x M x N, for the blocked kernel: b
/// packed in blocks of output columns, beta folded into the bias (the
/// kernel's ImplSpec has checked that alpha is 1, a is not transposed and c
/// is a row).
LogicalResult configureFCAsConv(CallBuilder &b, FCOp fc) {
  ArrayRef<int64_t> out = fc.getResult().getType().getShape();
  int64_t m = out[0], n = out[1];
  int64_t k = fc.getA().getType().getShape()[1];
  b.call.paramsType = "aidge_cpp::ConvParams";
  const std::pair<const char *, int64_t> sizes[] = {
      {"batch", 1},     {"in_depth", 1},   {"in_height", 1},
      {"in_width", m},  {"in_channels", k}, {"out_depth", 1},
      {"out_height", 1}, {"out_width", m}, {"out_channels", n}};
  for (auto [name, value] : sizes)
    b.param(name, value);
  windowParams(b, getWindow({1}, {1}, {1}, {0, 0}));
  b.param("group", int64_t(1));
  b.activation(fc.getActivationAttr());
  b.input(fc.getA());
  bool transB = fc.getTransB();
  WeightPacker weights{"blocks", [=](ElementsAttr value, StringRef name) {
                         return packRowBlocks(value, 1, n, k, kOutputBlock,
                                              !transB, name);
                       }};
  b.weight(fc.getB(), "weights", &weights);
  float beta = fc.getBeta().convertToFloat();
  WeightPacker bias{"bias" + std::to_string(beta),
                    [=](ElementsAttr value, StringRef name) {
                      return scaledBias(value, n, beta, name);
                    }};
  b.weight(fc.getC(), "biases", fc.getC() ? &bias : nullptr);
  return success();
}

template <typename PoolOp>
LogicalResult configurePool(CallBuilder &b, PoolOp pool, bool isMax) {
  auto in = getImage(pool.getInput()), out = getImage(pool->getResult(0));
  if (!in || !out)
    return pool.emitError("the cpp pooling kernels take channels-last tensors; "
                          "run --aidge-match-impl");
  bool countPad = false;
  if constexpr (std::is_same_v<PoolOp, AvgPoolOp>)
    countPad = pool.getCountIncludePad();
  b.call.paramsType = "aidge_cpp::PoolParams";
  b.expr("kind", isMax ? "aidge_cpp::PoolKind::max" : "aidge_cpp::PoolKind::avg");
  b.param("count_include_pad", (int64_t)countPad);
  b.param("batch", in->n);
  b.param("in_depth", in->d);
  b.param("in_height", in->h);
  b.param("in_width", in->w);
  b.param("channels", in->c);
  b.param("out_depth", out->d);
  b.param("out_height", out->h);
  b.param("out_width", out->w);
  windowParams(b, getWindow(pool.getKernelShape(), pool.getStrides(),
                            pool.getDilations(), pool.getPads()));
  b.activation(pool.getActivationAttr());
  bool columnMajor = false;
  if constexpr (std::is_same_v<PoolOp, MaxPoolOp>) {
    columnMajor = pool.getColumnMajor();
    // max_pooling_indices_forward is a template on the index type.
    if (Value indices = pool.getIndices())
      b.call.templateArgs.push_back(*aidge_export::getCppType(
          getElementTypeOrSelf(indices.getType())));
  }
  b.param("column_major", (int64_t)columnMajor);
  b.input(pool.getInput());
  return success();
}

template <typename GlobalOp>
LogicalResult configureGlobalPool(CallBuilder &b, GlobalOp pool, bool isMax,
                                  ActivationAttr act) {
  auto in = getImage(pool.getInput());
  if (!in)
    return pool.emitError("the cpp pooling kernels take channels-last tensors; "
                          "run --aidge-match-impl");
  b.call.paramsType = "aidge_cpp::GlobalPoolParams";
  b.expr("kind", isMax ? "aidge_cpp::PoolKind::max" : "aidge_cpp::PoolKind::avg");
  b.param("batch", in->n);
  b.param("height", in->h);
  b.param("width", in->w);
  b.param("channels", in->c);
  b.activation(act);
  b.input(pool.getInput());
  return success();
}

LogicalResult configureFC(CallBuilder &b, FCOp fc) {
  ArrayRef<int64_t> a = fc.getA().getType().getShape();
  ArrayRef<int64_t> out = fc.getResult().getType().getShape();
  int64_t k = fc.getTransA() ? a[0] : a[1];
  b.call.paramsType = "aidge_cpp::FcParams";
  b.param("m", out[0]);
  b.param("n", out[1]);
  b.param("k", k);
  b.param("trans_a", (int64_t)fc.getTransA());
  b.param("trans_b", (int64_t)fc.getTransB());
  b.param("alpha", (double)fc.getAlpha().convertToFloat());
  b.param("beta", (double)fc.getBeta().convertToFloat());
  int64_t rows = 1, cols = 1;
  if (Value c = fc.getC()) {
    ArrayRef<int64_t> shape = cast<RankedTensorType>(c.getType()).getShape();
    if (shape.size() == 2) {
      rows = shape[0];
      cols = shape[1];
    } else if (shape.size() == 1) {
      cols = shape[0];
    }
  }
  b.param("c_rows", rows);
  b.param("c_cols", cols);
  b.activation(fc.getActivationAttr());
  b.input(fc.getA());
  b.weight(fc.getB(), "weights");
  b.weight(fc.getC(), "biases");
  return success();
}

LogicalResult configureUnary(CallBuilder &b, Operation *op) {
  StringRef name = op->getName().stripDialect();
  float alpha = 0, beta = 0;
  std::string min = "-INFINITY", max = "INFINITY";
  if (auto leaky = dyn_cast<LeakyReLUOp>(op))
    alpha = leaky.getAlpha().convertToFloat();
  if (auto hard = dyn_cast<HardSigmoidOp>(op)) {
    alpha = hard.getAlpha().convertToFloat();
    beta = hard.getBeta().convertToFloat();
  }
  if (auto clip = dyn_cast<ClipOp>(op)) {
    if (clip.getMin())
      min = llvm::formatv("{0:e9}f", clip.getMin()->convertToFloat()).str();
    if (clip.getMax())
      max = llvm::formatv("{0:e9}f", clip.getMax()->convertToFloat()).str();
  }
  b.call.paramsType = "aidge_cpp::UnaryParams";
  b.expr("op", "aidge_cpp::UnaryOp::" + name);
  b.param("alpha", (double)alpha);
  b.param("beta", (double)beta);
  b.expr("min", min);
  b.expr("max", max);
  b.input(op->getOperand(0));
  return success();
}

LogicalResult configureElemwise(CallBuilder &b, Operation *op) {
  auto out = cast<RankedTensorType>(op->getResult(0).getType());
  int64_t rank = std::max<int64_t>(out.getRank(), 1);
  if (rank > 6)
    return op->emitError("the cpp element-wise kernel takes up to 6 dimensions");
  b.call.paramsType = "aidge_cpp::ElemwiseParams";
  b.expr("op", "aidge_cpp::ElemwiseOp::" + op->getName().stripDialect());
  b.param("rank", rank);
  b.dims("out_dims", out.getShape(), rank);
  b.dims("a_dims", cast<RankedTensorType>(op->getOperand(0).getType()).getShape(), rank);
  b.dims("b_dims", cast<RankedTensorType>(op->getOperand(1).getType()).getShape(), rank);
  ActivationAttr act;
  if (auto attr = op->getAttrOfType<ActivationAttr>("activation"))
    act = attr;
  b.activation(act);
  b.inputsOrConstants(op);
  return success();
}

/// outer x axis x inner around `axis` of `shape`.
void splitAround(ArrayRef<int64_t> shape, int64_t axis, int64_t &outer,
                 int64_t &inner) {
  outer = inner = 1;
  for (int64_t d = 0; d < axis; ++d)
    outer *= shape[d];
  for (int64_t d = axis + 1; d < (int64_t)shape.size(); ++d)
    inner *= shape[d];
}

LogicalResult configureSoftmax(CallBuilder &b, SoftmaxOp softmax) {
  ArrayRef<int64_t> shape = softmax.getType().getShape();
  int64_t axis = softmax.getAxis(), outer, inner;
  splitAround(shape, axis, outer, inner);
  b.call.paramsType = "aidge_cpp::SoftmaxParams";
  b.param("outer", outer);
  b.param("axis_size", shape[axis]);
  b.param("inner", inner);
  b.input(softmax.getInput());
  return success();
}

LogicalResult configureTranspose(CallBuilder &b, TransposeOp transpose) {
  ArrayRef<int64_t> shape = transpose.getInput().getType().getShape();
  if (shape.size() > 6)
    return transpose.emitError("the cpp transpose kernel takes up to 6 dimensions");
  b.call.paramsType = "aidge_cpp::TransposeParams";
  b.param("rank", (int64_t)shape.size());
  SmallVector<int64_t> perm(transpose.getPerm());
  for (size_t d = perm.size(); d < 6; ++d)
    perm.push_back(d);
  b.array("in_dims", shape, 6, 1);
  b.array("perm", perm);
  b.input(transpose.getInput());
  return success();
}

LogicalResult configureBatchNorm(CallBuilder &b, BatchNormOp bn) {
  auto type = bn.getInput().getType();
  ArrayRef<int64_t> shape = type.getShape();
  // Channels are the last stored dimension channels last, dimension 1
  // otherwise.
  int64_t axis = getDataFormat(type) == DataFormat::default_ ? 1 : shape.size() - 1;
  int64_t outer, inner;
  splitAround(shape, axis, outer, inner);
  b.call.paramsType = "aidge_cpp::BatchNormParams";
  b.param("outer", outer);
  b.param("channels", shape[axis]);
  b.param("inner", inner);
  b.param("epsilon", (double)bn.getEpsilon().convertToFloat());
  b.input(bn.getInput());
  b.weight(bn.getScale(), "scale");
  b.weight(bn.getBias(), "biases");
  b.weight(bn.getMean(), "mean");
  b.weight(bn.getVar(), "var");
  return success();
}

LogicalResult configureConcat(CallBuilder &b, ConcatOp concat) {
  ArrayRef<int64_t> shape = concat.getType().getShape();
  int64_t axis = concat.getAxis(), outer, inner;
  splitAround(shape, axis, outer, inner);
  SmallVector<int64_t> sizes;
  bool inPlace = true;
  for (Value input : concat.getInputs()) {
    sizes.push_back(cast<RankedTensorType>(input.getType()).getDimSize(axis));
    MemInfoAttr mem = getMemInfo(input);
    if (!mem)
      return concat.emitError("the cpp concatenation kernel takes no constant inputs");
    inPlace &= mem.getReuse() == Reuse::concat;
    b.call.inputs.push_back(mem);
  }
  b.call.noop = inPlace;
  b.call.inputsAsArray = true;
  b.call.paramsType = "aidge_cpp::ConcatParams";
  b.param("nb_inputs", (int64_t)sizes.size());
  b.param("outer", outer);
  b.param("inner", inner);
  b.array("axis_sizes", sizes);
  return success();
}

LogicalResult configurePad(CallBuilder &b, PadOp pad) {
  ArrayRef<int64_t> shape = pad.getInput().getType().getShape();
  int64_t rank = shape.size();
  if (rank > 6)
    return pad.emitError("the cpp pad kernel takes up to 6 dimensions");
  ArrayRef<int64_t> pads = pad.getPads();
  b.call.paramsType = "aidge_cpp::PadParams";
  b.expr("mode", "aidge_cpp::PadMode::" + stringifyPadMode(pad.getMode()));
  b.param("value", (double)pad.getValue().convertToFloat());
  b.param("rank", rank);
  b.array("in_dims", shape, 6, 1);
  b.array("begins", pads.take_front(rank), 6, 0);
  b.array("ends", pads.drop_front(rank), 6, 0);
  b.input(pad.getInput());
  return success();
}

LogicalResult configureMatMul(CallBuilder &b, MatMulOp matmul) {
  ArrayRef<int64_t> a = matmul.getLhs().getType().getShape();
  ArrayRef<int64_t> c = matmul.getRhs().getType().getShape();
  // 1-D operands as matrices: [K] is [1][K] on the left, [K][1] on the right.
  SmallVector<int64_t> lhs(a), rhs(c);
  if (lhs.size() == 1)
    lhs.insert(lhs.begin(), 1);
  if (rhs.size() == 1)
    rhs.push_back(1);
  int64_t rank = std::max(lhs.size(), rhs.size());
  if (rank > 4)
    return matmul.emitError("the cpp matmul kernel takes up to 4 dimensions");
  b.call.paramsType = "aidge_cpp::MatMulParams";
  b.param("rank", rank);
  SmallVector<int64_t> paddedA(rank - lhs.size(), 1), paddedB(rank - rhs.size(), 1);
  llvm::append_range(paddedA, lhs);
  llvm::append_range(paddedB, rhs);
  b.array("a_dims", paddedA, 4, 1);
  b.array("b_dims", paddedB, 4, 1);
  b.inputsOrConstants(matmul);
  return success();
}

LogicalResult configureSlice(CallBuilder &b, SliceOp slice) {
  ArrayRef<int64_t> shape = slice.getInput().getType().getShape();
  int64_t rank = shape.size();
  if (rank > 6)
    return slice.emitError("the cpp slice kernel takes up to 6 dimensions");
  b.call.paramsType = "aidge_cpp::SliceParams";
  b.param("rank", rank);
  b.array("in_dims", shape, 6, 1);
  b.array("starts", slice.getStarts(), 6, 0);
  b.array("steps", slice.getSteps(), 6, 1);
  b.array("out_dims", slice.getType().getShape(), 6, 1);
  b.input(slice.getInput());
  return success();
}

template <typename ReduceOpTy>
LogicalResult configureReduce(CallBuilder &b, ReduceOpTy reduce) {
  ArrayRef<int64_t> shape = reduce.getInput().getType().getShape();
  int64_t rank = shape.size();
  if (rank > 6)
    return reduce.emitError("the cpp reduction kernels take up to 6 dimensions");
  SmallVector<int64_t> reduced(6, 0);
  for (int64_t axis : reduce.getAxes())
    reduced[axis] = 1;
  b.call.paramsType = "aidge_cpp::ReduceParams";
  b.param("rank", rank);
  b.array("in_dims", shape, 6, 1);
  b.array("reduced", reduced);
  b.input(reduce.getInput());
  return success();
}

LogicalResult configureGather(CallBuilder &b, GatherOp gather) {
  ArrayRef<int64_t> shape = gather.getData().getType().getShape();
  int64_t axis = gather.getAxis(), outer, inner;
  splitAround(shape, axis, outer, inner);
  b.call.paramsType = "aidge_cpp::GatherParams";
  b.param("outer", outer);
  b.param("axis_size", shape[axis]);
  b.param("inner", inner);
  b.param("nb_indices", gather.getIndices().getType().getNumElements());
  // The indices array, then the data table when it is a constant (an
  // embedding's weights): the kernel's argument order.
  b.weight(gather.getIndices(), "indices");
  b.input(gather.getData(), "table");
  return success();
}

LogicalResult configureSplit(CallBuilder &b, SplitOp split) {
  ArrayRef<int64_t> shape = split.getInput().getType().getShape();
  int64_t axis = split.getAxis(), outer, inner;
  splitAround(shape, axis, outer, inner);
  if ((int64_t)split.getSplit().size() > 64)
    return split.emitError("the cpp split kernel takes up to 64 outputs");
  b.call.paramsType = "aidge_cpp::SplitParams";
  b.param("nb_outputs", (int64_t)split.getSplit().size());
  b.param("outer", outer);
  b.param("inner", inner);
  b.array("axis_sizes", split.getSplit());
  b.input(split.getInput());
  b.call.outputsAsArray = true;
  return success();
}

LogicalResult configureResize(CallBuilder &b, ResizeOp resize) {
  ArrayRef<int64_t> in = resize.getInput().getType().getShape();
  ArrayRef<int64_t> out = resize.getType().getShape();
  int64_t rank = in.size();
  if (rank < 1 || rank > 6)
    return resize.emitError("the cpp resize kernel takes 1 to 6 dimensions");
  SmallVector<double> starts(rank, 0.0), ends(rank, 1.0);
  if (std::optional<ArrayRef<float>> roi = resize.getRoi()) {
    starts.assign(roi->begin(), roi->begin() + rank);
    ends.assign(roi->begin() + rank, roi->end());
  }
  b.call.paramsType = "aidge_cpp::ResizeParams";
  b.expr("mode", "aidge_cpp::ResizeMode::" + stringifyResizeMode(resize.getMode()));
  b.expr("transform", "aidge_cpp::CoordinateTransform::" +
                          stringifyCoordinateTransform(resize.getCoordinateTransform()));
  b.expr("nearest_mode",
         "aidge_cpp::NearestMode::" + stringifyNearestMode(resize.getNearestMode()));
  b.param("cubic_coeff_a", (double)resize.getCubicCoeffA().convertToFloat());
  b.param("exclude_outside", (int64_t)resize.getExcludeOutside());
  b.param("extrapolation_value",
          (double)resize.getExtrapolationValue().convertToFloat());
  b.param("rank", rank);
  b.array("in_dims", in, 6, 1);
  b.array("out_dims", out, 6, 1);
  b.reals("scales", resize.getScales(), 6, 1.0, /*asFloat=*/false);
  b.reals("roi_starts", starts, 6, 0.0, /*asFloat=*/true);
  b.reals("roi_ends", ends, 6, 1.0, /*asFloat=*/true);
  b.input(resize.getInput());
  return success();
}

/// cast_forward<From, To>: a template on both element types, which may
/// differ in size, so both operands are in the arena.
LogicalResult configureCast(CallBuilder &b, CastOp cast) {
  if (!getMemInfo(cast.getInput()))
    return cast.emitError("the cpp cast kernel takes no constant input");
  for (Value value : {cast.getInput(), cast.getResult()}) {
    Type element = getElementTypeOrSelf(value.getType());
    std::optional<std::string> name = aidge_export::getCppType(element);
    if (!name)
      return cast.emitError() << "the cpp cast kernel cannot hold " << element
                              << " tensors";
    b.call.templateArgs.push_back(*name);
  }
  b.input(cast.getInput());
  return success();
}

LogicalResult configureView(CallBuilder &b, Operation *op) {
  MemInfoAttr in = getMemInfo(op->getOperand(0));
  MemInfoAttr out = getMemInfo(op->getResult(0));
  if (!in)
    return op->emitError("the cpp reshape kernel takes no constant input");
  b.call.noop = out && out.getReuse() == Reuse::alias;
  b.call.inputs.push_back(in);
  return success();
}
} // namespace

/// The element types a templated cpp kernel is instantiated with, in its
/// template's order; none for a kernel that only computes in f32.
static std::optional<SmallVector<Type>> templatedElementTypes(Operation *op) {
  auto element = [](Value value) { return getElementTypeOrSelf(value.getType()); };
  if (isa<AddOp, SubOp, MulOp, DivOp, PowOp, MaxOp, MinOp>(op))
    return SmallVector<Type>{element(op->getOperand(0)), element(op->getOperand(1)),
                             element(op->getResult(0))};
  if (auto gather = dyn_cast<GatherOp>(op))
    return SmallVector<Type>{element(gather.getData()), element(gather.getIndices())};
  if (isa<ConcatOp, PadOp, ReshapeOp, FlattenOp, SqueezeOp,
          UnsqueezeOp, IdentityOp, SliceOp, SplitOp, TransposeOp>(op))
    return SmallVector<Type>{element(op->getResult(0))};
  return std::nullopt;
}

FailureOr<KernelCall>
mlir::aidge::configureKernel(Operation *op, const KernelDescriptor &kernel,
                             const WeightNamer &nameWeight) {
  CallBuilder b(op, nameWeight);
  StringRef entry = kernel.entryPoint;
  WeightPacking weightPacking =
      kernel.packing.size() > 1 ? kernel.packing[1] : WeightPacking::none;
  LogicalResult result =
      llvm::TypeSwitch<Operation *, LogicalResult>(op)
          .Case([&](ConvOp conv) {
            std::optional<WeightPacker> packer = convPacker(conv, weightPacking);
            return configureConvParams(b, conv, "[out][kh][kw][in]",
                                       conv.getActivationAttr(),
                                       packer ? &*packer : nullptr);
          })
          .Case([&](ConvTransposeOp conv) {
            return configureConvParams(b, conv, "[in][kh][kw][out]",
                                       ActivationAttr());
          })
          .Case([&](MaxPoolOp pool) { return configurePool(b, pool, true); })
          .Case([&](AvgPoolOp pool) { return configurePool(b, pool, false); })
          .Case([&](GlobalAveragePoolOp pool) {
            return configureGlobalPool(b, pool, false, pool.getActivationAttr());
          })
          .Case([&](GlobalMaxPoolOp pool) {
            return configureGlobalPool(b, pool, true, ActivationAttr());
          })
          .Case([&](FCOp fc) {
            return weightPacking == WeightPacking::outputBlocks
                       ? configureFCAsConv(b, fc)
                       : configureFC(b, fc);
          })
          .Case<ReLUOp, LeakyReLUOp, ClipOp, SigmoidOp, TanhOp, HardSigmoidOp,
                HardSwishOp, ErfOp, ExpOp, SqrtOp, AbsOp, NegOp>(
              [&](Operation *unary) { return configureUnary(b, unary); })
          .Case<AddOp, SubOp, MulOp, DivOp, PowOp, MaxOp, MinOp>(
              [&](Operation *binary) { return configureElemwise(b, binary); })
          .Case([&](SoftmaxOp softmax) { return configureSoftmax(b, softmax); })
          .Case([&](TransposeOp transpose) {
            return configureTranspose(b, transpose);
          })
          .Case([&](BatchNormOp bn) { return configureBatchNorm(b, bn); })
          .Case([&](ConcatOp concat) { return configureConcat(b, concat); })
          .Case([&](PadOp pad) { return configurePad(b, pad); })
          .Case([&](MatMulOp matmul) { return configureMatMul(b, matmul); })
          .Case([&](SliceOp slice) { return configureSlice(b, slice); })
          .Case([&](ReduceMeanOp r) { return configureReduce(b, r); })
          .Case([&](ReduceSumOp r) { return configureReduce(b, r); })
          .Case([&](ReduceMaxOp r) { return configureReduce(b, r); })
          .Case([&](GatherOp gather) { return configureGather(b, gather); })
          .Case([&](SplitOp split) { return configureSplit(b, split); })
          .Case([&](ResizeOp resize) { return configureResize(b, resize); })
          .Case([&](CastOp cast) { return configureCast(b, cast); })
          .Case<ReshapeOp, FlattenOp, SqueezeOp, UnsqueezeOp, IdentityOp>(
              [&](Operation *view) { return configureView(b, view); })
          .Default([&](Operation *other) {
            return other->emitError()
                   << "the C++ export cannot call kernel '" << entry
                   << "' for this op yet";
          });
  if (failed(result) || b.failed)
    return failure();
  if (!b.call.templateArgs.empty())
    return b.call;
  // Element-wise and data-movement kernels are templates on their element
  // types (float by default): the matched ImplSpec vouched for the types,
  // this names them. The other kernels compute in f32.
  if (std::optional<SmallVector<Type>> types = templatedElementTypes(op)) {
    if (llvm::all_of(*types, [](Type type) { return type.isF32(); }))
      return b.call;
    for (Type type : *types) {
      std::optional<std::string> name = aidge_export::getCppType(type);
      if (!name)
        return op->emitError() << "the cpp kernels cannot hold " << type
                               << " tensors";
      b.call.templateArgs.push_back(*name);
    }
    return b.call;
  }
  // Constants (gather's indices) may be of any type.
  SmallVector<Value> arena(op->getResults());
  for (Value operand : op->getOperands())
    if (getMemInfo(operand) || !operand.getDefiningOp<ProducerOp>())
      arena.push_back(operand);
  for (Value value : arena)
    if (auto type = dyn_cast<RankedTensorType>(value.getType());
        type && !type.getElementType().isF32())
      return op->emitError() << "the cpp kernels of this export compute in f32, "
                             << "not " << type.getElementType();
  return b.call;
}
