//===- Export.cpp - The C++ export from Python, with Python renderers -----===//
//
// export_cpp is aidge-export's back half: lowering and exportToCpp. Kernels
// a library marks external are emitted by Python callables through
// ExportOptions::renderers, in the same export as the built-in ones.
//
//===----------------------------------------------------------------------===//

#include "Core.h"

#include "aidge/Import/ONNX/ImportONNX.h"
#include "aidge/Target/Cpp/ExportToCpp.h"

#include <pybind11/stl.h>

using namespace mlir;
using namespace mlir::aidge;
using namespace aidge_python;

py::dict aidge_python::getExportSymbols(Operation *op) {
  auto kernel = cast<aidge_export::KernelOp>(op);
  KernelSymbols symbols = getKernelSymbols(kernel);
  py::dict params;
  for (const auto &[name, define] : symbols.params)
    params[py::str(name)] = define;
  py::dict result;
  result["layer"] = kernel.getName().str();
  result["layer_header"] = symbols.layerHeader;
  result["arena"] = symbols.arena;
  result["inputs"] = symbols.inputs;
  result["outputs"] = symbols.outputs;
  result["params"] = params;
  result["params_struct"] = symbols.paramsStruct;
  result["weights"] = symbols.weights;
  return result;
}

/// The renderer's dict as a RenderedKernel; throws Error when malformed.
static RenderedKernel toRendered(const py::handle &result, StringRef kernel) {
  std::string what = "renderer of kernel '" + kernel.str() + "'";
  if (!py::isinstance<py::dict>(result))
    throw Error(what + " returned " + std::string(py::str(py::type::of(result))) +
                ", not a dict");
  py::dict dict = py::reinterpret_borrow<py::dict>(result);
  for (auto item : dict) {
    std::string key = py::str(item.first);
    if (key != "includes" && key != "forward" && key != "files")
      throw Error(what + " returned unknown key '" + key +
                  "' (expected includes, forward, files)");
  }
  if (!dict.contains("forward"))
    throw Error(what + " returned no 'forward'");
  RenderedKernel rendered;
  try {
    rendered.forward = dict["forward"].cast<std::string>();
    if (dict.contains("includes"))
      rendered.includes = dict["includes"].cast<std::vector<std::string>>();
    if (dict.contains("files"))
      for (const auto &[path, contents] :
           dict["files"].cast<std::map<std::string, std::string>>())
        rendered.files.emplace_back(path, contents);
  } catch (const py::cast_error &) {
    throw Error(what + " returned a dict of the wrong types (includes: "
                       "list[str], forward: str, files: dict[str, str])");
  }
  return rendered;
}

static void exportCpp(const Graph &graph, const std::string &dir,
                      const std::optional<py::dict> &renderers,
                      const std::optional<std::string> &testData) {
  Graph work = graph.clone();
  if (testData) {
    Diagnostics diagnostics;
    if (failed(embedONNXTestData(work.getModule(), *testData, {})))
      diagnostics.fail("cannot read test data " + *testData);
  }
  // The renderers are given the graph's own nodes, not the kernel ops.
  Graph source = work.clone();
  if (work.getModule().getOps<aidge_export::GraphOp>().empty())
    work.runPipeline("aidge-lower-to-export");

  // A renderer's failure is kept here: exceptions must not cross the
  // translation, which is compiled without them.
  std::optional<std::string> failure;
  ExportOptions options;
  if (renderers)
    for (auto item : *renderers) {
      std::string kernelName = py::str(item.first);
      py::object callable = py::reinterpret_borrow<py::object>(item.second);
      options.renderers[kernelName] =
          [&, kernelName, callable](aidge_export::KernelOp kernel,
                                    const KernelSymbols &) -> FailureOr<RenderedKernel> {
        try {
          Node node = source.node(getNodeName(kernel.getLoc()));
          node.exportSymbols = getExportSymbols(kernel);
          return toRendered(callable(node), kernelName);
        } catch (const Error &error) {
          failure = error.what();
        } catch (py::error_already_set &error) {
          failure = "renderer of kernel '" + kernelName + "' raised " + error.what();
        }
        return kernel.emitError() << "renderer failed";
      };
    }
  Diagnostics diagnostics;
  if (mlir::failed(exportToCpp(work.getModule(), getDirectorySink(dir), options))) {
    if (failure)
      throw Error(*failure);
    diagnostics.fail("cannot export to " + dir);
  }
}

void aidge_python::bindExport(py::module_ &m) {
  m.def("export_cpp", &exportCpp, py::arg("graph"), py::arg("export_dir"),
        py::arg("renderers") = py::none(), py::arg("test_data") = py::none());
}
