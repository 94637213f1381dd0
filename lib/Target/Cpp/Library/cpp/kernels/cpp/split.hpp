// aidge-mlir cpp export library: split along one axis.
#ifndef AIDGE_CPP_KERNELS_SPLIT_HPP
#define AIDGE_CPP_KERNELS_SPLIT_HPP

#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

/// Field order: {nb_outputs, outer, inner, axis_sizes}: every tensor seen as
/// [outer][axis][inner]; output k has axis_sizes[k] along the axis, the
/// input their sum. nb_outputs <= kMaxConcatInputs.
struct SplitParams {
  int nb_outputs;
  int outer;
  int inner;
  int axis_sizes[kMaxConcatInputs];
};

/// out_k[o][a][i] = in[o][off_k + a][i], off_k the sum of the previous axis
/// sizes. `outs` holds one MemInfo pointer per output (null: not written).
/// Any element type T.
template <typename T = float>
inline void split_forward(unsigned char *mem, const MemInfo &in,
                          const MemInfo *const *outs, const SplitParams &p) {
  const In<T> x(mem, in);
  long total = 0;
  for (int k = 0; k < p.nb_outputs; ++k)
    total += p.axis_sizes[k];
  const long I = p.inner;
  long offset = 0;
  for (int k = 0; k < p.nb_outputs; ++k) {
    const long A = p.axis_sizes[k];
    if (outs[k]) {
      const Out<T> y(mem, *outs[k]);
      for (long o = 0; o < p.outer; ++o)
        copy_elements(x, (o * total + offset) * I, y, o * A * I, A * I);
    }
    offset += A;
  }
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_SPLIT_HPP
