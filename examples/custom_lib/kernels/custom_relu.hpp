// ReLU of the `custom` example library: any data format, float32.
#ifndef CUSTOM_RELU_HPP
#define CUSTOM_RELU_HPP

#include "custom_utils.hpp"

namespace custom {
template <int SIZE>
inline void relu_forward(const float *__restrict in, float *__restrict out) {
  for (int i = 0; i < SIZE; ++i)
    out[i] = max0(in[i]);
}
} // namespace custom

#endif // CUSTOM_RELU_HPP
