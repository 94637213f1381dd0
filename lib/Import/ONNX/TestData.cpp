//===- TestData.cpp - ONNX test data sets as export test data -------------===//

#include "aidge/Import/ONNX/ImportONNX.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace mlir;
using namespace mlir::aidge;

std::string mlir::aidge::getONNXTestDataFile(StringRef dir, StringRef prefix,
                                             size_t index) {
  SmallString<256> path(dir);
  llvm::sys::path::append(path, prefix + std::to_string(index) + ".pb");
  return path.str().str();
}

LogicalResult mlir::aidge::embedONNXTestData(ModuleOp module, StringRef dir,
                                            const llvm::SmallDenseSet<size_t> &skipInputs) {
  MLIRContext *context = module.getContext();
  auto readAll = [&](StringRef prefix) -> FailureOr<SmallVector<Attribute>> {
    SmallVector<Attribute> tensors;
    for (size_t i = 0;; ++i) {
      std::string path = getONNXTestDataFile(dir, prefix, i);
      if (!llvm::sys::fs::exists(path))
        break;
      if (prefix == "input_" && skipInputs.contains(i))
        continue;
      auto buffer = llvm::MemoryBuffer::getFile(path);
      if (!buffer)
        return emitError(UnknownLoc::get(context))
               << "cannot read " << path << ": " << buffer.getError().message();
      llvm::Expected<ElementsAttr> tensor =
          readONNXTensor((*buffer)->getBuffer(), context);
      if (!tensor)
        return emitError(UnknownLoc::get(context))
               << path << ": " << llvm::toString(tensor.takeError());
      tensors.push_back(*tensor);
    }
    return tensors;
  };
  FailureOr<SmallVector<Attribute>> inputs = readAll("input_");
  FailureOr<SmallVector<Attribute>> outputs = readAll("output_");
  if (failed(inputs) || failed(outputs))
    return failure();
  // A model without graph inputs (a Constant) has only outputs; a directory
  // with neither is the wrong one.
  if (!llvm::sys::fs::exists(getONNXTestDataFile(dir, "input_", 0)) &&
      outputs->empty())
    return emitError(UnknownLoc::get(context))
           << "no input_0.pb or output_0.pb in test data directory '" << dir
           << "'";
  module->setAttr("aidge_export.inputs", ArrayAttr::get(context, *inputs));
  if (!outputs->empty())
    module->setAttr("aidge_export.expected", ArrayAttr::get(context, *outputs));
  return success();
}

