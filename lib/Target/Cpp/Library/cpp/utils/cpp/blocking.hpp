// aidge-mlir cpp export library: the register blocking of the blocked
// kernels (convolution_blocked.hpp, fullyconnected_blocked.hpp), which the
// export's weight packing must match (lib/Conversion/AidgeToExport,
// WeightPacking.cpp).
#ifndef AIDGE_CPP_UTILS_BLOCKING_HPP
#define AIDGE_CPP_UTILS_BLOCKING_HPP

#include <cstring>

#include "utils/cpp/activation_utils.hpp"

namespace aidge_cpp {

/// Output channels per block of packed weights: one 512-bit vector of
/// floats, two 256-bit ones.
constexpr int kOutBlock = 16;

/// Output pixels a convolution accumulates at once: kPixelBlock x 2 blocks
/// of kOutBlock accumulators fill most of the vector registers, leaving
/// room for the weights (32 registers of 16 floats with AVX-512, 16 of 8
/// with AVX2).
#if defined(__AVX512F__)
constexpr int kPixelBlock = 14;
#else
constexpr int kPixelBlock = 3;
#endif

/// kOutBlock floats that the compiler keeps in vector registers: GCC's and
/// Clang's vector extension (lowered to whatever vectors the target has, or
/// scalars), which the auto-vectoriser cannot be relied on to produce for
/// accumulator arrays; a plain array elsewhere.
#if defined(__GNUC__)
typedef float OutVec __attribute__((vector_size(kOutBlock * sizeof(float))));
#else
struct OutVec {
  float v[kOutBlock];
  OutVec &operator+=(const OutVec &o) {
    for (int j = 0; j < kOutBlock; ++j)
      v[j] += o.v[j];
    return *this;
  }
  friend OutVec operator*(float s, const OutVec &o) {
    OutVec r;
    for (int j = 0; j < kOutBlock; ++j)
      r.v[j] = s * o.v[j];
    return r;
  }
};
#endif

/// Blocks of kOutBlock that hold `channels` output channels.
constexpr long out_blocks(long channels) {
  return (channels + kOutBlock - 1) / kOutBlock;
}

/// dst[j] = activate(src[j], act) for j < n, the choice of activation made
/// once for the whole run so that the loops vectorise.
inline void activate_into(float *dst, const float *src, long n,
                          const ActivationParams &act) {
  switch (act.kind) {
  case Activation::none:
    for (long j = 0; j < n; ++j)
      dst[j] = src[j];
    return;
  case Activation::relu:
    for (long j = 0; j < n; ++j)
      dst[j] = src[j] < 0.0f ? 0.0f : src[j];
    return;
  case Activation::clip:
    for (long j = 0; j < n; ++j)
      dst[j] = src[j] < act.min ? act.min : (src[j] > act.max ? act.max : src[j]);
    return;
  case Activation::leaky_relu:
    for (long j = 0; j < n; ++j)
      dst[j] = src[j] >= 0.0f ? src[j] : act.alpha * src[j];
    return;
  }
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_UTILS_BLOCKING_HPP
