//===- MatchImpl.cpp - Choose an export implementation for every op -------===//
//
// Aidge's get_required_spec / get_best_match / get_best_adaptation, as one
// pass: every op gets the library implementation that fits it best, with
// transposes and casts inserted where the best one wants another format or
// float type; then the transposes are moved and cancelled, and every op is
// annotated with an implementation that fits it exactly.
//
//===----------------------------------------------------------------------===//

#include "aidge/Dialect/Aidge/IR/AidgeOps.h"
#include "aidge/Dialect/Aidge/IR/DataFormat.h"
#include "aidge/Dialect/Aidge/Transforms/Passes.h"
#include "aidge/ExportLib/ExportLib.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::aidge {
#define GEN_PASS_DEF_AIDGEMATCHIMPL
#include "aidge/Dialect/Aidge/Transforms/Passes.h.inc"
} // namespace mlir::aidge

using namespace mlir;
using namespace mlir::aidge;

/// The IOSpec that applies to operand or result `index`: the last one is
/// reused, and an empty list accepts anything.
static const IOSpec &specFor(const std::vector<IOSpec> &list, size_t index) {
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

/// Whether the stored order of `op`'s operands and results may change:
/// channel-aware ops, and element-wise ops whose operands all have the
/// result's rank (so no broadcast depends on the order).
static bool canChangeFormat(Operation *op) {
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

namespace {
/// How an implementation fits an op: how many casts and transposes it
/// needs, and how many of its constraints the op meets exactly.
struct Fit {
  const Implementation *impl = nullptr;
  int64_t priority = 0;
  unsigned adaptations = 0;
  unsigned specificity = 0;
};

/// What operand or result `value` must become to fit `io`.
struct Target {
  Type elementType;
  DataFormat format;
};

class Matcher {
public:
  Matcher(const ExportLib &lib, MLIRContext *context)
      : lib(lib), context(context) {}

  /// The best-fitting implementation of `op`, or nullopt. With `exactOnly`
  /// an implementation that needs an adaptation does not fit.
  std::optional<Fit> bestFit(Operation *op, bool exactOnly);

  /// Rewrites `op` so that it fits `fit` exactly; the op stays in place.
  LogicalResult adapt(Operation *op, const Fit &fit);

  void annotate(Operation *op, const Fit &fit);

  InFlightDiagnostic emitNoMatch(Operation *op);

private:
  std::optional<Target> fitValue(Type type, const IOSpec &io, bool formatFree,
                                 Fit &fit);
  Type parseDtype(const IOSpec &io);
  Attribute parseAttr(StringRef text);

  const ExportLib &lib;
  MLIRContext *context;
  /// Spec texts parsed once, not once per op and implementation.
  llvm::StringMap<Type> dtypes;
  llvm::StringMap<Attribute> attrs;
};
} // namespace

Type Matcher::parseDtype(const IOSpec &io) {
  if (io.dtype == "any")
    return {};
  Type &type = dtypes[io.dtype];
  if (!type)
    type = parseType(io.dtype, context);
  return type;
}

Attribute Matcher::parseAttr(StringRef text) {
  Attribute &attr = attrs[text];
  if (!attr)
    attr = parseAttribute(text, context);
  return attr;
}

std::optional<Target> Matcher::fitValue(Type type, const IOSpec &io,
                                        bool formatFree, Fit &fit) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor)
    return std::nullopt;
  Target target{tensor.getElementType(), getDataFormat(tensor)};
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

std::optional<Fit> Matcher::bestFit(Operation *op, bool exactOnly) {
  std::optional<Fit> best;
  bool formatFree = canChangeFormat(op);
  for (const Implementation &impl : lib.getImpls(getOpType(op))) {
    Fit fit;
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
      fits = fits && fitValue(type, specFor(impl.spec.inputs, i), formatFree, fit);
    for (auto [i, type] : llvm::enumerate(op->getResultTypes()))
      fits = fits && fitValue(type, specFor(impl.spec.outputs, i), formatFree, fit);
    if (!fits || (exactOnly && fit.adaptations))
      continue;
    // Fewest adaptations, then highest priority, then the most constrained;
    // the first registered wins ties.
    auto rank = [](const Fit &f) {
      return std::make_tuple(-(int64_t)f.adaptations, f.priority, f.specificity);
    };
    if (!best || rank(fit) > rank(*best))
      best = fit;
  }
  return best;
}

/// The transpose that stores a tensor in `to` instead of `from`.
static SmallVector<int64_t> relayoutPermutation(DataFormat from, DataFormat to,
                                                int64_t rank) {
  SmallVector<int64_t> source = *getFormatPermutation(from, rank);
  SmallVector<int64_t> inverse(rank);
  for (auto [stored, dim] : llvm::enumerate(source))
    inverse[dim] = stored;
  // Named: a range-for over `*temporary` would read a destroyed optional.
  SmallVector<int64_t> target = *getFormatPermutation(to, rank);
  SmallVector<int64_t> perm;
  for (int64_t dim : target)
    perm.push_back(inverse[dim]);
  return perm;
}

/// A location for an op inserted to adapt node `loc`: named after the node
/// and what it converts to, so reports and diagnostics tell them apart.
static Location adaptationLoc(Location loc, const Twine &what) {
  std::string node = getNodeName(loc);
  if (node.empty())
    return loc;
  return NameLoc::get(StringAttr::get(loc.getContext(), node + "_to_" + what),
                      loc);
}

/// `value` converted to `elementType` and stored in `format`, by a cast then
/// a transpose, each only when needed.
static Value convert(OpBuilder &builder, Location loc, Value value,
                     Type elementType, DataFormat format) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getElementType() != elementType) {
    std::string typeName;
    llvm::raw_string_ostream(typeName) << elementType;
    value = CastOp::create(builder, adaptationLoc(loc, typeName),
                           type.clone(elementType), value);
  }
  DataFormat current = getDataFormat(type);
  if (isSameLayout(current, format, type.getRank()))
    return value;
  auto stored = getTensorInFormat(getDefaultOrderShape(type), elementType, format);
  return TransposeOp::create(builder,
                             adaptationLoc(loc, stringifyDataFormat(format)),
                             stored, value,
                             relayoutPermutation(current, format, type.getRank()));
}

LogicalResult Matcher::adapt(Operation *op, const Fit &fit) {
  if (!fit.adaptations)
    return success();
  bool formatFree = canChangeFormat(op);
  OpBuilder builder(op);
  for (OpOperand &operand : op->getOpOperands()) {
    Fit scratch;
    Target target = *fitValue(operand.get().getType(),
                              specFor(fit.impl->spec.inputs,
                                      operand.getOperandNumber()),
                              formatFree, scratch);
    operand.set(convert(builder, op->getLoc(), operand.get(), target.elementType,
                        target.format));
  }
  SmallVector<Type> original(op->getResultTypes());
  SmallVector<Type> adapted;
  if (auto infer = dyn_cast<InferTypeOpInterface>(op)) {
    if (failed(infer.inferReturnTypes(context, op->getLoc(), op->getOperands(),
                                      op->getRawDictionaryAttrs(),
                                      op->getPropertiesStorage(),
                                      op->getRegions(), adapted)))
      return failure();
  } else {
    for (auto [i, type] : llvm::enumerate(original)) {
      Fit scratch;
      Target target = *fitValue(type, specFor(fit.impl->spec.outputs, i),
                                formatFree, scratch);
      auto tensor = cast<RankedTensorType>(type);
      adapted.push_back(getTensorInFormat(getDefaultOrderShape(tensor),
                                          target.elementType, target.format));
    }
  }
  builder.setInsertionPointAfter(op);
  for (auto [result, before, after] :
       llvm::zip_equal(op->getResults(), original, adapted)) {
    if (before == after)
      continue;
    result.setType(after);
    auto wanted = cast<RankedTensorType>(before);
    Value restored = result;
    // Back to the original format first, so that the cast runs on it.
    DataFormat format = getDataFormat(wanted);
    if (!isSameLayout(getDataFormat(after), format, wanted.getRank()))
      restored = convert(builder, op->getLoc(), restored,
                         cast<RankedTensorType>(after).getElementType(), format);
    if (cast<RankedTensorType>(restored.getType()).getElementType() !=
        wanted.getElementType()) {
      std::string typeName;
      llvm::raw_string_ostream(typeName) << wanted.getElementType();
      restored = CastOp::create(builder, adaptationLoc(op->getLoc(), typeName),
                                wanted, restored);
    }
    result.replaceAllUsesExcept(restored, restored.getDefiningOp());
    // A transpose then a cast: the transpose's use by the cast stays.
    if (Operation *first = restored.getDefiningOp();
        first && first->getNumOperands() && first->getOperand(0) != result)
      first->getOperand(0).getDefiningOp()->setOperand(0, result);
  }
  return success();
}

void Matcher::annotate(Operation *op, const Fit &fit) {
  op->setAttr("aidge.impl",
              ImplAttr::get(context, StringAttr::get(context, lib.getName()),
                            StringAttr::get(context, fit.impl->kernel.name),
                            *getImplSpecAttr(fit.impl->spec, context)));
}

/// The spec an op requires: exactly its operands' and results' types.
static ImplSpecAttr getRequiredSpec(Operation *op) {
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

InFlightDiagnostic Matcher::emitNoMatch(Operation *op) {
  std::string type = getOpType(op);
  ArrayRef<Implementation> impls = lib.getImpls(type);
  if (impls.empty())
    return op->emitError() << "export library '" << lib.getName()
                           << "' has no implementation of '" << type << "'";
  InFlightDiagnostic diag = op->emitError()
                            << "no implementation of '" << type
                            << "' in export library '" << lib.getName()
                            << "' fits this op, which requires "
                            << getRequiredSpec(op);
  for (const Implementation &impl : impls)
    diag.attachNote() << "available: " << impl.kernel.name << " "
                      << *getImplSpecAttr(impl.spec, context);
  return diag;
}

/// Ops that are not kernels: weights and the function's structure.
static bool needsKernel(Operation *op) {
  return !op->hasTrait<OpTrait::ConstantLike>() &&
         !op->hasTrait<OpTrait::IsTerminator>() &&
         !isa<FunctionOpInterface>(op);
}

namespace {
struct AidgeMatchImplPass : aidge::impl::AidgeMatchImplBase<AidgeMatchImplPass> {
  using AidgeMatchImplBase::AidgeMatchImplBase;

  LogicalResult initialize(MLIRContext *context) override {
    for (const std::string &file : libFiles)
      if (llvm::Expected<std::string> name = loadExportLibFile(file, context);
          !name)
        return emitError(UnknownLoc::get(context))
               << llvm::toString(name.takeError());
    return success();
  }

  void runOnOperation() override;

private:
  LogicalResult setBoundaryFormats(func::FuncOp func);
};
} // namespace

static std::optional<DataFormat> parseBoundaryFormat(StringRef text) {
  std::optional<DataFormat> format = symbolizeDataFormat(text);
  if (format && (*format == DataFormat::default_ || getFormatRank(*format)))
    return format;
  return std::nullopt;
}

/// Stores the function's arguments and results of the right rank in the
/// requested formats, with transposes to and from the model's order.
LogicalResult AidgeMatchImplPass::setBoundaryFormats(func::FuncOp func) {
  std::optional<DataFormat> in = parseBoundaryFormat(inputFormat);
  std::optional<DataFormat> out = parseBoundaryFormat(outputFormat);
  if (!in || !out)
    return func.emitError() << "unknown data format '"
                            << (in ? outputFormat : inputFormat)
                            << "' for the graph boundary";
  auto restore = [](OpBuilder &builder, Location loc, Value value,
                    DataFormat format) {
    return convert(builder, loc, value,
                   cast<RankedTensorType>(value.getType()).getElementType(),
                   format);
  };
  auto formatFits = [](Type type, DataFormat format) {
    auto tensor = dyn_cast<RankedTensorType>(type);
    return tensor && getFormatRank(format) == tensor.getRank() &&
           getDataFormat(tensor) == DataFormat::default_;
  };
  Block &entry = func.getBody().front();
  OpBuilder builder = OpBuilder::atBlockBegin(&entry);
  for (BlockArgument arg : entry.getArguments()) {
    if (!formatFits(arg.getType(), *in))
      continue;
    auto tensor = cast<RankedTensorType>(arg.getType());
    arg.setType(getTensorInFormat(tensor.getShape(), tensor.getElementType(), *in));
    Value model = restore(builder, arg.getLoc(), arg, DataFormat::default_);
    arg.replaceAllUsesExcept(model, model.getDefiningOp());
  }
  Operation *terminator = entry.getTerminator();
  builder.setInsertionPoint(terminator);
  for (OpOperand &operand : terminator->getOpOperands())
    if (formatFits(operand.get().getType(), *out))
      operand.set(restore(builder, terminator->getLoc(), operand.get(), *out));
  func.setFunctionType(FunctionType::get(&getContext(), entry.getArgumentTypes(),
                                         terminator->getOperandTypes()));
  return success();
}

void AidgeMatchImplPass::runOnOperation() {
  ExportLib *lib = ExportLibRegistry::get().lookup(libName);
  if (!lib) {
    std::string known;
    for (const std::string &name : ExportLibRegistry::get().getNames())
      known += (known.empty() ? "" : ", ") + name;
    getOperation().emitError() << "unknown export library '" << libName
                               << "' (known: " << known << ")";
    return signalPassFailure();
  }
  Matcher matcher(*lib, &getContext());
  bool failed = false;
  for (auto func : getOperation().getOps<func::FuncOp>()) {
    if (func.isExternal())
      continue;
    if (mlir::failed(setBoundaryFormats(func)))
      return signalPassFailure();
    SmallVector<Operation *> ops;
    func.walk([&](Operation *op) {
      if (needsKernel(op))
        ops.push_back(op);
    });
    for (Operation *op : ops) {
      std::optional<Fit> fit = matcher.bestFit(op, /*exactOnly=*/false);
      if (!fit) {
        matcher.emitNoMatch(op);
        failed = true;
        continue;
      }
      if (mlir::failed(matcher.adapt(op, *fit))) {
        op->emitError() << "cannot adapt this op to " << fit->impl->kernel.name;
        failed = true;
        continue;
      }
      matcher.annotate(op, *fit);
    }
  }
  if (failed)
    return signalPassFailure();

  RewritePatternSet patterns(&getContext());
  populateTransposeSinkingPatterns(patterns);
  TransposeOp::getCanonicalizationPatterns(patterns, &getContext());
  if (mlir::failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
    return signalPassFailure();

  // Inserted transposes and casts need implementations too, and every op
  // must now fit its implementation without adaptation.
  getOperation().walk([&](Operation *op) {
    if (!needsKernel(op) || isa<ModuleOp>(op))
      return;
    std::optional<Fit> fit = matcher.bestFit(op, /*exactOnly=*/true);
    if (!fit) {
      matcher.emitNoMatch(op);
      failed = true;
      return;
    }
    matcher.annotate(op, *fit);
  });
  if (failed)
    signalPassFailure();
}
