// aidge-mlir cpp export library: the register blocking of
// convolution_blocked.hpp, whose block of output channels the export's
// weight packing must match (lib/Conversion/AidgeToExport/WeightPacking.h).
#ifndef AIDGE_CPP_UTILS_BLOCKING_HPP
#define AIDGE_CPP_UTILS_BLOCKING_HPP

#include <cstring>

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
/// accumulator arrays; a plain array elsewhere, or where
/// AIDGE_CPP_PORTABLE_VECTORS is defined (how the tests reach that path).
#if defined(__GNUC__) && !defined(AIDGE_CPP_PORTABLE_VECTORS)
typedef float OutVec __attribute__((vector_size(kOutBlock * sizeof(float))));
#else
struct OutVec {
  float v[kOutBlock];
  OutVec &operator+=(const OutVec &o) {
    for (int j = 0; j < kOutBlock; ++j)
      v[j] += o.v[j];
    return *this;
  }
  OutVec &operator-=(const OutVec &o) {
    for (int j = 0; j < kOutBlock; ++j)
      v[j] -= o.v[j];
    return *this;
  }
  friend OutVec operator+(OutVec a, const OutVec &b) { return a += b; }
  friend OutVec operator-(OutVec a, const OutVec &b) { return a -= b; }
  friend OutVec operator*(float s, const OutVec &o) {
    OutVec r;
    for (int j = 0; j < kOutBlock; ++j)
      r.v[j] = s * o.v[j];
    return r;
  }
};
#endif

/// Built with OpenMP (-fopenmp, off by default: embedded targets run one
/// thread), the loop after it runs its iterations on the threads when
/// `macs`, the layer's multiply-accumulates, pay for waking them (below
/// kParallelMacs, ~5 us of one core, the fork and join cost more than they
/// save: measured on mobilenetv1_025 and the autoencoder). Only for loops
/// whose iterations write disjoint outputs and read no output of another
/// iteration.
constexpr long kParallelMacs = 1L << 18;
#if defined(_OPENMP)
#define AIDGE_CPP_PRAGMA(x) _Pragma(#x)
#define AIDGE_CPP_PARALLEL_FOR(macs)                                           \
  AIDGE_CPP_PRAGMA(omp parallel for schedule(static) if ((macs) >= kParallelMacs))
#else
#define AIDGE_CPP_PARALLEL_FOR(macs)
#endif

/// Blocks of kOutBlock that hold `channels` output channels.
constexpr long out_blocks(long channels) {
  return (channels + kOutBlock - 1) / kOutBlock;
}

namespace detail {
/// acc[q][b] += xs[q][c] * (the weights of block b for c) over c < kc,
/// in order; w: block 0's weights of c = 0, blocks block_size apart. The
/// inner product of the blocked and Winograd convolutions.
template <int PX, int NB>
inline void accumulate(OutVec (&acc)[PX][NB], const float *const (&xs)[PX],
                       const float *__restrict w, long kc, long block_size) {
  for (long c = 0; c < kc; ++c) {
    OutVec wv[NB];
    for (int b = 0; b < NB; ++b)
      std::memcpy(&wv[b], w + b * block_size + c * kOutBlock, sizeof(OutVec));
    for (int q = 0; q < PX; ++q) {
      const float v = xs[q][c];
      for (int b = 0; b < NB; ++b)
        acc[q][b] += v * wv[b];
    }
  }
}
} // namespace detail

} // namespace aidge_cpp

#endif // AIDGE_CPP_UTILS_BLOCKING_HPP
