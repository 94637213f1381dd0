// aidge-mlir cpp export library: binary element-wise ops with numpy
// broadcasting.
#ifndef AIDGE_CPP_KERNELS_ELEMWISE_HPP
#define AIDGE_CPP_KERNELS_ELEMWISE_HPP

#include <cmath>

#include "utils/cpp/activation_utils.hpp"
#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

enum class ElemwiseOp {
  add, // a + b
  sub, // a - b
  mul, // a * b
  div, // a / b
  pow, // pow(a, b)
  max, // a > b ? a : b
  min  // a < b ? a : b
};

/// Field order: {op, rank, out_dims, a_dims, b_dims, act}. rank 1 to 6 (a
/// scalar result: rank 1, dims {1}); a_dims and b_dims are the operands'
/// dims padded with leading 1s to rank, each equal to out's or 1
/// (broadcast). Entries past rank are ignored.
struct ElemwiseParams {
  ElemwiseOp op;
  int rank;
  int out_dims[kMaxRank];
  int a_dims[kMaxRank];
  int b_dims[kMaxRank];
  ActivationParams act;
};

namespace detail {
template <typename F>
inline void elemwise_apply(const In<float> &a, const In<float> &b,
                           const Out<float> &y, const ElemwiseParams &p, F f) {
  // Merge consecutive dims broadcast the same way; drop dims of 1.
  long D[kMaxRank], SA[kMaxRank], SB[kMaxRank];
  bool FA[kMaxRank], FB[kMaxRank];
  int nd = 0;
  for (int i = 0; i < p.rank; ++i) {
    const long d = p.out_dims[i];
    if (d == 1)
      continue;
    const bool fa = p.a_dims[i] != 1, fb = p.b_dims[i] != 1;
    if (nd > 0 && FA[nd - 1] == fa && FB[nd - 1] == fb) {
      D[nd - 1] *= d;
    } else {
      D[nd] = d;
      FA[nd] = fa;
      FB[nd] = fb;
      ++nd;
    }
  }
  if (nd == 0) {
    D[0] = 1;
    FA[0] = FB[0] = true;
    nd = 1;
  }
  long sa = 1, sb = 1;
  for (int j = nd - 1; j >= 0; --j) {
    SA[j] = FA[j] ? sa : 0;
    SB[j] = FB[j] ? sb : 0;
    if (FA[j])
      sa *= D[j];
    if (FB[j])
      sb *= D[j];
  }
  const long L = D[nd - 1];
  const bool va = FA[nd - 1], vb = FB[nd - 1];
  long idx[kMaxRank] = {};
  long ao = 0, bo = 0, o = 0;
  float as[kChunk], bs[kChunk], ys[kChunk];
  for (;;) {
    for (long j0 = 0; j0 < L; j0 += kChunk) {
      const long n = L - j0 < kChunk ? L - j0 : kChunk;
      float *yp = y.store(o + j0, n, ys);
      if (va && vb) {
        const float *ap = a.load(ao + j0, n, as);
        const float *bp = b.load(bo + j0, n, bs);
        for (long j = 0; j < n; ++j)
          yp[j] = activate(f(ap[j], bp[j]), p.act);
      } else if (va) {
        const float *ap = a.load(ao + j0, n, as);
        const float bv = b[bo];
        for (long j = 0; j < n; ++j)
          yp[j] = activate(f(ap[j], bv), p.act);
      } else if (vb) {
        const float av = a[ao];
        const float *bp = b.load(bo + j0, n, bs);
        for (long j = 0; j < n; ++j)
          yp[j] = activate(f(av, bp[j]), p.act);
      } else {
        const float v = activate(f(a[ao], b[bo]), p.act);
        for (long j = 0; j < n; ++j)
          yp[j] = v;
      }
      y.flush(o + j0, n, yp, ys);
    }
    o += L;
    // Next outer index (odometer over dims nd-2 .. 0).
    int k = nd - 2;
    for (; k >= 0; --k) {
      ao += SA[k];
      bo += SB[k];
      if (++idx[k] < D[k])
        break;
      ao -= SA[k] * D[k];
      bo -= SB[k] * D[k];
      idx[k] = 0;
    }
    if (k < 0)
      return;
  }
}
} // namespace detail

/// out = act(op(a, b)) elementwise with numpy broadcasting, over out_dims in
/// stored row-major order. An operand given as a plain array (a_const /
/// b_const, for a constant) is read from there and its MemInfo ignored.
/// out may be the same tensor (same MemInfo) as an operand of out's size:
/// in place.
inline void elemwise_forward(unsigned char *mem, const MemInfo &a,
                             const MemInfo &b, const MemInfo &out,
                             const ElemwiseParams &p,
                             const float *a_const = nullptr,
                             const float *b_const = nullptr) {
  const In<float> va = a_const ? In<float>(a_const) : In<float>(mem, a);
  const In<float> vb = b_const ? In<float>(b_const) : In<float>(mem, b);
  const Out<float> y(mem, out);
  switch (p.op) {
  case ElemwiseOp::add:
    detail::elemwise_apply(va, vb, y, p, [](float u, float v) { return u + v; });
    break;
  case ElemwiseOp::sub:
    detail::elemwise_apply(va, vb, y, p, [](float u, float v) { return u - v; });
    break;
  case ElemwiseOp::mul:
    detail::elemwise_apply(va, vb, y, p, [](float u, float v) { return u * v; });
    break;
  case ElemwiseOp::div:
    detail::elemwise_apply(va, vb, y, p, [](float u, float v) { return u / v; });
    break;
  case ElemwiseOp::pow:
    detail::elemwise_apply(va, vb, y, p,
                           [](float u, float v) { return std::pow(u, v); });
    break;
  case ElemwiseOp::max:
    detail::elemwise_apply(va, vb, y, p,
                           [](float u, float v) { return u > v ? u : v; });
    break;
  case ElemwiseOp::min:
    detail::elemwise_apply(va, vb, y, p,
                           [](float u, float v) { return u < v ? u : v; });
    break;
  }
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_ELEMWISE_HPP
