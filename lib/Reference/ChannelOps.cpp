//===- ChannelOps.cpp - Convolutions, pools and batch norm ----------------===//
//
// The ops that care where the channels are read their operands in the
// default (channels-first) order whatever their data format, compute there,
// and store their result in its own format.
//
//===----------------------------------------------------------------------===//

#include "Evaluators.h"

#include "aidge/Dialect/Aidge/IR/DataFormat.h"

#include "llvm/ADT/TypeSwitch.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::aidge;
using namespace mlir::aidge::reference;
using namespace mlir::aidge::reference::detail;

namespace {
/// The geometry of a 3-D sliding window; a 2-D one has depth 1, a 1-D one
/// also height 1.
struct Window {
  int64_t inD = 1, inH = 1, inW = 1, outD = 1, outH = 1, outW = 1;
  int64_t kD = 1, kH = 1, kW = 1, sD = 1, sH = 1, sW = 1, dD = 1, dH = 1, dW = 1;
  int64_t padF = 0, padT = 0, padL = 0, padBk = 0, padB = 0, padR = 0;
};

/// An operand or result in the default order.
struct Planar {
  SmallVector<int64_t> shape;
  std::vector<double> values;
};
} // namespace

static Planar readPlanar(const ValueMap &values, Value value) {
  const Tensor &tensor = lookup(values, value);
  return Planar{getDefaultOrderShape(tensor.type), toDefaultOrder(tensor)};
}

static void writePlanar(ValueMap &values, Value result, std::vector<double> data) {
  auto type = cast<RankedTensorType>(result.getType());
  setResult(values, result, fromDefaultOrder(type, std::move(data)));
}

/// The window of an op whose input and result are N x C x spatial... in the
/// default order; `pads` are begin pads then end pads. The verifiers allow
/// 1-D to 3-D windows only; an op that grows a fourth dimension fails here
/// rather than be evaluated wrong.
static FailureOr<Window> getWindow(Operation *op, ArrayRef<int64_t> in,
                                   ArrayRef<int64_t> out, ArrayRef<int64_t> kernel,
                                   ArrayRef<int64_t> strides,
                                   ArrayRef<int64_t> dilations,
                                   ArrayRef<int64_t> pads) {
  int64_t spatial = (int64_t)in.size() - 2;
  if (spatial < 1 || spatial > 3 || (int64_t)kernel.size() != spatial ||
      (int64_t)strides.size() != spatial || (int64_t)dilations.size() != spatial ||
      (int64_t)pads.size() != 2 * spatial)
    return op->emitOpError("has a window the reference interpreter cannot "
                           "evaluate (1-D to 3-D only)");
  Window w;
  w.inW = in.back();
  w.outW = out.back();
  w.kW = kernel.back();
  w.sW = strides.back();
  w.dW = dilations.back();
  w.padL = pads[spatial - 1];
  w.padR = pads[2 * spatial - 1];
  if (spatial >= 2) {
    w.inH = in[spatial];
    w.outH = out[spatial];
    w.kH = kernel[spatial - 2];
    w.sH = strides[spatial - 2];
    w.dH = dilations[spatial - 2];
    w.padT = pads[spatial - 2];
    w.padB = pads[2 * spatial - 2];
  }
  if (spatial == 3) {
    w.inD = in[2];
    w.outD = out[2];
    w.kD = kernel[0];
    w.sD = strides[0];
    w.dD = dilations[0];
    w.padF = pads[0];
    w.padBk = pads[3];
  }
  return w;
}

/// Number of k < kernel with start + k * dilation in [lo, hi).
static int64_t countInside(int64_t start, int64_t dilation, int64_t kernel,
                           int64_t lo, int64_t hi) {
  int64_t n = 0;
  for (int64_t k = 0; k < kernel; ++k)
    n += start + k * dilation >= lo && start + k * dilation < hi;
  return n;
}

static LogicalResult compute(ConvOp op, ValueMap &values) {
  Planar x = readPlanar(values, op.getInput()), w = readPlanar(values, op.getWeight());
  SmallVector<int64_t> out = getDefaultOrderShape(op.getType());
  FailureOr<Window> win =
      getWindow(op, x.shape, out, ArrayRef(w.shape).drop_front(2), op.getStrides(),
                op.getDilations(), op.getPads());
  if (failed(win))
    return failure();
  std::vector<double> bias;
  if (op.getBias())
    bias = lookup(values, op.getBias()).values;
  int64_t n = x.shape[0], c = x.shape[1], m = out[1];
  int64_t group = op.getGroupAttr().getInt(), cg = c / group, mg = m / group;
  std::vector<double> y(n * m * win->outD * win->outH * win->outW);
  int64_t at = 0;
  for (int64_t b = 0; b < n; ++b)
    for (int64_t oc = 0; oc < m; ++oc)
      for (int64_t oz = 0; oz < win->outD; ++oz)
        for (int64_t oy = 0; oy < win->outH; ++oy)
          for (int64_t ox = 0; ox < win->outW; ++ox) {
            double acc = bias.empty() ? 0.0 : bias[oc];
            int64_t g = oc / mg;
            for (int64_t ic = 0; ic < cg; ++ic)
              for (int64_t kz = 0; kz < win->kD; ++kz) {
                int64_t iz = oz * win->sD - win->padF + kz * win->dD;
                if (iz < 0 || iz >= win->inD)
                  continue;
                for (int64_t ky = 0; ky < win->kH; ++ky) {
                  int64_t iy = oy * win->sH - win->padT + ky * win->dH;
                  if (iy < 0 || iy >= win->inH)
                    continue;
                  for (int64_t kx = 0; kx < win->kW; ++kx) {
                    int64_t ix = ox * win->sW - win->padL + kx * win->dW;
                    if (ix < 0 || ix >= win->inW)
                      continue;
                    acc += x.values[(((b * c + g * cg + ic) * win->inD + iz) *
                                         win->inH + iy) * win->inW + ix] *
                           w.values[(((oc * cg + ic) * win->kD + kz) * win->kH +
                                     ky) * win->kW + kx];
                  }
                }
              }
            y[at++] = activate(op.getActivationAttr(), acc);
          }
  writePlanar(values, op.getResult(), std::move(y));
  return success();
}

static LogicalResult compute(ConvTransposeOp op, ValueMap &values) {
  Planar x = readPlanar(values, op.getInput()), w = readPlanar(values, op.getWeight());
  SmallVector<int64_t> out = getDefaultOrderShape(op.getType());
  FailureOr<Window> win =
      getWindow(op, x.shape, out, ArrayRef(w.shape).drop_front(2), op.getStrides(),
                op.getDilations(), op.getPads());
  if (failed(win))
    return failure();
  int64_t n = x.shape[0], c = x.shape[1], m = out[1];
  int64_t group = op.getGroupAttr().getInt(), cg = c / group, mg = m / group;
  int64_t volume = win->outD * win->outH * win->outW;
  int64_t kernel = win->kD * win->kH * win->kW;
  std::vector<double> y(n * m * volume, 0.0);
  // Each input cell scatters its kernel-sized contribution.
  int64_t at = 0;
  for (int64_t b = 0; b < n; ++b)
    for (int64_t channel = 0; channel < c; ++channel)
      for (int64_t iz = 0; iz < win->inD; ++iz)
        for (int64_t iy = 0; iy < win->inH; ++iy)
          for (int64_t ix = 0; ix < win->inW; ++ix) {
            double v = x.values[at++];
            int64_t g = channel / cg;
            for (int64_t oc = 0; oc < mg; ++oc) {
              const double *wk = &w.values[(channel * mg + oc) * kernel];
              double *plane = &y[(b * m + g * mg + oc) * volume];
              for (int64_t kz = 0; kz < win->kD; ++kz) {
                int64_t oz = iz * win->sD - win->padF + kz * win->dD;
                if (oz < 0 || oz >= win->outD)
                  continue;
                for (int64_t ky = 0; ky < win->kH; ++ky) {
                  int64_t oy = iy * win->sH - win->padT + ky * win->dH;
                  if (oy < 0 || oy >= win->outH)
                    continue;
                  for (int64_t kx = 0; kx < win->kW; ++kx) {
                    int64_t ox = ix * win->sW - win->padL + kx * win->dW;
                    if (ox < 0 || ox >= win->outW)
                      continue;
                    plane[(oz * win->outH + oy) * win->outW + ox] +=
                        v * wk[(kz * win->kH + ky) * win->kW + kx];
                  }
                }
              }
            }
          }
  if (op.getBias()) {
    const std::vector<double> &bias = lookup(values, op.getBias()).values;
    for (size_t i = 0; i < y.size(); ++i)
      y[i] += bias[(i / volume) % m];
  }
  writePlanar(values, op.getResult(), std::move(y));
  return success();
}

/// max_pool and avg_pool: the window of each output cell, clipped to the
/// input. max propagates NaN (as numpy's max does); avg divides by the cells inside the input, or with
/// count_include_pad by those inside the padded input (the part of a
/// ceil_mode window past the end pads never counts). `indices`, when
/// given, receives max_pool's position of each maximum in the flattened
/// input (column major over the spatial axes with `columnMajor`).
static LogicalResult evaluatePool(Operation *op, Value input, Value result,
                                  ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
                                  ArrayRef<int64_t> dilations, ArrayRef<int64_t> pads,
                                  bool isMax, bool countIncludePad,
                                  ActivationAttr activation, ValueMap &values,
                                  Value indices = {}, bool columnMajor = false) {
  Planar x = readPlanar(values, input);
  SmallVector<int64_t> out =
      getDefaultOrderShape(cast<RankedTensorType>(result.getType()));
  FailureOr<Window> win = getWindow(op, x.shape, out, kernel, strides, dilations, pads);
  if (failed(win))
    return failure();
  int64_t planes = x.shape[0] * x.shape[1];
  std::vector<double> y, where;
  y.reserve(planes * win->outD * win->outH * win->outW);
  for (int64_t p = 0; p < planes; ++p)
    for (int64_t oz = 0; oz < win->outD; ++oz)
      for (int64_t oy = 0; oy < win->outH; ++oy)
        for (int64_t ox = 0; ox < win->outW; ++ox) {
          int64_t iz0 = oz * win->sD - win->padF, iy0 = oy * win->sH - win->padT,
                  ix0 = ox * win->sW - win->padL;
          double acc = isMax ? -std::numeric_limits<double>::infinity() : 0.0;
          int64_t cells = 0, argmax = 0;
          for (int64_t kz = 0; kz < win->kD; ++kz) {
            int64_t iz = iz0 + kz * win->dD;
            if (iz < 0 || iz >= win->inD)
              continue;
            for (int64_t ky = 0; ky < win->kH; ++ky) {
              int64_t iy = iy0 + ky * win->dH;
              if (iy < 0 || iy >= win->inH)
                continue;
              for (int64_t kx = 0; kx < win->kW; ++kx) {
                int64_t ix = ix0 + kx * win->dW;
                if (ix < 0 || ix >= win->inW)
                  continue;
                int64_t at = ((p * win->inD + iz) * win->inH + iy) * win->inW + ix;
                double v = x.values[at];
                if (isMax && (cells == 0 || std::isnan(v) || v > acc)) {
                  acc = v;
                  argmax = columnMajor
                               ? ((p * win->inW + ix) * win->inH + iy) * win->inD + iz
                               : at;
                } else if (!isMax) {
                  acc += v;
                }
                ++cells;
              }
            }
          }
          if (!isMax) {
            if (countIncludePad)
              cells =
                  countInside(iz0, win->dD, win->kD, -win->padF, win->inD + win->padBk) *
                  countInside(iy0, win->dH, win->kH, -win->padT, win->inH + win->padB) *
                  countInside(ix0, win->dW, win->kW, -win->padL, win->inW + win->padR);
            acc = cells ? acc / cells : 0.0;
          }
          y.push_back(activate(activation, acc));
          where.push_back(argmax);
        }
  writePlanar(values, result, std::move(y));
  if (indices)
    writePlanar(values, indices, std::move(where));
  return success();
}

/// Mean or max over every spatial position of each (n, c) plane.
static LogicalResult evaluateGlobalPool(Value input, Value result, bool isMax,
                                        ActivationAttr activation,
                                        ValueMap &values) {
  Planar x = readPlanar(values, input);
  int64_t planes = x.shape[0] * x.shape[1];
  int64_t size = planes ? (int64_t)x.values.size() / planes : 0;
  std::vector<double> y;
  for (int64_t p = 0; p < planes; ++p) {
    double acc = isMax ? -std::numeric_limits<double>::infinity() : 0.0;
    for (int64_t i = 0; i < size; ++i) {
      double v = x.values[p * size + i];
      acc = isMax ? (std::isnan(v) || v > acc ? v : acc) : acc + v;
    }
    y.push_back(activate(activation, isMax ? acc : acc / size));
  }
  writePlanar(values, result, std::move(y));
  return success();
}

static LogicalResult compute(BatchNormOp op, ValueMap &values) {
  Planar x = readPlanar(values, op.getInput());
  const std::vector<double> &scale = lookup(values, op.getScale()).values,
                            &bias = lookup(values, op.getBias()).values,
                            &mean = lookup(values, op.getMean()).values,
                            &var = lookup(values, op.getVar()).values;
  double epsilon = op.getEpsilonAttr().getValueAsDouble();
  int64_t channels = x.shape[1];
  int64_t inner = getNumElements(ArrayRef(x.shape).drop_front(2));
  std::vector<double> y(x.values.size());
  for (size_t i = 0; i < y.size(); ++i) {
    int64_t ch = (i / inner) % channels;
    y[i] = scale[ch] * (x.values[i] - mean[ch]) / std::sqrt(var[ch] + epsilon) +
           bias[ch];
  }
  writePlanar(values, op.getResult(), std::move(y));
  return success();
}

std::optional<LogicalResult> reference::detail::evaluateWindowOp(Operation *op,
                                                      ValueMap &values) {
  return llvm::TypeSwitch<Operation *, std::optional<LogicalResult>>(op)
      .Case<ConvOp, ConvTransposeOp, BatchNormOp>(
          [&](auto op) { return compute(op, values); })
      .Case([&](MaxPoolOp pool) {
        return evaluatePool(pool, pool.getInput(), pool.getOutput(),
                            pool.getKernelShape(), pool.getStrides(),
                            pool.getDilations(), pool.getPads(), /*isMax=*/true,
                            /*countIncludePad=*/false, pool.getActivationAttr(),
                            values, pool.getIndices(), pool.getColumnMajor());
      })
      .Case([&](AvgPoolOp pool) {
        return evaluatePool(pool, pool.getInput(), pool.getResult(),
                            pool.getKernelShape(), pool.getStrides(),
                            pool.getDilations(), pool.getPads(), /*isMax=*/false,
                            pool.getCountIncludePad(), pool.getActivationAttr(),
                            values);
      })
      .Case([&](GlobalAveragePoolOp pool) {
        return evaluateGlobalPool(pool.getInput(), pool.getResult(), false,
                                  pool.getActivationAttr(), values);
      })
      .Case([&](GlobalMaxPoolOp pool) {
        return evaluateGlobalPool(pool.getInput(), pool.getResult(), true,
                                  ActivationAttr(), values);
      })
      .Default([](Operation *) { return std::nullopt; });
}
