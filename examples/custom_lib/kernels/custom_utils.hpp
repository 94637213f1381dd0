// Helpers shared by the kernels of the `custom` example library.
#ifndef CUSTOM_UTILS_HPP
#define CUSTOM_UTILS_HPP

namespace custom {
template <typename T> constexpr T max0(T value) { return value > T(0) ? value : T(0); }
} // namespace custom

#endif // CUSTOM_UTILS_HPP
