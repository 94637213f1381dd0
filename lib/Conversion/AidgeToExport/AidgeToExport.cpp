//===- AidgeToExport.cpp - A planned aidge graph as export ops ------------===//

#include "KernelConfig.h"

#include "aidge/Conversion/Passes.h"
#include "aidge/Dialect/Aidge/IR/AidgeOps.h"
#include "aidge/Dialect/Aidge/Transforms/GraphMemory.h"
#include "aidge/ExportLib/ExportLib.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

namespace mlir::aidge {
#define GEN_PASS_DEF_AIDGELOWERTOEXPORT
#include "aidge/Conversion/Passes.h.inc"
} // namespace mlir::aidge

using namespace mlir;
using namespace mlir::aidge;
namespace ae = mlir::aidge_export;

/// A C identifier from a node name.
static std::string toIdentifier(StringRef name) {
  std::string id;
  for (char c : name)
    id += llvm::isAlnum(c) ? c : '_';
  if (id.empty() || llvm::isDigit(id[0]))
    id = "n" + id;
  return id;
}

namespace {
/// Gives layers and weights unique C names.
class Names {
public:
  std::string unique(StringRef base) {
    std::string stem = toIdentifier(base), name = stem;
    // Each stem resumes where its last suffix left off: unnamed ops of one
    // type would otherwise probe every earlier suffix (quadratic).
    int &next = nextSuffix.try_emplace(stem, 2).first->second;
    while (!used.insert(name).second)
      name = stem + "_" + std::to_string(next++);
    return name;
  }

private:
  llvm::StringSet<> used;
  llvm::StringMap<int> nextSuffix;
};

struct AidgeLowerToExportPass
    : aidge::impl::AidgeLowerToExportBase<AidgeLowerToExportPass> {
  void runOnOperation() override;
  LogicalResult lower(func::FuncOp func, Names &names);
};
} // namespace

LogicalResult AidgeLowerToExportPass::lower(func::FuncOp func, Names &names) {
  auto peak = func->getAttrOfType<IntegerAttr>("aidge.peak_bytes");
  auto align = func->getAttrOfType<IntegerAttr>("aidge.arena_align");
  if (!peak || !align)
    return func.emitError("has no memory plan; run --aidge-plan-memory");
  if (!func.getBody().hasOneBlock())
    return func.emitError("can only export a function of one block");
  OpBuilder builder(func);
  Location loc = func.getLoc();
  std::string graphName = toIdentifier(func.getSymName());
  auto arena = ae::ArenaOp::create(builder, loc, graphName + "_mem",
                                   peak.getInt(), align.getInt(), StringAttr());
  // Weights are made as kernels name them; they land after the graph
  // (symbols need no order), in the order the kernels first use them.
  OpBuilder weightBuilder(arena);
  weightBuilder.setInsertionPointAfter(arena);
  auto graph = ae::GraphOp::create(builder, loc, graphName,
                                   arena.getSymName());
  Block *body = builder.createBlock(&graph.getBody());
  builder.setInsertionPointToStart(body);

  // Weights by constant and packing (the empty key: as stored).
  DenseMap<std::pair<Value, StringAttr>, FlatSymbolRefAttr> weightOf;
  std::string layer;
  WeightNamer nameWeight = [&](Value value, StringRef role,
                               const WeightPacker *packer) -> Attribute {
    StringAttr key = builder.getStringAttr(packer ? packer->key : "");
    if (auto it = weightOf.find({value, key}); it != weightOf.end())
      return it->second;
    auto producer = value.getDefiningOp<ProducerOp>();
    if (!producer)
      return {};
    ElementsAttr data = producer.getValue();
    std::string symbol = names.unique(layer + "_" + role.str());
    if (packer) {
      std::optional<ElementsAttr> packed = packer->pack(data, symbol);
      if (!packed) {
        producer.emitError() << "cannot pack the " << role << " of layer '"
                             << layer << "' for its kernel";
        return {};
      }
      data = *packed;
    }
    // Packed weights are read a 64-byte vector at a time: aligned to it,
    // no load straddles a cache line.
    int64_t alignment = packer ? std::max<int64_t>(align.getInt(), 64)
                               : align.getInt();
    auto weight = ae::WeightOp::create(weightBuilder, producer.getLoc(), symbol,
                                       data, alignment, StringAttr());
    weightBuilder.setInsertionPointAfter(weight);
    auto ref = FlatSymbolRefAttr::get(weight.getSymNameAttr());
    weightOf[{value, key}] = ref;
    return ref;
  };

  Block &block = func.getBody().front();
  for (BlockArgument arg : block.getArguments()) {
    MemInfoAttr mem = getMemInfo(arg);
    if (!mem)
      return func.emitError("graph input ")
             << arg.getArgNumber() << " has no aidge.mem; run --aidge-plan-memory";
    ae::InputOp::create(builder, arg.getLoc(), getTensorName(arg),
                        (uint64_t)arg.getArgNumber(), arg.getType(), mem);
  }
  for (Operation &op : block) {
    if (op.hasTrait<OpTrait::ConstantLike>() || op.hasTrait<OpTrait::IsTerminator>())
      continue;
    auto step = op.getAttrOfType<IntegerAttr>("aidge.step");
    auto impl = op.getAttrOfType<ImplAttr>("aidge.impl");
    if (!step)
      return op.emitError("has no aidge.step; run --aidge-schedule");
    if (!impl)
      return op.emitError("has no implementation; run --aidge-match-impl");
    ExportLib *lib = ExportLibRegistry::get().lookup(impl.getLib());
    const Implementation *kernel =
        lib ? lib->lookupKernel(impl.getKernel()) : nullptr;
    if (!kernel)
      return op.emitError() << "kernel '" << impl.getKernel().str()
                            << "' of export library '" << impl.getLib().str()
                            << "' is not registered";
    SmallVector<Attribute> outputs;
    for (Value result : op.getResults()) {
      MemInfoAttr mem = getMemInfo(result);
      if (!mem)
        return op.emitError("has no aidge.mem; run --aidge-plan-memory");
      outputs.push_back(mem);
    }
    layer = names.unique(getNodeName(op.getLoc()).empty()
                             ? op.getName().stripDialect()
                             : StringRef(getNodeName(op.getLoc())));
    FailureOr<KernelCall> call =
        configureKernel(&op, kernel->kernel, nameWeight);
    if (failed(call))
      return failure();
    SmallVector<Attribute> paramNames, params, headers;
    for (auto &[name, value] : call->params) {
      paramNames.push_back(builder.getStringAttr(name));
      params.push_back(value);
    }
    for (const std::string &header : kernel->kernel.headers)
      headers.push_back(builder.getStringAttr(header));
    auto kernelOp = ae::KernelOp::create(
        builder, op.getLoc(), layer, step.getInt(), impl.getLib().str(),
        impl.getKernel().str(), "aidge_cpp::" + kernel->kernel.entryPoint,
        call->paramsType, builder.getArrayAttr(paramNames),
        builder.getArrayAttr(params), builder.getArrayAttr(call->inputs),
        builder.getArrayAttr(outputs), builder.getArrayAttr(call->weights),
        builder.getArrayAttr(headers), call->noop,
        call->templateArgs.empty()
            ? ArrayAttr()
            : builder.getStrArrayAttr(SmallVector<StringRef>(
                  call->templateArgs.begin(), call->templateArgs.end())),
        /*static_params=*/lib->specialiseKernels &&
            kernel->kernel.specialisable);
    if (call->inputsAsArray)
      kernelOp->setAttr("inputs_as_array", builder.getUnitAttr());
    if (call->outputsAsArray)
      kernelOp->setAttr("outputs_as_array", builder.getUnitAttr());
    // The op's reference activations (aidge-export --layer-ref), which
    // --to-cpp writes out for the per-layer comparison.
    if (Attribute reference = op.getAttr("aidge.reference"))
      kernelOp->setAttr("aidge.reference", reference);
  }
  for (auto [index, value] : llvm::enumerate(block.getTerminator()->getOperands())) {
    std::string name = "output" + std::to_string(index);
    if (auto attr = func.getResultAttrOfType<StringAttr>(index, "aidge.name"))
      name = attr.str();
    // A result that folded to a constant is handed out from its weight.
    MemInfoAttr mem = getMemInfo(value);
    FlatSymbolRefAttr constant;
    if (!mem) {
      // Op results and arguments were checked to have one above.
      layer = toIdentifier(name);
      constant = cast<FlatSymbolRefAttr>(nameWeight(value, "value", nullptr));
    }
    ae::OutputOp::create(builder, value.getLoc(), name, (uint64_t)index,
                         value.getType(), mem, constant);
  }
  func.erase();
  return success();
}

void AidgeLowerToExportPass::runOnOperation() {
  Names names;
  for (auto func : llvm::make_early_inc_range(getOperation().getOps<func::FuncOp>()))
    if (!func.isExternal() && failed(lower(func, names)))
      return signalPassFailure();
}
