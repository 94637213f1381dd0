//===- Passes.td - Conversions between aidge dialects ------*- tablegen -*-===//

#ifndef AIDGE_CONVERSION_PASSES_TD
#define AIDGE_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def AidgeLowerToExport : Pass<"aidge-lower-to-export", "ModuleOp"> {
  let summary = "Lower a planned aidge graph to the aidge_export dialect";
  let description = [{
    Takes a fused, matched (`aidge.impl`), scheduled (`aidge.step`) and
    planned (`aidge.mem`) `aidge` function and replaces it with an
    `aidge_export.arena` of its peak, an `aidge_export.weight` per constant
    a kernel reads (named `<layer>_<operand>`, e.g. `conv1_weights`), and an
    `aidge_export.graph` of `input`, `kernel` (one per scheduled op, with
    the configuration its kernel takes) and `output` ops. Views and
    concatenations whose inputs were written in place become `noop`
    kernels. An op its library's kernels cannot be configured for is an
    error naming it.
  }];
  let dependentDialects = ["::mlir::aidge_export::AidgeExportDialect"];
}

#endif // AIDGE_CONVERSION_PASSES_TD
