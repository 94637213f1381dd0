//===- KernelConfig.h - What each cpp kernel is called with -----*- C++ -*-===//
//
// For an op matched to a kernel of the `cpp` library, the values of the
// kernel's parameter struct (in field order) and its arguments: the
// mem_info of each operand in the arena, the weights it reads. The
// structs are those of lib/Target/Cpp/Library/cpp (see its README).
//
//===----------------------------------------------------------------------===//

#ifndef AIDGE_LIB_CONVERSION_AIDGETOEXPORT_KERNELCONFIG_H
#define AIDGE_LIB_CONVERSION_AIDGETOEXPORT_KERNELCONFIG_H

#include "aidge/ExportLib/ExportLib.h"

#include "mlir/IR/Operation.h"
#include "llvm/ADT/SmallVector.h"
#include <functional>
#include <string>

namespace mlir::aidge {

struct KernelCall {
  /// The C++ struct of the parameters; empty for kernels without one.
  std::string paramsType;
  /// Field names (lower case, for the layer's #defines) and values: an
  /// integer, a float, or a C++ expression (a nested struct, an array).
  SmallVector<std::pair<std::string, Attribute>> params;
  /// Per arena operand its mem_info, in the kernel's argument order;
  /// a UnitAttr stands for an operand that is a constant instead.
  SmallVector<Attribute> inputs;
  /// Weight arguments after the parameters: a symbol (a constant), a
  /// mem_info (computed at run time, read from the arena) or "nullptr".
  SmallVector<Attribute> weights;
  /// The kernel takes its inputs (outputs) as an array of mem_info
  /// pointers.
  bool inputsAsArray = false;
  bool outputsAsArray = false;
  /// Nothing to run: the result is already where it should be.
  bool noop = false;
  /// C++ element types instantiating the kernel template, when not float.
  SmallVector<std::string> templateArgs;
};

/// A constant re-laid for its kernel (ExportLib's WeightPacking).
struct WeightPacker {
  /// Tells the layouts of one constant apart: the same constant packed
  /// with the same key is one weight.
  std::string key;
  /// The re-laid constant, its data named `name` (unique: a resource
  /// blob named like another one costs a probe per namesake); nullopt when
  /// it cannot be made.
  std::function<std::optional<ElementsAttr>(ElementsAttr, StringRef name)>
      pack;
};

/// Names the weight global for constant operand `value` of the op, with
/// `role` (e.g. "weights") when it needs a new one, re-laid by `packer`
/// when not null; a null attribute after an error.
using WeightNamer = std::function<Attribute(Value value, StringRef role,
                                            const WeightPacker *packer)>;

/// The call of `kernel` for `op`; emits an error on the op and fails when
/// the kernel cannot take it.
FailureOr<KernelCall> configureKernel(Operation *op,
                                      const KernelDescriptor &kernel,
                                      const WeightNamer &nameWeight);

} // namespace mlir::aidge

#endif // AIDGE_LIB_CONVERSION_AIDGETOEXPORT_KERNELCONFIG_H
