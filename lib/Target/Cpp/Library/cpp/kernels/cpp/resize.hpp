// aidge-mlir cpp export library: N-D resampling (ONNX Resize), nearest,
// n-linear and n-cubic, in the stored order.
#ifndef AIDGE_CPP_KERNELS_RESIZE_HPP
#define AIDGE_CPP_KERNELS_RESIZE_HPP

#include <cmath>

#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

enum class ResizeMode { nearest, linear, cubic };

/// How an output coordinate x maps to the input coordinate x_ori along a
/// dim of input length L, output length `out`, scale s and resized length
/// R = s * L (ONNX's reference uses R, not `out`, where they differ):
///   half_pixel            (x + 0.5) / s - 0.5
///   pytorch_half_pixel    R > 1 ? (x + 0.5) / s - 0.5 : 0
///   align_corners         R > 1 ? x * (L - 1) / (R - 1) : 0
///   asymmetric            x / s
///   half_pixel_symmetric  L/2 * (1 - out/R) + (x + 0.5) / s - 0.5
///   tf_half_pixel_for_nn  (x + 0.5) / s
///   tf_crop_and_resize    R > 1 ? start*(L-1) + x*(end-start)*(L-1)/(R-1)
///                               : (start+end)/2 * (L-1),
///                         outside [0, L-1]: extrapolation_value
enum class CoordinateTransform {
  half_pixel,
  pytorch_half_pixel,
  align_corners,
  asymmetric,
  half_pixel_symmetric,
  tf_half_pixel_for_nn,
  tf_crop_and_resize
};

enum class NearestMode { round_prefer_floor, round_prefer_ceil, floor, ceil };

/// Field order: {mode, transform, nearest_mode, cubic_coeff_a,
/// exclude_outside, extrapolation_value, rank, in_dims, out_dims, scales,
/// roi_starts, roi_ends}: rank 1 to 6, dims in stored order; scales[d] is
/// ONNX's scale of dim d (the given scale, or out/in when sizes were
/// given); roi_starts/roi_ends are tf_crop_and_resize's region, in
/// fractions of the input. Entries past rank are ignored.
struct ResizeParams {
  ResizeMode mode;
  CoordinateTransform transform;
  NearestMode nearest_mode;
  float cubic_coeff_a;
  bool exclude_outside;
  float extrapolation_value;
  int rank;
  int in_dims[kMaxRank];
  int out_dims[kMaxRank];
  double scales[kMaxRank];
  float roi_starts[kMaxRank];
  float roi_ends[kMaxRank];
};

namespace detail {
/// The input cells an output coordinate reads along one dim and their
/// weights (zero weights left out); `outside` when it reads
/// extrapolation_value instead.
struct ResizeTaps {
  long index[4];
  double weight[4];
  int count;
  bool outside;
};

inline double resize_source(const ResizeParams &p, int d, long x) {
  const double L = p.in_dims[d], s = p.scales[d], R = s * L;
  const double xc = static_cast<double>(x) + 0.5;
  switch (p.transform) {
  case CoordinateTransform::half_pixel:
    return xc / s - 0.5;
  case CoordinateTransform::pytorch_half_pixel:
    return R > 1 ? xc / s - 0.5 : 0.0;
  case CoordinateTransform::align_corners:
    return R > 1 ? static_cast<double>(x) * (L - 1) / (R - 1) : 0.0;
  case CoordinateTransform::asymmetric:
    return static_cast<double>(x) / s;
  case CoordinateTransform::half_pixel_symmetric:
    return L / 2 * (1 - p.out_dims[d] / R) + xc / s - 0.5;
  case CoordinateTransform::tf_half_pixel_for_nn:
    return xc / s;
  case CoordinateTransform::tf_crop_and_resize: {
    const double start = p.roi_starts[d], end = p.roi_ends[d];
    return R > 1 ? start * (L - 1) + static_cast<double>(x) * (end - start) *
                                         (L - 1) / (R - 1)
                 : 0.5 * (start + end) * (L - 1);
  }
  }
  return 0.0;
}

/// Keys' cubic convolution kernel with parameter a at distance t >= 0.
inline double cubic_weight(double t, double a) {
  if (t <= 1)
    return ((a + 2) * t - (a + 3)) * t * t + 1;
  if (t < 2)
    return ((a * t - 5 * a) * t + 8 * a) * t - 4 * a;
  return 0.0;
}

inline ResizeTaps resize_taps(const ResizeParams &p, int d, long x) {
  ResizeTaps taps{};
  const long L = p.in_dims[d];
  const double src = resize_source(p, d, x);
  if (p.transform == CoordinateTransform::tf_crop_and_resize &&
      (src < 0 || src > static_cast<double>(L - 1))) {
    taps.outside = true;
    return taps;
  }
  const double lo = std::floor(src), t = src - lo;
  const long i0 = static_cast<long>(lo);
  long index[4];
  double weight[4];
  int n = 0;
  switch (p.mode) {
  case ResizeMode::nearest: {
    // As ONNX: an integral coordinate is its own cell; otherwise rounding
    // picks the cell below or above.
    bool up = false;
    if (t > 0) {
      switch (p.nearest_mode) {
      case NearestMode::round_prefer_floor:
        up = t > 0.5;
        break;
      case NearestMode::round_prefer_ceil:
        up = t >= 0.5;
        break;
      case NearestMode::floor:
        break;
      case NearestMode::ceil:
        up = true;
        break;
      }
    }
    index[n] = up ? i0 + 1 : i0;
    weight[n++] = 1.0;
    break;
  }
  case ResizeMode::linear:
    index[n] = i0;
    weight[n++] = 1 - t;
    index[n] = i0 + 1;
    weight[n++] = t;
    break;
  case ResizeMode::cubic:
    for (int k = 0; k < 4; ++k) {
      index[n] = i0 - 1 + k;
      weight[n++] = cubic_weight(std::fabs(t - (k - 1)), p.cubic_coeff_a);
    }
    break;
  }
  if (p.exclude_outside) {
    double sum = 0;
    for (int k = 0; k < n; ++k) {
      if (index[k] < 0 || index[k] >= L)
        weight[k] = 0;
      sum += weight[k];
    }
    for (int k = 0; k < n; ++k)
      weight[k] /= sum;
  }
  // Cells past the edges repeat the edge ones.
  for (int k = 0; k < n; ++k) {
    if (weight[k] == 0)
      continue;
    const long i = index[k] < 0 ? 0 : index[k] >= L ? L - 1 : index[k];
    taps.index[taps.count] = i;
    taps.weight[taps.count++] = weight[k];
  }
  return taps;
}
} // namespace detail

/// ONNX Resize of the tensor `in` (in_dims) into `out` (out_dims), each
/// dim resampled independently: output[x_0]...[x_{r-1}] = sum over the
/// taps of every dim of the product of their weights times the input cell
/// (in double, then rounded to float). Nearest reads one cell; linear the
/// two around x_ori (weights 1 - t, t with t = x_ori - floor(x_ori));
/// cubic the four from floor(x_ori) - 1 (Keys' kernel with cubic_coeff_a;
/// with exclude_outside the weights of cells outside the input are zeroed
/// and the rest renormalized). Cells outside the input read the nearest
/// edge cell. With tf_crop_and_resize, an output whose x_ori leaves
/// [0, L - 1] along any dim is extrapolation_value.
inline void resize_forward(unsigned char *mem, const MemInfo &in,
                           const MemInfo &out, const ResizeParams &p) {
  const In<float> x(mem, in);
  const Out<float> y(mem, out);
  const int r = p.rank, last = r - 1;
  long stride[kMaxRank], rows = 1;
  for (long d = r - 1, s = 1; d >= 0; --d) {
    stride[d] = s;
    s *= p.in_dims[d];
  }
  for (int d = 0; d < last; ++d)
    rows *= p.out_dims[d];
  const long width = p.out_dims[last];
  detail::ResizeTaps taps[kMaxRank];
  long coord[kMaxRank] = {};
  float ys[kChunk];
  for (long row = 0; row < rows; ++row) {
    // The taps of every dim but the last, for this row.
    bool outside = false;
    for (int d = 0; d < last; ++d) {
      taps[d] = detail::resize_taps(p, d, coord[d]);
      outside = outside || taps[d].outside;
    }
    for (long j0 = 0; j0 < width; j0 += kChunk) {
      const long n = width - j0 < kChunk ? width - j0 : kChunk;
      float *yp = y.store(row * width + j0, n, ys);
      for (long j = 0; j < n; ++j) {
        taps[last] = detail::resize_taps(p, last, j0 + j);
        if (outside || taps[last].outside) {
          yp[j] = p.extrapolation_value;
          continue;
        }
        // Every combination of one tap per dim, as an odometer.
        int k[kMaxRank] = {};
        double acc = 0;
        for (;;) {
          double w = 1;
          long offset = 0;
          for (int d = 0; d < r; ++d) {
            w *= taps[d].weight[k[d]];
            offset += taps[d].index[k[d]] * stride[d];
          }
          acc += w * static_cast<double>(x[offset]);
          int d = last;
          for (; d >= 0 && ++k[d] == taps[d].count; --d)
            k[d] = 0;
          if (d < 0)
            break;
        }
        yp[j] = static_cast<float>(acc);
      }
      y.flush(row * width + j0, n, yp, ys);
    }
    for (int d = last - 1; d >= 0 && ++coord[d] == p.out_dims[d]; --d)
      coord[d] = 0;
  }
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_RESIZE_HPP
