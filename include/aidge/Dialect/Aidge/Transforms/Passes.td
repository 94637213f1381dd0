//===- Passes.td - aidge graph transformations -------------*- tablegen -*-===//

#ifndef AIDGE_DIALECT_AIDGE_TRANSFORMS_PASSES_TD
#define AIDGE_DIALECT_AIDGE_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def AidgeFuse : Pass<"aidge-fuse", "func::FuncOp"> {
  let summary = "Fuse operator chains into the ops that export kernels run";
  let description = [{
    Aidge's metaops as rewrites, each exact (batch-norm folding up to float
    rounding):
    - a constant zero `aidge.pad` of the spatial dimensions into the pads of
      the `aidge.conv` it feeds, or of an `aidge.avg_pool` whose own padding
      cells count (`count_include_pad` or no own pads, no `ceil_mode`);
    - `aidge.batch_norm` into the weights and bias of the `aidge.conv` or
      `aidge.fc` that feeds only it, when those are constants;
    - `aidge.matmul` of a 2-D operand by a 2-D constant, followed by an
      `aidge.add` of a constant that broadcasts to its result, into
      `aidge.fc`;
    - `aidge.relu`, `aidge.clip` and `aidge.leaky_relu` into the
      `activation` of the conv, fc, pool or arithmetic op that feeds only
      them;
    - no-op `aidge.reshape`/`aidge.flatten`/`aidge.identity` chains away.
  }];
  let dependentDialects = ["::mlir::aidge::AidgeDialect"];
}

def AidgeMatchImpl : Pass<"aidge-match-impl", "ModuleOp"> {
  let summary = "Choose an export-library implementation for every op";
  let description = [{
    For each op, computes the spec it requires (element types, data formats
    and shapes of its operands and results), scores every implementation
    the export library registers for its type (Aidge's `get_best_match`) and
    annotates the op with the best one as `aidge.impl`. When the best one
    wants another data format or a wider float type, the op is adapted:
    transposes (format) and casts (f16/bf16 to f32) are inserted around it,
    the fewest possible (Aidge's `get_best_adaptation`). Transposes of
    constants are folded into the constants; back-to-back transposes cancel
    and transposes move across element-wise ops and concatenations, so a CNN
    keeps at most one transpose at each graph boundary.

    An op that no implementation can take gets an error naming it, the spec
    it requires and the specs the library has for its type.
  }];
  let options = [
    Option<"libName", "lib", "std::string", /*default=*/"\"cpp\"",
           "Export library to match against">,
    ListOption<"libFiles", "export-lib", "std::string",
               "JSON export-library descriptions to load first">,
    Option<"inputFormat", "input-format", "std::string", /*default=*/"\"default\"",
           "Data format of the graph's 3-D/4-D inputs (default keeps the model's)">,
    Option<"outputFormat", "output-format", "std::string", /*default=*/"\"default\"",
           "Data format of the graph's 3-D/4-D results (default keeps the model's)">,
  ];
  let dependentDialects = ["::mlir::aidge::AidgeDialect",
                           "::mlir::func::FuncDialect"];
}

#endif // AIDGE_DIALECT_AIDGE_TRANSFORMS_PASSES_TD
