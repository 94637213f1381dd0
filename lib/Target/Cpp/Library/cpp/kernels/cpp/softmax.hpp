// aidge-mlir cpp export library: softmax along one axis.
#ifndef AIDGE_CPP_KERNELS_SOFTMAX_HPP
#define AIDGE_CPP_KERNELS_SOFTMAX_HPP

#include <cmath>
#include <limits>

#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

/// Field order: {outer, axis_size, inner}: the tensor seen as
/// [outer][axis_size][inner] (outer = product of the dims before the axis,
/// inner = product of those after it).
struct SoftmaxParams {
  int outer;
  int axis_size;
  int inner;
};

/// out[o][a][i] = exp(in[o][a][i] - mx) / sum over a' of exp(in[o][a'][i] - mx),
/// mx the max over a (sums in increasing a). in and out may be the same
/// tensor.
inline void softmax_forward(unsigned char *mem, const MemInfo &in,
                            const MemInfo &out, const SoftmaxParams &p) {
  const In<float> x(mem, in);
  const In<float> yr(mem, out);
  const Out<float> y(mem, out);
  const long A = p.axis_size, I = p.inner;
  float mx[kChunk], sum[kChunk], xs[kChunk], ys[kChunk];
  for (long o = 0; o < p.outer; ++o) {
    for (long i0 = 0; i0 < I; i0 += kChunk) {
      const long n = I - i0 < kChunk ? I - i0 : kChunk;
      for (long j = 0; j < n; ++j) {
        mx[j] = -std::numeric_limits<float>::infinity();
        sum[j] = 0.0f;
      }
      for (long a = 0; a < A; ++a) {
        const float *xp = x.load((o * A + a) * I + i0, n, xs);
        for (long j = 0; j < n; ++j)
          mx[j] = xp[j] > mx[j] ? xp[j] : mx[j];
      }
      for (long a = 0; a < A; ++a) {
        const long e = (o * A + a) * I + i0;
        const float *xp = x.load(e, n, xs);
        float *yp = y.store(e, n, ys);
        for (long j = 0; j < n; ++j) {
          const float v = std::exp(xp[j] - mx[j]);
          sum[j] += v;
          yp[j] = v;
        }
        y.flush(e, n, yp, ys);
      }
      for (long a = 0; a < A; ++a) {
        const long e = (o * A + a) * I + i0;
        const float *vp = yr.load(e, n, xs);
        float *yp = y.store(e, n, ys);
        for (long j = 0; j < n; ++j)
          yp[j] = vp[j] / sum[j];
        y.flush(e, n, yp, ys);
      }
    }
  }
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_SOFTMAX_HPP
