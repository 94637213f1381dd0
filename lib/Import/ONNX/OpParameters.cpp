//===- OpParameters.cpp - ONNX operands decoded per opset -----------------===//

#include "OpParameters.h"

#include "aidge/Dialect/Aidge/IR/ShapeInference.h"

#include <limits>

using namespace mlir;
using namespace mlir::aidge;
using namespace mlir::aidge::onnx_import;

/// Axes given as an attribute before `inputSince`, as input 1 from then on.
static FailureOr<std::vector<int64_t>> axesOperand(NodeImporter &node,
                                                   int64_t inputSince) {
  if (node.opset() < inputSince)
    return node.getInts("axes");
  if (!node.hasInput(1))
    return std::vector<int64_t>{};
  return node.constantInts(1, "axes");
}

FailureOr<SmallVector<int64_t>>
mlir::aidge::onnx_import::legacyBroadcastShape(NodeImporter &node,
                                               ArrayRef<int64_t> lhs,
                                               ArrayRef<int64_t> rhs) {
  SmallVector<int64_t> shape(rhs);
  // Without an axis the legacy form aligns suffixes, as numpy does. Without
  // broadcast=1 the shapes must already agree; like ONNX's version
  // converter, numpy broadcasting is kept for those that do not.
  if (node.opset() >= 7 || !node.getInt("broadcast", 0) || !node.hasAttr("axis"))
    return shape;
  int64_t rank = rhs.size(), lhsRank = lhs.size();
  // A one-element operand broadcasts wherever it is aligned.
  if (rank <= lhsRank && llvm::all_of(rhs, [](int64_t d) { return d == 1; }))
    return shape;
  int64_t axis = node.getInt("axis", 0);
  if (axis < 0 || axis + rank > lhsRank)
    return node.error() << "broadcast axis " << axis
                        << " does not align the second operand (rank " << rank
                        << ") within the first (rank " << lhsRank << ")",
           failure();
  shape.append(lhsRank - axis - rank, 1);
  return shape;
}

FailureOr<int64_t> mlir::aidge::onnx_import::concatAxis(NodeImporter &node,
                                                        int64_t rank) {
  if (node.opset() >= 4 && !node.hasAttr("axis"))
    return node.error() << "needs an axis", failure();
  return node.normalizeAxis(node.getInt("axis", 1), rank);
}

FailureOr<int32_t> mlir::aidge::onnx_import::castTarget(NodeImporter &node) {
  const onnx::AttributeProto *to = node.findAttr("to");
  if (!to || node.opset() >= 6)
    return static_cast<int32_t>(node.getInt("to", onnx::TensorProto::UNDEFINED));
  onnx::TensorProto::DataType type;
  if (!onnx::TensorProto::DataType_Parse(to->s(), &type))
    return node.error() << "unknown data type name '" << to->s() << "'",
           failure();
  return static_cast<int32_t>(type);
}

FailureOr<SmallVector<int64_t>>
mlir::aidge::onnx_import::reshapeTarget(NodeImporter &node,
                                        ArrayRef<int64_t> inShape) {
  FailureOr<std::vector<int64_t>> shape = failure();
  if (node.opset() >= 5)
    shape = node.constantInts(1, "shape");
  else if (node.hasAttr("shape"))
    shape = node.getInts("shape");
  else
    return node.error() << "needs a shape attribute", failure();
  if (failed(shape))
    return failure();
  bool allowZero = node.opset() >= 14 && node.getInt("allowzero", 0);
  SmallVector<int64_t> out;
  int64_t known = 1, inferred = -1;
  int64_t total = 1;
  for (int64_t d : inShape)
    total *= d;
  for (auto [i, d] : llvm::enumerate(*shape)) {
    if (d == 0 && !allowZero) {
      if (i >= inShape.size())
        return node.error() << "shape entry " << i
                            << " copies a dimension the input lacks",
               failure();
      d = inShape[i];
    }
    if (d == -1) {
      if (inferred >= 0)
        return node.error() << "shape has more than one -1", failure();
      inferred = i;
    } else if (d < 0) {
      return node.error() << "shape entry " << d << " is invalid", failure();
    } else {
      known *= d;
    }
    out.push_back(d);
  }
  if (inferred >= 0) {
    if (known == 0 || total % known != 0)
      return node.error() << "cannot infer the -1 entry: " << total
                          << " elements do not divide by " << known,
             failure();
    out[inferred] = total / known;
  } else if (known != total) {
    return node.error() << "shape holds " << known << " elements, input has "
                        << total,
           failure();
  }
  return out;
}

FailureOr<SmallVector<int64_t>>
mlir::aidge::onnx_import::squeezeAxes(NodeImporter &node,
                                      ArrayRef<int64_t> inShape) {
  FailureOr<std::vector<int64_t>> axes = axesOperand(node, 13);
  if (failed(axes))
    return failure();
  if (axes->empty()) {
    SmallVector<int64_t> all;
    for (auto [i, d] : llvm::enumerate(inShape))
      if (d == 1)
        all.push_back(i);
    return all;
  }
  FailureOr<SmallVector<int64_t>> normalized =
      node.normalizeAxes(*axes, inShape.size());
  if (failed(normalized))
    return failure();
  for (int64_t axis : *normalized)
    if (inShape[axis] != 1)
      return node.error() << "cannot squeeze dimension " << axis << " of size "
                          << inShape[axis],
             failure();
  return normalized;
}

FailureOr<SmallVector<int64_t>>
mlir::aidge::onnx_import::unsqueezeAxes(NodeImporter &node, int64_t inRank) {
  FailureOr<std::vector<int64_t>> axes = axesOperand(node, 13);
  if (failed(axes))
    return failure();
  if (axes->empty())
    return node.error() << "needs axes", failure();
  return node.normalizeAxes(*axes, inRank + axes->size());
}

FailureOr<int64_t> mlir::aidge::onnx_import::flattenAxis(NodeImporter &node,
                                                         int64_t rank) {
  int64_t axis = node.getInt("axis", 1);
  if (axis < -rank || axis > rank)
    return node.error() << "axis " << axis << " is out of range for rank "
                        << rank,
           failure();
  return axis < 0 ? axis + rank : axis;
}

FailureOr<SmallVector<int64_t>>
mlir::aidge::onnx_import::transposePerm(NodeImporter &node, int64_t rank) {
  std::vector<int64_t> perm = node.getInts("perm");
  if (!node.hasAttr("perm"))
    for (int64_t d = rank - 1; d >= 0; --d)
      perm.push_back(d);
  SmallVector<int64_t> sorted(perm.begin(), perm.end());
  llvm::sort(sorted);
  if ((int64_t)perm.size() != rank ||
      !llvm::equal(sorted, llvm::seq<int64_t>(0, rank)))
    return node.error() << "perm is not a permutation of " << rank
                        << " dimensions",
           failure();
  return SmallVector<int64_t>(perm.begin(), perm.end());
}

FailureOr<SliceBounds>
mlir::aidge::onnx_import::sliceBounds(NodeImporter &node,
                                      ArrayRef<int64_t> inShape) {
  std::vector<int64_t> starts, ends, axes, steps;
  if (node.opset() < 10) {
    starts = node.getInts("starts");
    ends = node.getInts("ends");
    axes = node.getInts("axes");
  } else {
    FailureOr<std::vector<int64_t>> s = node.constantInts(1, "starts");
    FailureOr<std::vector<int64_t>> e = node.constantInts(2, "ends");
    if (failed(s) || failed(e))
      return failure();
    starts = *s;
    ends = *e;
    if (node.hasInput(3)) {
      FailureOr<std::vector<int64_t>> a = node.constantInts(3, "axes");
      if (failed(a))
        return failure();
      axes = *a;
    }
    if (node.hasInput(4)) {
      FailureOr<std::vector<int64_t>> st = node.constantInts(4, "steps");
      if (failed(st))
        return failure();
      steps = *st;
    }
  }
  int64_t rank = inShape.size();
  if (axes.empty())
    for (size_t i = 0; i < starts.size(); ++i)
      axes.push_back(i);
  if (steps.empty())
    steps.assign(starts.size(), 1);
  if (starts.size() != ends.size() || starts.size() != axes.size() ||
      starts.size() != steps.size())
    return node.error() << "starts, ends, axes and steps differ in length",
           failure();

  SliceBounds bounds;
  bounds.starts.assign(rank, 0);
  bounds.ends.assign(inShape.begin(), inShape.end());
  bounds.steps.assign(rank, 1);
  SmallVector<bool> seen(rank, false);
  for (size_t i = 0; i < axes.size(); ++i) {
    FailureOr<int64_t> axis = node.normalizeAxis(axes[i], rank);
    if (failed(axis))
      return failure();
    if (seen[*axis])
      return node.error() << "axis " << *axis << " is sliced twice", failure();
    seen[*axis] = true;
    int64_t dim = inShape[*axis], step = steps[i];
    if (step == 0)
      return node.error() << "step is zero", failure();
    // Clamp as the ONNX reference does; INT64 extremes mean "to the end".
    auto clampIndex = [&](int64_t v, int64_t lo, int64_t hi) {
      if (v < 0)
        v = v < -dim ? -1 : v + dim;
      return std::clamp<int64_t>(v, lo, hi);
    };
    if (dim == 0) {
      // Nothing to read, whichever the direction.
      bounds.starts[*axis] = bounds.ends[*axis] = 0;
    } else if (step > 0) {
      bounds.starts[*axis] = clampIndex(starts[i], 0, dim);
      bounds.ends[*axis] = clampIndex(ends[i], 0, dim);
    } else {
      bounds.starts[*axis] = clampIndex(starts[i], 0, dim - 1);
      bounds.ends[*axis] = clampIndex(ends[i], -1, dim - 1);
    }
    bounds.steps[*axis] = step;
  }
  return bounds;
}

FailureOr<GatherParams>
mlir::aidge::onnx_import::gatherParams(NodeImporter &node,
                                       ArrayRef<int64_t> dataShape) {
  FailureOr<int64_t> axis = node.normalizeAxis(node.getInt("axis", 0),
                                               dataShape.size());
  if (failed(axis))
    return failure();
  const HostTensor *indices = node.constantInput(1);
  if (!indices || !indices->isInteger())
    return node.error() << "indices must be an integer tensor known at "
                           "compile time",
           failure();
  std::vector<int64_t> values = indices->toInts();
  int64_t dim = dataShape[*axis];
  for (int64_t &v : values) {
    if (v < -dim || v >= dim)
      return node.error() << "index " << v << " is out of range for a "
                          << "dimension of size " << dim,
             failure();
    if (v < 0)
      v += dim;
  }
  int32_t type = indices->dataType() == onnx::TensorProto::INT32
                     ? onnx::TensorProto::INT32
                     : onnx::TensorProto::INT64;
  return GatherParams{*axis, HostTensor::fromInts(type, indices->shape(), values)};
}
