// RUN: aidge-opt %s --split-input-file --aidge-match-impl --aidge-schedule --aidge-plan-memory --aidge-lower-to-export | FileCheck %s

// Constant weights are packed at export time for the kernel that wants
// them (ExportLib's WeightPacking); weights computed at run time keep the
// generic kernels.

// A conv with constant weights runs the blocked kernel; its weight
// [2][1][2][1] ([out][kh][kw][in]) = {1, 2 | 3, 4} becomes one block of 16
// output channels per (tap, input channel), [1][1][2][16]:
// {1, 3, 0 x 14 | 2, 4, 0 x 14}.
// CHECK-LABEL: aidge_export.graph @blocked
// CHECK: aidge_export.kernel "conv" "aidge_cpp::convolution_blocked_forward" {headers = ["kernels/cpp/convolution_blocked.hpp"]
// CHECK-SAME: kernel = "conv_blocked2d"
// CHECK-SAME: weights = [@conv_weights, "nullptr"]
// CHECK: aidge_export.weight @conv_weights = dense_resource<[[BLOB:conv_weights[_0-9]*]]> : tensor<1x1x2x16xf32> align = 64
// CHECK: [[BLOB]]: "0x040000000000803F00004040{{0+}}0000004000008040{{0+}}"
func.func @blocked(%x: tensor<1x2x3x1xf32, #aidge<format nhwc>>) -> tensor<1x2x2x2xf32, #aidge<format nhwc>> {
  %w = aidge.producer dense<[[[[1.0], [2.0]]], [[[3.0], [4.0]]]]> : tensor<2x1x2x1xf32, #aidge<format nhwc>>
  %y = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x3x1xf32, #aidge<format nhwc>>, tensor<2x1x2x1xf32, #aidge<format nhwc>>) -> tensor<1x2x2x2xf32, #aidge<format nhwc>> loc("conv")
  return %y : tensor<1x2x2x2xf32, #aidge<format nhwc>>
}

// -----

// A grouped conv packs each group's output channels in their own blocks:
// group 2, 1 output channel and 2 input channels per group, [2][1][2][16].
// CHECK-LABEL: aidge_export.graph @grouped
// CHECK: kernel = "conv_blocked2d"
// CHECK: aidge_export.weight @grouped_weights = dense_resource<[[BLOB:grouped_weights[_0-9]*]]> : tensor<2x1x2x16xf32>
// CHECK: [[BLOB]]: "0x040000000000803F{{0+}}00000040{{0+}}"
func.func @grouped(%x: tensor<1x2x2x4xf32, #aidge<format nhwc>>) -> tensor<1x2x2x2xf32, #aidge<format nhwc>> {
  %w = aidge.producer dense<[[[[1.0, 0.0]]], [[[2.0, 0.0]]]]> : tensor<2x1x1x2xf32, #aidge<format nhwc>>
  %y = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 2 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x2x4xf32, #aidge<format nhwc>>, tensor<2x1x1x2xf32, #aidge<format nhwc>>) -> tensor<1x2x2x2xf32, #aidge<format nhwc>> loc("grouped")
  return %y : tensor<1x2x2x2xf32, #aidge<format nhwc>>
}

// -----

// A depthwise conv runs the taps-major kernel: [2][1][2][1] = {1, 2 | 3, 4}
// becomes [kh][kw][channels] = {1, 3 | 2, 4}.
// CHECK-LABEL: aidge_export.graph @depthwise
// CHECK: aidge_export.kernel "dw" "aidge_cpp::convolution_depthwise_packed_forward" {headers = ["kernels/cpp/convolution_depthwise.hpp"]
// CHECK-SAME: kernel = "conv_depthwise_packed2d"
// CHECK: aidge_export.weight @dw_weights = dense<{{\[\[\[\[}}1.000000e+00, 3.000000e+00], [2.000000e+00, 4.000000e+00]]]]> : tensor<1x1x2x2xf32>
func.func @depthwise(%x: tensor<1x2x3x2xf32, #aidge<format nhwc>>) -> tensor<1x2x2x2xf32, #aidge<format nhwc>> {
  %w = aidge.producer dense<[[[[1.0], [2.0]]], [[[3.0], [4.0]]]]> : tensor<2x1x2x1xf32, #aidge<format nhwc>>
  %y = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 2 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x3x2xf32, #aidge<format nhwc>>, tensor<2x1x2x1xf32, #aidge<format nhwc>>) -> tensor<1x2x2x2xf32, #aidge<format nhwc>> loc("dw")
  return %y : tensor<1x2x2x2xf32, #aidge<format nhwc>>
}

// -----

// A conv whose weights are computed at run time keeps the generic kernel,
// reading them from the arena as they are.
// CHECK-LABEL: aidge_export.graph @runtime
// CHECK: aidge_export.kernel "conv" "aidge_cpp::convolution_forward"
// CHECK-SAME: kernel = "conv2d"
// CHECK-SAME: weights = [#aidge.mem_info
func.func @runtime(%x: tensor<1x2x3x1xf32, #aidge<format nhwc>>, %w: tensor<2x1x2x1xf32, #aidge<format nhwc>>) -> tensor<1x2x2x2xf32, #aidge<format nhwc>> {
  %y = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x3x1xf32, #aidge<format nhwc>>, tensor<2x1x2x1xf32, #aidge<format nhwc>>) -> tensor<1x2x2x2xf32, #aidge<format nhwc>> loc("conv")
  return %y : tensor<1x2x2x2xf32, #aidge<format nhwc>>
}

// -----

// A dense layer 3 x 2 (K) by b [K][N] = {1, 2 | 3, 4} + beta 2 * c {1, 0.5}
// runs as the 1x1 blocked convolution of a 1 x 3 x 2 image: b packed by
// output columns [1][1][K][16] = {1, 2, 0 x 14 | 3, 4, 0 x 14}, beta
// folded into the bias {2, 1}.
// CHECK-LABEL: aidge_export.graph @dense
// CHECK: aidge_export.kernel "dense" "aidge_cpp::convolution_blocked_forward"
// CHECK-SAME: kernel = "fc_blocked"
// CHECK-SAME: params = [1, 1, 1, 3, 2, 1, 1, 3, 2, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, "aidge_cpp::kNoActivation"]
// CHECK-SAME: params_type = "aidge_cpp::ConvParams"
// CHECK-SAME: weights = [@dense_weights, @dense_biases]
// CHECK-DAG: aidge_export.weight @dense_weights = dense_resource<[[BLOB:dense_weights[_0-9]*]]> : tensor<1x1x2x16xf32>
// CHECK-DAG: aidge_export.weight @dense_biases = dense<[2.000000e+00, 1.000000e+00]> : tensor<2xf32>
// CHECK: [[BLOB]]: "0x040000000000803F00000040{{0+}}0000404000008040{{0+}}"
func.func @dense(%x: tensor<3x2xf32>) -> tensor<3x2xf32> {
  %w = aidge.producer dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %c = aidge.producer dense<[1.0, 0.5]> : tensor<2xf32>
  %y = aidge.fc %x, %w, %c {alpha = 1.0 : f32, beta = 2.0 : f32, trans_a = false, trans_b = false} : (tensor<3x2xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<3x2xf32> loc("dense")
  return %y : tensor<3x2xf32>
}

// -----

// alpha != 1 (and a transposed a, or a bias per row) keeps the generic
// dense kernel and its weights as stored.
// CHECK-LABEL: aidge_export.graph @scaled
// CHECK: aidge_export.kernel "dense" "aidge_cpp::fullyconnected_forward"
// CHECK-SAME: kernel = "fc"
// CHECK: aidge_export.weight @dense_weights = dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
func.func @scaled(%x: tensor<3x2xf32>) -> tensor<3x2xf32> {
  %w = aidge.producer dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %y = aidge.fc %x, %w {alpha = 0.5 : f32, beta = 1.0 : f32, trans_a = false, trans_b = false} : (tensor<3x2xf32>, tensor<2x2xf32>) -> tensor<3x2xf32> loc("dense")
  return %y : tensor<3x2xf32>
}
