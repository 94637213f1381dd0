//===- Interpreter.cpp - Reference evaluation of aidge graphs -------------===//
//
// Walks the function's block in order (SSA dominance puts every operand
// first) and hands each op to the family that knows it.
//
//===----------------------------------------------------------------------===//

#include "Evaluators.h"

using namespace mlir;
using namespace mlir::aidge;
using namespace mlir::aidge::reference;
using namespace mlir::aidge::reference::detail;

/// Whether the interpreter gives values of `type` a meaning.
static bool isComputable(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.hasStaticShape() &&
         isa<FloatType, IntegerType>(tensor.getElementType());
}

static LogicalResult evaluateProducer(ProducerOp producer, ValueMap &values) {
  std::optional<Tensor> tensor = getTensor(producer.getValue());
  if (!tensor)
    return producer.emitOpError("has a value the reference interpreter cannot read");
  tensor->type = producer.getType();
  values[producer.getResult()] = std::move(*tensor);
  return success();
}

static LogicalResult evaluateOp(Operation &op, ValueMap &values) {
  for (Type type : op.getResultTypes())
    if (!isComputable(type))
      return op.emitOpError("has a result of type ")
             << type << ", which the reference interpreter cannot compute";
  if (auto producer = dyn_cast<ProducerOp>(op))
    return evaluateProducer(producer, values);
  for (auto family : {evaluateWindowOp, evaluateLinearOp, evaluateElementwiseOp,
                      evaluateDataMovementOp})
    if (std::optional<LogicalResult> done = family(&op, values))
      return *done;
  return op.emitOpError("cannot be evaluated by the reference interpreter");
}

FailureOr<Evaluation> reference::evaluate(func::FuncOp func,
                                          ArrayRef<Tensor> inputs) {
  if (!func.getBody().hasOneBlock())
    return func.emitError("the reference interpreter evaluates functions of "
                          "one block only");
  Block &block = func.getBody().front();
  if (inputs.size() != block.getNumArguments())
    return func.emitError("expects ")
           << block.getNumArguments() << " inputs to evaluate, got "
           << inputs.size();
  Evaluation evaluation;
  for (auto [arg, input] : llvm::zip_equal(block.getArguments(), inputs)) {
    if (!isComputable(arg.getType()))
      return func.emitError("input ")
             << arg.getArgNumber() << " has type " << arg.getType()
             << ", which the reference interpreter cannot compute";
    auto type = cast<RankedTensorType>(arg.getType());
    if ((int64_t)input.values.size() != type.getNumElements())
      return func.emitError("input ")
             << arg.getArgNumber() << " has " << input.values.size()
             << " values, expected " << type.getNumElements();
    setResult(evaluation.values, arg, input.values);
  }
  for (Operation &op : block) {
    if (auto ret = dyn_cast<func::ReturnOp>(op)) {
      for (Value result : ret.getOperands())
        evaluation.outputs.push_back(lookup(evaluation.values, result));
      continue;
    }
    if (failed(evaluateOp(op, evaluation.values)))
      return failure();
  }
  return evaluation;
}
