//===- AidgeExportDialect.cpp - What the generated C++ needs --------------===//

#include "aidge/Dialect/AidgeExport/IR/AidgeExportDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace mlir::aidge_export;

#include "aidge/Dialect/AidgeExport/IR/AidgeExportDialect.cpp.inc"

void AidgeExportDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "aidge/Dialect/AidgeExport/IR/AidgeExportOps.cpp.inc"
      >();
}

#define GET_OP_CLASSES
#include "aidge/Dialect/AidgeExport/IR/AidgeExportOps.cpp.inc"

/// A kernel's weight: "nullptr" (an optional weight the op does not have),
/// a mem_info (one computed at run time, read from the arena) or, given
/// `symbols`, the name of an aidge_export.weight.
static LogicalResult verifyWeight(KernelOp kernel, Attribute weight,
                                        SymbolTableCollection *symbols = nullptr) {
  if (auto text = dyn_cast<StringAttr>(weight); text && text == "nullptr")
    return success();
  if (isa<aidge::MemInfoAttr>(weight))
    return success();
  auto symbol = dyn_cast<FlatSymbolRefAttr>(weight);
  if (symbol && symbols && symbols->lookupNearestSymbolFrom<WeightOp>(kernel, symbol))
    return success();
  return kernel.emitOpError("weights must name aidge_export.weight ops, be "
                            "#aidge.mem_info or \"nullptr\", got ")
         << weight;
}

LogicalResult KernelOp::verify() {
  if (getParamNames().size() != getParams().size())
    return emitOpError("has ") << getParamNames().size() << " param names for "
                               << getParams().size() << " params";
  for (Attribute name : getParamNames())
    if (!isa<StringAttr>(name))
      return emitOpError("param names must be strings");
  for (Attribute param : getParams())
    if (!isa<IntegerAttr, FloatAttr, StringAttr>(param))
      return emitOpError("params must be integers, floats or C++ expressions");
  if (getStaticParams() && getParamsType().empty())
    return emitOpError("static_params needs a params_type");
  // `unit` stands for a constant input, passed as a weight instead.
  for (Attribute mem : getInputs())
    if (!isa<aidge::MemInfoAttr, UnitAttr>(mem))
      return emitOpError("inputs must be #aidge.mem_info or unit");
  for (Attribute mem : getOutputs())
    if (!isa<aidge::MemInfoAttr>(mem))
      return emitOpError("outputs must be #aidge.mem_info");
  for (Attribute weight : getWeights())
    if (!isa<FlatSymbolRefAttr>(weight) && failed(verifyWeight(*this, weight)))
      return failure();
  return success();
}

LogicalResult KernelOp::verifySymbolUses(SymbolTableCollection &symbols) {
  for (Attribute weight : getWeights())
    if (auto symbol = dyn_cast<FlatSymbolRefAttr>(weight);
        symbol && failed(verifyWeight(*this, symbol, &symbols)))
      return failure();
  return success();
}

LogicalResult OutputOp::verify() {
  if (bool(getMem()) == bool(getConstantAttr()))
    return emitOpError("must be either in the arena (at) or a constant");
  return success();
}

LogicalResult OutputOp::verifySymbolUses(SymbolTableCollection &symbols) {
  if (auto symbol = getConstantAttr();
      symbol && !symbols.lookupNearestSymbolFrom<WeightOp>(*this, symbol))
    return emitOpError("constant must name an aidge_export.weight, got ") << symbol;
  return success();
}

std::optional<std::string> mlir::aidge_export::getCppType(Type type) {
  if (type.isF32())
    return std::string("float");
  if (type.isF64())
    return std::string("double");
  if (auto integer = dyn_cast<IntegerType>(type)) {
    unsigned width = integer.getWidth();
    if (width != 8 && width != 16 && width != 32 && width != 64)
      return std::nullopt;
    return (integer.isUnsigned() ? "std::uint" : "std::int") +
           std::to_string(width) + "_t";
  }
  return std::nullopt;
}
