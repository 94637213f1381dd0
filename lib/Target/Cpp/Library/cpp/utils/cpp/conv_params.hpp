// aidge-mlir cpp export library: the parameters of the convolution kernels
// (convolution.hpp and convolution_depthwise.hpp take the same ones).
#ifndef AIDGE_CPP_UTILS_CONV_PARAMS_HPP
#define AIDGE_CPP_UTILS_CONV_PARAMS_HPP

#include "utils/cpp/activation_utils.hpp"

namespace aidge_cpp {

/// Field order: {batch, in_depth, in_height, in_width, in_channels,
/// out_depth, out_height, out_width, out_channels, kernel_d, stride_d,
/// dilation_d, pad_front, pad_back, kernel_h, kernel_w, stride_h, stride_w,
/// dilation_h, dilation_w, pad_top, pad_left, pad_bottom, pad_right, group,
/// act}. 3-D (NDHWC) uses all of them; 2-D (NHWC): in_depth = out_depth =
/// kernel_d = stride_d = dilation_d = 1, pad_front = pad_back = 0; 1-D (NWC)
/// also in_height = out_height = kernel_h = 1, stride_h = dilation_h = 1,
/// pad_top = pad_bottom = 0.
struct ConvParams {
  int batch;
  int in_depth;
  int in_height;
  int in_width;
  int in_channels;
  int out_depth;
  int out_height;
  int out_width;
  int out_channels;
  int kernel_d;
  int stride_d;
  int dilation_d;
  int pad_front;
  int pad_back;
  int kernel_h;
  int kernel_w;
  int stride_h;
  int stride_w;
  int dilation_h;
  int dilation_w;
  int pad_top;
  int pad_left;
  int pad_bottom;
  int pad_right;
  int group;
  ActivationParams act;
};

namespace detail {
/// Where a kernel templated on PS reads its ConvParams, PS::get(p): the
/// run-time argument p...
struct RuntimeParams {
  static const ConvParams &get(const ConvParams &p) { return p; }
  /// A size derived from the params: the one the kernel computed once per
  /// call (not once per tile), or the constant.
  static long derived(long once, long) { return once; }
};
/// ... or P, a constexpr object of the layer's header that the export
/// names as a template argument, so that the compiler folds every size and
/// stride into the addressing (and keeps them out of registers).
template <const ConvParams &P> struct StaticParams {
  static constexpr const ConvParams &get(const ConvParams &) { return P; }
  static constexpr long derived(long, long constant) { return constant; }
};
} // namespace detail

} // namespace aidge_cpp

#endif // AIDGE_CPP_UTILS_CONV_PARAMS_HPP
