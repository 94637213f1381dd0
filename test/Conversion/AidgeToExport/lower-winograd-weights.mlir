// RUN: aidge-opt %s --aidge-match-impl=lib=cpp_fast --aidge-schedule --aidge-plan-memory --aidge-lower-to-export | FileCheck %s

// In cpp_fast, a 3x3 conv of 8 input channels runs Winograd's F(4x4, 3x3)
// on weights transformed at export time, U = G g G^T, packed
// [1][36][8][16]. Its only
// non-zero tap is the centre of input channel 0 for output channel 0, so
// U = G[:, 1] G[:, 1]^T with G[:, 1] = {0, -1/6, 1/6, 1/12, -1/12, 0}:
// points 0 to 6 are zero, point 7 (1, 1) is 1/36 and point 8 (1, 2) -1/36,
// each at channel 0 of its 8 x 16 block.
// CHECK-LABEL: aidge_export.graph @winograd
// CHECK: aidge_export.kernel "wino" "aidge_cpp::convolution_winograd_forward" {headers = ["kernels/cpp/convolution_winograd.hpp"]
// CHECK-SAME: kernel = "conv_winograd2d"
// CHECK: aidge_export.weight @wino_weights = dense_resource<[[BLOB:wino_weights[_0-9]*]]> : tensor<1x36x8x16xf32> align = 64
// CHECK: [[BLOB]]: "0x04000000{{((00000000){224}){4}3}}98EE33C{{(00000000){127}3}}98EE3BC
func.func @winograd(%x: tensor<1x4x4x8xf32, #aidge<format nhwc>>) -> tensor<1x4x4x1xf32, #aidge<format nhwc>> {
  %w = aidge.producer dense<[[[[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]], [[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]], [[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]]]]> : tensor<1x3x3x8xf32, #aidge<format nhwc>>
  %y = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x4x4x8xf32, #aidge<format nhwc>>, tensor<1x3x3x8xf32, #aidge<format nhwc>>) -> tensor<1x4x4x1xf32, #aidge<format nhwc>> loc("wino")
  return %y : tensor<1x4x4x1xf32, #aidge<format nhwc>>
}
