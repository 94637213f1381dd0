//===- DataFormat.cpp - Dimension orders of aidge tensors -----------------===//

#include "aidge/Dialect/Aidge/IR/DataFormat.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Sequence.h"

using namespace mlir;
using namespace mlir::aidge;

/// Stored order of each format, as dimensions of its default order; empty
/// for formats without a fixed rank.
static ArrayRef<int64_t> storedOrder(DataFormat format) {
  static const int64_t nchw[] = {0, 1, 2, 3}, nhwc[] = {0, 2, 3, 1},
                       ncw[] = {0, 1, 2}, nwc[] = {0, 2, 1}, hwc[] = {1, 2, 0},
                       ncdhw[] = {0, 1, 2, 3, 4}, ndhwc[] = {0, 2, 3, 4, 1},
                       chwn[] = {1, 2, 3, 0};
  switch (format) {
  case DataFormat::any:
  case DataFormat::default_:
    return {};
  case DataFormat::nchw:
    return nchw;
  case DataFormat::nhwc:
    return nhwc;
  case DataFormat::ncw:
  case DataFormat::chw:
    return ncw;
  case DataFormat::nwc:
    return nwc;
  case DataFormat::hwc:
    return hwc;
  case DataFormat::ncdhw:
    return ncdhw;
  case DataFormat::ndhwc:
    return ndhwc;
  case DataFormat::chwn:
    return chwn;
  }
  llvm_unreachable("unknown data format");
}

std::optional<int64_t> mlir::aidge::getFormatRank(DataFormat format) {
  ArrayRef<int64_t> order = storedOrder(format);
  if (order.empty())
    return std::nullopt;
  return order.size();
}

std::optional<SmallVector<int64_t>>
mlir::aidge::getFormatPermutation(DataFormat format, int64_t rank) {
  ArrayRef<int64_t> order = storedOrder(format);
  if (order.empty())
    return llvm::to_vector(llvm::seq<int64_t>(0, rank));
  if ((int64_t)order.size() != rank)
    return std::nullopt;
  return llvm::to_vector(order);
}

DataFormat mlir::aidge::getDataFormat(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (auto format = dyn_cast_or_null<DataFormatAttr>(
          tensor ? tensor.getEncoding() : Attribute()))
    return format.getValue();
  return DataFormat::default_;
}

bool mlir::aidge::isSameLayout(DataFormat a, DataFormat b, int64_t rank) {
  auto pa = getFormatPermutation(a, rank), pb = getFormatPermutation(b, rank);
  return pa && pb && *pa == *pb;
}

SmallVector<int64_t> mlir::aidge::getDefaultOrderShape(RankedTensorType type) {
  SmallVector<int64_t> shape(type.getShape());
  if (auto perm = getFormatPermutation(getDataFormat(type), type.getRank()))
    for (auto [stored, dim] : llvm::enumerate(*perm))
      shape[dim] = type.getDimSize(stored);
  return shape;
}

RankedTensorType mlir::aidge::getTensorInFormat(ArrayRef<int64_t> shape,
                                                Type elementType,
                                                DataFormat format) {
  auto perm = getFormatPermutation(format, shape.size());
  if (!perm || llvm::equal(*perm, llvm::seq<int64_t>(0, shape.size())))
    return RankedTensorType::get(shape, elementType);
  SmallVector<int64_t> stored;
  for (int64_t dim : *perm)
    stored.push_back(shape[dim]);
  return RankedTensorType::get(
      stored, elementType, DataFormatAttr::get(elementType.getContext(), format));
}

//===----------------------------------------------------------------------===//
// DataFormatAttr as a tensor encoding
//===----------------------------------------------------------------------===//

LogicalResult
DataFormatAttr::verifyEncoding(ArrayRef<int64_t> shape, Type,
                               function_ref<InFlightDiagnostic()> emitError) const {
  std::optional<int64_t> rank = getFormatRank(getValue());
  if (!rank)
    return emitError() << "data format '" << stringifyDataFormat(getValue())
                       << "' cannot be a tensor encoding";
  if (*rank != (int64_t)shape.size())
    return emitError() << "data format '" << stringifyDataFormat(getValue())
                       << "' is for tensors of rank " << *rank << ", not "
                       << shape.size();
  return success();
}
