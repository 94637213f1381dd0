//===- ExportLib.cpp - The export-library registry from Python ------------===//

#include "Core.h"

#include "aidge/ExportLib/ExportLib.h"

#include <pybind11/stl.h>

using namespace mlir;
using namespace aidge_python;

static py::dict ioSpecToDict(aidge::IOSpecAttr io) {
  py::dict result;
  result["dtype"] = io.getDtype() ? getDtypeName(io.getDtype()) : "any";
  result["format"] = aidge::stringifyDataFormat(io.getFormat()).str();
  result["min_dims"] = std::vector<int64_t>(io.getMinDims());
  result["max_dims"] = std::vector<int64_t>(io.getMaxDims());
  return result;
}

py::dict aidge_python::specToDict(aidge::ImplSpecAttr spec) {
  auto list = [](ArrayAttr specs) {
    py::list result;
    for (Attribute io : specs)
      result.append(ioSpecToDict(cast<aidge::IOSpecAttr>(io)));
    return result;
  };
  py::dict attrs;
  if (spec.getAttrs())
    for (NamedAttribute attr : spec.getAttrs()) {
      std::string text;
      llvm::raw_string_ostream(text) << attr.getValue();
      attrs[py::str(attr.getName().str())] = text;
    }
  py::dict result;
  result["inputs"] = list(spec.getInputs());
  result["outputs"] = list(spec.getOutputs());
  result["attrs"] = attrs;
  result["priority"] = spec.getPriority();
  return result;
}

void aidge_python::bindExportLib(py::module_ &m) {
  m.def("export_lib_names",
        [] { return aidge::ExportLibRegistry::get().getNames(); });
}
