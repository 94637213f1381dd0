// RUN: aidge-opt %s --split-input-file --aidge-match-impl=lib=cpp_fast --aidge-schedule --aidge-plan-memory="wrapping=true inplace=false" --aidge-verify-memory | FileCheck %s

// cpp_fast's Winograd kernel writes four output rows from six input rows, before
// it has read the rows a ring would overwrite (its descriptor's
// outputMayWrapInput is false): with wrapping on, its output still takes
// its own 512 B after the input's 512 B.
// CHECK-LABEL: func @winograd_no_ring
// CHECK-SAME: aidge.peak_bytes = 1024 : i64
// CHECK: aidge.conv {{.*}}kernel = "conv_winograd2d"{{.*}}#aidge.mem_info<size = 32, stride = 32, length = 4, count = 4, offset = 512, cont_offset = 512, cont_size = 512, wrap_offset = 512, wrap_size = 0, reuse = none>]
func.func @winograd_no_ring(%x: tensor<1x4x4x8xf32, #aidge<format nhwc>>) -> tensor<1x4x4x8xf32, #aidge<format nhwc>> {
  %w = aidge.producer dense<1.0> : tensor<8x3x3x8xf32, #aidge<format nhwc>>
  %y = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x4x4x8xf32, #aidge<format nhwc>>, tensor<8x3x3x8xf32, #aidge<format nhwc>>) -> tensor<1x4x4x8xf32, #aidge<format nhwc>>
  return %y : tensor<1x4x4x8xf32, #aidge<format nhwc>>
}

// -----

// The same conv dilated (the blocked kernel, which consumes input rows in
// output-row order) wraps its output over the input rows it has consumed:
// 128 B less.
// CHECK-LABEL: func @blocked_ring
// CHECK-SAME: aidge.peak_bytes = 896 : i64
// CHECK: aidge.conv {{.*}}kernel = "conv_blocked2d"{{.*}}reuse = wrap>]
func.func @blocked_ring(%x: tensor<1x4x4x8xf32, #aidge<format nhwc>>) -> tensor<1x4x4x8xf32, #aidge<format nhwc>> {
  %w = aidge.producer dense<1.0> : tensor<8x3x3x8xf32, #aidge<format nhwc>>
  %y = aidge.conv %x, %w {dilations = array<i64: 2, 2>, group = 1 : i64, pads = array<i64: 2, 2, 2, 2>, strides = array<i64: 1, 1>} : (tensor<1x4x4x8xf32, #aidge<format nhwc>>, tensor<8x3x3x8xf32, #aidge<format nhwc>>) -> tensor<1x4x4x8xf32, #aidge<format nhwc>>
  return %y : tensor<1x4x4x8xf32, #aidge<format nhwc>>
}
