//===- HostTensor.cpp - ONNX tensors known at import time -----------------===//

#include "HostTensor.h"

#include "aidge/Import/ONNX/ImportONNX.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/Builders.h"
#include "aidge/Dialect/Aidge/IR/ConstantData.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <climits>
#include <cstring>

using namespace mlir;
using namespace mlir::aidge::onnx_import;
using onnx::TensorProto;

namespace mlir::aidge::onnx_import {

unsigned byteWidth(int32_t dataType) {
  switch (dataType) {
  case TensorProto::BOOL:
  case TensorProto::INT8:
  case TensorProto::UINT8:
    return 1;
  case TensorProto::INT16:
  case TensorProto::UINT16:
  case TensorProto::FLOAT16:
  case TensorProto::BFLOAT16:
    return 2;
  case TensorProto::INT32:
  case TensorProto::UINT32:
  case TensorProto::FLOAT:
    return 4;
  case TensorProto::INT64:
  case TensorProto::UINT64:
  case TensorProto::DOUBLE:
    return 8;
  default:
    return 0;
  }
}

Type elementType(MLIRContext *context, int32_t dataType) {
  Builder b(context);
  switch (dataType) {
  case TensorProto::FLOAT: return b.getF32Type();
  case TensorProto::DOUBLE: return b.getF64Type();
  case TensorProto::FLOAT16: return b.getF16Type();
  case TensorProto::BFLOAT16: return b.getBF16Type();
  case TensorProto::BOOL: return b.getI1Type();
  case TensorProto::INT8: return b.getIntegerType(8);
  case TensorProto::INT16: return b.getIntegerType(16);
  case TensorProto::INT32: return b.getIntegerType(32);
  case TensorProto::INT64: return b.getIntegerType(64);
  case TensorProto::UINT8: return b.getIntegerType(8, /*isSigned=*/false);
  case TensorProto::UINT16: return b.getIntegerType(16, false);
  case TensorProto::UINT32: return b.getIntegerType(32, false);
  case TensorProto::UINT64: return b.getIntegerType(64, false);
  default: return {};
  }
}

StringRef dataTypeName(int32_t dataType) {
  if (TensorProto::DataType_IsValid(dataType))
    return TensorProto::DataType_Name(static_cast<TensorProto::DataType>(dataType));
  return "<invalid data type>";
}

} // namespace mlir::aidge::onnx_import

bool HostTensor::isFloat() const {
  switch (type) {
  case TensorProto::FLOAT:
  case TensorProto::DOUBLE:
  case TensorProto::FLOAT16:
  case TensorProto::BFLOAT16:
    return true;
  default:
    return false;
  }
}

int64_t HostTensor::numElements() const {
  int64_t n = 1;
  for (int64_t d : dims)
    n *= d;
  return n;
}

template <typename T>
static T load(const std::vector<char> &bytes, int64_t index) {
  T value;
  std::memcpy(&value, bytes.data() + index * sizeof(T), sizeof(T));
  return value;
}

template <typename T>
static void store(std::vector<char> &bytes, int64_t index, T value) {
  std::memcpy(bytes.data() + index * sizeof(T), &value, sizeof(T));
}

static float halfToFloat(uint16_t h) {
  return APFloat(APFloat::IEEEhalf(), APInt(16, h)).convertToFloat();
}

static float bfloatToFloat(uint16_t h) {
  uint32_t bits = uint32_t(h) << 16;
  float f;
  std::memcpy(&f, &bits, sizeof(f));
  return f;
}

static uint16_t toHalfBits(double value, const llvm::fltSemantics &semantics) {
  APFloat f(value);
  bool losesInfo;
  f.convert(semantics, APFloat::rmNearestTiesToEven, &losesInfo);
  return static_cast<uint16_t>(f.bitcastToAPInt().getZExtValue());
}

int64_t HostTensor::getInt(int64_t i) const {
  switch (type) {
  case TensorProto::BOOL:
  case TensorProto::UINT8: return load<uint8_t>(bytes, i);
  case TensorProto::INT8: return load<int8_t>(bytes, i);
  case TensorProto::INT16: return load<int16_t>(bytes, i);
  case TensorProto::UINT16: return load<uint16_t>(bytes, i);
  case TensorProto::INT32: return load<int32_t>(bytes, i);
  case TensorProto::UINT32: return load<uint32_t>(bytes, i);
  case TensorProto::INT64: return load<int64_t>(bytes, i);
  case TensorProto::UINT64: return static_cast<int64_t>(load<uint64_t>(bytes, i));
  default: return static_cast<int64_t>(getDouble(i));
  }
}

double HostTensor::getDouble(int64_t i) const {
  switch (type) {
  case TensorProto::FLOAT: return load<float>(bytes, i);
  case TensorProto::DOUBLE: return load<double>(bytes, i);
  case TensorProto::FLOAT16: return halfToFloat(load<uint16_t>(bytes, i));
  case TensorProto::BFLOAT16: return bfloatToFloat(load<uint16_t>(bytes, i));
  default: return static_cast<double>(getInt(i));
  }
}

std::vector<int64_t> HostTensor::toInts() const {
  std::vector<int64_t> values(numElements());
  for (int64_t i = 0, e = values.size(); i < e; ++i)
    values[i] = getInt(i);
  return values;
}

std::vector<double> HostTensor::toDoubles() const {
  std::vector<double> values(numElements());
  for (int64_t i = 0, e = values.size(); i < e; ++i)
    values[i] = getDouble(i);
  return values;
}

HostTensor HostTensor::fromInts(int32_t dataType, ArrayRef<int64_t> shape,
                                ArrayRef<int64_t> values) {
  HostTensor t;
  t.type = dataType;
  t.dims.assign(shape.begin(), shape.end());
  if (t.isFloat())
    return fromDoubles(dataType, shape,
                       std::vector<double>(values.begin(), values.end()));
  t.bytes.resize(values.size() * byteWidth(dataType));
  for (size_t i = 0; i < values.size(); ++i) {
    int64_t v = values[i];
    switch (dataType) {
    case TensorProto::BOOL: store<uint8_t>(t.bytes, i, v != 0); break;
    case TensorProto::UINT8: store<uint8_t>(t.bytes, i, v); break;
    case TensorProto::INT8: store<int8_t>(t.bytes, i, v); break;
    case TensorProto::INT16: store<int16_t>(t.bytes, i, v); break;
    case TensorProto::UINT16: store<uint16_t>(t.bytes, i, v); break;
    case TensorProto::INT32: store<int32_t>(t.bytes, i, v); break;
    case TensorProto::UINT32: store<uint32_t>(t.bytes, i, v); break;
    case TensorProto::UINT64: store<uint64_t>(t.bytes, i, v); break;
    default: store<int64_t>(t.bytes, i, v); break;
    }
  }
  return t;
}

HostTensor HostTensor::fromDoubles(int32_t dataType, ArrayRef<int64_t> shape,
                                   ArrayRef<double> values) {
  HostTensor t;
  t.type = dataType;
  t.dims.assign(shape.begin(), shape.end());
  if (!t.isFloat()) {
    // ONNX Cast truncates toward zero, except to bool: any value but
    // +/-0 (NaN included) is true.
    std::vector<int64_t> ints;
    for (double v : values)
      ints.push_back(dataType == TensorProto::BOOL ? int64_t(v != 0)
                                                   : static_cast<int64_t>(v));
    return fromInts(dataType, shape, ints);
  }
  t.bytes.resize(values.size() * byteWidth(dataType));
  for (size_t i = 0; i < values.size(); ++i) {
    switch (dataType) {
    case TensorProto::FLOAT: store<float>(t.bytes, i, values[i]); break;
    case TensorProto::DOUBLE: store<double>(t.bytes, i, values[i]); break;
    case TensorProto::FLOAT16:
      store<uint16_t>(t.bytes, i, toHalfBits(values[i], APFloat::IEEEhalf()));
      break;
    default:
      store<uint16_t>(t.bytes, i, toHalfBits(values[i], APFloat::BFloat()));
      break;
    }
  }
  return t;
}

HostTensor HostTensor::reshaped(ArrayRef<int64_t> newShape) const {
  HostTensor t = *this;
  t.dims.assign(newShape.begin(), newShape.end());
  return t;
}

/// Appends the elements of a typed repeated field as `dataType` bytes.
template <typename Field>
static void appendTyped(std::vector<char> &bytes, const Field &field,
                        int32_t dataType) {
  unsigned width = byteWidth(dataType);
  size_t base = bytes.size();
  bytes.resize(base + field.size() * width);
  for (int i = 0; i < field.size(); ++i) {
    // int32_data holds the bit patterns of the narrow types, float16 too.
    auto value = field.Get(i);
    if (width == 8)
      std::memcpy(bytes.data() + base + i * 8, &value, 8);
    else if (width == 4)
      std::memcpy(bytes.data() + base + i * 4, &value, 4);
    else if (width == 2) {
      uint16_t v = static_cast<uint16_t>(value);
      std::memcpy(bytes.data() + base + i * 2, &v, 2);
    } else {
      uint8_t v = static_cast<uint8_t>(value);
      bytes[base + i] = static_cast<char>(v);
    }
  }
}

static llvm::Expected<std::vector<char>>
readExternalData(const TensorProto &proto, StringRef baseDir) {
  std::string location;
  uint64_t offset = 0;
  std::optional<uint64_t> length;
  for (const auto &entry : proto.external_data()) {
    if (entry.key() == "location")
      location = entry.value();
    else if (entry.key() == "offset")
      offset = std::strtoull(entry.value().c_str(), nullptr, 10);
    else if (entry.key() == "length")
      length = std::strtoull(entry.value().c_str(), nullptr, 10);
  }
  if (location.empty())
    return llvm::createStringError("external data has no location");
  SmallString<256> path(baseDir);
  llvm::sys::path::append(path, location);
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!buffer)
    return llvm::createStringError("cannot read external data file '" +
                                   path.str().str() + "': " +
                                   buffer.getError().message());
  StringRef data = (*buffer)->getBuffer();
  if (offset > data.size() || (length && *length > data.size() - offset))
    return llvm::createStringError("external data file '" + path.str().str() +
                                   "' is shorter than its offset and length");
  data = data.drop_front(offset);
  if (length)
    data = data.take_front(*length);
  return std::vector<char>(data.begin(), data.end());
}

llvm::Expected<HostTensor> HostTensor::fromProto(const TensorProto &proto,
                                                 StringRef baseDir) {
  HostTensor t;
  t.type = proto.data_type();
  unsigned width = byteWidth(t.type);
  if (!width)
    return llvm::createStringError("unsupported data type " +
                                   dataTypeName(t.type).str());
  for (int64_t d : proto.dims()) {
    if (d < 0)
      return llvm::createStringError("negative dimension " + std::to_string(d));
    t.dims.push_back(d);
  }
  if (proto.has_segment())
    return llvm::createStringError("segmented tensors are not supported");

  if (proto.data_location() == TensorProto::EXTERNAL) {
    auto data = readExternalData(proto, baseDir);
    if (!data)
      return data.takeError();
    t.bytes = std::move(*data);
  } else if (proto.has_raw_data()) {
    t.bytes.assign(proto.raw_data().begin(), proto.raw_data().end());
  } else {
    switch (t.type) {
    case TensorProto::FLOAT: appendTyped(t.bytes, proto.float_data(), t.type); break;
    case TensorProto::DOUBLE: appendTyped(t.bytes, proto.double_data(), t.type); break;
    case TensorProto::INT64: appendTyped(t.bytes, proto.int64_data(), t.type); break;
    case TensorProto::UINT32:
    case TensorProto::UINT64: appendTyped(t.bytes, proto.uint64_data(), t.type); break;
    default: appendTyped(t.bytes, proto.int32_data(), t.type); break;
    }
  }
  uint64_t expected = static_cast<uint64_t>(t.numElements()) * width;
  if (t.bytes.size() != expected)
    return llvm::createStringError(
        "holds " + std::to_string(t.bytes.size()) + " bytes, but its shape and " +
        dataTypeName(t.type).str() + " type need " + std::to_string(expected));
  return t;
}

ElementsAttr HostTensor::toAttr(MLIRContext *context, StringRef name) const {
  auto tensorType = RankedTensorType::get(dims, elementType(context, type));
  if (type == TensorProto::BOOL && numElements() <= 16) {
    SmallVector<bool> values;
    for (int64_t v : toInts())
      values.push_back(v != 0);
    return DenseElementsAttr::get(tensorType, values);
  }
  return makeConstant(tensorType, bytes, name);
}

llvm::Expected<ElementsAttr> mlir::aidge::readONNXTensor(StringRef bytes,
                                                        MLIRContext *context) {
  onnx::TensorProto proto;
  if (bytes.size() > INT_MAX ||
      !proto.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    return llvm::createStringError("not a serialized ONNX TensorProto");
  llvm::Expected<onnx_import::HostTensor> tensor =
      onnx_import::HostTensor::fromProto(proto, "");
  if (!tensor)
    return tensor.takeError();
  if (!onnx_import::elementType(context, tensor->dataType()))
    return llvm::createStringError("unsupported element type " +
                                   onnx_import::dataTypeName(tensor->dataType()));
  return tensor->toAttr(context, proto.name().empty() ? "tensor" : proto.name());
}
