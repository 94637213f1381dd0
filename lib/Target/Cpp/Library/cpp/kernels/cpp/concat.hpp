// aidge-mlir cpp export library: concatenation along one axis.
#ifndef AIDGE_CPP_KERNELS_CONCAT_HPP
#define AIDGE_CPP_KERNELS_CONCAT_HPP

#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

/// Field order: {nb_inputs, outer, inner, axis_sizes}: every tensor seen as
/// [outer][axis][inner] (outer = product of the dims before the axis,
/// inner = product of those after it); input k has axis_sizes[k] along the
/// axis, the output their sum. nb_inputs <= kMaxConcatInputs.
struct ConcatParams {
  int nb_inputs;
  int outer;
  int inner;
  int axis_sizes[kMaxConcatInputs];
};

/// Copies input k into its slice of out: out[o][off_k + a][i] =
/// in_k[o][a][i], off_k the sum of the previous axis sizes. `ins` holds one
/// MemInfo pointer per input; when `consts` is not null, an input with a
/// non-null consts[k] (a constant, plain array) is read from there instead
/// (ins[k] may then be null). Any element type T (bytes are copied). Safe
/// when an input already lies in its slice of the output (the copy is then
/// a no-op).
template <typename T = float>
inline void concat_forward(unsigned char *mem, const MemInfo *const *ins,
                           const MemInfo &out, const ConcatParams &p,
                           const T *const *consts = nullptr) {
  const Out<T> y(mem, out);
  long total = 0;
  for (int k = 0; k < p.nb_inputs; ++k)
    total += p.axis_sizes[k];
  const long I = p.inner;
  long offset = 0;
  for (int k = 0; k < p.nb_inputs; ++k) {
    const long A = p.axis_sizes[k];
    const In<T> x = consts && consts[k] ? In<T>(consts[k]) : In<T>(mem, *ins[k]);
    for (long o = 0; o < p.outer; ++o)
      copy_elements(x, o * A * I, y, (o * total + offset) * I, A * I);
    offset += A;
  }
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_CONCAT_HPP
