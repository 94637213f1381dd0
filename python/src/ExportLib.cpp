//===- ExportLib.cpp - The export-library registry from Python ------------===//
//
// Libraries made here live in the same ExportLibRegistry as the C++ ones,
// so --aidge-match-impl{lib=NAME} uses them, and the queries call the
// pass's own ImplMatcher.
//
//===----------------------------------------------------------------------===//

#include "Core.h"

#include "aidge/Dialect/Aidge/IR/DataFormat.h"
#include "aidge/Dialect/Aidge/Transforms/ImplMatcher.h"
#include "aidge/ExportLib/ExportLib.h"


#include <pybind11/stl.h>

using namespace mlir;
using namespace mlir::aidge;
using namespace aidge_python;

//===----------------------------------------------------------------------===//
// Specs to Python
//===----------------------------------------------------------------------===//

static py::dict ioSpecToDict(IOSpecAttr io) {
  py::dict result;
  result["dtype"] = io.getDtype() ? getDtypeName(io.getDtype()) : "any";
  result["format"] = stringifyDataFormat(io.getFormat()).str();
  result["min_dims"] = std::vector<int64_t>(io.getMinDims());
  result["max_dims"] = std::vector<int64_t>(io.getMaxDims());
  return result;
}

py::dict aidge_python::specToDict(ImplSpecAttr spec) {
  auto list = [](ArrayAttr specs) {
    py::list result;
    for (Attribute io : specs)
      result.append(ioSpecToDict(cast<IOSpecAttr>(io)));
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

/// A registered spec as Python sees it; registered specs always print.
static py::dict implSpecToDict(const ImplSpec &spec) {
  return specToDict(*getImplSpecAttr(spec, &getContext()));
}

static py::dict kernelToDict(const KernelDescriptor &kernel) {
  py::dict result;
  result["name"] = kernel.name;
  result["entry_point"] = kernel.entryPoint;
  result["headers"] = kernel.headers;
  result["config"] = kernel.config;
  result["external"] = kernel.external;
  return result;
}

//===----------------------------------------------------------------------===//
// Specs from Python
//===----------------------------------------------------------------------===//

/// Fails on keys of `dict` outside `known`: a typo must not be ignored.
static void checkKeys(const py::dict &dict, std::initializer_list<StringRef> known,
                      StringRef what) {
  for (auto item : dict) {
    std::string key = py::str(item.first);
    if (llvm::is_contained(known, key))
      continue;
    std::string expected;
    for (StringRef name : known)
      expected += (expected.empty() ? "" : ", ") + name.str();
    throw Error("unknown key '" + key + "' in " + what.str() + " (expected " +
                expected + ")");
  }
}

template <typename T>
static T get(const py::dict &dict, const char *key, T fallback) {
  if (!dict.contains(key))
    return fallback;
  try {
    return dict[key].cast<T>();
  } catch (const py::cast_error &) {
    throw Error(std::string("'") + key + "' has the wrong type: " +
                py::str(py::type::of(dict[key])).cast<std::string>());
  }
}

static IOSpec ioSpecFromDict(const py::dict &dict) {
  checkKeys(dict, {"dtype", "format", "min_dims", "max_dims"}, "an iospec");
  IOSpec io;
  io.dtype = getMlirDtype(get<std::string>(dict, "dtype", "any"));
  std::string format = get<std::string>(dict, "format", "any");
  std::optional<DataFormat> parsed = symbolizeDataFormat(format);
  if (!parsed)
    throw Error("unknown data format '" + format +
                "' (expected any, default, nchw, nhwc, ncw, nwc, chw, hwc, "
                "ncdhw, ndhwc or chwn)");
  io.format = *parsed;
  io.minDims = get<std::vector<int64_t>>(dict, "min_dims", {});
  io.maxDims = get<std::vector<int64_t>>(dict, "max_dims", {});
  if (io.minDims.size() != io.maxDims.size())
    throw Error("min_dims and max_dims must have the same length");
  return io;
}

static ImplSpec specFromDict(const py::dict &dict) {
  checkKeys(dict, {"inputs", "outputs", "attrs", "priority"}, "a spec");
  ImplSpec spec;
  for (const auto &io : get<std::vector<py::dict>>(dict, "inputs", {}))
    spec.inputs.push_back(ioSpecFromDict(io));
  for (const auto &io : get<std::vector<py::dict>>(dict, "outputs", {}))
    spec.outputs.push_back(ioSpecFromDict(io));
  for (const auto &[name, text] :
       get<std::map<std::string, std::string>>(dict, "attrs", {}))
    spec.attrs.emplace_back(name, text);
  spec.priority = get<int64_t>(dict, "priority", 0);
  // The attribute texts must parse, as the pass will parse them.
  Diagnostics diagnostics;
  if (failed(getImplSpecAttr(spec, &getContext())))
    diagnostics.fail("invalid spec");
  return spec;
}

static KernelDescriptor kernelFromDict(const py::dict &dict) {
  checkKeys(dict, {"name", "entry_point", "headers", "config", "external"},
            "a kernel");
  KernelDescriptor kernel;
  kernel.name = get<std::string>(dict, "name", "");
  if (kernel.name.empty())
    throw Error("a kernel needs a name");
  kernel.entryPoint = get<std::string>(dict, "entry_point", kernel.name);
  kernel.headers = get<std::vector<std::string>>(dict, "headers", {});
  kernel.config = get<std::vector<std::string>>(dict, "config", {});
  kernel.external = get<bool>(dict, "external", false);
  return kernel;
}

//===----------------------------------------------------------------------===//
// Registry
//===----------------------------------------------------------------------===//

static ExportLib &lookupLib(const std::string &name) {
  ExportLibRegistry &registry = ExportLibRegistry::get();
  if (ExportLib *lib = registry.lookup(name))
    return *lib;
  std::string known;
  for (const std::string &lib : registry.getNames())
    known += (known.empty() ? "" : ", ") + lib;
  // The pass's wording.
  throw Error("unknown export library '" + name + "' (known: " + known + ")");
}

/// The Aidge operator type an implementation was registered for from
/// Python ("Conv2D" of conv), by library and kernel name: such an
/// implementation fits only ops of that type.
static llvm::StringMap<std::string> &aidgeTypeOfKernel() {
  static llvm::StringMap<std::string> map;
  return map;
}

static std::string kernelKey(StringRef lib, StringRef kernel) {
  return (lib + "/" + kernel).str();
}

static bool isBuiltin(StringRef name) { return name == "cpp"; }

static void createExportLib(const std::string &name,
                            const std::optional<std::string> &base) {
  if (isBuiltin(name))
    throw Error("export library '" + name +
                "' is built in; extend it with create_export_lib(name, base='" +
                name + "')");
  const ExportLib *from = base ? &lookupLib(*base) : nullptr;
  ExportLib &lib = ExportLibRegistry::get().getOrCreate(name);
  // Created again (e.g. by a second test): start afresh.
  lib = ExportLib(name);
  if (from)
    lib.extend(*from);
}

static void registerImpl(const std::string &libName, const std::string &opType,
                         const py::dict &specDict, const py::dict &kernelDict) {
  ExportLib &lib = lookupLib(libName);
  if (isBuiltin(libName))
    throw Error("export library '" + libName +
                "' is built in; register into a library extending it");
  OpTypeName type = resolveOpType(opType);
  ImplSpec spec = specFromDict(specDict);
  KernelDescriptor kernel = kernelFromDict(kernelDict);
  if (lib.lookupKernel(kernel.name))
    throw Error("export library '" + libName + "' already has a kernel named '" +
                kernel.name + "'");
  if (type.aidgeType) {
    std::string wanted = *type.aidgeType;
    spec.score = [wanted](Operation *op) -> std::optional<int64_t> {
      if (getAidgeType(op) == wanted)
        return 0;
      return std::nullopt;
    };
    aidgeTypeOfKernel()[kernelKey(libName, kernel.name)] = wanted;
  }
  lib.registerImpl(type.opType, std::move(spec), std::move(kernel));
}

/// The implementations of `opType` in `lib`; an Aidge type leaves out
/// those registered for another Aidge type of the same op.
static std::vector<const Implementation *>
getImpls(const std::string &libName, const std::string &opType) {
  ExportLib &lib = lookupLib(libName);
  OpTypeName type = resolveOpType(opType);
  std::vector<const Implementation *> impls;
  for (const Implementation &impl : lib.getImpls(type.opType)) {
    auto it = aidgeTypeOfKernel().find(kernelKey(libName, impl.kernel.name));
    if (type.aidgeType && it != aidgeTypeOfKernel().end() &&
        it->getValue() != *type.aidgeType)
      continue;
    impls.push_back(&impl);
  }
  return impls;
}

/// The casts and transposes `op` needs to fit `fit`.
static py::list adaptationsOf(ImplMatcher &matcher, Operation *op,
                              const ImplFit &fit) {
  py::list adaptations;
  bool formatFree = canChangeFormat(op);
  auto add = [&](StringRef where, size_t index, Type type, const IOSpec &io) {
    ImplFit scratch;
    ValueTarget target = *matcher.fitValue(type, io, formatFree, scratch);
    auto tensor = cast<RankedTensorType>(type);
    auto entry = [&](StringRef kind, std::string from, std::string to) {
      py::dict adaptation;
      adaptation["where"] = where.str();
      adaptation["index"] = index;
      adaptation["kind"] = kind.str();
      adaptation["from"] = from;
      adaptation["to"] = to;
      adaptations.append(adaptation);
    };
    if (target.elementType != tensor.getElementType())
      entry("cast", getDtypeName(tensor.getElementType()),
            getDtypeName(target.elementType));
    DataFormat format = getDataFormat(tensor);
    if (!isSameLayout(format, target.format, tensor.getRank()))
      entry("transpose", stringifyDataFormat(format).str(),
            stringifyDataFormat(target.format).str());
  };
  for (auto [i, type] : llvm::enumerate(op->getOperandTypes()))
    add("input", i, type, getIOSpecFor(fit.impl->spec.inputs, i));
  for (auto [i, type] : llvm::enumerate(op->getResultTypes()))
    add("output", i, type, getIOSpecFor(fit.impl->spec.outputs, i));
  return adaptations;
}

static py::object bestFit(const std::string &libName, const Node &node,
                          bool exactOnly) {
  ImplMatcher matcher(lookupLib(libName), &getContext());
  Operation *op = node.get();
  std::optional<ImplFit> fit = matcher.bestFit(op, exactOnly);
  if (!fit)
    return py::none();
  py::dict spec = implSpecToDict(fit->impl->spec);
  if (exactOnly)
    return py::make_tuple(spec, fit->impl->kernel.name);
  return py::make_tuple(spec, fit->impl->kernel.name,
                        adaptationsOf(matcher, op, *fit));
}

void aidge_python::bindExportLib(py::module_ &m) {
  m.def("export_lib_names", [] { return ExportLibRegistry::get().getNames(); });
  m.def("create_export_lib", &createExportLib, py::arg("name"),
        py::arg("base") = py::none());
  m.def("register_impl", &registerImpl, py::arg("lib"), py::arg("op_type"),
        py::arg("spec"), py::arg("kernel"));
  m.def("impl_specs", [](const std::string &lib, const std::string &opType) {
    py::list specs;
    for (const Implementation *impl : getImpls(lib, opType))
      specs.append(implSpecToDict(impl->spec));
    return specs;
  }, py::arg("lib"), py::arg("op_type"));
  m.def("impls", [](const std::string &lib, const std::string &opType) {
    py::list impls;
    for (const Implementation *impl : getImpls(lib, opType))
      impls.append(py::make_tuple(implSpecToDict(impl->spec), kernelToDict(impl->kernel)));
    return impls;
  }, py::arg("lib"), py::arg("op_type"));
  m.def("kernel", [](const std::string &lib, const std::string &name) {
    const Implementation *impl = lookupLib(lib).lookupKernel(name);
    if (!impl)
      throw Error("export library '" + lib + "' has no kernel named '" + name + "'");
    return kernelToDict(impl->kernel);
  }, py::arg("lib"), py::arg("name"));
  m.def("required_spec", [](const Node &node) {
    return specToDict(getRequiredSpec(node.get()));
  }, py::arg("node"));
  m.def("best_match", [](const std::string &lib, const Node &node) {
    return bestFit(lib, node, /*exactOnly=*/true);
  }, py::arg("lib"), py::arg("node"));
  m.def("best_adaptation", [](const std::string &lib, const Node &node) {
    return bestFit(lib, node, /*exactOnly=*/false);
  }, py::arg("lib"), py::arg("node"));
}
