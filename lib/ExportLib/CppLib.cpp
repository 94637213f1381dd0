//===- CppLib.cpp - The built-in `cpp` export library ---------------------===//
//
// Float32 kernels in the style of aidge_export_cpp: convolutions and pools
// on channels-last activations (NHWC, NWC for 1-D, NDHWC for 3-D) with
// weights stored like the input, `[out][kh][kw][in]` (`[in][kh][kw][out]`
// for transposed convolutions; a 3-D kernel adds `kd` before `kh`),
// element-wise ops and activations in any format, data movement on the
// stored bytes of any element type, and Reshape-like ops in the default
// format so that a reshape never sees channels-last data. Convolutions and
// dense layers with constant weights run register-blocked kernels on
// weights the export packs for them. The kernels themselves live in the
// export target.
//
// `cpp_fast` is `cpp` plus the kernels that trade memory for speed, for
// targets with room to spare: Winograd's F(4x4, 3x3) convolution stores 36
// transformed weights per 9 and takes 27 KiB of stack (72 KiB with
// AVX-512), for ~2x on 3x3 stride-1 layers; and its blocked, depthwise
// and Winograd kernels are specialised per layer (its shapes are template
// arguments), more code for less time.
//
//===----------------------------------------------------------------------===//

#include "aidge/ExportLib/ExportLib.h"

#include "aidge/Dialect/Aidge/IR/AidgeOps.h"
#include "aidge/Dialect/Aidge/IR/DataFormat.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace mlir;
using namespace mlir::aidge;

namespace {
IOSpec io(StringRef dtype, DataFormat format = DataFormat::any) {
  return IOSpec{dtype.str(), format, {}, {}};
}

/// Registers into one library, every kernel header under kernels/cpp.
struct CppLibBuilder {
  ExportLib &lib;

  void add(StringRef opType, ImplSpec spec, StringRef kernel, StringRef entry,
           StringRef header, std::vector<std::string> config,
           std::vector<WeightPacking> packing = {},
           bool outputMayWrapInput = true, bool specialisable = false) {
    KernelDescriptor descriptor{kernel.str(), entry.str(),
                                {("kernels/cpp/" + header).str()},
                                std::move(config), std::move(packing)};
    descriptor.outputMayWrapInput = outputMayWrapInput;
    descriptor.specialisable = specialisable;
    lib.registerImpl(opType, std::move(spec), std::move(descriptor));
  }
};

bool isConstant(Value value) {
  return value && value.getDefiningOp<ProducerOp>();
}

/// Depthwise convolutions (one group per input channel) have their own
/// kernel, preferred over the grouped one.
std::optional<int64_t> depthwiseScore(Operation *op) {
  auto conv = cast<ConvOp>(op);
  int64_t channels = getDefaultOrderShape(conv.getInput().getType())[1];
  int64_t group = conv.getGroup();
  if (group > 1 && group == channels)
    return 1;
  return std::nullopt;
}

/// The kernels on packed weights need them constant; they are preferred
/// over the generic ones, and the depthwise one over the blocked one.
std::optional<int64_t> blockedConvScore(Operation *op) {
  if (!isConstant(cast<ConvOp>(op).getWeight()))
    return std::nullopt;
  return 2;
}
std::optional<int64_t> packedDepthwiseScore(Operation *op) {
  if (!depthwiseScore(op) || !blockedConvScore(op))
    return std::nullopt;
  return 3;
}

/// Winograd's F(4x4, 3x3) takes a single-group 3x3 convolution of stride
/// and dilation 1, preferred over the blocked one where it is faster (a
/// micro-benchmark on AVX-512: 1.8 to 2x from 8 input channels on, less
/// as the weights outgrow the image: 1.2x at 14x14x256, 0.9x at 7x7x512).
std::optional<int64_t> winogradScore(Operation *op) {
  auto conv = cast<ConvOp>(op);
  if (!blockedConvScore(op) || conv.getGroup() != 1 ||
      llvm::any_of(conv.getStrides(), [](int64_t s) { return s != 1; }) ||
      llvm::any_of(conv.getDilations(), [](int64_t d) { return d != 1; }))
    return std::nullopt;
  SmallVector<int64_t> weight = getDefaultOrderShape(conv.getWeight().getType());
  SmallVector<int64_t> output =
      getDefaultOrderShape(cast<RankedTensorType>(conv.getOutput().getType()));
  if (weight.size() != 4 || weight[2] != 3 || weight[3] != 3)
    return std::nullopt;
  int64_t in = weight[1], out = weight[0], pixels = output[2] * output[3];
  if (in < 8 || in * out > 512 * pixels)
    return std::nullopt;
  return 3;
}

/// A dense layer runs as a 1 x M x K image convolved by a 1x1 kernel when
/// its bias folds into a per-column one: a() not transposed, alpha 1, b
/// constant, c absent or a constant row (or scalar).
std::optional<int64_t> blockedFCScore(Operation *op) {
  auto fc = cast<FCOp>(op);
  if (fc.getTransA() || !fc.getAlpha().isExactlyValue(1.0) ||
      !isConstant(fc.getB()))
    return std::nullopt;
  if (Value c = fc.getC()) {
    ArrayRef<int64_t> shape = cast<RankedTensorType>(c.getType()).getShape();
    if (!isConstant(c) || (shape.size() == 2 && shape[0] != 1))
      return std::nullopt;
  }
  return 1;
}

/// max_pool with its i64 indices, laid out like its output.
ImplSpec maxPoolIndices(DataFormat format) {
  ImplSpec spec;
  spec.inputs = {io("f32", format)};
  spec.outputs = {io("f32", format), io("i64", format)};
  spec.attrs = {{"with_indices", "unit"}};
  return spec;
}

/// An installed program finds the kernels in its prefix,
/// <prefix>/share/aidge-mlir/cpp; one in the build tree (or linked outside
/// any prefix) falls back to the source tree.
std::string cppLibraryDir() {
  static int anchor;
  std::string exe = llvm::sys::fs::getMainExecutable(nullptr, &anchor);
  llvm::SmallString<256> dir(
      llvm::sys::path::parent_path(llvm::sys::path::parent_path(exe)));
  llvm::sys::path::append(dir, "share", "aidge-mlir", "cpp");
  if (llvm::sys::fs::is_directory(dir))
    return std::string(dir);
  return AIDGE_CPP_LIBRARY_DIR;
}

/// The configuration of the convolutions and pools.
const std::vector<std::string> &windowConfig() {
  static const std::vector<std::string> config = {
      "in_dims", "out_dims", "kernel",     "stride",
      "dilation", "padding", "activation", "mem_info"};
  return config;
}

/// The convolutions on weights packed at export time, for `conv`'s
/// operands.
void addPacked(CppLibBuilder &b, ImplSpec conv, StringRef suffix,
               const std::vector<std::string> &window) {
  conv.score = blockedConvScore;
  b.add("conv", conv, (Twine("conv_blocked") + suffix).str(),
        "convolution_blocked_forward", "convolution_blocked.hpp", window,
        {WeightPacking::none, WeightPacking::outputBlocks},
        /*outputMayWrapInput=*/true, /*specialisable=*/true);
  conv.score = packedDepthwiseScore;
  b.add("conv", conv, (Twine("conv_depthwise_packed") + suffix).str(),
        "convolution_depthwise_packed_forward", "convolution_depthwise.hpp",
        window, {WeightPacking::none, WeightPacking::tapsMajor},
        /*outputMayWrapInput=*/true, /*specialisable=*/true);
}
} // namespace

void mlir::aidge::registerCppExportLib(ExportLibRegistry &registry) {
  ExportLib &lib = registry.getOrCreate("cpp");
  lib.rootDir = cppLibraryDir();
  lib.staticFiles = {"utils/cpp/typedefs.hpp", "utils/cpp/activation_utils.hpp",
                     "utils/cpp/mem_info.hpp", "utils/cpp/conv_params.hpp",
                     "utils/cpp/blocking.hpp"};
  CppLibBuilder b{lib};
  const std::vector<std::string> &window = windowConfig();
  const std::vector<std::string> elementwise = {"in_dims", "out_dims",
                                                "activation", "mem_info"};
  const std::vector<std::string> shaped = {"in_dims", "out_dims", "attributes",
                                           "mem_info"};

  // Windowed ops: channels last. Weights/bias are operands 1 and 2; the
  // last IOSpec (bias) is `any` format since it is 1-D.
  for (auto [format, suffix] : {std::pair(DataFormat::nhwc, "2d"),
                                std::pair(DataFormat::nwc, "1d")}) {
    ImplSpec conv;
    conv.inputs = {io("f32", format), io("f32", format), io("f32")};
    conv.outputs = {io("f32", format)};
    b.add("conv", conv, (Twine("conv") + suffix).str(), "convolution_forward",
          "convolution.hpp", window);
    ImplSpec depthwise = conv;
    depthwise.score = depthwiseScore;
    b.add("conv", depthwise, (Twine("conv_depthwise") + suffix).str(),
          "convolution_depthwise_forward", "convolution_depthwise.hpp", window);
    addPacked(b, conv, suffix, window);
    // Its weight `C x M/group x K...` stored like the input is
    // [in][kh][kw][out], what the kernel reads.
    b.add("conv_transpose", conv, (Twine("conv_transpose") + suffix).str(),
          "conv_transpose_forward", "conv_transpose.hpp", window);
    ImplSpec pool = ImplSpec::uniform(io("f32", format));
    b.add("max_pool", pool, (Twine("max_pool") + suffix).str(),
          "pooling_forward", "pooling.hpp", window);
    b.add("max_pool", maxPoolIndices(format),
          (Twine("max_pool_indices") + suffix).str(),
          "max_pooling_indices_forward", "pooling.hpp", window);
    b.add("avg_pool", pool, (Twine("avg_pool") + suffix).str(),
          "pooling_forward", "pooling.hpp", window);
    b.add("global_average_pool", pool,
          (Twine("global_average_pool") + suffix).str(),
          "global_pooling_forward", "pooling.hpp", elementwise);
    b.add("global_max_pool", pool, (Twine("global_max_pool") + suffix).str(),
          "global_pooling_forward", "pooling.hpp", elementwise);
    ImplSpec batchNorm;
    batchNorm.inputs = {io("f32", format), io("f32")};
    batchNorm.outputs = {io("f32", format)};
    b.add("batch_norm", batchNorm, (Twine("batch_norm") + suffix).str(),
          "batchnorm_forward", "batchnorm.hpp", elementwise);
  }
  // Convolutions, transposed convolutions and pools also slide over
  // volumes (NDHWC).
  ImplSpec conv3d;
  conv3d.inputs = {io("f32", DataFormat::ndhwc), io("f32", DataFormat::ndhwc),
                   io("f32")};
  conv3d.outputs = {io("f32", DataFormat::ndhwc)};
  b.add("conv", conv3d, "conv3d", "convolution_forward", "convolution.hpp",
        window);
  ImplSpec depthwise3d = conv3d;
  depthwise3d.score = depthwiseScore;
  b.add("conv", depthwise3d, "conv_depthwise3d", "convolution_depthwise_forward",
        "convolution_depthwise.hpp", window);
  addPacked(b, conv3d, "3d", window);
  b.add("conv_transpose", conv3d, "conv_transpose3d", "conv_transpose_forward",
        "conv_transpose.hpp", window);
  ImplSpec pool3d = ImplSpec::uniform(io("f32", DataFormat::ndhwc));
  b.add("max_pool", pool3d, "max_pool3d", "pooling_forward", "pooling.hpp",
        window);
  b.add("max_pool", maxPoolIndices(DataFormat::ndhwc), "max_pool_indices3d",
        "max_pooling_indices_forward", "pooling.hpp", window);
  b.add("avg_pool", pool3d, "avg_pool3d", "pooling_forward", "pooling.hpp",
        window);
  // Batch norm of a matrix (after a dense layer): channels are dimension 1.
  ImplSpec batchNormMatrix;
  IOSpec matrix = io("f32", DataFormat::default_);
  matrix.minDims = {1, 1};
  matrix.maxDims = {-1, -1};
  batchNormMatrix.inputs = {matrix, io("f32")};
  batchNormMatrix.outputs = {matrix};
  b.add("batch_norm", batchNormMatrix, "batch_norm_matrix", "batchnorm_forward",
        "batchnorm.hpp", elementwise);
  // Volumes (N x C x D x H x W), which have no channels-last kernel.
  ImplSpec batchNormVolume = batchNormMatrix;
  batchNormVolume.inputs[0].minDims = {1, 1, 1, 1, 1};
  batchNormVolume.inputs[0].maxDims = {-1, -1, -1, -1, -1};
  batchNormVolume.outputs = {batchNormVolume.inputs[0]};
  b.add("batch_norm", batchNormVolume, "batch_norm3d", "batchnorm_forward",
        "batchnorm.hpp", elementwise);

  ImplSpec dense;
  dense.inputs = {io("f32", DataFormat::default_), io("f32")};
  dense.outputs = {io("f32", DataFormat::default_)};
  b.add("fc", dense, "fc", "fullyconnected_forward", "fullyconnected.hpp",
        {"in_dims", "out_dims", "trans_a", "trans_b", "alpha", "beta",
         "activation", "mem_info"});
  ImplSpec blockedDense = dense;
  blockedDense.score = blockedFCScore;
  b.add("fc", blockedDense, "fc_blocked", "convolution_blocked_forward",
        "convolution_blocked.hpp", window,
        {WeightPacking::none, WeightPacking::outputBlocks},
        /*outputMayWrapInput=*/true, /*specialisable=*/true);
  b.add("matmul", ImplSpec::uniform(io("f32", DataFormat::default_)), "matmul",
        "matmul_forward", "matmul.hpp", shaped);

  // Element-wise float ops run on the stored order, whatever it is.
  for (StringRef op : {"relu", "leaky_relu", "clip", "sigmoid", "tanh",
                       "hard_sigmoid", "hard_swish", "erf", "exp", "sqrt",
                       "abs", "neg"})
    b.add(op, ImplSpec::uniform(io("f32")), op, "activation_forward",
          "activation.hpp", elementwise);
  for (StringRef op : {"add", "sub", "mul", "div", "pow", "max", "min"})
    b.add(op, ImplSpec::uniform(io("f32")), op, "elemwise_forward",
          "elemwise.hpp", elementwise);
  // ONNX computes on int32 and int64 data too; Pow mixes a float and an
  // integer operand, its result typed like the base.
  for (StringRef dtype : {"i32", "i64"}) {
    for (StringRef op : {"add", "sub", "mul", "div", "pow", "max", "min"})
      b.add(op, ImplSpec::uniform(io(dtype)), (op + "_" + dtype).str(),
            "elemwise_forward", "elemwise.hpp", elementwise);
    ImplSpec floatBase, intBase;
    floatBase.inputs = {io("f32"), io(dtype)};
    floatBase.outputs = {io("f32")};
    intBase.inputs = {io(dtype), io("f32")};
    intBase.outputs = {io(dtype)};
    b.add("pow", floatBase, ("pow_f32_" + dtype).str(), "elemwise_forward",
          "elemwise.hpp", elementwise);
    b.add("pow", intBase, ("pow_" + dtype + "_f32").str(), "elemwise_forward",
          "elemwise.hpp", elementwise);
  }

  for (StringRef op : {"softmax", "resize"})
    b.add(op, ImplSpec::uniform(io("f32", DataFormat::default_)), op,
          (op + "_forward").str(), (op + ".hpp").str(), shaped);
  for (StringRef op : {"reduce_mean", "reduce_sum", "reduce_max"})
    b.add(op, ImplSpec::uniform(io("f32", DataFormat::default_)), op,
          (op + "_forward").str(), "reduce.hpp", shaped);

  // Data movement copies bytes, so any element type; axes refer to the
  // stored order, and only concatenation runs channels last as well.
  b.add("concat", ImplSpec::uniform(io("any")), "concat", "concat_forward",
        "concat.hpp", shaped);
  b.add("transpose", ImplSpec::uniform(io("any")), "transpose",
        "transpose_forward", "transpose.hpp", shaped);
  for (StringRef op : {"reshape", "flatten", "squeeze", "unsqueeze", "identity"})
    b.add(op, ImplSpec::uniform(io("any", DataFormat::default_)), op,
          "reshape_forward", "reshape.hpp", shaped);
  for (StringRef op : {"pad", "slice", "split"})
    b.add(op, ImplSpec::uniform(io("any", DataFormat::default_)), op,
          (op + "_forward").str(), (op + ".hpp").str(), shaped);
  ImplSpec gather;
  gather.inputs = {io("any", DataFormat::default_), io("any")};
  gather.outputs = {io("any", DataFormat::default_)};
  b.add("gather", gather, "gather", "gather_forward", "gather.hpp", shaped);
  b.add("cast", ImplSpec::uniform(io("any", DataFormat::default_)), "cast",
        "cast_forward", "cast.hpp", shaped);
}

void mlir::aidge::registerCppFastExportLib(ExportLibRegistry &registry) {
  ExportLib *cpp = registry.lookup("cpp");
  assert(cpp && "the cpp library is registered first");
  ExportLib &lib = registry.getOrCreate("cpp_fast");
  lib.extend(*cpp);
  // Each layer gets its own instance of the blocked kernels, its shapes
  // folded in: about a third more code for MobileNetV1, a fifth less time.
  lib.specialiseKernels = true;
  CppLibBuilder b{lib};
  ImplSpec conv;
  conv.inputs = {io("f32", DataFormat::nhwc), io("f32", DataFormat::nhwc),
                 io("f32")};
  conv.outputs = {io("f32", DataFormat::nhwc)};
  conv.score = winogradScore;
  // It writes four output rows from six input rows: no ring over its input.
  b.add("conv", conv, "conv_winograd2d", "convolution_winograd_forward",
        "convolution_winograd.hpp", windowConfig(),
        {WeightPacking::none, WeightPacking::winograd4x4},
        /*outputMayWrapInput=*/false, /*specialisable=*/true);
}
