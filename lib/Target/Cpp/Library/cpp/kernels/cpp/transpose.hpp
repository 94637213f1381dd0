// aidge-mlir cpp export library: N-D transposition.
#ifndef AIDGE_CPP_KERNELS_TRANSPOSE_HPP
#define AIDGE_CPP_KERNELS_TRANSPOSE_HPP

#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

/// Field order: {rank, in_dims, perm}: rank 1 to 6; output dim i is input
/// dim perm[i] (ONNX Transpose). Entries past rank are ignored.
struct TransposeParams {
  int rank;
  int in_dims[kMaxRank];
  int perm[kMaxRank];
};

/// out[i_0]...[i_{r-1}] = in[j] with j[perm[d]] = i_d. Any element type T.
template <typename T = float>
inline void transpose_forward(unsigned char *mem, const MemInfo &in,
                              const MemInfo &out, const TransposeParams &p) {
  const In<T> x(mem, in);
  const Out<T> y(mem, out);
  const int r = p.rank;
  long in_stride[kMaxRank] = {}, D[kMaxRank] = {}, S[kMaxRank] = {};
  long s = 1;
  for (int d = r - 1; d >= 0; --d) {
    in_stride[d] = s;
    s *= p.in_dims[d];
  }
  if (s == 0)
    return;
  for (int d = 0; d < r; ++d) {
    D[d] = p.in_dims[p.perm[d]];
    S[d] = in_stride[p.perm[d]];
  }
  const long L = D[r - 1], SL = S[r - 1];
  // Both plain and the input's last dim the output's next to last (NCHW
  // to NHWC): the last two dims at once, the inner loop reading
  // consecutive elements, not one run of L (the few channels) at a time.
  const bool rows =
      x.plain() && y.plain() && SL != 1 && r >= 2 && S[r - 2] == 1;
  const int last = rows ? r - 2 : r - 1;
  long idx[kMaxRank] = {};
  long base = 0, o = 0;
  T ys[kChunk];
  for (;;) {
    if (rows) {
      const long rows_n = D[r - 2];
      const T *xp = x.plain() + base;
      T *yp = y.plain() + o;
      for (long j = 0; j < L; ++j)
        for (long i = 0; i < rows_n; ++i)
          yp[i * L + j] = xp[i + j * SL];
      o += rows_n * L;
    } else if (SL == 1) {
      copy_elements(x, base, y, o, L);
      o += L;
    } else {
      for (long j0 = 0; j0 < L; j0 += kChunk) {
        const long n = L - j0 < kChunk ? L - j0 : kChunk;
        T *yp = y.store(o + j0, n, ys);
        for (long j = 0; j < n; ++j)
          yp[j] = x[base + (j0 + j) * SL];
        y.flush(o + j0, n, yp, ys);
      }
      o += L;
    }
    int k = last - 1;
    for (; k >= 0; --k) {
      base += S[k];
      if (++idx[k] < D[k])
        break;
      base -= S[k] * D[k];
      idx[k] = 0;
    }
    if (k < 0)
      return;
  }
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_TRANSPOSE_HPP
