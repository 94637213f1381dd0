//===- NodeImporter.cpp - What an op handler sees of its ONNX node --------===//

#include "NodeImporter.h"

#include "aidge/Dialect/Aidge/IR/AidgeOps.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace mlir::aidge;
using namespace mlir::aidge::onnx_import;

NodeImporter::NodeImporter(const onnx::NodeProto &node, int64_t opset,
                           OpBuilder &builder,
                           llvm::StringMap<ImportedValue> &values, Location loc)
    : proto(node), opsetVersion(opset), b(builder), values(values),
      location(loc) {}

InFlightDiagnostic NodeImporter::error() {
  return emitError(location) << proto.op_type() << " node '"
                             << cast<NameLoc>(location).getName().getValue()
                             << "' (opset " << opsetVersion << "): ";
}

bool NodeImporter::hasInput(int i) const {
  return i < proto.input_size() && !proto.input(i).empty();
}

Value NodeImporter::input(int i) {
  ImportedValue &imported = values[proto.input(i)];
  if (!imported.value) {
    // Materialize at the graph's top so every later use is dominated.
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(b.getInsertionBlock());
    auto loc = NameLoc::get(b.getStringAttr(proto.input(i)));
    imported.value = ProducerOp::create(
        b, loc, imported.constant->toAttr(context(), proto.input(i)));
  }
  return imported.value;
}

RankedTensorType NodeImporter::inputType(int i) {
  ImportedValue &imported = values[proto.input(i)];
  if (imported.value)
    return cast<RankedTensorType>(imported.value.getType());
  return RankedTensorType::get(imported.constant->shape(),
                               elementType(context(), imported.constant->dataType()));
}

const HostTensor *NodeImporter::constantInput(int i) {
  if (!hasInput(i))
    return nullptr;
  ImportedValue &imported = values[proto.input(i)];
  return imported.constant ? &*imported.constant : nullptr;
}

FailureOr<std::vector<int64_t>> NodeImporter::constantInts(int i, StringRef what) {
  const HostTensor *tensor = constantInput(i);
  if (!tensor || !tensor->isInteger()) {
    error() << "input '" << what
            << "' must be an integer tensor known at compile time";
    return failure();
  }
  return tensor->toInts();
}

FailureOr<std::vector<double>> NodeImporter::constantDoubles(int i,
                                                             StringRef what) {
  const HostTensor *tensor = constantInput(i);
  if (!tensor) {
    error() << "input '" << what << "' must be known at compile time";
    return failure();
  }
  return tensor->toDoubles();
}

bool NodeImporter::hasOutput(int i) const {
  return i < proto.output_size() && !proto.output(i).empty();
}

void NodeImporter::setOutput(int i, Value value) {
  values[proto.output(i)] = ImportedValue{value, std::nullopt};
}

void NodeImporter::setConstantOutput(int i, HostTensor tensor) {
  values[proto.output(i)] = ImportedValue{Value(), std::move(tensor)};
}

LogicalResult NodeImporter::onlyOutputsUsed(int count) {
  for (int i = count; i < proto.output_size(); ++i)
    if (!proto.output(i).empty()) {
      error() << "output " << i << " ('" << proto.output(i)
              << "') is not supported";
      return failure();
    }
  return success();
}

const onnx::AttributeProto *NodeImporter::findAttr(StringRef name) const {
  for (const auto &attr : proto.attribute())
    if (attr.name() == name)
      return &attr;
  return nullptr;
}

int64_t NodeImporter::getInt(StringRef name, int64_t fallback) const {
  const auto *attr = findAttr(name);
  return attr ? attr->i() : fallback;
}

float NodeImporter::getFloat(StringRef name, float fallback) const {
  const auto *attr = findAttr(name);
  return attr ? attr->f() : fallback;
}

std::string NodeImporter::getString(StringRef name, StringRef fallback) const {
  const auto *attr = findAttr(name);
  return attr ? attr->s() : fallback.str();
}

std::vector<int64_t> NodeImporter::getInts(StringRef name) const {
  const auto *attr = findAttr(name);
  if (!attr)
    return {};
  return std::vector<int64_t>(attr->ints().begin(), attr->ints().end());
}

std::vector<float> NodeImporter::getFloats(StringRef name) const {
  const auto *attr = findAttr(name);
  if (!attr)
    return {};
  return std::vector<float>(attr->floats().begin(), attr->floats().end());
}

FailureOr<int64_t> NodeImporter::normalizeAxis(int64_t axis, int64_t rank) {
  if (axis < -rank || axis >= rank) {
    error() << "axis " << axis << " is out of range for rank " << rank;
    return failure();
  }
  return axis < 0 ? axis + rank : axis;
}

FailureOr<SmallVector<int64_t>>
NodeImporter::normalizeAxes(ArrayRef<int64_t> axes, int64_t rank) {
  SmallVector<int64_t> result;
  for (int64_t axis : axes) {
    FailureOr<int64_t> normalized = normalizeAxis(axis, rank);
    if (failed(normalized))
      return failure();
    result.push_back(*normalized);
  }
  llvm::sort(result);
  if (std::adjacent_find(result.begin(), result.end()) != result.end()) {
    error() << "axes are repeated";
    return failure();
  }
  return result;
}
