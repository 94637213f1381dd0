//===- AidgeDialect.cpp - The aidge graph dialect -------------------------===//

#include "aidge/Dialect/Aidge/IR/AidgeDialect.h"
#include "aidge/Dialect/Aidge/IR/AidgeOps.h"
#include "aidge/Dialect/Aidge/IR/DataFormat.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::aidge;

#include "aidge/Dialect/Aidge/IR/AidgeOpsDialect.cpp.inc"
#include "aidge/Dialect/Aidge/IR/AidgeEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "aidge/Dialect/Aidge/IR/AidgeAttrs.cpp.inc"

void AidgeDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "aidge/Dialect/Aidge/IR/AidgeOps.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "aidge/Dialect/Aidge/IR/AidgeAttrs.cpp.inc"
      >();
}

Operation *AidgeDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                             Type type, Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getType() != type)
    return nullptr;
  return ProducerOp::create(builder, loc, elements);
}

std::string mlir::aidge::getNodeName(Location loc) {
  std::string name;
  loc->walk([&](Location inner) {
    if (auto named = dyn_cast<NameLoc>(inner)) {
      name = named.getName().str();
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return name;
}

//===----------------------------------------------------------------------===//
// Attribute verifiers
//===----------------------------------------------------------------------===//

LogicalResult IOSpecAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                 Type, DataFormat format,
                                 ArrayRef<int64_t> minDims,
                                 ArrayRef<int64_t> maxDims) {
  if (minDims.size() != maxDims.size())
    return emitError() << "min_dims and max_dims must have the same length";
  for (auto [lo, hi] : llvm::zip_equal(minDims, maxDims))
    if (lo < 0 || (hi != -1 && hi < lo))
      return emitError() << "dimension range [" << lo << ", " << hi
                         << "] is empty or negative";
  std::optional<int64_t> rank = getFormatRank(format);
  if (rank && !minDims.empty() && (int64_t)minDims.size() != *rank)
    return emitError() << "format '" << stringifyDataFormat(format)
                       << "' is for rank " << *rank << ", but dims give rank "
                       << minDims.size();
  return success();
}

LogicalResult ImplSpecAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                   ArrayAttr inputs, ArrayAttr outputs,
                                   DictionaryAttr, int64_t) {
  for (ArrayAttr list : {inputs, outputs})
    for (Attribute spec : list)
      if (!isa<IOSpecAttr>(spec))
        return emitError() << "expected #aidge.io_spec entries, got " << spec;
  return success();
}

LogicalResult ActivationAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                     ActivationKind kind, FloatAttr min,
                                     FloatAttr max, FloatAttr alpha) {
  if ((min || max) && kind != ActivationKind::clip)
    return emitError() << "'" << stringifyActivationKind(kind)
                       << "' does not take min or max";
  if (bool(alpha) != (kind == ActivationKind::leaky_relu))
    return emitError() << (alpha ? "only 'leaky_relu' takes alpha"
                                 : "'leaky_relu' needs alpha");
  if (min && max && min.getValueAsDouble() > max.getValueAsDouble())
    return emitError() << "clip min must not exceed max";
  return success();
}

LogicalResult AidgeDialect::verifyOperationAttribute(Operation *op,
                                                     NamedAttribute attr) {
  if (attr.getName() == "aidge.impl" && !isa<ImplAttr>(attr.getValue()))
    return op->emitOpError("'aidge.impl' must be an #aidge.impl attribute");
  return success();
}
