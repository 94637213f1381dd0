//===- Reference.cpp - aidge-export's reference outputs and layers --------===//

#include "Reference.h"

#include "aidge/Dialect/AidgeExport/IR/AidgeExportDialect.h"
#include "aidge/Reference/Interpreter.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstring>

using namespace mlir;
using namespace mlir::aidge;
namespace ae = mlir::aidge_export;

/// The one function the export is made from.
static FailureOr<func::FuncOp> getGraph(ModuleOp module) {
  SmallVector<func::FuncOp> funcs;
  for (auto func : module.getOps<func::FuncOp>())
    if (!func.isExternal())
      funcs.push_back(func);
  if (funcs.size() != 1)
    return mlir::emitError(module.getLoc(), "the reference interpreter needs one function, found ")
           << funcs.size();
  return funcs.front();
}

/// Deterministic pseudo-random values for input `index` (see Reference.h).
static reference::Tensor generateInput(RankedTensorType type, unsigned index) {
  reference::Tensor tensor{type, {}};
  Type element = type.getElementType();
  uint32_t state = 0x12345678u + index;
  for (int64_t i = 0; i < type.getNumElements(); ++i) {
    state = state * 1664525u + 1013904223u;
    uint32_t draw = state >> 8;
    if (isa<FloatType>(element))
      tensor.values.push_back(draw / double(1 << 23) - 1.0);
    else
      tensor.values.push_back(element.isInteger(1) ? draw % 2 : draw % 10);
  }
  return tensor;
}

/// The inputs of `func`: those of `aidge_export.inputs`, else generated
/// ones, which are then stored there.
static FailureOr<SmallVector<reference::Tensor>> getInputs(ModuleOp module,
                                                           func::FuncOp func) {
  auto given = module->getAttrOfType<ArrayAttr>("aidge_export.inputs");
  SmallVector<reference::Tensor> inputs;
  for (BlockArgument arg : func.getArguments()) {
    auto type = dyn_cast<RankedTensorType>(arg.getType());
    if (!type || !type.hasStaticShape())
      return func.emitError("input ") << arg.getArgNumber() << " has no static shape";
    if (!given) {
      inputs.push_back(generateInput(type, arg.getArgNumber()));
      continue;
    }
    auto elements = arg.getArgNumber() < given.size()
                        ? dyn_cast<ElementsAttr>(given[arg.getArgNumber()])
                        : ElementsAttr();
    std::optional<reference::Tensor> tensor =
        elements ? reference::getTensor(elements) : std::nullopt;
    if (!tensor || (int64_t)tensor->values.size() != type.getNumElements())
      return mlir::emitError(module.getLoc(), "test input ")
             << arg.getArgNumber() << " does not hold the " << type.getNumElements()
             << " values of input " << arg.getArgNumber();
    tensor->type = type;
    inputs.push_back(std::move(*tensor));
  }
  if (!given) {
    SmallVector<Attribute> attrs;
    for (const reference::Tensor &input : inputs)
      attrs.push_back(reference::getElementsAttr(input));
    module->setAttr("aidge_export.inputs", ArrayAttr::get(module.getContext(), attrs));
  }
  return inputs;
}

static FailureOr<reference::Evaluation> evaluateModule(ModuleOp module) {
  FailureOr<func::FuncOp> func = getGraph(module);
  if (failed(func))
    return failure();
  FailureOr<SmallVector<reference::Tensor>> inputs = getInputs(module, *func);
  if (failed(inputs))
    return failure();
  return reference::evaluate(*func, *inputs);
}

/// main.cpp's tolerance.
static bool isClose(double expected, double value) {
  if (std::isnan(expected) || std::isnan(value))
    return std::isnan(expected) && std::isnan(value);
  if (std::isinf(expected) || std::isinf(value))
    return expected == value;
  return std::fabs(expected - value) <= 1e-3 + 1e-4 * std::fabs(expected);
}

/// Warns about the first element of each output where the interpreter
/// disagrees with the test data set.
static void checkAgainst(ModuleOp module, ArrayAttr expected,
                         ArrayRef<reference::Tensor> outputs) {
  for (auto [i, output] : llvm::enumerate(outputs)) {
    auto elements = i < expected.size() ? dyn_cast<ElementsAttr>(expected[i])
                                        : ElementsAttr();
    std::optional<reference::Tensor> given =
        elements ? reference::getTensor(elements) : std::nullopt;
    if (!given || given->values.size() != output.values.size())
      continue; // --to-cpp reports the test data that does not fit
    for (auto [k, pair] : llvm::enumerate(llvm::zip_equal(given->values, output.values)))
      if (!isClose(std::get<0>(pair), std::get<1>(pair))) {
        mlir::emitWarning(module.getLoc(), "the reference interpreter disagrees with output_")
            << i << ".pb at element " << k << ": " << std::get<1>(pair)
            << " instead of " << std::get<0>(pair)
            << "; the test data set's outputs are kept";
        break;
      }
  }
}

LogicalResult mlir::aidge::embedReference(ModuleOp module, bool layers) {
  FailureOr<reference::Evaluation> evaluation = evaluateModule(module);
  if (failed(evaluation))
    return failure();
  if (auto expected = module->getAttrOfType<ArrayAttr>("aidge_export.expected")) {
    checkAgainst(module, expected, evaluation->outputs);
  } else {
    SmallVector<Attribute> outputs;
    for (const reference::Tensor &output : evaluation->outputs)
      outputs.push_back(reference::getElementsAttr(output));
    module->setAttr("aidge_export.expected",
                    ArrayAttr::get(module.getContext(), outputs));
  }
  if (!layers)
    return success();
  func::FuncOp func = *getGraph(module);
  for (Operation &op : func.getBody().front()) {
    if (op.hasTrait<OpTrait::ConstantLike>() || op.hasTrait<OpTrait::IsTerminator>())
      continue;
    SmallVector<Attribute> results;
    for (Value result : op.getResults())
      results.push_back(reference::getElementsAttr(evaluation->values[result]));
    op.setAttr("aidge.reference", ArrayAttr::get(module.getContext(), results));
  }
  return success();
}

/// The .npy type of `element`; floats other than f64 are written as f32.
static std::string npyType(Type element) {
  if (element.isF64())
    return "<f8";
  if (isa<FloatType>(element))
    return "<f4";
  auto integer = cast<IntegerType>(element);
  if (integer.getWidth() == 1)
    return "|b1";
  unsigned bytes = std::max(integer.getWidth() / 8, 1u);
  return (bytes == 1 ? "|" : "<") + std::string(integer.isUnsigned() ? "u" : "i") +
         std::to_string(bytes);
}

static LogicalResult writeNpy(Location loc, StringRef path,
                              const reference::Tensor &tensor) {
  Type element = tensor.type.getElementType();
  std::string type = npyType(element);
  std::string shape;
  for (int64_t d : tensor.type.getShape())
    shape += std::to_string(d) + (tensor.type.getRank() == 1 ? "," : ", ");
  if (tensor.type.getRank() > 1)
    shape.resize(shape.size() - 2);
  std::string header = llvm::formatv("{{'descr': '{0}', 'fortran_order': False, "
                                     "'shape': ({1}), }",
                                     type, shape);
  // Magic, version, header length, header padded so the data is 64-aligned.
  header.append(63 - (10 + header.size()) % 64, ' ');
  header += '\n';
  std::error_code error;
  llvm::raw_fd_ostream os(path, error);
  if (error)
    return mlir::emitError(loc, "cannot write ") << path << ": " << error.message();
  os << "\x93NUMPY" << char(1) << char(0) << char(header.size() & 0xff)
     << char(header.size() >> 8) << header;
  for (double v : tensor.values) {
    char bytes[8];
    size_t size;
    if (type == "<f8") {
      size = 8;
      std::memcpy(bytes, &v, 8);
    } else if (type == "<f4") {
      float f = static_cast<float>(v);
      size = 4;
      std::memcpy(bytes, &f, 4);
    } else {
      int64_t i = static_cast<int64_t>(v);
      size = type.back() - '0';
      std::memcpy(bytes, &i, size); // little-endian
    }
    os.write(bytes, size);
  }
  return success();
}

LogicalResult mlir::aidge::writeLayerReferences(ModuleOp module, StringRef dir) {
  WalkResult walk = module.walk([&](ae::KernelOp kernel) {
    auto references = kernel->getAttrOfType<ArrayAttr>("aidge.reference");
    if (!references)
      return WalkResult::advance();
    for (auto [i, reference] : llvm::enumerate(references)) {
      std::optional<reference::Tensor> tensor =
          reference::getTensor(cast<ElementsAttr>(reference));
      SmallString<256> path(dir);
      llvm::sys::path::append(path, kernel.getName() +
                                        (i ? "_out" + std::to_string(i) : "") +
                                        ".npy");
      if (!tensor || failed(writeNpy(kernel.getLoc(), path, *tensor)))
        return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return failure(walk.wasInterrupted());
}

LogicalResult mlir::aidge::printReference(ModuleOp module, raw_ostream &os) {
  FailureOr<reference::Evaluation> evaluation = evaluateModule(module);
  if (failed(evaluation))
    return failure();
  for (auto [i, output] : llvm::enumerate(evaluation->outputs)) {
    os << "output " << i << " ";
    llvm::interleave(output.type.getShape(), os, "x");
    os << " " << output.type.getElementType() << "\n";
    llvm::interleave(
        output.values, os, [&](double v) { os << llvm::format("%.17g", v); }, " ");
    os << "\n";
  }
  return success();
}
