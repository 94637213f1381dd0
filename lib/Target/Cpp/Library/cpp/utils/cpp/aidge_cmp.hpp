// aidge-mlir cpp export library: per-layer comparison with reference
// activations (Aidge's aidge_cmp). An export made with
// `aidge-export --layer-ref=DIR` and built with -DAIDGE_CMP (`make cmp`)
// checks each layer's output right after its kernel call.
#ifndef AIDGE_CPP_UTILS_AIDGE_CMP_HPP
#define AIDGE_CPP_UTILS_AIDGE_CMP_HPP

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "utils/cpp/mem_info.hpp"

namespace aidge_cpp {

/// |e - v| <= 1e-3 + 1e-4 |e|, NaN only where NaN is expected, infinities
/// of the same sign: the tolerance of main.cpp's test mode.
inline bool cmp_close(double expected, double value) {
  if (std::isnan(expected) || std::isnan(value))
    return std::isnan(expected) && std::isnan(value);
  if (std::isinf(expected) || std::isinf(value))
    return expected == value;
  return std::fabs(expected - value) <= 1e-3 + 1e-4 * std::fabs(expected);
}

/// Compares the N elements of the tensor `m` of the arena (stored row-major
/// order, read through its mem_info: strides and wrap-around included)
/// with `ref`. On the first element that differs, prints the layer, the
/// element, the expected and the computed value, and exits with code 1.
template <typename T, typename R, long N>
inline void cmp_layer(const char *layer, const unsigned char *mem,
                      const MemInfo &m, const R (&ref)[N]) {
  for (long i = 0; i < N; ++i) {
    const double e = static_cast<double>(ref[i]);
    const double v = static_cast<double>(*at<T>(mem, m, i));
    if (!cmp_close(e, v)) {
      std::printf("AIDGE_CMP: layer %s diverges first, at element %ld: "
                  "expected %.9g, got %.9g\n",
                  layer, i, e, v);
      std::exit(1);
    }
  }
}

/// Says once that the `layers` compared layers matched.
inline void cmp_done(long layers) {
  static bool said = false;
  if (!said)
    std::printf("AIDGE_CMP: all %ld layers match their reference\n", layers);
  said = true;
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_UTILS_AIDGE_CMP_HPP
