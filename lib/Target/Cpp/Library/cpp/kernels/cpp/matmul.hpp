// aidge-mlir cpp export library: batched matrix product (numpy matmul).
#ifndef AIDGE_CPP_KERNELS_MATMUL_HPP
#define AIDGE_CPP_KERNELS_MATMUL_HPP

#include "utils/cpp/activation_utils.hpp"
#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

/// Field order: {rank, a_dims, b_dims}. Both operands' dims padded with
/// leading 1s to the same rank (2 to 4): a is [batch...][M][K], b is
/// [batch...][K][N]; each batch dim is equal in both or 1 in one of them
/// (broadcast). A 1-D a ([K]) is passed as [1][K], a 1-D b as [K][1]: the
/// stored data is the same. Unused trailing entries are ignored.
struct MatMulParams {
  int rank;
  int a_dims[kMaxMatMulRank];
  int b_dims[kMaxMatMulRank];
};

/// out[batch...][M][N] = a x b per batch (batch dims broadcast: out's are
/// the max of a's and b's); sums over k in increasing order. An operand
/// given as a plain array (a_const / b_const, for a constant) is read from
/// there and its MemInfo ignored.
inline void matmul_forward(unsigned char *mem, const MemInfo &a,
                           const MemInfo &b, const MemInfo &out,
                           const MatMulParams &p,
                           const float *a_const = nullptr,
                           const float *b_const = nullptr) {
  const In<float> va = a_const ? In<float>(a_const) : In<float>(mem, a);
  const In<float> vb = b_const ? In<float>(b_const) : In<float>(mem, b);
  const Out<float> y(mem, out);
  const int r = p.rank;
  const long M = p.a_dims[r - 2], K = p.a_dims[r - 1], N = p.b_dims[r - 1];
  // Batch dims (up to 2), outermost first, with each operand's stride in
  // matrices (0 when broadcast).
  long dims[2] = {1, 1}, sa[2] = {0, 0}, sb[2] = {0, 0};
  long ca = 1, cb = 1;
  for (int i = r - 3, d = 1; i >= 0; --i, --d) {
    const long da = p.a_dims[i], db = p.b_dims[i];
    dims[d] = da > db ? da : db;
    sa[d] = da == 1 ? 0 : ca;
    sb[d] = db == 1 ? 0 : cb;
    ca *= da;
    cb *= db;
  }
  long batch = 0;
  for (long i0 = 0; i0 < dims[0]; ++i0) {
    for (long i1 = 0; i1 < dims[1]; ++i1, ++batch) {
      const long ma = i0 * sa[0] + i1 * sa[1], mb = i0 * sb[0] + i1 * sb[1];
      detail::gemm(va, ma * M * K, K, 1, vb, mb * K * N, N, 1, y,
                   batch * M * N, M, N, K, 1.0f, 0.0f, nullptr, 1, 1,
                   kNoActivation);
    }
  }
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_MATMUL_HPP
