//===- AidgeOps.h - aidge graph operators -----------------------*- C++ -*-===//

#ifndef AIDGE_DIALECT_AIDGE_IR_AIDGEOPS_H
#define AIDGE_DIALECT_AIDGE_IR_AIDGEOPS_H

#include "aidge/Dialect/Aidge/IR/AidgeDialect.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace mlir::aidge {
/// Marks ops that commute with any transpose of all their operands.
template <typename ConcreteType>
class AidgeElementwise : public OpTrait::TraitBase<ConcreteType, AidgeElementwise> {};
} // namespace mlir::aidge

#define GET_OP_CLASSES
#include "aidge/Dialect/Aidge/IR/AidgeOps.h.inc"

#endif // AIDGE_DIALECT_AIDGE_IR_AIDGEOPS_H
