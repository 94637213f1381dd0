//===- AidgeAttrs.td - aidge attributes --------------------*- tablegen -*-===//
//
// Data formats, implementation specs (Aidge's IOSpec/ImplSpec), the chosen
// implementation of an op, and fused activations.
//
//===----------------------------------------------------------------------===//

#ifndef AIDGE_DIALECT_AIDGE_IR_AIDGEATTRS_TD
#define AIDGE_DIALECT_AIDGE_IR_AIDGEATTRS_TD

include "aidge/Dialect/Aidge/IR/AidgeEnums.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/TensorEncoding.td"

//===----------------------------------------------------------------------===//
// Data formats
//===----------------------------------------------------------------------===//

def Aidge_DataFormat : I32EnumAttr<"DataFormat",
    "memory order of a tensor's dimensions (Aidge's DataFormat)", [
    I32EnumAttrCase<"any", 0>,
    I32EnumAttrCase<"default_", 1, "default">,
    I32EnumAttrCase<"nchw", 2>,
    I32EnumAttrCase<"nhwc", 3>,
    I32EnumAttrCase<"ncw", 4>,
    I32EnumAttrCase<"nwc", 5>,
    I32EnumAttrCase<"chw", 6>,
    I32EnumAttrCase<"hwc", 7>,
    I32EnumAttrCase<"ncdhw", 8>,
    I32EnumAttrCase<"ndhwc", 9>,
    I32EnumAttrCase<"chwn", 10>]> {
  let cppNamespace = "::mlir::aidge";
  let genSpecializedAttr = 0;
}

def Aidge_DataFormatAttr : EnumAttr<Aidge_Dialect, Aidge_DataFormat, "format",
    [DeclareAttrInterfaceMethods<VerifiableTensorEncoding>]> {
  let summary = "data format of a tensor, used as its encoding";
  let description = [{
    As a tensor encoding, `#aidge<format nhwc>` says that the tensor's
    dimensions are stored in that order: `tensor<1x8x8x16xf32,
    #aidge<format nhwc>>` holds the NCHW tensor `1x16x8x8`. A tensor without
    encoding is in the `default` format: the channel-first order of ONNX.
    Only formats whose order differs from the default appear as encodings.
  }];
}

//===----------------------------------------------------------------------===//
// Implementation specs
//===----------------------------------------------------------------------===//

// Dimension bounds, printed as `[1, 4]`.
def Aidge_DimsParameter : OptionalArrayRefParameter<"int64_t"> {
  let printer = [{
    $_printer << '[';
    ::llvm::interleaveComma($_self, $_printer);
    $_printer << ']';
  }];
  let parser = [{
    [&]() -> ::mlir::FailureOr<::llvm::SmallVector<int64_t>> {
      ::llvm::SmallVector<int64_t> dims;
      if ($_parser.parseCommaSeparatedList(
              ::mlir::AsmParser::Delimiter::Square,
              [&] { return $_parser.parseInteger(dims.emplace_back()); }))
        return ::mlir::failure();
      return dims;
    }()
  }];
}

def Aidge_IOSpecAttr : AttrDef<Aidge_Dialect, "IOSpec"> {
  let mnemonic = "io_spec";
  let summary = "what an implementation accepts for one input or output";
  let description = [{
    Aidge's `IOSpec`: an element type (absent: any), a data format (`any`
    matches every format) and optional dimension ranges, one
    `min_dims`/`max_dims` pair entry per dimension (`-1` in `max_dims`: no
    bound). Dimension ranges also fix the rank.

    ```mlir
    #aidge.io_spec<dtype = f32, format = nhwc>
    #aidge.io_spec<format = default, min_dims = [1, 1], max_dims = [1, -1]>
    ```
  }];
  let parameters = (ins
    OptionalParameter<"::mlir::Type">:$dtype,
    DefaultValuedParameter<"::mlir::aidge::DataFormat",
                           "::mlir::aidge::DataFormat::any">:$format,
    Aidge_DimsParameter:$min_dims,
    Aidge_DimsParameter:$max_dims);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

def Aidge_ImplSpecAttr : AttrDef<Aidge_Dialect, "ImplSpec"> {
  let mnemonic = "impl_spec";
  let summary = "what an implementation accepts, for all its operands";
  let description = [{
    Aidge's `ImplSpec`: one `io_spec` per input and per output (the last one
    is reused for further operands; none at all means "anything"), the
    attribute values the op must have, and a priority that breaks ties
    between specs that match equally well.

    ```mlir
    #aidge.impl_spec<inputs = [#aidge.io_spec<dtype = f32, format = nhwc>],
                     outputs = [#aidge.io_spec<dtype = f32, format = nhwc>],
                     attrs = {group = 1 : i64}, priority = 1>
    ```
  }];
  let parameters = (ins
    "::mlir::ArrayAttr":$inputs,
    "::mlir::ArrayAttr":$outputs,
    OptionalParameter<"::mlir::DictionaryAttr">:$attrs,
    DefaultValuedParameter<"int64_t", "0">:$priority);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

def Aidge_ImplAttr : AttrDef<Aidge_Dialect, "Impl"> {
  let mnemonic = "impl";
  let summary = "the implementation chosen for an op";
  let description = [{
    Set by `--aidge-match-impl` as the discardable attribute `aidge.impl`:
    the export library, the kernel of that library and the spec it was
    registered with.
  }];
  let parameters = (ins "::mlir::StringAttr":$lib, "::mlir::StringAttr":$kernel,
                        "::mlir::aidge::ImplSpecAttr":$spec);
  let assemblyFormat = "`<` struct(params) `>`";
}

//===----------------------------------------------------------------------===//
// Fused activations
//===----------------------------------------------------------------------===//

def Aidge_ActivationKind : I32EnumAttr<"ActivationKind",
    "activation applied to the result of an op", [
    I32EnumAttrCase<"relu", 0>,
    I32EnumAttrCase<"clip", 1>,
    I32EnumAttrCase<"leaky_relu", 2>]> {
  let cppNamespace = "::mlir::aidge";
  let genSpecializedAttr = 0;
}

def Aidge_ActivationAttr : AttrDef<Aidge_Dialect, "Activation"> {
  let mnemonic = "activation";
  let summary = "an activation fused into the op that produces its input";
  let description = [{
    Set by `--aidge-fuse`: the op applies it to each result element, as the
    removed activation op did. `clip` has optional `min`/`max` bounds,
    `leaky_relu` an `alpha`.

    ```mlir
    #aidge.activation<kind = clip, min = 0.0 : f32, max = 6.0 : f32>
    ```
  }];
  let parameters = (ins "::mlir::aidge::ActivationKind":$kind,
                        OptionalParameter<"::mlir::FloatAttr">:$min,
                        OptionalParameter<"::mlir::FloatAttr">:$max,
                        OptionalParameter<"::mlir::FloatAttr">:$alpha);
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
}

//===----------------------------------------------------------------------===//
// Memory plans
//===----------------------------------------------------------------------===//

def Aidge_Reuse : I32EnumAttr<"Reuse",
    "how a tensor's memory relates to another's", [
    I32EnumAttrCase<"none", 0>,
    I32EnumAttrCase<"inplace", 1>,
    I32EnumAttrCase<"alias", 2>,
    I32EnumAttrCase<"wrap", 3>,
    I32EnumAttrCase<"concat", 4>]> {
  let cppNamespace = "::mlir::aidge";
  let genSpecializedAttr = 0;
}

def Aidge_MemInfoAttr : AttrDef<Aidge_Dialect, "MemInfo"> {
  let mnemonic = "mem_info";
  let summary = "where a tensor lies in the activation arena (Aidge's mem_info)";
  let description = [{
    Set by `--aidge-plan-memory` as `aidge.mem` (one per result, and on
    graph inputs), all in bytes: the tensor is a plane of `count` lines of
    `length` slots of `size` bytes, slots `stride` bytes apart, starting at
    `offset` (= `cont_offset`) in the arena. Its first `cont_size` bytes are
    contiguous; the remaining `wrap_size` bytes continue at `wrap_offset`,
    the start of its space. `reuse` says how it shares memory: written over
    a dying operand (`inplace`), the same bytes as its operand (`alias`),
    over its operand as it is read (`wrap`), or straight into its slice of a
    concatenation (`concat`).

    ```mlir
    #aidge.mem_info<size = 32, stride = 32, length = 8, count = 8,
                    offset = 0, cont_offset = 0, cont_size = 2048,
                    wrap_offset = 0, wrap_size = 0, reuse = none>
    ```
  }];
  let parameters = (ins "int64_t":$size, "int64_t":$stride, "int64_t":$length,
                        "int64_t":$count, "int64_t":$offset,
                        "int64_t":$cont_offset, "int64_t":$cont_size,
                        "int64_t":$wrap_offset, "int64_t":$wrap_size,
                        "::mlir::aidge::Reuse":$reuse);
  let assemblyFormat = "`<` struct(params) `>`";
}

#endif // AIDGE_DIALECT_AIDGE_IR_AIDGEATTRS_TD
