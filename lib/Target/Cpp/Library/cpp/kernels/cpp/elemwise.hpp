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
/// Applies the fused activation in place to the n results at y, for float
/// results only (an integer op has none): after the whole run, so that the
/// choice of activation is made once and both loops vectorise.
inline void finish(float *y, long n, const ActivationParams &act) {
  if (act.kind != Activation::none)
    activate_into(y, y, n, act);
}
template <typename T> inline void finish(T *, long, const ActivationParams &) {}

/// Pow in float for floats, in double as soon as an integer is involved.
inline float power(float u, float v) { return std::pow(u, v); }
template <typename U, typename V> inline double power(U u, V v) {
  return std::pow(static_cast<double>(u), static_cast<double>(v));
}

template <typename TA, typename TB, typename TY, typename F>
inline void elemwise_apply(const In<TA> &a, const In<TB> &b, const Out<TY> &y,
                           const ElemwiseParams &p, F f) {
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
  TA as[kChunk];
  TB bs[kChunk];
  TY ys[kChunk];
  // Plain tensors need no scratch: one run per row, however long.
  const long chunk = a.plain() && b.plain() && y.plain() ? L : kChunk;
  for (;;) {
    for (long j0 = 0; j0 < L; j0 += chunk) {
      const long n = L - j0 < chunk ? L - j0 : chunk;
      TY *yp = y.store(o + j0, n, ys);
      if (va && vb) {
        const TA *ap = a.load(ao + j0, n, as);
        const TB *bp = b.load(bo + j0, n, bs);
        for (long j = 0; j < n; ++j)
          yp[j] = f(ap[j], bp[j]);
      } else if (va) {
        const TA *ap = a.load(ao + j0, n, as);
        const TB bv = b[bo];
        for (long j = 0; j < n; ++j)
          yp[j] = f(ap[j], bv);
      } else if (vb) {
        const TA av = a[ao];
        const TB *bp = b.load(bo + j0, n, bs);
        for (long j = 0; j < n; ++j)
          yp[j] = f(av, bp[j]);
      } else {
        const TY v = f(a[ao], b[bo]);
        for (long j = 0; j < n; ++j)
          yp[j] = v;
      }
      finish(yp, n, p.act);
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
/// in place. Element types: TA, TB for the operands, TY for the result
/// (ONNX's mixed Pow: float ^ int -> float, int ^ float -> int); integer
/// division truncates toward zero and integer Pow is computed in double,
/// as ONNX's reference does; the activation applies to float results only.
template <typename TA = float, typename TB = TA, typename TY = TA>
inline void elemwise_forward(unsigned char *mem, const MemInfo &a,
                             const MemInfo &b, const MemInfo &out,
                             const ElemwiseParams &p,
                             const Exactly<TA> *a_const = nullptr,
                             const Exactly<TB> *b_const = nullptr) {
  const In<TA> va = a_const ? In<TA>(a_const) : In<TA>(mem, a);
  const In<TB> vb = b_const ? In<TB>(b_const) : In<TB>(mem, b);
  const Out<TY> y(mem, out);
  auto apply = [&](auto f) { detail::elemwise_apply(va, vb, y, p, f); };
  switch (p.op) {
  case ElemwiseOp::add:
    apply([](TA u, TB v) { return static_cast<TY>(u + v); });
    break;
  case ElemwiseOp::sub:
    apply([](TA u, TB v) { return static_cast<TY>(u - v); });
    break;
  case ElemwiseOp::mul:
    apply([](TA u, TB v) { return static_cast<TY>(u * v); });
    break;
  case ElemwiseOp::div:
    apply([](TA u, TB v) { return static_cast<TY>(u / v); });
    break;
  case ElemwiseOp::pow:
    apply([](TA u, TB v) { return static_cast<TY>(detail::power(u, v)); });
    break;
  case ElemwiseOp::max:
    apply([](TA u, TB v) { return static_cast<TY>(u > v ? u : v); });
    break;
  case ElemwiseOp::min:
    apply([](TA u, TB v) { return static_cast<TY>(u < v ? u : v); });
    break;
  }
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_ELEMWISE_HPP
