// aidge-mlir cpp export library: element type conversion.
#ifndef AIDGE_CPP_KERNELS_CAST_HPP
#define AIDGE_CPP_KERNELS_CAST_HPP

#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

/// out[i] = static_cast<To>(in[i]) for the num_elements<To>(out) elements
/// (float to integer truncates toward zero, as ONNX Cast; a value out of
/// the integer's range is undefined behaviour, as in C++).
template <typename From, typename To>
inline void cast_forward(unsigned char *mem, const MemInfo &in,
                         const MemInfo &out) {
  const In<From> x(mem, in);
  const Out<To> y(mem, out);
  const long n = num_elements<To>(out);
  From xs[kChunk];
  To ys[kChunk];
  for (long i0 = 0; i0 < n; i0 += kChunk) {
    const long k = n - i0 < kChunk ? n - i0 : kChunk;
    const From *xp = x.load(i0, k, xs);
    To *yp = y.store(i0, k, ys);
    for (long j = 0; j < k; ++j)
      yp[j] = static_cast<To>(xp[j]);
    y.flush(i0, k, yp, ys);
  }
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_CAST_HPP
