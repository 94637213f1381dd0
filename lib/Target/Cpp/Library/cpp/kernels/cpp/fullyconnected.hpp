// aidge-mlir cpp export library: fully connected layer (ONNX Gemm).
#ifndef AIDGE_CPP_KERNELS_FULLYCONNECTED_HPP
#define AIDGE_CPP_KERNELS_FULLYCONNECTED_HPP

#include "utils/cpp/activation_utils.hpp"
#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

/// Field order: {m, n, k, trans_a, trans_b, alpha, beta, c_rows, c_cols,
/// act}. op(a) is M x K, op(b) is K x N; c (if any) is c_rows x c_cols with
/// c_rows 1 or M and c_cols 1 or N (a 1-D bias of N: c_rows = 1,
/// c_cols = N; a scalar: 1, 1).
struct FcParams {
  int m;
  int n;
  int k;
  bool trans_a;
  bool trans_b;
  float alpha;
  float beta;
  int c_rows;
  int c_cols;
  ActivationParams act;
};

/// out[M][N] = act(alpha * op(a) x op(b) + beta * c), c broadcast, where a
/// (in the arena) is [M][K], or [K][M] with trans_a; the weights b (a plain
/// array) are [K][N], or [N][K] with trans_b; c is a plain array or null
/// (then no beta term). Sums run over k in increasing order.
inline void fullyconnected_forward(unsigned char *mem, const MemInfo &a,
                                   const MemInfo &out, const FcParams &p,
                                   const float *b, const float *c) {
  const long M = p.m, N = p.n, K = p.k;
  detail::gemm(In<float>(mem, a), 0, p.trans_a ? 1 : K, p.trans_a ? M : 1,
               In<float>(b), 0, p.trans_b ? 1 : N, p.trans_b ? K : 1,
               Out<float>(mem, out), 0, M, N, K, p.alpha, p.beta, c, p.c_rows,
               p.c_cols, p.act);
}

/// The same with b in the arena too (a Gemm of two activations).
inline void fullyconnected_forward(unsigned char *mem, const MemInfo &a,
                                   const MemInfo &b, const MemInfo &out,
                                   const FcParams &p, const float *c) {
  const long M = p.m, N = p.n, K = p.k;
  detail::gemm(In<float>(mem, a), 0, p.trans_a ? 1 : K, p.trans_a ? M : 1,
               In<float>(mem, b), 0, p.trans_b ? 1 : N, p.trans_b ? K : 1,
               Out<float>(mem, out), 0, M, N, K, p.alpha, p.beta, c, p.c_rows,
               p.c_cols, p.act);
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_FULLYCONNECTED_HPP
