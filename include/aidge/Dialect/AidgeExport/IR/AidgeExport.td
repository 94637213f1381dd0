//===- AidgeExport.td - What the generated C++ needs -------*- tablegen -*-===//

#ifndef AIDGE_DIALECT_AIDGEEXPORT_IR_AIDGEEXPORT_TD
#define AIDGE_DIALECT_AIDGEEXPORT_IR_AIDGEEXPORT_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "aidge/Dialect/Aidge/IR/AidgeAttrs.td"

def AidgeExport_Dialect : Dialect {
  let name = "aidge_export";
  let summary = "A planned network as the C++ export sees it.";
  let description = [{
    What `aidge-translate --to-cpp` needs and nothing more: one arena of the
    planned size, the weights as read-only globals, and the graph as a
    sequence of kernel calls in schedule order, each with its
    implementation, its configuration values and the mem_info of its
    operands and results. Made by `--aidge-lower-to-export` from a fused,
    matched, scheduled and planned `aidge` module.
  }];
  let cppNamespace = "::mlir::aidge_export";
  let dependentDialects = ["::mlir::aidge::AidgeDialect"];
}

class AidgeExport_Op<string mnemonic, list<Trait> traits = []>
    : Op<AidgeExport_Dialect, mnemonic, traits>;

def AidgeExport_ArenaOp : AidgeExport_Op<"arena", [Symbol]> {
  let summary = "the activation arena";
  let description = [{
    `static` bytes of exactly the planned peak, aligned, optionally in a
    linker section.

    ```mlir
    aidge_export.arena @mem size = 45056 align = 16
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, I64Attr:$size,
                       I64Attr:$alignment, OptionalAttr<StrAttr>:$section);
  let assemblyFormat = [{
    $sym_name `size` `=` $size `align` `=` $alignment (`section` $section^)?
    attr-dict
  }];
}

def AidgeExport_WeightOp : AidgeExport_Op<"weight", [Symbol]> {
  let summary = "a read-only weight array";
  let description = [{
    A `static const` array holding `value` (a `dense_resource` blob is
    written from its bytes, never re-parsed from text).
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, ElementsAttr:$value,
                       I64Attr:$alignment, OptionalAttr<StrAttr>:$section);
  let assemblyFormat = [{
    $sym_name `=` $value `align` `=` $alignment (`section` $section^)?
    attr-dict
  }];
}

def AidgeExport_GraphOp : AidgeExport_Op<"graph", [Symbol, IsolatedFromAbove,
    NoTerminator, SingleBlock, NoRegionArguments]> {
  let summary = "the forward function";
  let description = [{
    `model_forward`: its `input`s are copied into the arena, its `kernel`s
    run in order, its `output`s are returned as pointers into the arena.
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, FlatSymbolRefAttr:$arena);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$sym_name `arena` $arena attr-dict-with-keyword $body";
}

class AidgeExport_BoundaryOp<string mnemonic, string what>
    : AidgeExport_Op<mnemonic, [HasParent<"GraphOp">]> {
  let summary = what # " of the graph, in the arena";
  let arguments = (ins StrAttr:$name, I64Attr:$index, TypeAttr:$type,
                       Aidge_MemInfoAttr:$mem);
  let assemblyFormat = "$name `[` $index `]` `:` $type `at` $mem attr-dict";
}

def AidgeExport_InputOp : AidgeExport_BoundaryOp<"input", "an input">;

def AidgeExport_OutputOp : AidgeExport_Op<"output", [HasParent<"GraphOp">,
    DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "an output of the graph, in the arena or a constant";
  let description = [{
    A result the plan placed in the arena (`at` its mem_info), or one that
    folded to a constant (`constant` names its `aidge_export.weight`), which
    model_forward hands out as a copy.
  }];
  let arguments = (ins StrAttr:$name, I64Attr:$index, TypeAttr:$type,
                       OptionalAttr<Aidge_MemInfoAttr>:$mem,
                       OptionalAttr<FlatSymbolRefAttr>:$constant);
  let assemblyFormat = [{
    $name `[` $index `]` `:` $type (`at` $mem^)? (`constant` $constant^)?
    attr-dict
  }];
  let hasVerifier = 1;
}

// The weights are checked as symbol uses, against the module's cached
// symbol table: a lookup per op in verify() scans every weight, quadratic
// in the graph size.
def AidgeExport_KernelOp : AidgeExport_Op<"kernel", [HasParent<"GraphOp">,
    DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "one kernel call";
  let description = [{
    Calls `entry` for layer `name` (its ONNX node) with the arena, the
    mem_info of each arena operand (`inputs`) and result (`outputs`), a
    `params_type` aggregate of `params` (names and values, in the struct's
    field order) and the `weights` globals. `kernel` names the
    implementation in library `lib`; `headers` are the library files it
    needs. `noop` calls (views and in-place concatenations) emit nothing.
    `template_args` (C++ types) instantiate a kernel template for element
    types other than float: `entry<std::int64_t>(...)`. With
    `static_params`, the params aggregate is the first template argument
    instead of an argument, `entry<PARAMS>(mem, ...)`: the kernel is
    specialised for the layer's shapes when the export is compiled.
  }];
  let arguments = (ins StrAttr:$name, I64Attr:$step, StrAttr:$lib,
                       StrAttr:$kernel, StrAttr:$entry, StrAttr:$params_type,
                       ArrayAttr:$param_names, ArrayAttr:$params,
                       ArrayAttr:$inputs, ArrayAttr:$outputs,
                       ArrayAttr:$weights, ArrayAttr:$headers,
                       UnitAttr:$noop, OptionalAttr<StrArrayAttr>:$template_args,
                       UnitAttr:$static_params);
  let assemblyFormat = "$name $entry attr-dict";
  let hasVerifier = 1;
}

#endif // AIDGE_DIALECT_AIDGEEXPORT_IR_AIDGEEXPORT_TD
