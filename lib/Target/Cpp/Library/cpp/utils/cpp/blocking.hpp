// aidge-mlir cpp export library: the register blocking of
// convolution_blocked.hpp, whose block of output channels the export's
// weight packing must match (lib/Conversion/AidgeToExport/WeightPacking.h).
#ifndef AIDGE_CPP_UTILS_BLOCKING_HPP
#define AIDGE_CPP_UTILS_BLOCKING_HPP

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

} // namespace aidge_cpp

#endif // AIDGE_CPP_UTILS_BLOCKING_HPP
