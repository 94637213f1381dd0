//===- GraphMemory.cpp - A function as a memory-planning problem ----------===//

#include "aidge/Dialect/Aidge/Transforms/GraphMemory.h"

#include "aidge/Dialect/Aidge/IR/AidgeOps.h"
#include "aidge/Dialect/Aidge/IR/DataFormat.h"
#include "aidge/ExportLib/ExportLib.h"

using namespace mlir;
using namespace mlir::aidge;

static int64_t elementBytes(Type type) {
  return std::max<int64_t>(type.getIntOrFloatBitWidth() / 8, 1);
}

/// Whether the kernel chosen for `op` (none yet: any kernel) consumes its
/// input rows in the order it writes output rows, as a ring needs.
static bool kernelMayWrap(Operation *op) {
  auto impl = op->getAttrOfType<ImplAttr>("aidge.impl");
  if (!impl)
    return true;
  ExportLib *lib = ExportLibRegistry::get().lookup(impl.getLib());
  const Implementation *chosen =
      lib ? lib->lookupKernel(impl.getKernel()) : nullptr;
  return !chosen || chosen->kernel.outputMayWrapInput;
}

/// Row geometry of a conv or pool whose one image is stored channels last,
/// which is what lets its output wrap over its input.
static bool setWindow(Operation *op, memory::Op &info) {
  auto input = cast<RankedTensorType>(op->getOperand(0).getType());
  if (getDataFormat(input) != DataFormat::nhwc || input.getDimSize(0) != 1 ||
      !kernelMayWrap(op))
    return false;
  ArrayRef<int64_t> strides, dilations, pads;
  int64_t kernel;
  if (auto conv = dyn_cast<ConvOp>(op)) {
    strides = conv.getStrides(), dilations = conv.getDilations();
    pads = conv.getPads();
    kernel = getDefaultOrderShape(conv.getWeight().getType())[2];
  } else if (auto pool = dyn_cast<MaxPoolOp>(op)) {
    // Its indices are a second output the window overlap does not cover.
    if (pool.getWithIndices())
      return false;
    strides = pool.getStrides(), dilations = pool.getDilations();
    pads = pool.getPads(), kernel = pool.getKernelShape()[0];
  } else if (auto pool = dyn_cast<AvgPoolOp>(op)) {
    strides = pool.getStrides(), dilations = pool.getDilations();
    pads = pool.getPads(), kernel = pool.getKernelShape()[0];
  } else {
    return false;
  }
  info.kind = memory::OpKind::window;
  info.windowStride = strides[0];
  info.windowDilation = dilations[0];
  info.windowKernel = kernel;
  info.windowPadTop = pads[0];
  return true;
}

static memory::OpKind getKind(Operation *op, memory::Op &info) {
  if (op->hasTrait<AidgeElementwise>())
    return memory::OpKind::elementwise;
  if (isa<ReshapeOp, FlattenOp, SqueezeOp, UnsqueezeOp, IdentityOp>(op))
    return memory::OpKind::view;
  if (isa<ConvOp, MaxPoolOp, AvgPoolOp>(op) && setWindow(op, info))
    return memory::OpKind::window;
  if (auto concat = dyn_cast<ConcatOp>(op)) {
    ArrayRef<int64_t> shape = concat.getType().getShape();
    int64_t axis = concat.getAxis();
    info.concatInner = axis + 1 == (int64_t)shape.size();
    if (info.concatInner ||
        llvm::all_of(shape.take_front(axis), [](int64_t d) { return d == 1; }))
      return memory::OpKind::concat;
  }
  return memory::OpKind::other;
}

std::string mlir::aidge::getTensorName(Value value) {
  if (auto arg = dyn_cast<BlockArgument>(value)) {
    auto func = cast<func::FuncOp>(arg.getOwner()->getParentOp());
    if (auto name = func.getArgAttrOfType<StringAttr>(arg.getArgNumber(),
                                                      "aidge.name"))
      return name.str();
    return "arg" + std::to_string(arg.getArgNumber());
  }
  auto result = cast<OpResult>(value);
  std::string name = getWriterName(value);
  if (result.getResultNumber() > 0)
    name += "#" + std::to_string(result.getResultNumber());
  return name;
}

std::string mlir::aidge::getWriterName(Value value) {
  Operation *op = value.getDefiningOp();
  if (!op)
    return "input";
  std::string name = getNodeName(op->getLoc());
  return name.empty() ? op->getName().stripDialect().str() : name;
}

FailureOr<GraphMemory> mlir::aidge::buildGraphMemory(func::FuncOp func) {
  GraphMemory graph;
  Block &body = func.getBody().front();
  auto addTensor = [&](Value value, Operation *writer,
                       int64_t step) -> FailureOr<int> {
    auto type = dyn_cast<RankedTensorType>(value.getType());
    if (!type || !type.hasStaticShape() || !type.getElementType().isIntOrFloat())
      return emitError(value.getLoc())
             << "tensor '" << getTensorName(value)
             << "' has no fixed byte size, so it cannot be placed in the arena";
    memory::Tensor tensor;
    tensor.name = getTensorName(value);
    tensor.plane = memory::contiguousPlane(
        std::vector<int64_t>(type.getShape().begin(), type.getShape().end()),
        elementBytes(type.getElementType()));
    tensor.def = tensor.lastUse = step;
    int index = graph.problem.tensors.size();
    graph.problem.tensors.push_back(tensor);
    graph.values.push_back(value);
    graph.writers.push_back(writer);
    graph.tensorOf[value] = index;
    return index;
  };
  for (BlockArgument arg : body.getArguments())
    if (failed(addTensor(arg, nullptr, 0)))
      return failure();

  int64_t step = 0;
  for (Operation &op : body) {
    if (op.hasTrait<OpTrait::ConstantLike>()) {
      for (Value result : op.getResults())
        if (auto type = dyn_cast<RankedTensorType>(result.getType()))
          graph.weightsBytes += type.getNumElements() *
                                elementBytes(type.getElementType());
      continue;
    }
    if (op.hasTrait<OpTrait::IsTerminator>())
      continue;
    ++step;
    if (auto recorded = op.getAttrOfType<IntegerAttr>("aidge.step");
        recorded && recorded.getInt() != step)
      return op.emitError() << "is at step " << step << " of the IR but has "
                            << "aidge.step = " << recorded.getInt()
                            << "; run --aidge-schedule again";
    memory::Op info;
    info.name = getWriterName(op.getNumResults() ? op.getResult(0) : Value());
    info.step = step;
    for (Value operand : op.getOperands()) {
      auto it = graph.tensorOf.find(operand);
      if (it == graph.tensorOf.end())
        continue; // a weight
      info.inputs.push_back(it->second);
      memory::Tensor &tensor = graph.problem.tensors[it->second];
      tensor.lastUse = std::max(tensor.lastUse, step);
    }
    for (Value result : op.getResults()) {
      FailureOr<int> index = addTensor(result, &op, step);
      if (failed(index))
        return failure();
      info.outputs.push_back(*index);
    }
    info.kind = getKind(&op, info);
    graph.problem.ops.push_back(info);
    graph.schedule.push_back(&op);
  }
  // Results are read by the caller, after the last op.
  for (Value result : body.getTerminator()->getOperands())
    if (auto it = graph.tensorOf.find(result); it != graph.tensorOf.end())
      graph.problem.tensors[it->second].lastUse = step + 1;
  return graph;
}

static memory::Reuse toMemoryReuse(Reuse reuse) {
  return static_cast<memory::Reuse>(static_cast<int>(reuse));
}

static Reuse fromMemoryReuse(memory::Reuse reuse) {
  return static_cast<Reuse>(static_cast<int>(reuse));
}

MemInfoAttr mlir::aidge::getMemInfoAttr(MLIRContext *context,
                                        const memory::Placement &p) {
  return MemInfoAttr::get(context, p.plane.size, p.plane.stride, p.plane.length,
                          p.plane.count, p.offset, p.offset, p.contSize(),
                          p.wrapOffset(), p.wrapSize(), fromMemoryReuse(p.reuse));
}

memory::Placement mlir::aidge::getPlacement(MemInfoAttr info) {
  memory::Placement p;
  p.plane = {info.getSize(), info.getStride(), info.getLength(), info.getCount()};
  p.offset = info.getContOffset();
  p.spaceOffset = info.getWrapOffset();
  // The space ends where the contiguous part stops when the tensor wraps;
  // otherwise nothing past the tensor's end matters.
  p.spaceSize = info.getWrapSize() > 0
                    ? info.getContOffset() + info.getContSize() - info.getWrapOffset()
                    : info.getContOffset() - info.getWrapOffset() + p.plane.extent();
  p.reuse = toMemoryReuse(info.getReuse());
  return p;
}

MemInfoAttr mlir::aidge::getMemInfo(Value value) {
  if (auto arg = dyn_cast<BlockArgument>(value)) {
    auto func = cast<func::FuncOp>(arg.getOwner()->getParentOp());
    return func.getArgAttrOfType<MemInfoAttr>(arg.getArgNumber(), "aidge.mem");
  }
  auto result = cast<OpResult>(value);
  auto infos = result.getOwner()->getAttrOfType<ArrayAttr>("aidge.mem");
  if (!infos || infos.size() <= result.getResultNumber())
    return {};
  return dyn_cast<MemInfoAttr>(infos[result.getResultNumber()]);
}

void mlir::aidge::setMemInfo(Value value, MemInfoAttr info) {
  if (auto arg = dyn_cast<BlockArgument>(value)) {
    auto func = cast<func::FuncOp>(arg.getOwner()->getParentOp());
    func.setArgAttr(arg.getArgNumber(), "aidge.mem", info);
    return;
  }
  auto result = cast<OpResult>(value);
  Operation *op = result.getOwner();
  SmallVector<Attribute> infos(op->getNumResults(), info);
  if (auto existing = op->getAttrOfType<ArrayAttr>("aidge.mem"))
    for (auto [i, attr] : llvm::enumerate(existing))
      if (i < infos.size())
        infos[i] = attr;
  infos[result.getResultNumber()] = info;
  op->setAttr("aidge.mem", ArrayAttr::get(op->getContext(), infos));
}
