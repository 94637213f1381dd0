// aidge-mlir cpp export library: reshape, flatten, squeeze, unsqueeze,
// identity (the stored order does not change, only the dims).
#ifndef AIDGE_CPP_KERNELS_RESHAPE_HPP
#define AIDGE_CPP_KERNELS_RESHAPE_HPP

#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

/// Whether element i of a and of b is at the same address for every i
/// (slots contiguous, same start, same wrap-around).
constexpr bool same_mapping(const MemInfo &a, const MemInfo &b) {
  return a.stride == a.size && b.stride == b.size &&
         a.cont_offset == b.cont_offset &&
         ((a.wrap_size == 0 && b.wrap_size == 0) ||
          (a.cont_size == b.cont_size && a.wrap_offset == b.wrap_offset));
}

/// Copies the num_elements<T>(out) elements of in to out, element i to
/// element i; nothing when both map every element to the same bytes (an
/// alias). Any element type T.
template <typename T = float>
inline void reshape_forward(unsigned char *mem, const MemInfo &in,
                            const MemInfo &out) {
  if (same_mapping(in, out))
    return;
  copy_elements(In<T>(mem, in), 0, Out<T>(mem, out), 0, num_elements<T>(out));
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_RESHAPE_HPP
