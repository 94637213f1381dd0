//===- AidgeOps.td - aidge graph operators -----------------*- tablegen -*-===//

#ifndef AIDGE_DIALECT_AIDGE_IR_AIDGEOPS_TD
#define AIDGE_DIALECT_AIDGE_IR_AIDGEOPS_TD

include "aidge/Dialect/Aidge/IR/AidgeDialect.td"
include "aidge/Dialect/Aidge/IR/AidgeAttrs.td"
include "mlir/IR/OpBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Base classes
//===----------------------------------------------------------------------===//

// Ops that compute each result element from the operand elements at the
// same position: they commute with any transpose of all their operands.
def Aidge_Elementwise : NativeOpTrait<"AidgeElementwise"> {
  let cppNamespace = "::mlir::aidge";
}

class Aidge_Op<string mnemonic, list<Trait> traits = []>
    : Op<Aidge_Dialect, mnemonic, !listconcat(traits, [Pure])>;

// An op whose result types follow from its operands and attributes; the
// shared InferTypeOpInterface verifier then checks every result type.
class Aidge_InferredOp<string mnemonic, list<Trait> traits = []>
    : Aidge_Op<mnemonic, !listconcat(traits, [InferTypeOpAdaptor])> {
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
}

class Aidge_UnaryOp<string mnemonic, string summaryText, list<Trait> traits = []>
    : Aidge_Op<mnemonic, !listconcat(traits, [SameOperandsAndResultType,
                                              InferTypeOpInterface,
                                              Aidge_Elementwise])> {
  let summary = summaryText;
  let description = "Applies `" # summaryText # "` to each element.";
  let arguments = (ins AnyStaticShapeTensor:$input);
  let results = (outs AnyStaticShapeTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($output)";
}

class Aidge_FloatUnaryOp<string mnemonic, string summaryText, list<Trait> traits = []>
    : Aidge_UnaryOp<mnemonic, summaryText, traits> {
  let arguments = (ins StaticShapeTensorOf<[AnyFloat]>:$input);
  let results = (outs StaticShapeTensorOf<[AnyFloat]>:$output);
}

class Aidge_BroadcastOp<string mnemonic, string summaryText, list<Trait> traits = []>
    : Aidge_InferredOp<mnemonic, !listconcat(traits, [Aidge_Elementwise])> {
  let summary = summaryText;
  let description = "Element-wise `" # summaryText # [{` with numpy
    (multidirectional) broadcasting; both operands have the same element type.
  }];
  let arguments = (ins AnyStaticShapeTensor:$lhs, AnyStaticShapeTensor:$rhs);
  let results = (outs AnyStaticShapeTensor:$output);
}

class Aidge_ReduceOp<string mnemonic, string summaryText>
    : Aidge_InferredOp<mnemonic> {
  let summary = summaryText;
  let description = "Reduces `" # summaryText # [{` over `axes` (sorted,
    non-negative, never empty: the importer spells "all axes" out), keeping
    them as size-1 dimensions when `keepdims` is set.
  }];
  let arguments = (ins AnyStaticShapeTensor:$input, DenseI64ArrayAttr:$axes,
                       BoolAttr:$keepdims);
  let results = (outs AnyStaticShapeTensor:$output);
}

//===----------------------------------------------------------------------===//
// Producers
//===----------------------------------------------------------------------===//

def Aidge_ProducerOp : Aidge_Op<"producer", [ConstantLike, InferTypeOpAdaptor]> {
  let summary = "a weight or constant tensor";
  let description = [{
    Produces a constant tensor: a weight, a bias or any other value known at
    compile time. Imported weights are `dense_resource` blobs so that the
    textual IR of a large model stays small and round-trips bit-exactly.

    ```mlir
    %w = aidge.producer dense_resource<conv1.weight> : tensor<8x3x3x3xf32>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs AnyStaticShapeTensor:$output);
  let assemblyFormat = "$value attr-dict";
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Convolutions and dense layers
//===----------------------------------------------------------------------===//

def Aidge_ConvOp : Aidge_InferredOp<"conv"> {
  let summary = "1-D, 2-D or 3-D convolution (grouped and depthwise included)";
  let description = [{
    ONNX `Conv` in channels-first layout: `input` is `N x C x D...`, `weight`
    is `M x C/group x K...`, the optional `bias` has `M` elements. `pads`
    holds the begin pads of every spatial axis then the end pads; `auto_pad`
    has been resolved into it.
  }];
  let arguments = (ins StaticShapeTensorOf<[AnyFloat, AnyInteger]>:$input,
                       AnyStaticShapeTensor:$weight,
                       Optional<AnyStaticShapeTensor>:$bias,
                       DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$dilations,
                       DenseI64ArrayAttr:$pads, I64Attr:$group,
                       OptionalAttr<Aidge_ActivationAttr>:$activation);
  let results = (outs AnyStaticShapeTensor:$output);
}

def Aidge_ConvTransposeOp : Aidge_InferredOp<"conv_transpose"> {
  let summary = "1-D, 2-D or 3-D transposed convolution";
  let description = [{
    ONNX `ConvTranspose`: `weight` is `C x M/group x K...`. `pads` holds the
    begin pads of every spatial axis then the end pads. An ONNX
    `output_shape` has been turned into `pads` at import, so the output size
    per axis is `stride*(in-1) + output_padding + (k-1)*dilation + 1 -
    pad_begin - pad_end`.
  }];
  let arguments = (ins AnyStaticShapeTensor:$input, AnyStaticShapeTensor:$weight,
                       Optional<AnyStaticShapeTensor>:$bias,
                       DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$dilations,
                       DenseI64ArrayAttr:$pads,
                       DenseI64ArrayAttr:$output_padding, I64Attr:$group);
  let results = (outs AnyStaticShapeTensor:$output);
}

def Aidge_FCOp : Aidge_InferredOp<"fc"> {
  let summary = "fully connected layer with ONNX Gemm semantics";
  let description = [{
    `output = alpha * op(a) x op(b) + beta * c`, where `op` transposes its
    2-D operand when `trans_a`/`trans_b` is set and the optional `c` is
    unidirectionally broadcast to `M x N`.
  }];
  let arguments = (ins AnyStaticShapeTensor:$a, AnyStaticShapeTensor:$b,
                       Optional<AnyStaticShapeTensor>:$c,
                       BoolAttr:$trans_a, BoolAttr:$trans_b,
                       F32Attr:$alpha, F32Attr:$beta,
                       OptionalAttr<Aidge_ActivationAttr>:$activation);
  let results = (outs AnyStaticShapeTensor:$output);
}

def Aidge_MatMulOp : Aidge_InferredOp<"matmul"> {
  let summary = "matrix product with numpy semantics";
  let description = [{
    numpy `matmul`: batch dimensions broadcast, a 1-D operand is promoted to
    a matrix and the added dimension removed from the result.
  }];
  let arguments = (ins AnyStaticShapeTensor:$lhs, AnyStaticShapeTensor:$rhs);
  let results = (outs AnyStaticShapeTensor:$output);
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

def Aidge_MaxPoolOp : Aidge_InferredOp<"max_pool"> {
  let summary = "max pooling over 1-D, 2-D or 3-D windows";
  let description = [{
    `pads` are begin pads then end pads per spatial axis. With `ceil_mode`
    the output size rounds up, but a window that would start in the end
    padding is dropped (as in ONNX and PyTorch).

    With `with_indices`, the op also returns ONNX MaxPool's `Indices`: per
    output cell the i64 position of its maximum (the first one in window
    order) in the input tensor flattened as `N x C x D...`, row major over
    the spatial axes, or column major (the first spatial axis varying
    fastest) with `column_major`. The layout of `input` does not change
    these positions: they always index the ONNX (channels-first) tensor.
  }];
  let arguments = (ins AnyStaticShapeTensor:$input, DenseI64ArrayAttr:$kernel_shape,
                       DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$dilations,
                       DenseI64ArrayAttr:$pads, BoolAttr:$ceil_mode,
                       UnitAttr:$with_indices, UnitAttr:$column_major,
                       OptionalAttr<Aidge_ActivationAttr>:$activation);
  let results = (outs AnyStaticShapeTensor:$output,
                      Optional<StaticShapeTensorOf<[I64]>>:$indices);
}

def Aidge_AvgPoolOp : Aidge_InferredOp<"avg_pool"> {
  let summary = "average pooling over 1-D, 2-D or 3-D windows";
  let description = [{
    As `aidge.max_pool`; with `count_include_pad` the padded cells count in
    the divisor.
  }];
  let arguments = (ins AnyStaticShapeTensor:$input, DenseI64ArrayAttr:$kernel_shape,
                       DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$dilations,
                       DenseI64ArrayAttr:$pads, BoolAttr:$ceil_mode,
                       BoolAttr:$count_include_pad,
                       OptionalAttr<Aidge_ActivationAttr>:$activation);
  let results = (outs AnyStaticShapeTensor:$output);
}

def Aidge_GlobalAveragePoolOp : Aidge_InferredOp<"global_average_pool"> {
  let summary = "mean over all spatial positions";
  let description = "`N x C x D...` to `N x C x 1...`.";
  let arguments = (ins AnyStaticShapeTensor:$input,
                       OptionalAttr<Aidge_ActivationAttr>:$activation);
  let results = (outs AnyStaticShapeTensor:$output);
}

def Aidge_GlobalMaxPoolOp : Aidge_InferredOp<"global_max_pool"> {
  let summary = "maximum over all spatial positions";
  let description = "`N x C x D...` to `N x C x 1...`.";
  let arguments = (ins AnyStaticShapeTensor:$input);
  let results = (outs AnyStaticShapeTensor:$output);
}

//===----------------------------------------------------------------------===//
// Activations and element-wise unary ops
//===----------------------------------------------------------------------===//

def Aidge_ReLUOp : Aidge_UnaryOp<"relu", "max(x, 0)">;
def Aidge_SigmoidOp : Aidge_FloatUnaryOp<"sigmoid", "1 / (1 + exp(-x))">;
def Aidge_TanhOp : Aidge_FloatUnaryOp<"tanh", "tanh(x)">;
def Aidge_HardSwishOp : Aidge_FloatUnaryOp<"hard_swish", "x * max(0, min(1, x / 6 + 1 / 2))">;
def Aidge_ErfOp : Aidge_FloatUnaryOp<"erf", "erf(x)">;
def Aidge_ExpOp : Aidge_FloatUnaryOp<"exp", "exp(x)">;
def Aidge_SqrtOp : Aidge_FloatUnaryOp<"sqrt", "sqrt(x)">;
def Aidge_AbsOp : Aidge_UnaryOp<"abs", "|x|">;
def Aidge_NegOp : Aidge_UnaryOp<"neg", "-x">;

def Aidge_IdentityOp : Aidge_UnaryOp<"identity", "x"> {
  let hasFolder = 1;
}

def Aidge_LeakyReLUOp : Aidge_FloatUnaryOp<"leaky_relu", "x >= 0 ? x : alpha * x"> {
  let arguments = (ins StaticShapeTensorOf<[AnyFloat]>:$input, F32Attr:$alpha);
}

def Aidge_ClipOp : Aidge_UnaryOp<"clip", "min(max(x, min), max)"> {
  let description = [{
    Clamps each element; a missing bound is not applied. ONNX's `min`/`max`
    inputs (opset 11 and later) must be constant and become attributes.
  }];
  let arguments = (ins AnyStaticShapeTensor:$input, OptionalAttr<F32Attr>:$min,
                       OptionalAttr<F32Attr>:$max);
  let hasVerifier = 1;
}

def Aidge_HardSigmoidOp
    : Aidge_FloatUnaryOp<"hard_sigmoid", "max(0, min(1, alpha * x + beta))"> {
  let arguments = (ins StaticShapeTensorOf<[AnyFloat]>:$input, F32Attr:$alpha,
                       F32Attr:$beta);
}

// Not element-wise: each result depends on a whole row along `axis`.
def Aidge_SoftmaxOp : Aidge_Op<"softmax", [SameOperandsAndResultType,
                                           InferTypeOpInterface]> {
  let summary = "softmax along one axis";
  let description = [{
    Normalized exponential along `axis` (opset-13 semantics; the 2-D
    coercion of earlier opsets is expressed with reshapes at import).
  }];
  let arguments = (ins StaticShapeTensorOf<[AnyFloat]>:$input, I64Attr:$axis);
  let results = (outs StaticShapeTensorOf<[AnyFloat]>:$output);
  let assemblyFormat = "$input attr-dict `:` type($output)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Binary broadcasting ops
//===----------------------------------------------------------------------===//

// The arithmetic ops can apply a fused activation (see `--aidge-fuse`).
class Aidge_ArithmeticOp<string mnemonic, string summaryText, list<Trait> traits = []>
    : Aidge_BroadcastOp<mnemonic, summaryText, traits> {
  let arguments = (ins AnyStaticShapeTensor:$lhs, AnyStaticShapeTensor:$rhs,
                       OptionalAttr<Aidge_ActivationAttr>:$activation);
}

def Aidge_AddOp : Aidge_ArithmeticOp<"add", "lhs + rhs", [Commutative]>;
def Aidge_SubOp : Aidge_ArithmeticOp<"sub", "lhs - rhs">;
def Aidge_MulOp : Aidge_ArithmeticOp<"mul", "lhs * rhs", [Commutative]>;
def Aidge_DivOp : Aidge_ArithmeticOp<"div", "lhs / rhs">;
def Aidge_PowOp : Aidge_BroadcastOp<"pow", "lhs ^ rhs"> {
  let description = [{
    Element-wise power with numpy broadcasting. As in ONNX the exponent may
    have another element type than the base; the result has the base's.
  }];
}
def Aidge_MaxOp : Aidge_BroadcastOp<"max", "max(lhs, rhs)", [Commutative]>;
def Aidge_MinOp : Aidge_BroadcastOp<"min", "min(lhs, rhs)", [Commutative]>;

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

def Aidge_BatchNormOp : Aidge_InferredOp<"batch_norm"> {
  let summary = "inference-mode batch normalization";
  let description = [{
    `scale * (input - mean) / sqrt(var + epsilon) + bias` per channel
    (dimension 1); the four parameters have one element per channel.
  }];
  let arguments = (ins StaticShapeTensorOf<[AnyFloat]>:$input,
                       AnyStaticShapeTensor:$scale, AnyStaticShapeTensor:$bias,
                       AnyStaticShapeTensor:$mean, AnyStaticShapeTensor:$var,
                       F32Attr:$epsilon);
  let results = (outs AnyStaticShapeTensor:$output);
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

def Aidge_ConcatOp : Aidge_InferredOp<"concat"> {
  let summary = "concatenation along one axis";
  let description = "Joins one or more tensors along the non-negative `axis`.";
  let arguments = (ins Variadic<AnyStaticShapeTensor>:$inputs, I64Attr:$axis);
  let results = (outs AnyStaticShapeTensor:$output);
  let hasFolder = 1;
}

def Aidge_TransposeOp : Aidge_Op<"transpose", [InferTypeOpAdaptorWithIsCompatible]> {
  let summary = "permutation of dimensions";
  let description = [{
    Output dimension `i` is input dimension `perm[i]`. The result's data
    format is its own: a transpose that only changes how a tensor is stored
    (inserted by `--aidge-match-impl`) has the same values in the default
    order as its input, e.g. `perm = [0, 2, 3, 1]` from the default format
    to `#aidge<format nhwc>`.
  }];
  let assemblyFormat = "operands attr-dict `:` functional-type(operands, results)";
  let arguments = (ins AnyStaticShapeTensor:$input, DenseI64ArrayAttr:$perm);
  let results = (outs AnyStaticShapeTensor:$output);
  let hasFolder = 1;
}

def Aidge_ReshapeOp : Aidge_Op<"reshape"> {
  let summary = "new static shape, same elements in row-major order";
  let description = [{
    The target shape is the result type: ONNX's `0` and `-1` entries are
    resolved at import.
  }];
  let arguments = (ins AnyStaticShapeTensor:$input);
  let results = (outs AnyStaticShapeTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Aidge_FlattenOp : Aidge_InferredOp<"flatten"> {
  let summary = "collapse into a matrix at `axis`";
  let description = [{
    Dimensions before `axis` form the rows, the rest the columns
    (`0 <= axis <= rank`).
  }];
  let arguments = (ins AnyStaticShapeTensor:$input, I64Attr:$axis);
  let results = (outs AnyStaticShapeTensor:$output);
  let hasFolder = 1;
}

def Aidge_SqueezeOp : Aidge_InferredOp<"squeeze"> {
  let summary = "remove size-1 dimensions";
  let description = "Removes the listed `axes` (sorted, non-negative, each of size 1).";
  let arguments = (ins AnyStaticShapeTensor:$input, DenseI64ArrayAttr:$axes);
  let results = (outs AnyStaticShapeTensor:$output);
  let hasFolder = 1;
}

def Aidge_UnsqueezeOp : Aidge_InferredOp<"unsqueeze"> {
  let summary = "insert size-1 dimensions";
  let description = "Inserts size-1 dimensions at `axes`, numbered in the output.";
  let arguments = (ins AnyStaticShapeTensor:$input, DenseI64ArrayAttr:$axes);
  let results = (outs AnyStaticShapeTensor:$output);
  let hasFolder = 1;
}

def Aidge_PadOp : Aidge_InferredOp<"pad"> {
  let summary = "pad (or crop, with negative pads) every dimension";
  let description = [{
    `pads` holds the begin pads of every dimension, then the end pads.
    `constant` mode fills with `value`; `reflect` mirrors without repeating
    the edge; `edge` repeats it.
  }];
  let arguments = (ins AnyStaticShapeTensor:$input, DenseI64ArrayAttr:$pads,
                       Aidge_PadModeAttr:$mode, F32Attr:$value);
  let results = (outs AnyStaticShapeTensor:$output);
  let hasFolder = 1;
}

def Aidge_SliceOp : Aidge_InferredOp<"slice"> {
  let summary = "strided slice with one (start, end, step) per dimension";
  let description = [{
    Normalized ONNX `Slice`: one entry per input dimension. `starts` is in
    `[0, dim]`, `ends` in `[-1, dim]` (-1 only with a negative step: "before
    index 0"), `steps` is non-zero. Output size per dimension is
    `max(0, ceil((end - start) / step))`.
  }];
  let arguments = (ins AnyStaticShapeTensor:$input, DenseI64ArrayAttr:$starts,
                       DenseI64ArrayAttr:$ends, DenseI64ArrayAttr:$steps);
  let results = (outs AnyStaticShapeTensor:$output);
  let hasFolder = 1;
}

def Aidge_SplitOp : Aidge_InferredOp<"split"> {
  let summary = "split into consecutive chunks along one axis";
  let description = "Result `i` has `split[i]` elements along `axis`.";
  let arguments = (ins AnyStaticShapeTensor:$input, I64Attr:$axis,
                       DenseI64ArrayAttr:$split);
  let results = (outs Variadic<AnyStaticShapeTensor>:$outputs);
}

def Aidge_GatherOp : Aidge_InferredOp<"gather"> {
  let summary = "gather slices of `data` along `axis`";
  let description = [{
    ONNX `Gather`. Negative indices count from the end of `axis`; the
    importer normalizes constant ones.
  }];
  let arguments = (ins AnyStaticShapeTensor:$data,
                       StaticShapeTensorOf<[I32, I64]>:$indices, I64Attr:$axis);
  let results = (outs AnyStaticShapeTensor:$output);
}

def Aidge_ReduceMeanOp : Aidge_ReduceOp<"reduce_mean", "mean">;
def Aidge_ReduceSumOp : Aidge_ReduceOp<"reduce_sum", "sum">;
def Aidge_ReduceMaxOp : Aidge_ReduceOp<"reduce_max", "max">;

def Aidge_ResizeOp : Aidge_Op<"resize"> {
  let summary = "nearest, n-linear or n-cubic resampling";
  let description = [{
    ONNX `Resize` with `nearest`, `linear` (n-linear) or `cubic` (n-cubic,
    Keys' kernel with `cubic_coeff_a`; `exclude_outside` renormalizes the
    weights of the cells inside the input) interpolation. The output shape
    is the result type; `scales` (one per dimension, in double precision)
    drive the coordinate transform as ONNX's reference does: the model's
    scales, or output / input when it gave sizes. `roi` holds the start
    then the end of every dimension's region (fractions of the input), and
    only `tf_crop_and_resize` has one; its outputs outside the input are
    `extrapolation_value`.
  }];
  let arguments = (ins StaticShapeTensorOf<[AnyFloat]>:$input,
                       DenseF64ArrayAttr:$scales, Aidge_ResizeModeAttr:$mode,
                       Aidge_CoordinateTransformAttr:$coordinate_transform,
                       Aidge_NearestModeAttr:$nearest_mode,
                       DefaultValuedAttr<F32Attr, "-0.75f">:$cubic_coeff_a,
                       DefaultValuedAttr<BoolAttr, "false">:$exclude_outside,
                       DefaultValuedAttr<F32Attr, "0.0f">:$extrapolation_value,
                       OptionalAttr<DenseF32ArrayAttr>:$roi);
  let results = (outs StaticShapeTensorOf<[AnyFloat]>:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

def Aidge_CastOp : Aidge_Op<"cast"> {
  let summary = "element type conversion";
  let description = [{
    Converts each element to the result's element type with ONNX `Cast`
    semantics (float to integer truncates toward zero).
  }];
  let arguments = (ins AnyStaticShapeTensor:$input);
  let results = (outs AnyStaticShapeTensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `to` type($output)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

#endif // AIDGE_DIALECT_AIDGE_IR_AIDGEOPS_TD
