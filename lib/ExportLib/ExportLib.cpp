//===- ExportLib.cpp - Export libraries and their registry ----------------===//

#include "aidge/ExportLib/ExportLib.h"

#include "aidge/Dialect/Aidge/IR/AidgeDialect.h"
#include "mlir/AsmParser/AsmParser.h"
#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace mlir::aidge;

ImplSpec ImplSpec::uniform(IOSpec io, int64_t priority) {
  ImplSpec spec;
  spec.inputs = {io};
  spec.outputs = {io};
  spec.priority = priority;
  return spec;
}

void ExportLib::registerImpl(StringRef opType, ImplSpec spec,
                             KernelDescriptor kernel) {
  impls[opType].push_back({std::move(spec), std::move(kernel)});
}

void ExportLib::overrideOp(StringRef opType, ImplSpec spec,
                           KernelDescriptor kernel) {
  impls[opType].clear();
  registerImpl(opType, std::move(spec), std::move(kernel));
}

void ExportLib::extend(const ExportLib &base) {
  for (const auto &entry : base.impls)
    for (const Implementation &impl : entry.getValue())
      impls[entry.getKey()].push_back(impl);
  staticFiles.insert(staticFiles.end(), base.staticFiles.begin(),
                     base.staticFiles.end());
  if (rootDir.empty())
    rootDir = base.rootDir;
  if (!memSection)
    memSection = base.memSection;
  specialiseKernels = specialiseKernels || base.specialiseKernels;
}

ArrayRef<Implementation> ExportLib::getImpls(StringRef opType) const {
  auto it = impls.find(opType);
  if (it == impls.end())
    return {};
  return it->getValue();
}

const Implementation *ExportLib::lookupKernel(StringRef kernelName) const {
  for (const auto &entry : impls)
    for (const Implementation &impl : entry.getValue())
      if (impl.kernel.name == kernelName)
        return &impl;
  return nullptr;
}

std::vector<std::string> ExportLib::getOpTypes() const {
  std::vector<std::string> types;
  for (const auto &entry : impls)
    types.push_back(entry.getKey().str());
  llvm::sort(types);
  return types;
}

ExportLibRegistry &ExportLibRegistry::get() {
  static ExportLibRegistry *registry = [] {
    auto *created = new ExportLibRegistry();
    registerCppExportLib(*created);
    registerCppFastExportLib(*created);
    return created;
  }();
  return *registry;
}

ExportLib &ExportLibRegistry::getOrCreate(StringRef name) {
  std::lock_guard<std::mutex> lock(mutex);
  std::unique_ptr<ExportLib> &lib = libs[name];
  if (!lib)
    lib = std::make_unique<ExportLib>(name);
  return *lib;
}

ExportLib *ExportLibRegistry::lookup(StringRef name) {
  std::lock_guard<std::mutex> lock(mutex);
  auto it = libs.find(name);
  return it == libs.end() ? nullptr : it->getValue().get();
}

std::vector<std::string> ExportLibRegistry::getNames() const {
  std::lock_guard<std::mutex> lock(mutex);
  std::vector<std::string> names;
  for (const auto &entry : libs)
    names.push_back(entry.getKey().str());
  llvm::sort(names);
  return names;
}

std::string mlir::aidge::getOpType(Operation *op) {
  if (isa_and_nonnull<AidgeDialect>(op->getDialect()))
    return op->getName().stripDialect().str();
  return op->getName().getStringRef().str();
}

static FailureOr<IOSpecAttr> getIOSpecAttr(const IOSpec &io,
                                           MLIRContext *context) {
  Type dtype;
  if (io.dtype != "any") {
    dtype = parseType(io.dtype, context);
    if (!dtype)
      return failure();
  }
  return IOSpecAttr::getChecked([&] { return emitError(UnknownLoc::get(context)); },
                                context, dtype, io.format,
                                ArrayRef<int64_t>(io.minDims),
                                ArrayRef<int64_t>(io.maxDims));
}

FailureOr<ImplSpecAttr> mlir::aidge::getImplSpecAttr(const ImplSpec &spec,
                                                     MLIRContext *context) {
  auto toArray = [&](const std::vector<IOSpec> &list) -> FailureOr<ArrayAttr> {
    SmallVector<Attribute> attrs;
    for (const IOSpec &io : list) {
      FailureOr<IOSpecAttr> attr = getIOSpecAttr(io, context);
      if (failed(attr))
        return failure();
      attrs.push_back(*attr);
    }
    return ArrayAttr::get(context, attrs);
  };
  FailureOr<ArrayAttr> inputs = toArray(spec.inputs);
  FailureOr<ArrayAttr> outputs = toArray(spec.outputs);
  if (failed(inputs) || failed(outputs))
    return failure();
  DictionaryAttr attrs;
  if (!spec.attrs.empty()) {
    SmallVector<NamedAttribute> named;
    for (const auto &[name, text] : spec.attrs) {
      Attribute value = parseAttribute(text, context);
      if (!value)
        return failure();
      named.emplace_back(StringAttr::get(context, name), value);
    }
    attrs = DictionaryAttr::get(context, named);
  }
  return ImplSpecAttr::get(context, *inputs, *outputs, attrs, spec.priority);
}
