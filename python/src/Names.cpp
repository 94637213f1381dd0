//===- Names.cpp - Aidge's names of types and operators -------------------===//

#include "Core.h"

#include "aidge/Dialect/Aidge/IR/AidgeOps.h"
#include "aidge/Dialect/Aidge/IR/DataFormat.h"

#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace aidge_python;

std::string aidge_python::getDtypeName(Type type) {
  if (type.isF32())
    return "float32";
  if (type.isF16())
    return "float16";
  if (type.isBF16())
    return "bfloat16";
  if (type.isF64())
    return "float64";
  if (auto integer = dyn_cast<IntegerType>(type)) {
    if (integer.getWidth() == 1)
      return "bool";
    return (integer.isUnsigned() ? "uint" : "int") +
           std::to_string(integer.getWidth());
  }
  std::string text;
  llvm::raw_string_ostream(text) << type;
  return text;
}

std::string aidge_python::getMlirDtype(const std::string &name) {
  static const std::pair<StringRef, StringRef> table[] = {
      {"any", "any"},       {"float32", "f32"},   {"float16", "f16"},
      {"bfloat16", "bf16"}, {"float64", "f64"},   {"bool", "i1"},
      {"int8", "i8"},       {"int16", "i16"},     {"int32", "i32"},
      {"int64", "i64"},     {"uint8", "ui8"},     {"uint16", "ui16"},
      {"uint32", "ui32"},   {"uint64", "ui64"}};
  for (auto [aidge, mlir] : table)
    if (aidge == name)
      return mlir.str();
  std::string known;
  for (auto [aidge, mlir] : table)
    known += (known.empty() ? "" : ", ") + aidge.str();
  throw Error("unknown dtype '" + name + "' (known: " + known + ")");
}

/// "global_average_pool" -> "GlobalAveragePool": Aidge's spelling of the
/// ops whose name says the same in both.
static std::string camelCase(StringRef name) {
  std::string result;
  for (StringRef word : llvm::split(name, '_'))
    if (!word.empty())
      result += word.substr(0, 1).upper() + word.substr(1).str();
  return result;
}

namespace {
/// An Aidge operator type that is not the camel case of its aidge op.
struct AidgeName {
  StringRef op, aidge;
  /// Aidge appends the spatial rank: Conv2D, MaxPooling1D.
  bool spatial;
};
} // namespace

static const AidgeName kAidgeNames[] = {
    {"conv", "Conv", true},
    {"conv", "ConvDepthWise", true},
    {"conv_transpose", "ConvTranspose", true},
    {"max_pool", "MaxPooling", true},
    {"avg_pool", "AvgPooling", true},
    {"batch_norm", "BatchNorm", true},
    {"global_average_pool", "GlobalAveragePooling", false},
    {"global_max_pool", "GlobalMaxPooling", false},
    {"fc", "FC", false},
    {"relu", "ReLU", false},
    {"leaky_relu", "LeakyReLU", false},
    {"matmul", "MatMul", false},
};

static bool isDepthwise(Operation *op) {
  auto conv = dyn_cast<aidge::ConvOp>(op);
  if (!conv)
    return false;
  int64_t channels = aidge::getDefaultOrderShape(
      cast<RankedTensorType>(conv.getInput().getType()))[1];
  return conv.getGroup() > 1 && conv.getGroup() == channels;
}

std::string aidge_python::getAidgeType(Operation *op) {
  if (!isa_and_nonnull<aidge::AidgeDialect>(op->getDialect()))
    return op->getName().getStringRef().str();
  StringRef name = op->getName().stripDialect();
  bool depthwise = isDepthwise(op);
  for (const AidgeName &entry : kAidgeNames) {
    if (entry.op != name || (name == "conv" && depthwise != (entry.aidge == "ConvDepthWise")))
      continue;
    if (!entry.spatial)
      return entry.aidge.str();
    auto type = cast<RankedTensorType>(op->getResult(0).getType());
    return entry.aidge.str() + std::to_string(type.getRank() - 2) + "D";
  }
  return camelCase(name);
}

OpTypeName aidge_python::resolveOpType(const std::string &given) {
  StringRef text = given;
  MLIRContext &context = getContext();
  auto isAidgeOp = [&](StringRef op) {
    return RegisteredOperationName::lookup(("aidge." + op).str(), &context)
        .has_value();
  };
  // aidge op names, with or without the dialect, and ops of other dialects.
  if (text.consume_front("aidge.") || isAidgeOp(text)) {
    if (isAidgeOp(text))
      return {text.str(), std::nullopt};
  } else if (text.contains('.') &&
             RegisteredOperationName::lookup(text, &context)) {
    return {text.str(), std::nullopt};
  }
  // Aidge operator types.
  for (const AidgeName &entry : kAidgeNames) {
    StringRef rest = given;
    if (!rest.consume_front(entry.aidge))
      continue;
    if (entry.spatial ? (rest.size() == 2 && rest[1] == 'D' && rest[0] >= '1' &&
                         rest[0] <= '3')
                      : rest.empty())
      return {entry.op.str(), given};
  }
  for (RegisteredOperationName op : context.getRegisteredOperations())
    if (op.getDialectNamespace() == "aidge" &&
        camelCase(op.stripDialect()) == given)
      return {op.stripDialect().str(), given};
  throw Error("unknown op type '" + given +
              "' (neither an Aidge operator type such as Conv2D nor an op "
              "such as conv or aidge.conv)");
}

