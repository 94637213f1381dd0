// aidge-mlir cpp export library: inference batch normalization.
#ifndef AIDGE_CPP_KERNELS_BATCHNORM_HPP
#define AIDGE_CPP_KERNELS_BATCHNORM_HPP

#include <cmath>

#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

/// Field order: {outer, channels, inner, epsilon}: the tensor seen as
/// [outer][channels][inner]. NHWC / NWC: outer = N*H*W, inner = 1; a
/// [N][C] matrix: outer = N, inner = 1; [N][C][L] (default format):
/// outer = N, inner = L.
struct BatchNormParams {
  int outer;
  int channels;
  int inner;
  float epsilon;
};

/// out[o][c][i] = (in[o][c][i] - mean[c]) * (scale[c] / sqrt(var[c] +
/// epsilon)) + bias[c]. scale, bias, mean, var: plain arrays of `channels`.
/// in and out may be the same tensor.
inline void batchnorm_forward(unsigned char *mem, const MemInfo &in,
                              const MemInfo &out, const BatchNormParams &p,
                              const float *scale, const float *bias,
                              const float *mean, const float *var) {
  const In<float> x(mem, in);
  const Out<float> y(mem, out);
  const long C = p.channels, I = p.inner;
  float f[kChunk], xs[kChunk], ys[kChunk];
  if (I == 1) {
    for (long c0 = 0; c0 < C; c0 += kChunk) {
      const long n = C - c0 < kChunk ? C - c0 : kChunk;
      for (long j = 0; j < n; ++j)
        f[j] = scale[c0 + j] / std::sqrt(var[c0 + j] + p.epsilon);
      for (long o = 0; o < p.outer; ++o) {
        const long e = o * C + c0;
        const float *xp = x.load(e, n, xs);
        float *yp = y.store(e, n, ys);
        for (long j = 0; j < n; ++j)
          yp[j] = (xp[j] - mean[c0 + j]) * f[j] + bias[c0 + j];
        y.flush(e, n, yp, ys);
      }
    }
    return;
  }
  for (long o = 0; o < p.outer; ++o) {
    for (long c = 0; c < C; ++c) {
      const float fc = scale[c] / std::sqrt(var[c] + p.epsilon);
      for (long i0 = 0; i0 < I; i0 += kChunk) {
        const long n = I - i0 < kChunk ? I - i0 : kChunk;
        const long e = (o * C + c) * I + i0;
        const float *xp = x.load(e, n, xs);
        float *yp = y.store(e, n, ys);
        for (long j = 0; j < n; ++j)
          yp[j] = (xp[j] - mean[c]) * fc + bias[c];
        y.flush(e, n, yp, ys);
      }
    }
  }
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_BATCHNORM_HPP
