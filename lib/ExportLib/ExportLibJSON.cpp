//===- ExportLibJSON.cpp - Export libraries described in JSON -------------===//
//
// {
//   "name": "mylib",              required
//   "extends": "cpp",             optional: start from a copy of that library
//   "mem_section": ".nn_data",    optional
//   "static_files": ["utils/my_utils.hpp"],
//   "ops": [{
//     "type": "relu",
//     "override": true,           optional: drop the type's other impls
//     "spec": {"inputs": [{"dtype": "f32", "format": "any",
//                          "min_dims": [1], "max_dims": [-1]}],
//              "outputs": [...], "attrs": {"group": "1 : i64"},
//              "priority": 1},
//     "kernel": {"name": "my_relu", "entry": "my_relu_forward",
//                "headers": ["kernels/my_relu.hpp"], "config": ["size"],
//                "packing": ["none", "tapsMajor"],   optional, per input:
//                                   none, outputBlocks, tapsMajor or
//                                   winograd4x4
//                "output_may_wrap_input": false}     optional, true
//   }]
// }
//
// Paths are relative to the file; every file named must exist.
//
//===----------------------------------------------------------------------===//

#include "aidge/ExportLib/ExportLib.h"

#include "aidge/Dialect/Aidge/IR/AidgeDialect.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace mlir;
using namespace mlir::aidge;
namespace json = llvm::json;

namespace mlir::aidge {
/// One entry of "ops".
struct JSONOpEntry {
  std::string type;
  bool override = false;
  ImplSpec spec;
  KernelDescriptor kernel;
};

/// The whole file.
struct JSONLibFile {
  std::string name;
  std::optional<std::string> extends, memSection;
  std::optional<bool> specialiseKernels;
  std::vector<std::string> staticFiles;
  std::vector<JSONOpEntry> ops;
};

static bool fromJSON(const json::Value &value, DataFormat &format,
                     json::Path path) {
  std::optional<StringRef> text = value.getAsString();
  std::optional<DataFormat> parsed =
      text ? symbolizeDataFormat(*text) : std::nullopt;
  if (!parsed) {
    path.report("expected a data format (any, default, nchw, nhwc, ncw, nwc, "
                "chw, hwc, ncdhw, ndhwc, chwn)");
    return false;
  }
  format = *parsed;
  return true;
}

static bool fromJSON(const json::Value &value, IOSpec &io, json::Path path) {
  json::ObjectMapper map(value, path);
  return map && map.mapOptional("dtype", io.dtype) &&
         map.mapOptional("format", io.format) &&
         map.mapOptional("min_dims", io.minDims) &&
         map.mapOptional("max_dims", io.maxDims);
}

static bool fromJSON(const json::Value &value, ImplSpec &spec, json::Path path) {
  json::ObjectMapper map(value, path);
  std::map<std::string, std::string> attrs;
  if (!map || !map.mapOptional("inputs", spec.inputs) ||
      !map.mapOptional("outputs", spec.outputs) ||
      !map.mapOptional("attrs", attrs) ||
      !map.mapOptional("priority", spec.priority))
    return false;
  spec.attrs.assign(attrs.begin(), attrs.end());
  return true;
}

static bool fromJSON(const json::Value &value, WeightPacking &packing,
                     json::Path path) {
  std::optional<WeightPacking> parsed =
      llvm::StringSwitch<std::optional<WeightPacking>>(
          value.getAsString().value_or(""))
          .Case("none", WeightPacking::none)
          .Case("outputBlocks", WeightPacking::outputBlocks)
          .Case("tapsMajor", WeightPacking::tapsMajor)
          .Case("winograd4x4", WeightPacking::winograd4x4)
          .Default(std::nullopt);
  if (!parsed) {
    path.report("expected a weight packing (none, outputBlocks, tapsMajor, "
                "winograd4x4)");
    return false;
  }
  packing = *parsed;
  return true;
}

static bool fromJSON(const json::Value &value, KernelDescriptor &kernel,
                     json::Path path) {
  json::ObjectMapper map(value, path);
  return map && map.map("name", kernel.name) &&
         map.map("entry", kernel.entryPoint) &&
         map.mapOptional("headers", kernel.headers) &&
         map.mapOptional("config", kernel.config) &&
         map.mapOptional("packing", kernel.packing) &&
         map.mapOptional("output_may_wrap_input", kernel.outputMayWrapInput) &&
         map.mapOptional("specialisable", kernel.specialisable);
}

static bool fromJSON(const json::Value &value, JSONOpEntry &entry, json::Path path) {
  json::ObjectMapper map(value, path);
  return map && map.map("type", entry.type) &&
         map.mapOptional("override", entry.override) &&
         map.mapOptional("spec", entry.spec) && map.map("kernel", entry.kernel);
}

static bool fromJSON(const json::Value &value, JSONLibFile &lib, json::Path path) {
  json::ObjectMapper map(value, path);
  return map && map.map("name", lib.name) &&
         map.mapOptional("extends", lib.extends) &&
         map.mapOptional("mem_section", lib.memSection) &&
         map.mapOptional("specialise_kernels", lib.specialiseKernels) &&
         map.mapOptional("static_files", lib.staticFiles) &&
         map.map("ops", lib.ops);
}
} // namespace mlir::aidge

static llvm::Error fileError(StringRef path, const Twine &message) {
  return llvm::createStringError(Twine("export library '") + path + "': " +
                                 message);
}

/// Checks what a JSON parser cannot: op types, types and attributes parse
/// in `context`, files exist.
static llvm::Error checkEntries(StringRef path, StringRef root,
                                const JSONLibFile &lib, MLIRContext *context) {
  auto checkFile = [&](StringRef file, const Twine &where) -> llvm::Error {
    SmallString<256> full(root);
    llvm::sys::path::append(full, file);
    if (llvm::sys::path::is_absolute(file) || !llvm::sys::fs::exists(full))
      return fileError(path, where + ": no file '" + file + "' next to it");
    return llvm::Error::success();
  };
  for (const std::string &file : lib.staticFiles)
    if (llvm::Error error = checkFile(file, "static_files"))
      return error;
  for (auto [index, entry] : llvm::enumerate(lib.ops)) {
    std::string where = "ops[" + std::to_string(index) + "] ('" + entry.type + "')";
    std::string opName =
        StringRef(entry.type).contains('.') ? entry.type : "aidge." + entry.type;
    if (!RegisteredOperationName::lookup(opName, context))
      return fileError(path, where + ": unknown op type");
    // Diagnostics of the MLIR parsers become this error's text.
    std::string detail;
    ScopedDiagnosticHandler handler(context, [&](Diagnostic &diag) {
      detail = diag.str();
      return success();
    });
    if (failed(getImplSpecAttr(entry.spec, context)))
      return fileError(path, where + ": invalid spec: " + detail);
    for (const std::string &header : entry.kernel.headers)
      if (llvm::Error error = checkFile(header, where + " kernel headers"))
        return error;
  }
  return llvm::Error::success();
}

llvm::Expected<std::string> mlir::aidge::loadExportLibFile(StringRef path,
                                                           MLIRContext *context) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer)
    return fileError(path, buffer.getError().message());
  json::Value value = nullptr;
  if (llvm::Expected<json::Value> parsed = json::parse((*buffer)->getBuffer()))
    value = std::move(*parsed);
  else
    return fileError(path, "not JSON: " + llvm::toString(parsed.takeError()));
  JSONLibFile lib;
  json::Path::Root root("library");
  if (!fromJSON(value, lib, root)) {
    std::string message;
    llvm::raw_string_ostream os(message);
    os << llvm::toString(root.getError());
    return fileError(path, message);
  }
  SmallString<256> dir(path);
  llvm::sys::path::remove_filename(dir);
  llvm::sys::fs::make_absolute(dir);
  if (llvm::Error error = checkEntries(path, dir, lib, context))
    return std::move(error);

  ExportLibRegistry &registry = ExportLibRegistry::get();
  ExportLib *base = nullptr;
  if (lib.extends && !(base = registry.lookup(*lib.extends)))
    return fileError(path, "extends unknown library '" + *lib.extends + "'");
  ExportLib &target = registry.getOrCreate(lib.name);
  if (base && base != &target)
    target.extend(*base);
  // This file's paths are relative to its directory; a library it extends
  // keeps its own files, so record them absolute.
  auto absolute = [&](StringRef file) {
    SmallString<256> full(dir);
    llvm::sys::path::append(full, file);
    return std::string(full);
  };
  for (const std::string &file : lib.staticFiles)
    target.staticFiles.push_back(absolute(file));
  if (lib.memSection)
    target.memSection = lib.memSection;
  if (lib.specialiseKernels)
    target.specialiseKernels = *lib.specialiseKernels;
  for (JSONOpEntry &entry : lib.ops) {
    for (std::string &header : entry.kernel.headers)
      header = absolute(header);
    if (entry.override)
      target.overrideOp(entry.type, entry.spec, entry.kernel);
    else
      target.registerImpl(entry.type, entry.spec, entry.kernel);
  }
  return lib.name;
}
