//===- ImportONNX.cpp - ONNX protobuf to the aidge dialect ----------------===//
//
// Walks the ONNX graph in dependency order, folds what is known at import
// time (initializers, Constant nodes, shape subgraphs) and hands every other
// node to its op handler. Every failure is one diagnostic naming what is
// wrong; nothing in a malformed model may crash the importer.
//
//===----------------------------------------------------------------------===//

#include "aidge/Import/ONNX/ImportONNX.h"
#include "NodeImporter.h"

#include "aidge/Dialect/Aidge/IR/AidgeOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace mlir::aidge;
using namespace mlir::aidge::onnx_import;

namespace {

class GraphImporter {
public:
  GraphImporter(MLIRContext *context, const ImportONNXOptions &options)
      : context(context), options(options), builder(context),
        unknownLoc(UnknownLoc::get(context)) {}

  OwningOpRef<ModuleOp> import(StringRef bytes);

private:
  LogicalResult readOpset(const onnx::ModelProto &model);
  LogicalResult readInitializers(const onnx::GraphProto &graph);
  LogicalResult readConstantInputs(const onnx::GraphProto &graph);
  FailureOr<RankedTensorType> inputType(const onnx::ValueInfoProto &input);
  LogicalResult importNodes(const onnx::GraphProto &graph);
  LogicalResult importNode(const onnx::NodeProto &node, Location loc);
  Location nodeLoc(const onnx::NodeProto &node, int index);

  InFlightDiagnostic error() { return emitError(unknownLoc); }

  MLIRContext *context;
  const ImportONNXOptions &options;
  OpBuilder builder;
  Location unknownLoc;
  int64_t opset = 0;
  llvm::StringMap<ImportedValue> values;
};

} // namespace

LogicalResult GraphImporter::readOpset(const onnx::ModelProto &model) {
  bool found = false;
  for (const auto &entry : model.opset_import()) {
    if (!entry.domain().empty() && entry.domain() != "ai.onnx")
      continue;
    opset = entry.version();
    found = true;
  }
  if (!found)
    return error() << "model declares no opset for the default ONNX domain";
  if (opset < kMinONNXOpset || opset > kMaxONNXOpset)
    return error() << "unsupported opset " << opset << " (supported: "
                   << kMinONNXOpset << " to " << kMaxONNXOpset << ")";
  return success();
}

LogicalResult GraphImporter::readInitializers(const onnx::GraphProto &graph) {
  if (graph.sparse_initializer_size())
    return error() << "sparse initializer '"
                   << graph.sparse_initializer(0).values().name()
                   << "' is not supported";
  for (const auto &init : graph.initializer()) {
    auto tensor = HostTensor::fromProto(init, options.externalDataDir);
    if (!tensor)
      return error() << "initializer '" << init.name()
                     << "': " << llvm::toString(tensor.takeError());
    values[init.name()] = ImportedValue{Value(), std::move(*tensor)};
  }
  return success();
}

LogicalResult GraphImporter::readConstantInputs(const onnx::GraphProto &graph) {
  for (const auto &entry : options.constantInputs) {
    StringRef name = entry.getKey();
    auto input = llvm::find_if(graph.input(), [&](const auto &in) {
      return in.name() == name && !values.count(in.name());
    });
    if (input == graph.input().end())
      return error() << "constant input '" << name
                     << "' is not a graph input of the model";
    onnx::TensorProto proto;
    const std::string &bytes = entry.getValue();
    if (bytes.size() > static_cast<size_t>(INT_MAX) ||
        !proto.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
      return error() << "constant input '" << name
                     << "': not a serialized ONNX TensorProto";
    auto tensor = HostTensor::fromProto(proto, options.externalDataDir);
    if (!tensor)
      return error() << "constant input '" << name
                     << "': " << llvm::toString(tensor.takeError());
    const auto &declared = input->type().tensor_type();
    bool sameShape = !declared.has_shape() ||
                     declared.shape().dim_size() == (int)tensor->shape().size();
    for (int d = 0; sameShape && declared.has_shape() && d < declared.shape().dim_size(); ++d)
      sameShape = !declared.shape().dim(d).has_dim_value() ||
                  declared.shape().dim(d).dim_value() == tensor->shape()[d];
    if (declared.elem_type() != tensor->dataType() || !sameShape)
      return error() << "constant input '" << name
                     << "': the value's type does not match the graph input";
    values[name] = ImportedValue{Value(), std::move(*tensor)};
  }
  return success();
}

FailureOr<RankedTensorType>
GraphImporter::inputType(const onnx::ValueInfoProto &input) {
  const auto &name = input.name();
  if (!input.type().has_tensor_type())
    return error() << "graph input '" << name << "' is not a tensor",
           failure();
  const auto &tensorType = input.type().tensor_type();
  Type elemType = elementType(context, tensorType.elem_type());
  if (!elemType)
    return error() << "graph input '" << name << "' has unsupported type "
                   << dataTypeName(tensorType.elem_type()),
           failure();
  // A dimension without a value (a dim_param, or none) is symbolic; a 0 is
  // a genuine, zero-size dimension.
  SmallVector<int64_t> shape;
  bool dynamic = !tensorType.has_shape();
  for (const auto &dim : tensorType.shape().dim()) {
    bool symbolic = !dim.has_dim_value() || dim.dim_value() < 0;
    dynamic |= symbolic;
    shape.push_back(symbolic ? ShapedType::kDynamic : dim.dim_value());
  }
  auto given = options.inputShapes.find(name);
  if (given == options.inputShapes.end()) {
    if (dynamic)
      return error() << "graph input '" << name
                     << "' has a symbolic dimension; fix its shape "
                        "with --input-shape="
                     << name << ":<d0>x<d1>x...",
             failure();
    return RankedTensorType::get(shape, elemType);
  }
  ArrayRef<int64_t> fixed = given->second;
  bool compatible = !tensorType.has_shape() || fixed.size() == shape.size();
  for (size_t i = 0; compatible && i < shape.size(); ++i)
    compatible = ShapedType::isDynamic(shape[i]) || shape[i] == fixed[i];
  if (!compatible)
    return error() << "--input-shape for '" << name
                   << "' does not match the model's shape",
           failure();
  return RankedTensorType::get(fixed, elemType);
}

Location GraphImporter::nodeLoc(const onnx::NodeProto &node, int index) {
  std::string name = node.name();
  if (name.empty())
    name = node.op_type() + "_" + std::to_string(index);
  return NameLoc::get(builder.getStringAttr(name));
}

LogicalResult GraphImporter::importNode(const onnx::NodeProto &node,
                                        Location loc) {
  NodeImporter importer(node, opset, builder, values, loc);
  if (!node.domain().empty() && node.domain() != "ai.onnx")
    return importer.error() << "unsupported op domain '" << node.domain()
                            << "'";
  for (const auto &attr : node.attribute())
    if (attr.has_g() || attr.graphs_size())
      return importer.error() << "subgraph attribute '" << attr.name()
                              << "' is not supported";
  // Every supported op applies from the opset that introduced it: one used
  // earlier (Resize in an opset 9 model) is not the op its opset defines.
  for (const SupportedONNXOp &supported : getSupportedONNXOps())
    if (supported.opType == node.op_type() && opset < supported.sinceVersion)
      return importer.error() << "the op does not exist before opset "
                              << supported.sinceVersion;

  FailureOr<bool> folded = tryFoldNode(importer);
  if (failed(folded))
    return failure();
  if (!*folded) {
    OpHandler handler = lookupOpHandler(node.op_type());
    if (!handler) {
      if (isFoldOnlyOp(node.op_type()))
        return importer.error()
               << "only supported when its inputs are known at compile time "
                  "(shape computations)";
      return importer.error() << "unsupported op";
    }
    if (failed(handler(importer)))
      return failure();
  }
  for (const auto &output : node.output())
    if (!output.empty() && !values.count(output))
      return importer.error() << "output '" << output << "' was not produced";
  return success();
}

LogicalResult GraphImporter::importNodes(const onnx::GraphProto &graph) {
  // Producers by tensor name, to tell a not-yet-imported input from a
  // dangling one.
  llvm::StringMap<int> producer;
  for (int i = 0; i < graph.node_size(); ++i)
    for (const auto &output : graph.node(i).output()) {
      if (output.empty())
        continue;
      if (values.count(output) || !producer.try_emplace(output, i).second)
        return emitError(nodeLoc(graph.node(i), i))
               << graph.node(i).op_type() << " node '"
               << cast<NameLoc>(nodeLoc(graph.node(i), i)).getName().getValue()
               << "': tensor '" << output << "' has more than one producer";
    }
  for (int i = 0; i < graph.node_size(); ++i)
    for (const auto &input : graph.node(i).input())
      if (!input.empty() && !values.count(input) && !producer.count(input))
        return emitError(nodeLoc(graph.node(i), i))
               << graph.node(i).op_type() << " node '"
               << cast<NameLoc>(nodeLoc(graph.node(i), i)).getName().getValue()
               << "': input '" << input << "' is produced by no node, "
               << "initializer or graph input";

  // Kahn's algorithm: exporters usually emit topological order already, so
  // this is one pass in the common case.
  std::vector<bool> done(graph.node_size(), false);
  int remaining = graph.node_size();
  while (remaining) {
    bool progress = false;
    for (int i = 0; i < graph.node_size(); ++i) {
      if (done[i])
        continue;
      const auto &node = graph.node(i);
      bool ready = llvm::all_of(node.input(), [&](const std::string &in) {
        return in.empty() || values.count(in);
      });
      if (!ready)
        continue;
      if (failed(importNode(node, nodeLoc(node, i))))
        return failure();
      done[i] = true;
      --remaining;
      progress = true;
    }
    if (!progress) {
      int i = std::find(done.begin(), done.end(), false) - done.begin();
      return emitError(nodeLoc(graph.node(i), i))
             << "the graph has a cycle through " << graph.node(i).op_type()
             << " node '"
             << cast<NameLoc>(nodeLoc(graph.node(i), i)).getName().getValue()
             << "'";
    }
  }
  return success();
}

OwningOpRef<ModuleOp> GraphImporter::import(StringRef bytes) {
  onnx::ModelProto model;
  if (bytes.size() > static_cast<size_t>(INT_MAX) ||
      !model.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    error() << "input is not a valid ONNX model (protobuf parsing failed)";
    return nullptr;
  }
  if (!model.has_graph() ||
      (model.graph().node_size() == 0 && model.graph().output_size() == 0)) {
    error() << "the ONNX model has an empty graph";
    return nullptr;
  }
  if (model.graph().output_size() == 0) {
    error() << "the ONNX graph has no outputs";
    return nullptr;
  }
  const onnx::GraphProto &graph = model.graph();
  if (failed(readOpset(model)) || failed(readInitializers(graph)) ||
      failed(readConstantInputs(graph)))
    return nullptr;

  llvm::StringSet<> inputNames;
  SmallVector<Type> argTypes;
  SmallVector<const onnx::ValueInfoProto *> inputs;
  for (const auto &input : graph.input()) {
    // Before IR version 4 initializers are listed as inputs too.
    if (values.count(input.name()))
      continue;
    FailureOr<RankedTensorType> type = inputType(input);
    if (failed(type))
      return nullptr;
    argTypes.push_back(*type);
    inputs.push_back(&input);
    inputNames.insert(input.name());
  }
  for (const auto &given : options.inputShapes)
    if (!inputNames.contains(given.getKey())) {
      error() << "--input-shape names '" << given.getKey()
              << "', which is not a graph input";
      return nullptr;
    }

  OwningOpRef<ModuleOp> module = ModuleOp::create(unknownLoc);
  module->getOperation()->setAttr("aidge.opset", builder.getI64IntegerAttr(opset));
  if (!model.producer_name().empty())
    module->getOperation()->setAttr(
        "aidge.producer",
        builder.getStringAttr(model.producer_name() +
                              (model.producer_version().empty()
                                   ? ""
                                   : " " + model.producer_version())));
  builder.setInsertionPointToEnd(module->getBody());
  auto func = func::FuncOp::create(builder, unknownLoc, "main_graph",
                                   builder.getFunctionType(argTypes, {}));
  Block *body = func.addEntryBlock();
  for (auto [i, input] : llvm::enumerate(inputs)) {
    values[input->name()] = ImportedValue{body->getArgument(i), std::nullopt};
    func.setArgAttr(i, "aidge.name", builder.getStringAttr(input->name()));
  }
  builder.setInsertionPointToEnd(body);

  if (failed(importNodes(graph)))
    return nullptr;

  SmallVector<Value> results;
  for (const auto &output : graph.output()) {
    auto it = values.find(output.name());
    if (it == values.end()) {
      error() << "graph output '" << output.name() << "' is produced by no node";
      return nullptr;
    }
    if (!it->second.value) {
      auto loc = NameLoc::get(builder.getStringAttr(output.name()));
      it->second.value = ProducerOp::create(
          builder, loc, it->second.constant->toAttr(context, output.name()));
    }
    results.push_back(it->second.value);
  }
  func::ReturnOp::create(builder, unknownLoc, results);
  func.setFunctionType(builder.getFunctionType(argTypes, ValueRange(results).getTypes()));
  for (auto [i, output] : llvm::enumerate(graph.output()))
    func.setResultAttr(i, "aidge.name", builder.getStringAttr(output.name()));

  if (failed(verify(*module)))
    return nullptr;
  return module;
}

OwningOpRef<ModuleOp> mlir::aidge::importONNXModel(StringRef bytes,
                                                   MLIRContext *context,
                                                   const ImportONNXOptions &options) {
  context->loadDialect<AidgeDialect, func::FuncDialect>();
  return GraphImporter(context, options).import(bytes);
}

llvm::Expected<SmallVector<std::string>>
mlir::aidge::getONNXGraphInputNames(StringRef bytes) {
  onnx::ModelProto model;
  if (bytes.size() > static_cast<size_t>(INT_MAX) ||
      !model.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    return llvm::createStringError(
        "input is not a valid ONNX model (protobuf parsing failed)");
  llvm::StringSet<> initializers;
  for (const auto &init : model.graph().initializer())
    initializers.insert(init.name());
  SmallVector<std::string> names;
  for (const auto &input : model.graph().input())
    if (!initializers.contains(input.name()))
      names.push_back(input.name());
  return names;
}

std::optional<std::string> mlir::aidge::parseInputShape(StringRef text,
                                                        ImportONNXOptions &options) {
  auto [name, dims] = text.rsplit(':');
  if (name.empty() || dims.empty() || !text.contains(':'))
    return "expected <name>:<d0>x<d1>x..., got '" + text.str() + "'";
  SmallVector<StringRef> parts;
  dims.split(parts, 'x');
  SmallVector<int64_t> shape;
  for (StringRef part : parts) {
    int64_t dim;
    if (part.getAsInteger(10, dim) || dim <= 0)
      return "dimension '" + part.str() + "' of input '" + name.str() +
             "' is not a positive integer";
    shape.push_back(dim);
  }
  options.inputShapes[name] = shape;
  return std::nullopt;
}
