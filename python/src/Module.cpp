//===- Module.cpp - aidge_mlir._core: the C++ side of the package ---------===//

#include "Core.h"

using namespace aidge_python;

PYBIND11_MODULE(_core, m) {
  m.doc() = "aidge-mlir's graphs, passes, export libraries, memory planner "
            "and C++ export, bound to Python";
  py::register_exception<Error>(m, "Error");
  bindGraph(m);
  bindExportLib(m);
  bindMemory(m);
  bindExport(m);
}
