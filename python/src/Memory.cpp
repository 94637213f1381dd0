//===- Memory.cpp - The memory planner and checker from Python ------------===//
//
// Aidge's memory manager contract: (peak bytes, mem_info per node). A plan
// from Python is written as --aidge-plan-memory writes its own, then
// --aidge-verify-memory checks it, so a wrong plan never reaches an export.
//
//===----------------------------------------------------------------------===//

#include "Core.h"

#include "aidge/Dialect/Aidge/Transforms/GraphMemory.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"

#include <pybind11/stl.h>

using namespace mlir;
using namespace mlir::aidge;
using namespace aidge_python;

/// The functions of the graph, where its ops and inputs are.
static SmallVector<func::FuncOp> getFuncs(ModuleOp module) {
  SmallVector<func::FuncOp> funcs;
  for (auto func : module.getOps<func::FuncOp>())
    if (!func.isExternal())
      funcs.push_back(func);
  return funcs;
}

/// The plan held in the IR: every node's mem_info, and every graph input's
/// under the input's name.
static py::tuple readPlan(ModuleOp module) {
  auto peak = module->getAttrOfType<IntegerAttr>("aidge.peak_bytes");
  if (!peak)
    throw Error("the graph has no memory plan");
  py::dict plan;
  for (func::FuncOp func : getFuncs(module))
    for (BlockArgument arg : func.getArguments())
      if (MemInfoAttr info = getMemInfo(arg)) {
        py::list list;
        list.append(memInfoToDict(info));
        plan[py::str(getTensorName(arg))] = list;
      }
  for (Operation *op : getNodeOps(module))
    if (auto infos = op->getAttrOfType<ArrayAttr>("aidge.mem")) {
      py::list list;
      for (Attribute info : infos)
        list.append(memInfoToDict(info));
      plan[py::str(getNodeName(op->getLoc()))] = list;
    }
  return py::make_tuple(peak.getInt(), plan);
}

static py::tuple planMemory(const Graph &graph, const std::string &strategy,
                            bool wrapping) {
  Graph work = graph.clone();
  work.runPipeline("aidge-plan-memory{strategy=" + strategy +
                   " wrapping=" + (wrapping ? "true" : "false") + "}");
  return readPlan(work.getModule());
}

static MemInfoAttr memInfoFromDict(const std::string &owner, const py::dict &dict) {
  auto field = [&](const char *key) -> int64_t {
    if (!dict.contains(key))
      throw Error("mem_info of '" + owner + "' has no '" + key + "'");
    try {
      return dict[key].cast<int64_t>();
    } catch (const py::cast_error &) {
      throw Error("mem_info of '" + owner + "': '" + key + "' is not an integer");
    }
  };
  Reuse reuse = Reuse::none;
  if (dict.contains("reuse")) {
    std::string text = py::str(dict["reuse"]);
    std::optional<Reuse> parsed = symbolizeReuse(text);
    if (!parsed)
      throw Error("mem_info of '" + owner + "': unknown reuse '" + text +
                  "' (expected none, inplace, alias, wrap or concat)");
    reuse = *parsed;
  }
  return MemInfoAttr::get(&getContext(), field("size"), field("stride"),
                          field("length"), field("count"), field("offset"),
                          field("cont_offset"), field("cont_size"),
                          field("wrap_offset"), field("wrap_size"), reuse);
}

static void setMemoryPlan(Graph &graph, int64_t peak,
                          const std::map<std::string, std::vector<py::dict>> &plan,
                          int64_t align) {
  // The lowering declares the arena alignas(align), as after the planner.
  if (align < 1 || (align & (align - 1)))
    throw Error("align must be a power of two, got " + std::to_string(align));
  Graph work = graph.clone();
  ModuleOp module = work.getModule();
  Builder builder(&getContext());
  std::set<std::string> used;
  auto infosOf = [&](const std::string &name, size_t count) {
    auto it = plan.find(name);
    if (it == plan.end())
      throw Error("the memory plan has no mem_info for '" + name + "'");
    if (it->second.size() != count)
      throw Error("mem_info of '" + name + "' has " +
                  std::to_string(it->second.size()) + " entries, for " +
                  std::to_string(count) + " outputs");
    used.insert(name);
    SmallVector<Attribute> infos;
    for (const py::dict &dict : it->second)
      infos.push_back(memInfoFromDict(name, dict));
    return infos;
  };
  for (func::FuncOp func : getFuncs(module)) {
    for (BlockArgument arg : func.getArguments())
      setMemInfo(arg, cast<MemInfoAttr>(infosOf(getTensorName(arg), 1)[0]));
    func->setAttr("aidge.peak_bytes", builder.getI64IntegerAttr(peak));
    func->setAttr("aidge.arena_align", builder.getI64IntegerAttr(align));
  }
  for (Operation *op : getNodeOps(module))
    op->setAttr("aidge.mem", builder.getArrayAttr(infosOf(
                                 getNodeName(op->getLoc()), op->getNumResults())));
  for (const auto &entry : plan)
    if (!used.count(entry.first))
      throw Error("the memory plan names '" + entry.first +
                  "', which is neither a node nor a graph input");
  module->setAttr("aidge.peak_bytes", builder.getI64IntegerAttr(peak));
  work.runPipeline("aidge-verify-memory");
  graph.assign(OwningOpRef<ModuleOp>(work.getModule().clone()));
}

void aidge_python::bindMemory(py::module_ &m) {
  m.def("plan_memory", &planMemory, py::arg("graph"), py::arg("strategy") = "best",
        py::arg("wrapping") = false);
  m.def("memory_plan", [](const Graph &graph) { return readPlan(graph.getModule()); },
        py::arg("graph"));
  // align's default is --aidge-plan-memory's, as plan_memory plans with it.
  m.def("set_memory_plan", &setMemoryPlan, py::arg("graph"), py::arg("peak"),
        py::arg("mem_info"), py::arg("align") = 16);
}
