// aidge-mlir cpp export library: reduce_mean, reduce_sum and reduce_max.
#ifndef AIDGE_CPP_KERNELS_REDUCE_HPP
#define AIDGE_CPP_KERNELS_REDUCE_HPP

#include <limits>

#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

enum class ReduceKind { mean, sum, max };

/// Field order: {rank, in_dims, reduced}: rank 1 to 6; reduced[d] is 1 for
/// a reduced dim, else 0. The output holds the kept dims in order (whether
/// keepdims is set does not change the stored order). Entries past rank
/// are ignored.
struct ReduceParams {
  int rank;
  int in_dims[kMaxRank];
  int reduced[kMaxRank];
};

/// out[kept index] = the sum (mean: divided by the number of reduced
/// elements; max: the largest) of in over the reduced dims, accumulated in
/// increasing index order. Float.
inline void reduce_forward(unsigned char *mem, const MemInfo &in,
                           const MemInfo &out, const ReduceParams &p,
                           ReduceKind kind) {
  const In<float> x(mem, in);
  const Out<float> y(mem, out);
  long KD[kMaxRank], KS[kMaxRank], RD[kMaxRank], RS[kMaxRank];
  int nk = 0, nr = 0;
  long s = 1, count = 1;
  for (int d = p.rank - 1; d >= 0; --d) {
    if (p.reduced[d]) {
      RD[nr] = p.in_dims[d];
      RS[nr++] = s;
      count *= p.in_dims[d];
    } else {
      KD[nk] = p.in_dims[d];
      KS[nk++] = s;
    }
    s *= p.in_dims[d];
  }
  if (s <= 0)
    return;
  // Dims are listed innermost first.
  long kidx[kMaxRank] = {};
  long base = 0;
  for (long o = 0;; ++o) {
    float acc = kind == ReduceKind::max ? -std::numeric_limits<float>::infinity()
                                        : 0.0f;
    long ridx[kMaxRank] = {};
    long off = base;
    for (;;) {
      const float v = x[off];
      acc = kind == ReduceKind::max ? (v > acc ? v : acc) : acc + v;
      int k = 0;
      for (; k < nr; ++k) {
        off += RS[k];
        if (++ridx[k] < RD[k])
          break;
        off -= RS[k] * RD[k];
        ridx[k] = 0;
      }
      if (k == nr)
        break;
    }
    y.set(o, kind == ReduceKind::mean ? acc / static_cast<float>(count) : acc);
    int k = 0;
    for (; k < nk; ++k) {
      base += KS[k];
      if (++kidx[k] < KD[k])
        break;
      base -= KS[k] * KD[k];
      kidx[k] = 0;
    }
    if (k == nk)
      return;
  }
}

inline void reduce_mean_forward(unsigned char *mem, const MemInfo &in,
                                const MemInfo &out, const ReduceParams &p) {
  reduce_forward(mem, in, out, p, ReduceKind::mean);
}
inline void reduce_sum_forward(unsigned char *mem, const MemInfo &in,
                               const MemInfo &out, const ReduceParams &p) {
  reduce_forward(mem, in, out, p, ReduceKind::sum);
}
inline void reduce_max_forward(unsigned char *mem, const MemInfo &in,
                               const MemInfo &out, const ReduceParams &p) {
  reduce_forward(mem, in, out, p, ReduceKind::max);
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_REDUCE_HPP
