// RUN: aidge-opt %s --split-input-file --aidge-match-impl --aidge-schedule --aidge-plan-memory --aidge-verify-memory --aidge-lower-to-export | FileCheck %s

// Resize in the default order: the enums, cubic's coefficients, and per
// dimension (padded to 6) the dims, the double scales and an all-input roi.
// CHECK-LABEL: aidge_export.graph @resize_cubic
// CHECK: aidge_export.kernel "rs" "aidge_cpp::resize_forward"
// CHECK-SAME: param_names = ["mode", "transform", "nearest_mode", "cubic_coeff_a", "exclude_outside", "extrapolation_value", "rank", "in_dims", "out_dims", "scales", "roi_starts", "roi_ends"]
// CHECK-SAME: params = ["aidge_cpp::ResizeMode::cubic", "aidge_cpp::CoordinateTransform::align_corners", "aidge_cpp::NearestMode::round_prefer_floor", -5.000000e-01 : f32, 1, 0.000000e+00 : f32, 4, "{1, 2, 4, 4, 1, 1}", "{1, 2, 9, 10, 1, 1}",
// CHECK-SAME: "{1.0000000000000000e+00, 1.0000000000000000e+00, 2.2500000000000000e+00, 2.5000000000000000e+00, 1.0000000000000000e+00, 1.0000000000000000e+00}",
// CHECK-SAME: "{0.000000000e+00f, 0.000000000e+00f, 0.000000000e+00f, 0.000000000e+00f, 0.000000000e+00f, 0.000000000e+00f}", "{1.000000000e+00f, 1.000000000e+00f, 1.000000000e+00f, 1.000000000e+00f, 1.000000000e+00f, 1.000000000e+00f}"]
// CHECK-SAME: params_type = "aidge_cpp::ResizeParams"
func.func @resize_cubic(%x: tensor<1x2x4x4xf32>) -> tensor<1x2x9x10xf32> {
  %y = aidge.resize %x {coordinate_transform = #aidge<coordinate_transform align_corners>, mode = #aidge<resize_mode cubic>, nearest_mode = #aidge<nearest_mode round_prefer_floor>, scales = array<f64: 1.0, 1.0, 2.25, 2.5>, cubic_coeff_a = -0.5 : f32, exclude_outside = true} : tensor<1x2x4x4xf32> -> tensor<1x2x9x10xf32> loc("rs")
  return %y : tensor<1x2x9x10xf32>
}

// -----

// tf_crop_and_resize: the roi's starts and ends, and the extrapolation
// value; a scale that is not a float keeps every digit (7 / 3).
// CHECK-LABEL: aidge_export.graph @resize_crop
// CHECK: aidge_export.kernel "crop" "aidge_cpp::resize_forward"
// CHECK-SAME: params = ["aidge_cpp::ResizeMode::linear", "aidge_cpp::CoordinateTransform::tf_crop_and_resize", "aidge_cpp::NearestMode::round_prefer_floor", -7.500000e-01 : f32, 0, 1.000000e+01 : f32, 2, "{3, 4, 1, 1, 1, 1}", "{7, 3, 1, 1, 1, 1}",
// CHECK-SAME: "{2.3333333333333335e+00, 7.5000000000000000e-01, 1.0000000000000000e+00, 1.0000000000000000e+00, 1.0000000000000000e+00, 1.0000000000000000e+00}",
// CHECK-SAME: "{4.000000060e-01f, 6.000000238e-01f, 0.000000000e+00f, 0.000000000e+00f, 0.000000000e+00f, 0.000000000e+00f}", "{1.200000048e+00f, 1.700000048e+00f, 1.000000000e+00f, 1.000000000e+00f, 1.000000000e+00f, 1.000000000e+00f}"]
func.func @resize_crop(%x: tensor<3x4xf32>) -> tensor<7x3xf32> {
  %y = aidge.resize %x {coordinate_transform = #aidge<coordinate_transform tf_crop_and_resize>, mode = #aidge<resize_mode linear>, nearest_mode = #aidge<nearest_mode round_prefer_floor>, scales = array<f64: 2.3333333333333335, 0.75>, roi = array<f32: 0.4, 0.6, 1.2, 1.7>, extrapolation_value = 10.0 : f32} : tensor<3x4xf32> -> tensor<7x3xf32> loc("crop")
  return %y : tensor<7x3xf32>
}

// -----

// A transposed convolution runs channels last, like a convolution: its
// weight C x M/group x kH x kW is stored [in][kh][kw][out], and the window
// params are ConvParams' (the end pads are in the output size).
// CHECK-LABEL: aidge_export.graph @conv_transpose
// CHECK: aidge_export.kernel "ct" "aidge_cpp::conv_transpose_forward"
// CHECK-SAME: param_names = ["batch", "in_depth", "in_height", "in_width", "in_channels", "out_depth", "out_height", "out_width", "out_channels", "kernel_d", "stride_d", "dilation_d", "pad_front", "pad_back", "kernel_h", "kernel_w", "stride_h", "stride_w", "dilation_h", "dilation_w", "pad_top", "pad_left", "pad_bottom", "pad_right", "group", "act"]
// CHECK-SAME: params = [1, 1, 3, 3, 4, 1, 7, 8, 6, 1, 1, 1, 0, 0, 3, 2, 2, 3, 1, 1, 1, 0, 0, 0, 2, "aidge_cpp::kNoActivation"]
// CHECK-SAME: params_type = "aidge_cpp::ConvParams"
// CHECK-SAME: weights = [@ct_weights, @ct_biases]
// CHECK: aidge_export.weight @ct_weights = dense_resource<{{.*}}> : tensor<4x3x2x3xf32, #aidge<format nhwc>>
// CHECK: aidge_export.weight @ct_biases = dense<{{.*}}> : tensor<6xf32>
func.func @conv_transpose(%x: tensor<1x4x3x3xf32>) -> tensor<1x6x7x8xf32> {
  %w = aidge.producer dense<0.5> : tensor<4x3x3x2xf32>
  %b = aidge.producer dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]> : tensor<6xf32>
  %y = aidge.conv_transpose %x, %w, %b {dilations = array<i64: 1, 1>, group = 2 : i64, output_padding = array<i64: 1, 0>, pads = array<i64: 1, 0, 0, 0>, strides = array<i64: 2, 3>} : (tensor<1x4x3x3xf32>, tensor<4x3x3x2xf32>, tensor<6xf32>) -> tensor<1x6x7x8xf32> loc("ct")
  return %y : tensor<1x6x7x8xf32>
}

// -----

// 1-D: channels last (NWC), as a one-row 2-D window.
// CHECK-LABEL: aidge_export.graph @conv_transpose_1d
// CHECK: aidge_export.kernel "ct1" "aidge_cpp::conv_transpose_forward"
// CHECK-SAME: params = [1, 1, 1, 5, 2, 1, 1, 10, 3, 1, 1, 1, 0, 0, 1, 3, 1, 2, 1, 1, 0, 1, 0, 1, 1, "aidge_cpp::kNoActivation"]
// CHECK-SAME: weights = [@ct1_weights, "nullptr"]
func.func @conv_transpose_1d(%x: tensor<1x2x5xf32>) -> tensor<1x3x10xf32> {
  %w = aidge.producer dense<0.5> : tensor<2x3x3xf32>
  %y = aidge.conv_transpose %x, %w {dilations = array<i64: 1>, group = 1 : i64, output_padding = array<i64: 1>, pads = array<i64: 1, 1>, strides = array<i64: 2>} : (tensor<1x2x5xf32>, tensor<2x3x3xf32>) -> tensor<1x3x10xf32> loc("ct1")
  return %y : tensor<1x3x10xf32>
}

// -----

// 3-D: channels last (NDHWC), the weight [in][kd][kh][kw][out]; the depth
// axis in the *_d fields, then the 2-D window. D 3, k 2, s 2, pads 1 / 0,
// output_padding 1: 6; H 4, k 2, d 2, pads 0 / 1: 5; W 2, k 3, s 3,
// pads 1 / 1: 4.
// CHECK-LABEL: aidge_export.graph @conv_transpose_3d
// CHECK: aidge_export.kernel "ct3" "aidge_cpp::conv_transpose_forward" {headers = ["kernels/cpp/conv_transpose.hpp"],
// CHECK-SAME: kernel = "conv_transpose3d", lib = "cpp",
// CHECK-SAME: params = [1, 3, 4, 2, 4, 6, 5, 4, 4, 2, 2, 1, 1, 0, 2, 3, 1, 3, 2, 1, 0, 1, 1, 1, 2, "aidge_cpp::kNoActivation"]
// CHECK-SAME: weights = [@ct3_weights, "nullptr"]
// CHECK: aidge_export.weight @ct3_weights = dense_resource<{{.*}}> : tensor<4x2x2x3x2xf32, #aidge<format ndhwc>>
func.func @conv_transpose_3d(%x: tensor<1x4x3x4x2xf32>) -> tensor<1x4x6x5x4xf32> {
  %w = aidge.producer dense<0.5> : tensor<4x2x2x2x3xf32>
  %y = aidge.conv_transpose %x, %w {dilations = array<i64: 1, 2, 1>, group = 2 : i64, output_padding = array<i64: 1, 0, 0>, pads = array<i64: 1, 0, 1, 0, 1, 1>, strides = array<i64: 2, 1, 3>} : (tensor<1x4x3x4x2xf32>, tensor<4x2x2x2x3xf32>) -> tensor<1x4x6x5x4xf32> loc("ct3")
  return %y : tensor<1x4x6x5x4xf32>
}
