//===- Graph.cpp - Graph, Node, Tensor and Scheduler ----------------------===//

#include "Core.h"

#include "aidge/Dialect/Aidge/IR/AidgeOps.h"
#include "aidge/Dialect/Aidge/IR/DataFormat.h"
#include "aidge/Dialect/Aidge/Transforms/GraphMemory.h"
#include "aidge/Dialect/AidgeExport/IR/AidgeExportDialect.h"
#include "aidge/Import/ONNX/ImportONNX.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <pybind11/stl.h>

using namespace mlir;
using namespace aidge_python;

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

py::object aidge_python::toPython(Attribute attr) {
  if (auto boolean = dyn_cast<BoolAttr>(attr))
    return py::bool_(boolean.getValue());
  if (auto integer = dyn_cast<IntegerAttr>(attr)) {
    if (integer.getType().isInteger(1))
      return py::bool_(integer.getValue().getBoolValue());
    return py::int_(integer.getValue().getSExtValue());
  }
  if (auto real = dyn_cast<FloatAttr>(attr))
    return py::float_(real.getValueAsDouble());
  if (auto string = dyn_cast<StringAttr>(attr))
    return py::str(string.str());
  if (auto ints = dyn_cast<DenseI64ArrayAttr>(attr))
    return py::cast(std::vector<int64_t>(ints.asArrayRef()));
  if (auto ints = dyn_cast<DenseI32ArrayAttr>(attr))
    return py::cast(std::vector<int32_t>(ints.asArrayRef()));
  if (auto reals = dyn_cast<DenseF32ArrayAttr>(attr))
    return py::cast(std::vector<float>(reals.asArrayRef()));
  if (auto array = dyn_cast<ArrayAttr>(attr)) {
    py::list list;
    for (Attribute element : array)
      list.append(toPython(element));
    return list;
  }
  if (auto dict = dyn_cast<DictionaryAttr>(attr)) {
    py::dict result;
    for (NamedAttribute entry : dict)
      result[py::str(entry.getName().str())] = toPython(entry.getValue());
    return result;
  }
  if (auto activation = dyn_cast<aidge::ActivationAttr>(attr)) {
    py::dict result;
    result["kind"] = aidge::stringifyActivationKind(activation.getKind()).str();
    if (activation.getMin())
      result["min"] = activation.getMin().getValueAsDouble();
    if (activation.getMax())
      result["max"] = activation.getMax().getValueAsDouble();
    if (activation.getAlpha())
      result["alpha"] = activation.getAlpha().getValueAsDouble();
    return result;
  }
  std::string text;
  llvm::raw_string_ostream os(text);
  // Enums print as `#aidge<pad_mode constant>`; Python wants `constant`.
  if (auto padMode = dyn_cast<aidge::PadModeAttr>(attr))
    os << aidge::stringifyPadMode(padMode.getValue());
  else
    os << attr;
  return py::str(text);
}

py::dict aidge_python::memInfoToDict(Attribute attr) {
  auto info = cast<aidge::MemInfoAttr>(attr);
  py::dict result;
  result["size"] = info.getSize();
  result["offset"] = info.getOffset();
  result["stride"] = info.getStride();
  result["length"] = info.getLength();
  result["count"] = info.getCount();
  result["cont_offset"] = info.getContOffset();
  result["cont_size"] = info.getContSize();
  result["wrap_offset"] = info.getWrapOffset();
  result["wrap_size"] = info.getWrapSize();
  result["reuse"] = aidge::stringifyReuse(info.getReuse()).str();
  return result;
}

//===----------------------------------------------------------------------===//
// Graph
//===----------------------------------------------------------------------===//

bool aidge_python::isNode(Operation *op) {
  Operation *parent = op->getParentOp();
  if (!parent)
    return false;
  // Once lowered, the kernel calls of the export graph.
  if (isa<aidge_export::GraphOp>(parent))
    return isa<aidge_export::KernelOp>(op);
  return isa<FunctionOpInterface>(parent) &&
         !op->hasTrait<OpTrait::ConstantLike>() &&
         !op->hasTrait<OpTrait::IsTerminator>();
}

std::vector<Operation *> aidge_python::getNodeOps(ModuleOp module) {
  std::vector<Operation *> ops;
  module.walk([&](Operation *op) {
    if (isNode(op))
      ops.push_back(op);
  });
  return ops;
}

Graph::Graph(OwningOpRef<ModuleOp> module)
    : state(std::make_shared<GraphState>()) {
  state->module = std::move(module);
}

std::vector<Node> Graph::nodes() const {
  std::vector<Node> nodes;
  for (Operation *op : getNodeOps(getModule()))
    nodes.emplace_back(state, op);
  return nodes;
}

Node Graph::node(const std::string &name) const {
  for (Operation *op : getNodeOps(getModule()))
    if (aidge::getNodeName(op->getLoc()) == name)
      return Node(state, op);
  throw Error("no node named '" + name + "' in the graph");
}

/// The top-level elements of a textual pipeline: "a{x=1,y=2},b" -> a{...}, b.
static SmallVector<StringRef> splitPipeline(StringRef text) {
  SmallVector<StringRef> elements;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    char c = i < text.size() ? text[i] : ',';
    if (c == '{' || c == '(')
      ++depth;
    else if (c == '}' || c == ')')
      --depth;
    else if (c == ',' && depth == 0) {
      elements.push_back(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  return elements;
}

/// Adds one pass or pipeline to `pm` on the module, nested on functions
/// when it runs on them: aidge-opt's implicit nesting, which the textual
/// parser does not do.
static void addPipelineElement(PassManager &pm, StringRef element,
                               const std::string &pipeline) {
  std::string moduleErrors, funcErrors;
  llvm::raw_string_ostream moduleStream(moduleErrors), funcStream(funcErrors);
  // Tried on scratch pass managers first, so a failure adds nothing.
  OpPassManager onModule(ModuleOp::getOperationName());
  if (succeeded(parsePassPipeline(element, onModule, moduleStream))) {
    (void)parsePassPipeline(element, pm, moduleStream);
    return;
  }
  OpPassManager onFunc(func::FuncOp::getOperationName());
  if (succeeded(parsePassPipeline(element, onFunc, funcStream))) {
    (void)parsePassPipeline(element, pm.nest<func::FuncOp>(), funcStream);
    return;
  }
  // The module's message, unless the element is a function pass.
  StringRef message = StringRef(moduleErrors).contains("did you intend to nest")
                          ? funcErrors
                          : moduleErrors;
  throw Error("invalid pipeline '" + pipeline + "': " + message.trim().str());
}

void Graph::runPipeline(const std::string &pipeline) {
  StringRef text = StringRef(pipeline).trim();
  // aidge-opt's --pass-pipeline form too.
  if (text.consume_front("builtin.module(") && !text.consume_back(")"))
    throw Error("pipeline '" + pipeline + "': unbalanced builtin.module(...)");
  PassManager pm(&getContext());
  for (StringRef element : splitPipeline(text))
    addPipelineElement(pm, element, pipeline);
  // A failed pass may leave the graph half rewritten: run on a copy.
  OwningOpRef<ModuleOp> work = getModule().clone();
  Diagnostics diagnostics;
  if (failed(pm.run(*work)))
    diagnostics.fail("pipeline '" + pipeline + "' failed");
  assign(std::move(work));
}

void Graph::assign(OwningOpRef<ModuleOp> module) {
  state->module = std::move(module);
  invalidate();
}

Graph Graph::clone() const { return Graph(getModule().clone()); }

std::string Graph::str() const {
  std::string text;
  llvm::raw_string_ostream os(text);
  // With locations: they carry the node names, which parse_mlir keeps.
  getModule().print(os, OpPrintingFlags().enableDebugInfo());
  return text;
}

//===----------------------------------------------------------------------===//
// Node
//===----------------------------------------------------------------------===//

Node::Node(std::shared_ptr<GraphState> state, Operation *op)
    : state(std::move(state)), op(op), generation(this->state->generation),
      name(aidge::getNodeName(op->getLoc())),
      opName(op->getName().getStringRef().str()) {}

Operation *Node::get() const {
  if (generation == state->generation)
    return op;
  // Same name, the same op kind first (lowering renames ops).
  Operation *found = nullptr;
  for (Operation *candidate : getNodeOps(state->module.get())) {
    if (aidge::getNodeName(candidate->getLoc()) != name)
      continue;
    if (candidate->getName().getStringRef() == opName) {
      found = candidate;
      break;
    }
    if (!found)
      found = candidate;
  }
  if (!found)
    throw Error("node '" + name + "' is no longer in the graph");
  op = found;
  generation = state->generation;
  return op;
}

namespace {
/// A value of a graph, copied out (Aidge's tensor as an export sees it).
struct Tensor {
  std::string name;
  std::vector<int64_t> dims;
  std::string dtype;
  std::string kind;
  std::optional<Node> producer;
  int64_t producerIndex = 0;
  /// The data format it is stored in ("default", "nhwc", ...).
  std::string format;
};
} // namespace

static Tensor makeTensor(const std::shared_ptr<GraphState> &state, Value value) {
  Tensor tensor;
  tensor.name = aidge::getTensorName(value);
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (type) {
    // Dims in the model's order, as Aidge reports them.
    SmallVector<int64_t> dims = aidge::getDefaultOrderShape(type);
    tensor.dims.assign(dims.begin(), dims.end());
    tensor.dtype = getDtypeName(type.getElementType());
    tensor.format = aidge::stringifyDataFormat(aidge::getDataFormat(type)).str();
  }
  Operation *def = value.getDefiningOp();
  if (!def) {
    tensor.kind = "input";
  } else if (def->hasTrait<OpTrait::ConstantLike>()) {
    tensor.kind = "param";
  } else {
    tensor.kind = "activation";
    tensor.producer = Node(state, def);
    tensor.producerIndex = cast<OpResult>(value).getResultNumber();
  }
  return tensor;
}

static std::vector<Tensor> graphValues(const Graph &graph, bool inputs) {
  std::vector<Tensor> tensors;
  for (auto func : graph.getModule().getOps<func::FuncOp>()) {
    if (func.isExternal())
      continue;
    Block &body = func.getBody().front();
    if (inputs) {
      for (Value arg : body.getArguments())
        tensors.push_back(makeTensor(graph.getState(), arg));
    } else {
      for (Value result : body.getTerminator()->getOperands())
        tensors.push_back(makeTensor(graph.getState(), result));
    }
  }
  return tensors;
}

static py::object implOf(Operation *op) {
  auto impl = op->getAttrOfType<aidge::ImplAttr>("aidge.impl");
  if (!impl)
    return py::none();
  py::dict result;
  result["lib"] = impl.getLib().str();
  result["kernel"] = impl.getKernel().str();
  result["spec"] = specToDict(impl.getSpec());
  return result;
}

static py::object memInfoOf(Operation *op) {
  auto infos = op->getAttrOfType<ArrayAttr>("aidge.mem");
  if (!infos)
    return py::none();
  py::list result;
  for (Attribute info : infos)
    result.append(memInfoToDict(info));
  return result;
}

static py::dict attributesOf(Operation *op) {
  py::dict result;
  for (NamedAttribute attr : op->getAttrs()) {
    StringRef name = attr.getName().strref();
    // Discardable annotations of the passes have their own fields.
    if (name.starts_with("aidge."))
      continue;
    result[py::str(name.str())] = toPython(attr.getValue());
  }
  return result;
}

//===----------------------------------------------------------------------===//
// Loading
//===----------------------------------------------------------------------===//

static Graph loadONNX(const std::string &path,
                      std::optional<std::map<std::string, std::vector<int64_t>>>
                          inputShapes) {
  aidge::ImportONNXOptions options;
  options.externalDataDir = llvm::sys::path::parent_path(path).str();
  if (inputShapes) {
    for (const auto &[name, dims] : *inputShapes) {
      // The same checks and messages as --input-shape.
      std::string text = name + ":";
      for (auto [i, dim] : llvm::enumerate(dims))
        text += (i ? "x" : "") + std::to_string(dim);
      if (std::optional<std::string> error = aidge::parseInputShape(text, options))
        throw Error("input_shapes: " + *error);
    }
  }
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer)
    throw Error("cannot read " + path + ": " + buffer.getError().message());
  Diagnostics diagnostics;
  OwningOpRef<ModuleOp> module =
      aidge::importONNXModel((*buffer)->getBuffer(), &getContext(), options);
  if (!module)
    diagnostics.fail("cannot import " + path);
  return Graph(std::move(module));
}

static Graph parseMLIR(const std::string &text) {
  Diagnostics diagnostics;
  llvm::SourceMgr &sourceMgr = diagnostics.getSourceMgr();
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(text, "<parse_mlir>"), llvm::SMLoc());
  OwningOpRef<ModuleOp> module =
      parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&getContext()));
  if (!module)
    diagnostics.fail("cannot parse the IR");
  return Graph(std::move(module));
}

//===----------------------------------------------------------------------===//
// Scheduler
//===----------------------------------------------------------------------===//

namespace {
/// Aidge's scheduler: the static schedule is --aidge-schedule's.
struct Scheduler {
  Graph graph;

  void generate(const std::string &order) {
    if (order != "topological" && order != "memory")
      throw Error("unknown scheduling order '" + order +
                  "' (expected topological or memory)");
    graph.runPipeline("aidge-schedule{order=" + order + "}");
  }

  std::vector<Node> getStatic() const {
    std::vector<std::pair<int64_t, Operation *>> steps;
    for (Operation *op : getNodeOps(graph.getModule())) {
      auto step = op->getAttrOfType<IntegerAttr>("aidge.step");
      if (!step)
        throw Error("the graph has no schedule: call generate_scheduling() first");
      steps.emplace_back(step.getInt(), op);
    }
    llvm::stable_sort(steps, llvm::less_first());
    std::vector<Node> nodes;
    for (auto [step, op] : steps)
      nodes.emplace_back(graph.getState(), op);
    return nodes;
  }
};
} // namespace

void aidge_python::bindGraph(py::module_ &m) {
  py::class_<Tensor>(m, "Tensor", "A value of a graph, as it was when asked for.")
      .def_readonly("name", &Tensor::name)
      .def_readonly("dims", &Tensor::dims)
      .def_readonly("dtype", &Tensor::dtype)
      .def_readonly("kind", &Tensor::kind)
      .def_readonly("format", &Tensor::format)
      .def_readonly("producer", &Tensor::producer)
      .def_readonly("producer_index", &Tensor::producerIndex)
      .def("__repr__", [](const Tensor &t) {
        std::string dims;
        for (auto [i, d] : llvm::enumerate(t.dims))
          dims += (i ? ", " : "") + std::to_string(d);
        return "<Tensor " + t.name + " [" + dims + "] " + t.dtype + " " + t.kind +
               ">";
      });

  py::class_<Node>(m, "Node", "An op of a graph (a live view of it).")
      .def_property_readonly("type", [](const Node &n) { return getAidgeType(n.get()); })
      .def_property_readonly("mlir_name", [](const Node &n) {
        return n.get()->getName().getStringRef().str();
      })
      .def_property_readonly("name", &Node::getName)
      .def_property_readonly("attributes", [](const Node &n) { return attributesOf(n.get()); })
      .def_property_readonly("inputs", [](const Node &n) {
        std::vector<std::optional<Tensor>> inputs;
        for (Value operand : n.get()->getOperands())
          inputs.push_back(makeTensor(n.getState(), operand));
        return inputs;
      })
      .def_property_readonly("outputs", [](const Node &n) {
        std::vector<Tensor> outputs;
        for (Value result : n.get()->getResults())
          outputs.push_back(makeTensor(n.getState(), result));
        return outputs;
      })
      .def_property_readonly("impl", [](const Node &n) { return implOf(n.get()); })
      .def_property_readonly("mem_info", [](const Node &n) { return memInfoOf(n.get()); })
      .def_property_readonly("export_symbols", [](const Node &n) -> py::object {
        if (n.exportSymbols)
          return *n.exportSymbols;
        if (isa<aidge_export::KernelOp>(n.get()))
          return getExportSymbols(n.get());
        return py::none();
      })
      .def("__eq__", [](const Node &a, const Node &b) {
        return a.getState() == b.getState() && a.get() == b.get();
      })
      .def("__hash__", [](const Node &n) {
        return std::hash<Operation *>()(n.get());
      })
      .def("__repr__", [](const Node &n) {
        return "<Node " + n.getName() + " " + getAidgeType(n.get()) + ">";
      });

  py::class_<Graph>(m, "Graph", "An aidge graph: one MLIR module.")
      .def("nodes", &Graph::nodes)
      .def("node", &Graph::node, py::arg("name"))
      .def("inputs", [](const Graph &g) { return graphValues(g, true); })
      .def("outputs", [](const Graph &g) { return graphValues(g, false); })
      .def("run_pipeline", &Graph::runPipeline, py::arg("pipeline"))
      .def("clone", &Graph::clone)
      .def("__str__", &Graph::str);

  py::class_<Scheduler>(m, "Scheduler", "Aidge's scheduler over --aidge-schedule.")
      .def(py::init([](const Graph &graph) { return Scheduler{graph}; }),
           py::arg("graph"))
      .def_readonly("graph", &Scheduler::graph)
      .def("generate_scheduling", &Scheduler::generate,
           py::arg("order") = "topological")
      .def("get_static_scheduling", &Scheduler::getStatic);

  m.def("load_onnx", &loadONNX, py::arg("path"), py::arg("input_shapes") = py::none());
  m.def("parse_mlir", &parseMLIR, py::arg("text"));
}
