//===- ImplMatcher.cpp - How well library implementations fit an op -------===//

#include "aidge/Dialect/Aidge/Transforms/ImplMatcher.h"

#include "aidge/Dialect/Aidge/IR/AidgeOps.h"
#include "aidge/Dialect/Aidge/IR/DataFormat.h"

#include "mlir/AsmParser/AsmParser.h"

using namespace mlir;
using namespace mlir::aidge;

const IOSpec &mlir::aidge::getIOSpecFor(const std::vector<IOSpec> &list,
                                         size_t index) {
  static const IOSpec anything;
  if (list.empty())
    return anything;
  return list[std::min(index, list.size() - 1)];
}

/// Ops that read their operands through the data format, so any format of
/// the right rank is theirs to take.
static bool isChannelAware(Operation *op) {
  return isa<ConvOp, ConvTransposeOp, MaxPoolOp, AvgPoolOp, GlobalAveragePoolOp,
             GlobalMaxPoolOp, BatchNormOp>(op);
}

bool mlir::aidge::canChangeFormat(Operation *op) {
  if (isChannelAware(op))
    return true;
  if (!op->hasTrait<AidgeElementwise>() || op->getNumResults() != 1)
    return false;
  int64_t rank = cast<RankedTensorType>(op->getResult(0).getType()).getRank();
  return llvm::all_of(op->getOperandTypes(), [&](Type type) {
    return cast<RankedTensorType>(type).getRank() == rank;
  });
}

/// Casts only ever widen floats: they keep every value, so the op computes
/// at least as precisely as the model asked.
static bool canWiden(Type from, Type to) {
  return to.isF32() && (from.isF16() || from.isBF16());
}


Type ImplMatcher::parseDtype(const IOSpec &io) {
  if (io.dtype == "any")
    return {};
  Type &type = dtypes[io.dtype];
  if (!type)
    type = parseType(io.dtype, context);
  return type;
}

Attribute ImplMatcher::parseAttr(StringRef text) {
  Attribute &attr = attrs[text];
  if (!attr)
    attr = parseAttribute(text, context);
  return attr;
}

std::optional<ValueTarget> ImplMatcher::fitValue(Type type, const IOSpec &io,
                                                bool formatFree, ImplFit &fit) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor)
    return std::nullopt;
  ValueTarget target{tensor.getElementType(), getDataFormat(tensor)};
  if (Type dtype = parseDtype(io)) {
    if (dtype == target.elementType) {
      ++fit.specificity;
    } else if (canWiden(target.elementType, dtype)) {
      ++fit.adaptations;
      target.elementType = dtype;
    } else {
      return std::nullopt;
    }
  }
  if (io.format != DataFormat::any) {
    if (isSameLayout(target.format, io.format, tensor.getRank())) {
      ++fit.specificity;
    } else if (formatFree && getFormatPermutation(io.format, tensor.getRank())) {
      ++fit.adaptations;
      target.format = io.format;
    } else {
      return std::nullopt;
    }
  }
  if (!io.minDims.empty()) {
    if ((int64_t)io.minDims.size() != tensor.getRank())
      return std::nullopt;
    SmallVector<int64_t> shape(tensor.getShape());
    if (target.format != getDataFormat(tensor))
      shape = llvm::to_vector(
          getTensorInFormat(getDefaultOrderShape(tensor), tensor.getElementType(),
                            target.format)
              .getShape());
    for (auto [dim, lo, hi] : llvm::zip_equal(shape, io.minDims, io.maxDims))
      if (dim < lo || (hi != -1 && dim > hi))
        return std::nullopt;
    ++fit.specificity;
  }
  return target;
}

std::optional<ImplFit> ImplMatcher::bestFit(Operation *op, bool exactOnly) {
  std::optional<ImplFit> best;
  bool formatFree = canChangeFormat(op);
  for (const Implementation &impl : lib.getImpls(getOpType(op))) {
    ImplFit fit;
    fit.impl = &impl;
    fit.priority = impl.spec.priority;
    bool fits = true;
    for (const auto &[name, text] : impl.spec.attrs) {
      Attribute wanted = parseAttr(text);
      fits &= wanted && op->getAttr(name) == wanted;
    }
    if (fits && impl.spec.score) {
      std::optional<int64_t> score = impl.spec.score(op);
      fits = score.has_value();
      fit.priority += score.value_or(0);
    }
    for (auto [i, type] : llvm::enumerate(op->getOperandTypes()))
      fits = fits && fitValue(type, getIOSpecFor(impl.spec.inputs, i), formatFree, fit);
    for (auto [i, type] : llvm::enumerate(op->getResultTypes()))
      fits = fits && fitValue(type, getIOSpecFor(impl.spec.outputs, i), formatFree, fit);
    if (!fits || (exactOnly && fit.adaptations))
      continue;
    // Fewest adaptations, then highest priority, then the most constrained;
    // the first registered wins ties.
    auto rank = [](const ImplFit &f) {
      return std::make_tuple(-(int64_t)f.adaptations, f.priority, f.specificity);
    };
    if (!best || rank(fit) > rank(*best))
      best = fit;
  }
  return best;
}

ImplSpecAttr mlir::aidge::getRequiredSpec(Operation *op) {
  MLIRContext *context = op->getContext();
  auto toSpecs = [&](TypeRange types) {
    SmallVector<Attribute> specs;
    for (Type type : types) {
      auto tensor = cast<RankedTensorType>(type);
      specs.push_back(IOSpecAttr::get(context, tensor.getElementType(),
                                      getDataFormat(tensor), tensor.getShape(),
                                      tensor.getShape()));
    }
    return ArrayAttr::get(context, specs);
  };
  return ImplSpecAttr::get(context, toSpecs(op->getOperandTypes()),
                           toSpecs(op->getResultTypes()), DictionaryAttr(), 0);
}
