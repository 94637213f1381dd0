//===- AidgeDialect.cpp - The aidge graph dialect -------------------------===//

#include "aidge/Dialect/Aidge/IR/AidgeDialect.h"
#include "aidge/Dialect/Aidge/IR/AidgeOps.h"

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
