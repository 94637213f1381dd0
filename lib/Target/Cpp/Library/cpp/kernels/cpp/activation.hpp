// aidge-mlir cpp export library: element-wise activations and other unary
// float functions.
#ifndef AIDGE_CPP_KERNELS_ACTIVATION_HPP
#define AIDGE_CPP_KERNELS_ACTIVATION_HPP

#include <cmath>

#include "utils/cpp/activation_utils.hpp"
#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

enum class UnaryOp {
  relu,         // max(x, 0)
  leaky_relu,   // x >= 0 ? x : alpha * x
  clip,         // min(max(x, min), max)
  sigmoid,      // 1 / (1 + exp(-x))
  tanh,         // tanh(x)
  hard_sigmoid, // max(0, min(1, alpha * x + beta))
  hard_swish,   // x * max(0, min(1, x / 6 + 1 / 2))
  erf,          // erf(x)
  exp,          // exp(x)
  sqrt,         // sqrt(x)
  abs,          // |x|
  neg           // -x
};

/// Field order: {op, alpha, beta, min, max}. alpha: leaky_relu's slope,
/// hard_sigmoid's alpha; beta: hard_sigmoid's beta; min/max: clip's bounds
/// (-INFINITY / INFINITY when missing). Unused fields are ignored.
struct UnaryParams {
  UnaryOp op;
  float alpha;
  float beta;
  float min;
  float max;
};

namespace detail {
template <typename F>
inline void unary_apply(unsigned char *mem, const MemInfo &in,
                        const MemInfo &out, F f) {
  const long total = num_elements<float>(out);
  if (is_plain(in) && is_plain(out)) {
    const float *x = reinterpret_cast<const float *>(mem + in.cont_offset);
    float *y = reinterpret_cast<float *>(mem + out.cont_offset);
    for (long i = 0; i < total; ++i)
      y[i] = f(x[i]);
    return;
  }
  for (long i = 0; i < total;) {
    long n = total - i;
    const float *x = run<float>(static_cast<const unsigned char *>(mem), in, i, n);
    float *y = run<float>(mem, out, i, n);
    for (long k = 0; k < n; ++k)
      y[k] = f(x[k]);
    i += n;
  }
}
} // namespace detail

/// out[i] = op(in[i]) for each of the num_elements<float>(out) =
/// count * length * size / 4 elements. in and out may be the same tensor
/// (same MemInfo): in place.
inline void activation_forward(unsigned char *mem, const MemInfo &in,
                               const MemInfo &out, const UnaryParams &p) {
  const float alpha = p.alpha, beta = p.beta, lo = p.min, hi = p.max;
  switch (p.op) {
  case UnaryOp::relu:
    detail::unary_apply(mem, in, out, [](float v) { return v < 0.0f ? 0.0f : v; });
    break;
  case UnaryOp::leaky_relu:
    detail::unary_apply(mem, in, out,
                        [alpha](float v) { return v >= 0.0f ? v : alpha * v; });
    break;
  case UnaryOp::clip:
    detail::unary_apply(mem, in, out, [lo, hi](float v) {
      return v < lo ? lo : (v > hi ? hi : v);
    });
    break;
  case UnaryOp::sigmoid:
    detail::unary_apply(mem, in, out,
                        [](float v) { return 1.0f / (1.0f + std::exp(-v)); });
    break;
  case UnaryOp::tanh:
    detail::unary_apply(mem, in, out, [](float v) { return std::tanh(v); });
    break;
  case UnaryOp::hard_sigmoid:
    detail::unary_apply(mem, in, out, [alpha, beta](float v) {
      const float t = alpha * v + beta;
      return t < 0.0f ? 0.0f : (t > 1.0f ? 1.0f : t);
    });
    break;
  case UnaryOp::hard_swish:
    detail::unary_apply(mem, in, out, [](float v) {
      const float t = v / 6.0f + 0.5f;
      return v * (t < 0.0f ? 0.0f : (t > 1.0f ? 1.0f : t));
    });
    break;
  case UnaryOp::erf:
    detail::unary_apply(mem, in, out, [](float v) { return std::erf(v); });
    break;
  case UnaryOp::exp:
    detail::unary_apply(mem, in, out, [](float v) { return std::exp(v); });
    break;
  case UnaryOp::sqrt:
    detail::unary_apply(mem, in, out, [](float v) { return std::sqrt(v); });
    break;
  case UnaryOp::abs:
    detail::unary_apply(mem, in, out, [](float v) { return std::fabs(v); });
    break;
  case UnaryOp::neg:
    detail::unary_apply(mem, in, out, [](float v) { return -v; });
    break;
  }
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_ACTIVATION_HPP
