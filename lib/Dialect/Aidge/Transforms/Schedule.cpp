//===- Schedule.cpp - A static order of the ops ---------------------------===//

#include "aidge/Dialect/Aidge/Transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include <numeric>

namespace mlir::aidge {
#define GEN_PASS_DEF_AIDGESCHEDULE
#include "aidge/Dialect/Aidge/Transforms/Passes.h.inc"
} // namespace mlir::aidge

using namespace mlir;
using namespace mlir::aidge;

static int64_t valueBytes(Value value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || !type.hasStaticShape() || !type.getElementType().isIntOrFloat())
    return 0;
  return type.getNumElements() *
         std::max<int64_t>(type.getElementType().getIntOrFloatBitWidth() / 8, 1);
}

static bool runsKernel(Operation &op) {
  return !op.hasTrait<OpTrait::ConstantLike>() &&
         !op.hasTrait<OpTrait::IsTerminator>();
}

namespace {
/// The ops of one block that run kernels, and the arena tensors between
/// them.
struct Graph {
  SmallVector<Operation *> ops;
  DenseMap<Operation *, unsigned> index;
  /// For each op, the ops it needs to run after.
  SmallVector<SmallVector<unsigned>> preds;
  Block *block;

  explicit Graph(Block &body) : block(&body) {
    for (Operation &op : body)
      if (runsKernel(op)) {
        index[&op] = ops.size();
        ops.push_back(&op);
      }
    preds.resize(ops.size());
    for (auto [i, op] : llvm::enumerate(ops))
      for (Value operand : op->getOperands())
        if (Operation *def = operand.getDefiningOp())
          if (auto it = index.find(def); it != index.end())
            preds[i].push_back(it->second);
  }

  /// Whether `value` is in the arena: a graph input or a kernel's result.
  bool inArena(Value value) const {
    Operation *def = value.getDefiningOp();
    return !def || index.count(def);
  }

  /// The largest sum of live tensor bytes when ops run in `order`.
  int64_t livePeak(ArrayRef<unsigned> order) const {
    SmallVector<unsigned> position(ops.size());
    for (auto [pos, op] : llvm::enumerate(order))
      position[op] = pos + 1;
    // Per step, bytes born and bytes that die after it.
    SmallVector<int64_t> born(order.size() + 2, 0), dying(order.size() + 2, 0);
    auto account = [&](Value value, unsigned def) {
      unsigned last = def;
      for (Operation *user : value.getUsers()) {
        auto it = index.find(user);
        last = std::max<unsigned>(
            last, it == index.end() ? order.size() + 1 : position[it->second]);
      }
      born[def] += valueBytes(value);
      dying[last] += valueBytes(value);
    };
    for (BlockArgument arg : block->getArguments())
      account(arg, 0);
    for (auto [i, op] : llvm::enumerate(ops))
      for (Value result : op->getResults())
        account(result, position[i]);
    int64_t live = 0, peak = 0;
    for (size_t step = 0; step < born.size(); ++step) {
      live += born[step];
      peak = std::max(peak, live);
      live -= dying[step];
    }
    return peak;
  }

  /// Of the ready ops, run the one after which the least memory is live:
  /// it adds its results, and frees the operands it is the last to read.
  SmallVector<unsigned> memoryOrder() const {
    SmallVector<unsigned> waiting(ops.size()), order;
    for (auto [i, list] : llvm::enumerate(preds))
      waiting[i] = list.size();
    DenseMap<Value, unsigned> readersLeft;
    for (Operation *op : ops)
      for (Value operand : op->getOperands())
        if (inArena(operand))
          ++readersLeft[operand];
    SmallVector<SmallVector<unsigned>> succs(ops.size());
    for (auto [i, list] : llvm::enumerate(preds))
      for (unsigned p : list)
        succs[p].push_back(i);
    llvm::SmallSetVector<unsigned, 16> ready;
    for (unsigned i = 0; i < ops.size(); ++i)
      if (!waiting[i])
        ready.insert(i);
    while (!ready.empty()) {
      unsigned best = ready.front();
      int64_t bestDelta = INT64_MAX;
      for (unsigned i : ready) {
        int64_t delta = 0;
        for (Value result : ops[i]->getResults())
          delta += valueBytes(result);
        llvm::SmallDenseSet<Value> seen;
        for (Value operand : ops[i]->getOperands())
          if (inArena(operand) && seen.insert(operand).second &&
              readersLeft.lookup(operand) ==
                  (unsigned)llvm::count(ops[i]->getOperands(), operand) &&
              !isa<BlockArgument>(operand))
            delta -= valueBytes(operand);
        if (delta < bestDelta || (delta == bestDelta && i < best)) {
          best = i;
          bestDelta = delta;
        }
      }
      ready.remove(best);
      order.push_back(best);
      for (Value operand : ops[best]->getOperands())
        if (inArena(operand))
          --readersLeft[operand];
      for (unsigned s : succs[best])
        if (--waiting[s] == 0)
          ready.insert(s);
    }
    return order;
  }
};

struct AidgeSchedulePass : aidge::impl::AidgeScheduleBase<AidgeSchedulePass> {
  using AidgeScheduleBase::AidgeScheduleBase;

  void runOnOperation() override {
    if (order != "topological" && order != "memory") {
      getOperation().emitError() << "unknown schedule order '" << order
                                 << "' (expected topological or memory)";
      return signalPassFailure();
    }
    func::FuncOp func = getOperation();
    if (func.isExternal())
      return;
    if (!func.getBody().hasOneBlock()) {
      func.emitError() << "can only schedule a function of one block";
      return signalPassFailure();
    }
    Block &body = func.getBody().front();
    Graph graph(body);
    SmallVector<unsigned> chosen(graph.ops.size());
    std::iota(chosen.begin(), chosen.end(), 0);
    if (order == "memory") {
      SmallVector<unsigned> candidate = graph.memoryOrder();
      if (graph.livePeak(candidate) < graph.livePeak(chosen))
        chosen = candidate;
    }
    if (graph.ops.empty())
      return;
    // Constants first (they have no operands), then the ops in order.
    Operation *terminator = body.getTerminator();
    Operation *firstKernel = graph.ops.front();
    for (Operation &op : llvm::make_early_inc_range(body))
      if (op.hasTrait<OpTrait::ConstantLike>() && firstKernel->isBeforeInBlock(&op))
        op.moveBefore(firstKernel);
    Builder builder(&getContext());
    for (auto [step, i] : llvm::enumerate(chosen)) {
      Operation *op = graph.ops[i];
      op->moveBefore(terminator);
      op->setAttr("aidge.step", builder.getI64IntegerAttr(step + 1));
    }
  }
};
} // namespace
