//===- Core.h - Shared pieces of the aidge_mlir._core module ----*- C++ -*-===//
//
// The module keeps one MLIRContext for the process; a Graph owns one module
// in it. Nodes are live views of an op of a graph: they hold the graph and
// re-find their op by name when a pass has rewritten the graph since, so a
// Node taken before --aidge-match-impl shows its implementation after it.
// Tensors are values copied out of the graph when asked for.
//
//===----------------------------------------------------------------------===//

#ifndef AIDGE_PYTHON_CORE_H
#define AIDGE_PYTHON_CORE_H

#include "aidge/Dialect/Aidge/IR/AidgeDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <pybind11/pybind11.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace aidge_python {

namespace py = pybind11;

/// Every failure of the module; Python sees it as aidge_mlir.Error.
struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The process-wide context, with every dialect aidge-opt knows loaded.
mlir::MLIRContext &getContext();

/// Collects the diagnostics emitted while it lives, printed as the tools
/// print them, so that a failure raises Error with that text.
class Diagnostics {
public:
  Diagnostics();
  /// Throws Error with the collected diagnostics, or `fallback` when none
  /// were emitted.
  [[noreturn]] void fail(llvm::StringRef fallback);
  llvm::SourceMgr &getSourceMgr() { return sourceMgr; }

private:
  llvm::SourceMgr sourceMgr;
  std::string text;
  llvm::raw_string_ostream os;
  mlir::SourceMgrDiagnosticHandler handler;
};

/// A module and a counter of the rewrites it went through.
struct GraphState {
  mlir::OwningOpRef<mlir::ModuleOp> module;
  /// Bumped by every pass run, so Nodes know to look their op up again.
  uint64_t generation = 0;
};

class Node;

/// The graph object: one module of aidge (or, once lowered, aidge_export)
/// ops.
class Graph {
public:
  explicit Graph(mlir::OwningOpRef<mlir::ModuleOp> module);

  mlir::ModuleOp getModule() const { return state->module.get(); }
  const std::shared_ptr<GraphState> &getState() const { return state; }

  /// The ops that run a kernel, in IR order.
  std::vector<Node> nodes() const;
  Node node(const std::string &name) const;
  /// Runs a textual pipeline as aidge-opt takes it; throws Error with the
  /// diagnostics when it fails.
  void runPipeline(const std::string &pipeline);
  /// Replaces the module (a rewritten copy of it).
  void assign(mlir::OwningOpRef<mlir::ModuleOp> module);
  /// Marks every Node of the graph for a new lookup of its op.
  void invalidate() { ++state->generation; }
  Graph clone() const;
  std::string str() const;

private:
  std::shared_ptr<GraphState> state;
};

/// A live view of one op of a graph.
class Node {
public:
  Node(std::shared_ptr<GraphState> state, mlir::Operation *op);

  /// The op, looked up again when the graph changed since; throws Error
  /// when it no longer exists.
  mlir::Operation *get() const;
  const std::shared_ptr<GraphState> &getState() const { return state; }
  const std::string &getName() const { return name; }

  /// The C++ names of the node's kernel call (KernelSymbols), set on the
  /// nodes export_cpp gives renderers.
  std::optional<py::dict> exportSymbols;

private:
  std::shared_ptr<GraphState> state;
  mutable mlir::Operation *op;
  mutable uint64_t generation;
  std::string name;
  std::string opName;
};

/// Whether `op` is a node: an op that runs a kernel, not a weight, the
/// function or its return.
bool isNode(mlir::Operation *op);

/// The nodes of `module`, in IR order.
std::vector<mlir::Operation *> getNodeOps(mlir::ModuleOp module);

/// Python values of MLIR attributes: integers, floats, strings, bools,
/// arrays and dictionaries; other attributes as their MLIR text.
py::object toPython(mlir::Attribute attr);

/// Aidge's name of an element type ("float32", "int8", ...).
std::string getDtypeName(mlir::Type type);
/// The MLIR spelling of an Aidge dtype name ("float32" -> "f32"), "any"
/// unchanged; throws Error for an unknown name.
std::string getMlirDtype(const std::string &name);

/// Aidge's operator type of `op` ("Conv2D", "ReLU", "FC", ...).
std::string getAidgeType(mlir::Operation *op);

/// An ImplSpec as the dict Python sees: {"inputs": [iospec...], "outputs":
/// [...], "attrs": {name: MLIR text}, "priority": int}, with iospecs
/// {"dtype", "format", "min_dims", "max_dims"} and Aidge dtype names.
py::dict specToDict(mlir::aidge::ImplSpecAttr spec);

/// The op type an export library registers `given` under, and the Aidge
/// operator type it names when it is one ("Conv2D" -> conv, "Conv2D";
/// "conv" -> conv, none); throws Error for an unknown type.
struct OpTypeName {
  std::string opType;
  std::optional<std::string> aidgeType;
};
OpTypeName resolveOpType(const std::string &given);

/// KernelSymbols as the dict renderers see (node.export_symbols).
py::dict getExportSymbols(mlir::Operation *kernel);

/// mem_info of a placement as the dict Python sees.
py::dict memInfoToDict(mlir::Attribute info);

void bindGraph(py::module_ &m);
void bindExportLib(py::module_ &m);
void bindMemory(py::module_ &m);
void bindExport(py::module_ &m);

} // namespace aidge_python

#endif // AIDGE_PYTHON_CORE_H
