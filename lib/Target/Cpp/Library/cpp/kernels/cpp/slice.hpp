// aidge-mlir cpp export library: N-D strided slice.
#ifndef AIDGE_CPP_KERNELS_SLICE_HPP
#define AIDGE_CPP_KERNELS_SLICE_HPP

#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

/// Field order: {rank, in_dims, starts, steps, out_dims}: rank 1 to 6, one
/// entry per dim of the normalized aidge.slice: start in [0, dim], step
/// non-zero (negative: backwards), out_dims[d] = max(0, ceil((end - start)
/// / step)). Entries past rank are ignored.
struct SliceParams {
  int rank;
  int in_dims[kMaxRank];
  int starts[kMaxRank];
  int steps[kMaxRank];
  int out_dims[kMaxRank];
};

/// out[o_0]...[o_{r-1}] = in[starts[0] + o_0*steps[0]]...; any element type.
template <typename T = float>
inline void slice_forward(unsigned char *mem, const MemInfo &in,
                          const MemInfo &out, const SliceParams &p) {
  const In<T> x(mem, in);
  const Out<T> y(mem, out);
  const int r = p.rank;
  long IS[kMaxRank], total = 1, s = 1;
  for (int d = r - 1; d >= 0; --d) {
    IS[d] = s;
    s *= p.in_dims[d];
    total *= p.out_dims[d];
  }
  if (total <= 0)
    return;
  long base = 0;
  for (int d = 0; d < r; ++d)
    base += static_cast<long>(p.starts[d]) * IS[d];
  const long L = p.out_dims[r - 1], SL = p.steps[r - 1];
  long idx[kMaxRank] = {};
  T ys[kChunk];
  for (long o = 0;; o += L) {
    if (SL == 1) {
      copy_elements(x, base, y, o, L);
    } else {
      for (long j0 = 0; j0 < L; j0 += kChunk) {
        const long n = L - j0 < kChunk ? L - j0 : kChunk;
        T *yp = y.store(o + j0, n, ys);
        for (long j = 0; j < n; ++j)
          yp[j] = x[base + (j0 + j) * SL];
        y.flush(o + j0, n, yp, ys);
      }
    }
    int k = r - 2;
    for (; k >= 0; --k) {
      const long step = static_cast<long>(p.steps[k]) * IS[k];
      base += step;
      if (++idx[k] < p.out_dims[k])
        break;
      base -= step * p.out_dims[k];
      idx[k] = 0;
    }
    if (k < 0)
      return;
  }
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_SLICE_HPP
