//===- Reference.h - aidge-export's reference outputs and layers -*- C++ -*-===//
//
// --reference, --layer-ref and --print-reference: the reference interpreter
// run on the module the export is made from.
//
//===----------------------------------------------------------------------===//

#ifndef AIDGE_TOOLS_AIDGE_EXPORT_REFERENCE_H
#define AIDGE_TOOLS_AIDGE_EXPORT_REFERENCE_H

#include "mlir/IR/BuiltinOps.h"

namespace mlir::aidge {

/// Evaluates the module's function on the inputs of `aidge_export.inputs`
/// (a test data set's), or on deterministic pseudo-random inputs that it
/// then stores there: input k, element i is the i-th draw of the LCG
/// `s = s * 1664525 + 1013904223` seeded with `0x12345678 + k`, as
/// `(s >> 8) / 2^23 - 1` in [-1, 1) for floats, `(s >> 8) % 10` for
/// integers, `(s >> 8) % 2` for booleans. Sets `aidge_export.expected` to
/// the outputs, unless the test data set gave them (then warns where the
/// interpreter disagrees with them). With `layers`, also sets each op's
/// `aidge.reference` to its results, for the lowering to hand to --to-cpp.
LogicalResult embedReference(ModuleOp module, bool layers);

/// Writes `dir/<layer>.npy` (`<layer>_out<i>.npy` for output i > 0) for
/// each kernel of the lowered module that has an `aidge.reference`.
LogicalResult writeLayerReferences(ModuleOp module, StringRef dir);

/// Prints the module's outputs on the inputs embedReference uses: per
/// output a line `output <index> <shape> <element type>`, then its values.
LogicalResult printReference(ModuleOp module, raw_ostream &os);

} // namespace mlir::aidge

#endif // AIDGE_TOOLS_AIDGE_EXPORT_REFERENCE_H
