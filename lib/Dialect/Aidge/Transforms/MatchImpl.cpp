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
#include "aidge/Dialect/Aidge/Transforms/ImplMatcher.h"
#include "aidge/Dialect/Aidge/Transforms/Passes.h"
#include "aidge/ExportLib/ExportLib.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::aidge {
#define GEN_PASS_DEF_AIDGEMATCHIMPL
#include "aidge/Dialect/Aidge/Transforms/Passes.h.inc"
} // namespace mlir::aidge

using namespace mlir;
using namespace mlir::aidge;

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

/// Rewrites `op` so that it fits `fit` exactly; the op stays in place.
static LogicalResult adapt(ImplMatcher &matcher, Operation *op,
                           const ImplFit &fit) {
  MLIRContext *context = op->getContext();
  if (!fit.adaptations)
    return success();
  bool formatFree = canChangeFormat(op);
  OpBuilder builder(op);
  for (OpOperand &operand : op->getOpOperands()) {
    ImplFit scratch;
    ValueTarget target = *matcher.fitValue(operand.get().getType(),
                              getIOSpecFor(fit.impl->spec.inputs,
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
      ImplFit scratch;
      ValueTarget target = *matcher.fitValue(
          type, getIOSpecFor(fit.impl->spec.outputs, i), formatFree, scratch);
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

static void annotate(const ImplMatcher &matcher, Operation *op,
                     const ImplFit &fit) {
  MLIRContext *context = op->getContext();
  op->setAttr("aidge.impl",
              ImplAttr::get(context,
                            StringAttr::get(context, matcher.getLib().getName()),
                            StringAttr::get(context, fit.impl->kernel.name),
                            *getImplSpecAttr(fit.impl->spec, context)));
}

static InFlightDiagnostic emitNoMatch(const ImplMatcher &matcher, Operation *op) {
  MLIRContext *context = op->getContext();
  const ExportLib &lib = matcher.getLib();
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
  ImplMatcher matcher(*lib, &getContext());
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
      std::optional<ImplFit> fit = matcher.bestFit(op, /*exactOnly=*/false);
      if (!fit) {
        emitNoMatch(matcher, op);
        failed = true;
        continue;
      }
      if (mlir::failed(adapt(matcher, op, *fit))) {
        op->emitError() << "cannot adapt this op to " << fit->impl->kernel.name;
        failed = true;
        continue;
      }
      annotate(matcher, op, *fit);
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
    std::optional<ImplFit> fit = matcher.bestFit(op, /*exactOnly=*/true);
    if (!fit) {
      emitNoMatch(matcher, op);
      failed = true;
      return;
    }
    annotate(matcher, op, *fit);
  });
  if (failed)
    signalPassFailure();
}
