// aidge-mlir cpp export library: the activation a conv, fc, pool or
// arithmetic op applies to each of its results (`#aidge.activation`).
#ifndef AIDGE_CPP_UTILS_ACTIVATION_UTILS_HPP
#define AIDGE_CPP_UTILS_ACTIVATION_UTILS_HPP

#include <cmath> // INFINITY, for the ActivationParams of generated code
#include <limits>

namespace aidge_cpp {

enum class Activation { none, relu, clip, leaky_relu };

/// Field order: {kind, min, max, alpha}. `min`/`max` are clip's bounds
/// (pass -INFINITY / INFINITY, or std::numeric_limits<float>::infinity(),
/// for a missing one); `alpha` is leaky_relu's slope. Unused fields are
/// ignored.
struct ActivationParams {
  Activation kind;
  float min;
  float max;
  float alpha;
};

/// No activation.
constexpr ActivationParams kNoActivation{
    Activation::none, -std::numeric_limits<float>::infinity(),
    std::numeric_limits<float>::infinity(), 0.0f};

/// relu: max(v, 0); clip: min(max(v, min), max); leaky_relu: v >= 0 ? v :
/// alpha * v. NaN stays NaN.
inline float activate(float v, const ActivationParams &a) {
  switch (a.kind) {
  case Activation::none:
    return v;
  case Activation::relu:
    return v < 0.0f ? 0.0f : v;
  case Activation::clip:
    return v < a.min ? a.min : (v > a.max ? a.max : v);
  case Activation::leaky_relu:
    return v >= 0.0f ? v : a.alpha * v;
  }
  return v;
}

/// dst[j] = activate(src[j], act) for j < n, the choice of activation made
/// once for the whole run so that the loops vectorise.
inline void activate_into(float *dst, const float *src, long n,
                          const ActivationParams &act) {
  switch (act.kind) {
  case Activation::none:
    for (long j = 0; j < n; ++j)
      dst[j] = src[j];
    return;
  case Activation::relu:
    for (long j = 0; j < n; ++j)
      dst[j] = src[j] < 0.0f ? 0.0f : src[j];
    return;
  case Activation::clip:
    for (long j = 0; j < n; ++j)
      dst[j] = src[j] < act.min ? act.min : (src[j] > act.max ? act.max : src[j]);
    return;
  case Activation::leaky_relu:
    for (long j = 0; j < n; ++j)
      dst[j] = src[j] >= 0.0f ? src[j] : act.alpha * src[j];
    return;
  }
}

namespace detail {
/// activate_vector on a vector of the GCC and Clang extension: lane-wise
/// vector operations.
template <typename V>
inline auto activate_lanes(V &v, const ActivationParams &a, int)
    -> decltype(v < v, void()) {
  const V zero = {};
  switch (a.kind) {
  case Activation::none:
    return;
  case Activation::relu:
    v = v < zero ? zero : v;
    return;
  case Activation::clip: {
    const V lo = zero + a.min, hi = zero + a.max;
    v = v < lo ? lo : (v > hi ? hi : v);
    return;
  }
  case Activation::leaky_relu:
    v = v >= zero ? v : a.alpha * v;
    return;
  }
}
/// The same on a struct of lanes `float v[N]`, lane by lane.
template <typename V>
inline void activate_lanes(V &v, const ActivationParams &a, long) {
  for (float &x : v.v)
    x = activate(x, a);
}
} // namespace detail

/// activate() on every lane of a kernel's accumulator vector, in place
/// (by reference: passing vectors wider than the target's by value changes
/// the ABI). On the few values of a tile (8 or 16 channels), the loops of
/// activate_into over memory stayed scalar and cost as much as the tile's
/// FMAs.
template <typename V>
inline void activate_vector(V &v, const ActivationParams &a) {
  detail::activate_lanes(v, a, 0);
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_UTILS_ACTIVATION_UTILS_HPP
