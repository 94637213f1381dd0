// aidge-mlir cpp export library: gather along one axis with constant
// indices.
#ifndef AIDGE_CPP_KERNELS_GATHER_HPP
#define AIDGE_CPP_KERNELS_GATHER_HPP

#include <cstdint>

#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

/// Field order: {outer, axis_size, inner, nb_indices}: data seen as
/// [outer][axis_size][inner], the output as [outer][nb_indices][inner]
/// (nb_indices = the number of elements of the indices tensor).
struct GatherParams {
  int outer;
  int axis_size;
  int inner;
  int nb_indices;
};

/// out[o][j][i] = data[o][indices[j]][i] (a negative index counts from the
/// end). indices: a plain array of nb_indices elements of type I (int32 or
/// int64), a constant or computed at run time; an index out of range (an
/// error in ONNX) gives zeros rather than a read outside the tensor. Any
/// element type T. A constant data table (an embedding's weights) is
/// read from `data_const`, its MemInfo ignored.
template <typename T = float, typename I = std::int64_t>
inline void gather_forward(unsigned char *mem, const MemInfo &data,
                           const MemInfo &out, const GatherParams &p,
                           const Exactly<I> *indices,
                           const Exactly<T> *data_const = nullptr) {
  const In<T> x = data_const ? In<T>(data_const) : In<T>(mem, data);
  const Out<T> y(mem, out);
  const long A = p.axis_size, J = p.nb_indices, N = p.inner;
  for (long o = 0; o < p.outer; ++o)
    for (long j = 0; j < J; ++j) {
      long a = static_cast<long>(indices[j]);
      if (a < 0)
        a += A;
      if (a >= 0 && a < A) {
        copy_elements(x, (o * A + a) * N, y, (o * J + j) * N, N);
        continue;
      }
      for (long i = 0; i < N; ++i)
        y.set((o * J + j) * N + i, T());
    }
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_GATHER_HPP
