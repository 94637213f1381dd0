// RUN: aidge-opt %s | aidge-opt | FileCheck %s
// RUN: aidge-opt %s --mlir-print-op-generic | aidge-opt | FileCheck %s

// Round-trip of every aidge op. Each result type is the one that shape
// inference must give; the expected sizes were worked out by hand from the
// ONNX operator definitions (formulas in the comments).

//===----------------------------------------------------------------------===//
// Producers
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func @producer_dense
func.func @producer_dense() -> (tensor<2x3xf32>, tensor<4xf32>, tensor<2xi64>, tensor<i1>) {
  // CHECK: aidge.producer dense<{{\[\[}}1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00]]> : tensor<2x3xf32>
  %0 = aidge.producer dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  // CHECK: aidge.producer dense<5.000000e-01> : tensor<4xf32>
  %1 = aidge.producer dense<0.5> : tensor<4xf32>
  // CHECK: aidge.producer dense<[0, -2]> : tensor<2xi64>
  %2 = aidge.producer dense<[0, -2]> : tensor<2xi64>
  // CHECK: aidge.producer dense<true> : tensor<i1>
  %3 = aidge.producer dense<true> : tensor<i1>
  return %0, %1, %2, %3 : tensor<2x3xf32>, tensor<4xf32>, tensor<2xi64>, tensor<i1>
}

// CHECK-LABEL: func @producer_dense_resource
func.func @producer_dense_resource() -> tensor<2xf32> {
  // CHECK: aidge.producer dense_resource<weight_blob> : tensor<2xf32>
  %0 = aidge.producer dense_resource<weight_blob> : tensor<2xf32>
  return %0 : tensor<2xf32>
}

//===----------------------------------------------------------------------===//
// Convolutions: out = floor((in + pb + pe - d*(k-1) - 1) / s) + 1
//===----------------------------------------------------------------------===//

// (32 + 1 + 1 - 2 - 1) / 1 + 1 = 32
// CHECK-LABEL: func @conv2d_bias
func.func @conv2d_bias(%x: tensor<1x3x32x32xf32>, %w: tensor<8x3x3x3xf32>, %b: tensor<8xf32>) -> tensor<1x8x32x32xf32> {
  // CHECK: aidge.conv %arg0, %arg1, %arg2 {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x3x32x32xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x8x32x32xf32>
  %0 = aidge.conv %x, %w, %b {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x3x32x32xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x8x32x32xf32>
  return %0 : tensor<1x8x32x32xf32>
}

// H: (17 + 0 + 1 - 2*2 - 1) / 2 + 1 = 13/2 + 1 = 7
// W: (20 + 1 + 2 - 1*4 - 1) / 3 + 1 = 18/3 + 1 = 7
// CHECK-LABEL: func @conv2d_nobias_strided_dilated
func.func @conv2d_nobias_strided_dilated(%x: tensor<2x4x17x20xf32>, %w: tensor<6x4x3x5xf32>) -> tensor<2x6x7x7xf32> {
  // CHECK: aidge.conv %arg0, %arg1 {dilations = array<i64: 2, 1>, group = 1 : i64, pads = array<i64: 0, 1, 1, 2>, strides = array<i64: 2, 3>} : (tensor<2x4x17x20xf32>, tensor<6x4x3x5xf32>) -> tensor<2x6x7x7xf32>
  %0 = aidge.conv %x, %w {dilations = array<i64: 2, 1>, group = 1 : i64, pads = array<i64: 0, 1, 1, 2>, strides = array<i64: 2, 3>} : (tensor<2x4x17x20xf32>, tensor<6x4x3x5xf32>) -> tensor<2x6x7x7xf32>
  return %0 : tensor<2x6x7x7xf32>
}

// A grouped 3-D window over D x H x W:
// D: (5 + 1 + 1 - 3) / 2 + 1 = 3, H: (6 + 0 + 1 - 2*1 - 1) / 1 + 1 = 5,
// W: (7 + 1 + 0 - 3) / 2 + 1 = 3
// CHECK-LABEL: func @conv3d_grouped
func.func @conv3d_grouped(%x: tensor<1x4x5x6x7xf32>, %w: tensor<6x2x3x2x3xf32>) -> tensor<1x6x3x5x3xf32> {
  // CHECK: aidge.conv %arg0, %arg1 {{.*}}group = 2 : i64{{.*}} -> tensor<1x6x3x5x3xf32>
  %0 = aidge.conv %x, %w {dilations = array<i64: 1, 2, 1>, group = 2 : i64, pads = array<i64: 1, 0, 1, 1, 1, 0>, strides = array<i64: 2, 1, 2>} : (tensor<1x4x5x6x7xf32>, tensor<6x2x3x2x3xf32>) -> tensor<1x6x3x5x3xf32>
  return %0 : tensor<1x6x3x5x3xf32>
}

// (10 + 1 + 0 - 2 - 1) / 2 + 1 = 5
// CHECK-LABEL: func @conv1d_bias
func.func @conv1d_bias(%x: tensor<1x4x10xf32>, %w: tensor<8x4x3xf32>, %b: tensor<8xf32>) -> tensor<1x8x5xf32> {
  // CHECK: aidge.conv %arg0, %arg1, %arg2 {dilations = array<i64: 1>, group = 1 : i64, pads = array<i64: 1, 0>, strides = array<i64: 2>} : (tensor<1x4x10xf32>, tensor<8x4x3xf32>, tensor<8xf32>) -> tensor<1x8x5xf32>
  %0 = aidge.conv %x, %w, %b {dilations = array<i64: 1>, group = 1 : i64, pads = array<i64: 1, 0>, strides = array<i64: 2>} : (tensor<1x4x10xf32>, tensor<8x4x3xf32>, tensor<8xf32>) -> tensor<1x8x5xf32>
  return %0 : tensor<1x8x5xf32>
}

// (10 - 2*4 - 1) / 1 + 1 = 2
// CHECK-LABEL: func @conv1d_nobias_dilated
func.func @conv1d_nobias_dilated(%x: tensor<1x4x10xi8>, %w: tensor<2x4x5xi8>) -> tensor<1x2x2xi8> {
  // CHECK: aidge.conv %arg0, %arg1 {dilations = array<i64: 2>, group = 1 : i64, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<1x4x10xi8>, tensor<2x4x5xi8>) -> tensor<1x2x2xi8>
  %0 = aidge.conv %x, %w {dilations = array<i64: 2>, group = 1 : i64, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<1x4x10xi8>, tensor<2x4x5xi8>) -> tensor<1x2x2xi8>
  return %0 : tensor<1x2x2xi8>
}

// 8 input channels in 2 groups of 4; 16 output channels.
// CHECK-LABEL: func @conv2d_grouped
func.func @conv2d_grouped(%x: tensor<1x8x16x16xf32>, %w: tensor<16x4x3x3xf32>, %b: tensor<16xf32>) -> tensor<1x16x14x14xf32> {
  // CHECK: aidge.conv %arg0, %arg1, %arg2 {dilations = array<i64: 1, 1>, group = 2 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x8x16x16xf32>, tensor<16x4x3x3xf32>, tensor<16xf32>) -> tensor<1x16x14x14xf32>
  %0 = aidge.conv %x, %w, %b {dilations = array<i64: 1, 1>, group = 2 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x8x16x16xf32>, tensor<16x4x3x3xf32>, tensor<16xf32>) -> tensor<1x16x14x14xf32>
  return %0 : tensor<1x16x14x14xf32>
}

// Depthwise (group = C), then with a channel multiplier of 2.
// (16 + 2 - 2 - 1) / 2 + 1 = 8
// CHECK-LABEL: func @conv2d_depthwise
func.func @conv2d_depthwise(%x: tensor<1x8x16x16xf32>, %w: tensor<8x1x3x3xf32>, %b: tensor<8xf32>, %w2: tensor<16x1x3x3xf32>) -> (tensor<1x8x8x8xf32>, tensor<1x16x8x8xf32>) {
  // CHECK: aidge.conv %arg0, %arg1, %arg2 {dilations = array<i64: 1, 1>, group = 8 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x8x16x16xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>) -> tensor<1x8x8x8xf32>
  %0 = aidge.conv %x, %w, %b {dilations = array<i64: 1, 1>, group = 8 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x8x16x16xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>) -> tensor<1x8x8x8xf32>
  // CHECK: aidge.conv %arg0, %arg3 {dilations = array<i64: 1, 1>, group = 8 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x8x16x16xf32>, tensor<16x1x3x3xf32>) -> tensor<1x16x8x8xf32>
  %1 = aidge.conv %x, %w2 {dilations = array<i64: 1, 1>, group = 8 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x8x16x16xf32>, tensor<16x1x3x3xf32>) -> tensor<1x16x8x8xf32>
  return %0, %1 : tensor<1x8x8x8xf32>, tensor<1x16x8x8xf32>
}

// out = s*(in-1) + output_padding + d*(k-1) + 1 - pb - pe
// 2*4 + 1 + 2 + 1 - 1 - 1 = 10; weight is C x M/group x kH x kW.
// CHECK-LABEL: func @conv_transpose_bias
func.func @conv_transpose_bias(%x: tensor<1x4x5x5xf32>, %w: tensor<4x2x3x3xf32>, %b: tensor<2xf32>) -> tensor<1x2x10x10xf32> {
  // CHECK: aidge.conv_transpose %arg0, %arg1, %arg2 {dilations = array<i64: 1, 1>, group = 1 : i64, output_padding = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x4x5x5xf32>, tensor<4x2x3x3xf32>, tensor<2xf32>) -> tensor<1x2x10x10xf32>
  %0 = aidge.conv_transpose %x, %w, %b {dilations = array<i64: 1, 1>, group = 1 : i64, output_padding = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x4x5x5xf32>, tensor<4x2x3x3xf32>, tensor<2xf32>) -> tensor<1x2x10x10xf32>
  return %0 : tensor<1x2x10x10xf32>
}

// Grouped, dilated, no bias: M = 3 * 2 groups; H: 1*4 + 0 + 2*2 + 1 = 9;
// W: 3*4 + 1 + 2*2 + 1 - 2 - 0 = 16.
// CHECK-LABEL: func @conv_transpose_grouped_nobias
func.func @conv_transpose_grouped_nobias(%x: tensor<1x4x5x5xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x6x9x16xf32> {
  // CHECK: aidge.conv_transpose %arg0, %arg1 {dilations = array<i64: 2, 2>, group = 2 : i64, output_padding = array<i64: 0, 1>, pads = array<i64: 0, 2, 0, 0>, strides = array<i64: 1, 3>} : (tensor<1x4x5x5xf32>, tensor<4x3x3x3xf32>) -> tensor<1x6x9x16xf32>
  %0 = aidge.conv_transpose %x, %w {dilations = array<i64: 2, 2>, group = 2 : i64, output_padding = array<i64: 0, 1>, pads = array<i64: 0, 2, 0, 0>, strides = array<i64: 1, 3>} : (tensor<1x4x5x5xf32>, tensor<4x3x3x3xf32>) -> tensor<1x6x9x16xf32>
  return %0 : tensor<1x6x9x16xf32>
}

// 1-D: 2*(3-1) + 1 + 1*(3-1) + 1 - 1 - 0 = 7.
// CHECK-LABEL: func @conv_transpose_1d
func.func @conv_transpose_1d(%x: tensor<1x2x3xf32>, %w: tensor<2x4x3xf32>) -> tensor<1x4x7xf32> {
  // CHECK: aidge.conv_transpose %arg0, %arg1 {dilations = array<i64: 1>, group = 1 : i64, output_padding = array<i64: 1>, pads = array<i64: 1, 0>, strides = array<i64: 2>} : (tensor<1x2x3xf32>, tensor<2x4x3xf32>) -> tensor<1x4x7xf32>
  %0 = aidge.conv_transpose %x, %w {dilations = array<i64: 1>, group = 1 : i64, output_padding = array<i64: 1>, pads = array<i64: 1, 0>, strides = array<i64: 2>} : (tensor<1x2x3xf32>, tensor<2x4x3xf32>) -> tensor<1x4x7xf32>
  return %0 : tensor<1x4x7xf32>
}

// 3-D, grouped: M = 2 * 2 groups; D: 2*(3-1) + 1 + 1*(2-1) + 1 - 1 - 0 = 6;
// H: 1*(4-1) + 0 + 2*(2-1) + 1 - 0 - 1 = 5; W: 3*(2-1) + 0 + 1*(3-1) + 1 - 1 - 1 = 4.
// CHECK-LABEL: func @conv_transpose_3d
func.func @conv_transpose_3d(%x: tensor<1x4x3x4x2xf32>, %w: tensor<4x2x2x2x3xf32>) -> tensor<1x4x6x5x4xf32> {
  // CHECK: aidge.conv_transpose %arg0, %arg1 {dilations = array<i64: 1, 2, 1>, group = 2 : i64, output_padding = array<i64: 1, 0, 0>, pads = array<i64: 1, 0, 1, 0, 1, 1>, strides = array<i64: 2, 1, 3>} : (tensor<1x4x3x4x2xf32>, tensor<4x2x2x2x3xf32>) -> tensor<1x4x6x5x4xf32>
  %0 = aidge.conv_transpose %x, %w {dilations = array<i64: 1, 2, 1>, group = 2 : i64, output_padding = array<i64: 1, 0, 0>, pads = array<i64: 1, 0, 1, 0, 1, 1>, strides = array<i64: 2, 1, 3>} : (tensor<1x4x3x4x2xf32>, tensor<4x2x2x2x3xf32>) -> tensor<1x4x6x5x4xf32>
  return %0 : tensor<1x4x6x5x4xf32>
}

//===----------------------------------------------------------------------===//
// Dense layers
//===----------------------------------------------------------------------===//

// (4x8) x (16x8)^T + c -> 4x16
// CHECK-LABEL: func @fc_with_c
func.func @fc_with_c(%a: tensor<4x8xf32>, %b: tensor<16x8xf32>, %c: tensor<16xf32>, %c2: tensor<4x1xf32>) -> (tensor<4x16xf32>, tensor<4x16xf32>) {
  // CHECK: aidge.fc %arg0, %arg1, %arg2 {alpha = 1.000000e+00 : f32, beta = 1.000000e+00 : f32, trans_a = false, trans_b = true} : (tensor<4x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<4x16xf32>
  %0 = aidge.fc %a, %b, %c {alpha = 1.0 : f32, beta = 1.0 : f32, trans_a = false, trans_b = true} : (tensor<4x8xf32>, tensor<16x8xf32>, tensor<16xf32>) -> tensor<4x16xf32>
  // CHECK: aidge.fc %arg0, %arg1, %arg3 {alpha = 5.000000e-01 : f32, beta = 2.000000e+00 : f32, trans_a = false, trans_b = true} : (tensor<4x8xf32>, tensor<16x8xf32>, tensor<4x1xf32>) -> tensor<4x16xf32>
  %1 = aidge.fc %a, %b, %c2 {alpha = 0.5 : f32, beta = 2.0 : f32, trans_a = false, trans_b = true} : (tensor<4x8xf32>, tensor<16x8xf32>, tensor<4x1xf32>) -> tensor<4x16xf32>
  return %0, %1 : tensor<4x16xf32>, tensor<4x16xf32>
}

// (8x4)^T x (8x5) -> 4x5
// CHECK-LABEL: func @fc_without_c
func.func @fc_without_c(%a: tensor<8x4xf32>, %b: tensor<8x5xf32>) -> tensor<4x5xf32> {
  // CHECK: aidge.fc %arg0, %arg1 {alpha = 1.000000e+00 : f32, beta = 1.000000e+00 : f32, trans_a = true, trans_b = false} : (tensor<8x4xf32>, tensor<8x5xf32>) -> tensor<4x5xf32>
  %0 = aidge.fc %a, %b {alpha = 1.0 : f32, beta = 1.0 : f32, trans_a = true, trans_b = false} : (tensor<8x4xf32>, tensor<8x5xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// CHECK-LABEL: func @matmul
func.func @matmul(%a: tensor<3x4xf32>, %b: tensor<4x5xf32>, %c: tensor<2x1x3x4xf32>, %d: tensor<5x4x6xf32>, %v: tensor<4xf32>, %e: tensor<2x3x4xf32>) -> (tensor<3x5xf32>, tensor<2x5x3x6xf32>, tensor<5x6xf32>, tensor<2x3xf32>, tensor<f32>) {
  // CHECK: aidge.matmul %arg0, %arg1 : (tensor<3x4xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>
  %0 = aidge.matmul %a, %b : (tensor<3x4xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>
  // Batch dimensions [2, 1] and [5] broadcast to [2, 5].
  // CHECK: aidge.matmul %arg2, %arg3 : (tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32>
  %1 = aidge.matmul %c, %d : (tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32>
  // 1-D lhs: promoted to 1x4, the 1 removed again.
  // CHECK: aidge.matmul %arg4, %arg3 : (tensor<4xf32>, tensor<5x4x6xf32>) -> tensor<5x6xf32>
  %2 = aidge.matmul %v, %d : (tensor<4xf32>, tensor<5x4x6xf32>) -> tensor<5x6xf32>
  // 1-D rhs: promoted to 4x1, the 1 removed again.
  // CHECK: aidge.matmul %arg5, %arg4 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  %3 = aidge.matmul %e, %v : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  // CHECK: aidge.matmul %arg4, %arg4 : (tensor<4xf32>, tensor<4xf32>) -> tensor<f32>
  %4 = aidge.matmul %v, %v : (tensor<4xf32>, tensor<4xf32>) -> tensor<f32>
  return %0, %1, %2, %3, %4 : tensor<3x5xf32>, tensor<2x5x3x6xf32>, tensor<5x6xf32>, tensor<2x3xf32>, tensor<f32>
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

// (32 + 2 - 3) / 2 + 1 = 16
// CHECK-LABEL: func @max_pool
func.func @max_pool(%x: tensor<1x3x32x32xf32>) -> tensor<1x3x16x16xf32> {
  // CHECK: aidge.max_pool %arg0 {ceil_mode = false, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x3x32x32xf32>) -> tensor<1x3x16x16xf32>
  %0 = aidge.max_pool %x {ceil_mode = false, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x3x32x32xf32>) -> tensor<1x3x16x16xf32>
  return %0 : tensor<1x3x16x16xf32>
}

// ONNX's Indices output: i64, shaped like the output.
// CHECK-LABEL: func @max_pool_with_indices
func.func @max_pool_with_indices(%x: tensor<1x3x32x32xf32>) -> (tensor<1x3x16x16xf32>, tensor<1x3x16x16xi64>) {
  // CHECK: aidge.max_pool %arg0 {ceil_mode = false, column_major, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>, with_indices} : (tensor<1x3x32x32xf32>) -> (tensor<1x3x16x16xf32>, tensor<1x3x16x16xi64>)
  %0:2 = aidge.max_pool %x {ceil_mode = false, column_major, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>, with_indices} : (tensor<1x3x32x32xf32>) -> (tensor<1x3x16x16xf32>, tensor<1x3x16x16xi64>)
  return %0#0, %0#1 : tensor<1x3x16x16xf32>, tensor<1x3x16x16xi64>
}

// A 3-D window over D x H x W: (4 + 1 - 2) / 1 + 1 = 4, (6 - 3) / 2 + 1 = 2, (5 + 2 - 3) / 2 + 1 = 3.
// CHECK-LABEL: func @avg_pool_3d
func.func @avg_pool_3d(%x: tensor<1x2x4x6x5xf32>) -> tensor<1x2x4x2x3xf32> {
  // CHECK: aidge.avg_pool %arg0 {{.*}} -> tensor<1x2x4x2x3xf32>
  %0 = aidge.avg_pool %x {ceil_mode = false, count_include_pad = false, dilations = array<i64: 1, 1, 1>, kernel_shape = array<i64: 2, 3, 3>, pads = array<i64: 1, 0, 1, 0, 0, 1>, strides = array<i64: 1, 2, 2>} : (tensor<1x2x4x6x5xf32>) -> tensor<1x2x4x2x3xf32>
  return %0 : tensor<1x2x4x2x3xf32>
}

// ceil((6 - 3) / 2) + 1 = 3 (floor would give 2).
// CHECK-LABEL: func @max_pool_ceil
func.func @max_pool_ceil(%x: tensor<1x3x6x6xf32>) -> tensor<1x3x3x3xf32> {
  // CHECK: aidge.max_pool %arg0 {ceil_mode = true, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 3, 3>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : (tensor<1x3x6x6xf32>) -> tensor<1x3x3x3xf32>
  %0 = aidge.max_pool %x {ceil_mode = true, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 3, 3>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : (tensor<1x3x6x6xf32>) -> tensor<1x3x3x3xf32>
  return %0 : tensor<1x3x3x3xf32>
}

// 1-D, ceil mode: ceil((5 + 2 - 2) / 2) + 1 = 4, but the last window would
// start at 3*2 = 6 >= 5 + 1, inside the end padding, so it is dropped: 3.
// CHECK-LABEL: func @max_pool_1d_ceil_dropped_window
func.func @max_pool_1d_ceil_dropped_window(%x: tensor<1x2x5xf32>) -> tensor<1x2x3xf32> {
  // CHECK: aidge.max_pool %arg0 {ceil_mode = true, dilations = array<i64: 1>, kernel_shape = array<i64: 2>, pads = array<i64: 1, 1>, strides = array<i64: 2>} : (tensor<1x2x5xf32>) -> tensor<1x2x3xf32>
  %0 = aidge.max_pool %x {ceil_mode = true, dilations = array<i64: 1>, kernel_shape = array<i64: 2>, pads = array<i64: 1, 1>, strides = array<i64: 2>} : (tensor<1x2x5xf32>) -> tensor<1x2x3xf32>
  return %0 : tensor<1x2x3xf32>
}

// H: (7 - 2) / 1 + 1 = 6; W: (9 + 1 + 1 - 3) / 2 + 1 = 5
// CHECK-LABEL: func @avg_pool
func.func @avg_pool(%x: tensor<1x3x7x9xf32>) -> tensor<1x3x6x5xf32> {
  // CHECK: aidge.avg_pool %arg0 {ceil_mode = false, count_include_pad = true, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 2, 3>, pads = array<i64: 0, 1, 0, 1>, strides = array<i64: 1, 2>} : (tensor<1x3x7x9xf32>) -> tensor<1x3x6x5xf32>
  %0 = aidge.avg_pool %x {ceil_mode = false, count_include_pad = true, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 2, 3>, pads = array<i64: 0, 1, 0, 1>, strides = array<i64: 1, 2>} : (tensor<1x3x7x9xf32>) -> tensor<1x3x6x5xf32>
  return %0 : tensor<1x3x6x5xf32>
}

// 1-D, dilated: (11 - 2*2 - 1) / 3 + 1 = 3
// CHECK-LABEL: func @avg_pool_1d
func.func @avg_pool_1d(%x: tensor<2x4x11xf32>) -> tensor<2x4x3xf32> {
  // CHECK: aidge.avg_pool %arg0 {ceil_mode = false, count_include_pad = false, dilations = array<i64: 2>, kernel_shape = array<i64: 3>, pads = array<i64: 0, 0>, strides = array<i64: 3>} : (tensor<2x4x11xf32>) -> tensor<2x4x3xf32>
  %0 = aidge.avg_pool %x {ceil_mode = false, count_include_pad = false, dilations = array<i64: 2>, kernel_shape = array<i64: 3>, pads = array<i64: 0, 0>, strides = array<i64: 3>} : (tensor<2x4x11xf32>) -> tensor<2x4x3xf32>
  return %0 : tensor<2x4x3xf32>
}

// CHECK-LABEL: func @global_average_pool
func.func @global_average_pool(%x: tensor<1x3x7x9xf32>, %y: tensor<2x4x10xf32>) -> (tensor<1x3x1x1xf32>, tensor<2x4x1xf32>) {
  // CHECK: aidge.global_average_pool %arg0 : (tensor<1x3x7x9xf32>) -> tensor<1x3x1x1xf32>
  %0 = aidge.global_average_pool %x : (tensor<1x3x7x9xf32>) -> tensor<1x3x1x1xf32>
  // CHECK: aidge.global_average_pool %arg1 : (tensor<2x4x10xf32>) -> tensor<2x4x1xf32>
  %1 = aidge.global_average_pool %y : (tensor<2x4x10xf32>) -> tensor<2x4x1xf32>
  return %0, %1 : tensor<1x3x1x1xf32>, tensor<2x4x1xf32>
}

// CHECK-LABEL: func @global_max_pool
func.func @global_max_pool(%x: tensor<1x2x3x4x5xf32>) -> tensor<1x2x1x1x1xf32> {
  // CHECK: aidge.global_max_pool %arg0 : (tensor<1x2x3x4x5xf32>) -> tensor<1x2x1x1x1xf32>
  %0 = aidge.global_max_pool %x : (tensor<1x2x3x4x5xf32>) -> tensor<1x2x1x1x1xf32>
  return %0 : tensor<1x2x1x1x1xf32>
}

//===----------------------------------------------------------------------===//
// Element-wise unary ops
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func @relu
func.func @relu(%x: tensor<2x3xf32>, %i: tensor<4xi32>) -> (tensor<2x3xf32>, tensor<4xi32>) {
  // CHECK: aidge.relu %arg0 : tensor<2x3xf32>
  %0 = aidge.relu %x : tensor<2x3xf32>
  // CHECK: aidge.relu %arg1 : tensor<4xi32>
  %1 = aidge.relu %i : tensor<4xi32>
  return %0, %1 : tensor<2x3xf32>, tensor<4xi32>
}

// CHECK-LABEL: func @sigmoid
func.func @sigmoid(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: aidge.sigmoid %arg0 : tensor<2x3xf32>
  %0 = aidge.sigmoid %x : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func @tanh
func.func @tanh(%x: tensor<2x3xf16>) -> tensor<2x3xf16> {
  // CHECK: aidge.tanh %arg0 : tensor<2x3xf16>
  %0 = aidge.tanh %x : tensor<2x3xf16>
  return %0 : tensor<2x3xf16>
}

// CHECK-LABEL: func @hard_swish
func.func @hard_swish(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: aidge.hard_swish %arg0 : tensor<2x3xf32>
  %0 = aidge.hard_swish %x : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func @erf
func.func @erf(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: aidge.erf %arg0 : tensor<2x3xf32>
  %0 = aidge.erf %x : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func @exp
func.func @exp(%x: tensor<f32>) -> tensor<f32> {
  // CHECK: aidge.exp %arg0 : tensor<f32>
  %0 = aidge.exp %x : tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func @sqrt
func.func @sqrt(%x: tensor<2x3xbf16>) -> tensor<2x3xbf16> {
  // CHECK: aidge.sqrt %arg0 : tensor<2x3xbf16>
  %0 = aidge.sqrt %x : tensor<2x3xbf16>
  return %0 : tensor<2x3xbf16>
}

// CHECK-LABEL: func @abs
func.func @abs(%x: tensor<2x3xf32>, %i: tensor<5xi64>) -> (tensor<2x3xf32>, tensor<5xi64>) {
  // CHECK: aidge.abs %arg0 : tensor<2x3xf32>
  %0 = aidge.abs %x : tensor<2x3xf32>
  // CHECK: aidge.abs %arg1 : tensor<5xi64>
  %1 = aidge.abs %i : tensor<5xi64>
  return %0, %1 : tensor<2x3xf32>, tensor<5xi64>
}

// CHECK-LABEL: func @neg
func.func @neg(%x: tensor<2x3xf32>, %i: tensor<5xi8>) -> (tensor<2x3xf32>, tensor<5xi8>) {
  // CHECK: aidge.neg %arg0 : tensor<2x3xf32>
  %0 = aidge.neg %x : tensor<2x3xf32>
  // CHECK: aidge.neg %arg1 : tensor<5xi8>
  %1 = aidge.neg %i : tensor<5xi8>
  return %0, %1 : tensor<2x3xf32>, tensor<5xi8>
}

// CHECK-LABEL: func @identity
func.func @identity(%x: tensor<2x3xi1>) -> tensor<2x3xi1> {
  // CHECK: aidge.identity %arg0 : tensor<2x3xi1>
  %0 = aidge.identity %x : tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}

// CHECK-LABEL: func @leaky_relu
func.func @leaky_relu(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: aidge.leaky_relu %arg0 {alpha = 1.250000e-01 : f32} : tensor<2x3xf32>
  %0 = aidge.leaky_relu %x {alpha = 0.125 : f32} : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func @clip
func.func @clip(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  // CHECK: aidge.clip %arg0 {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32} : tensor<2x3xf32>
  %0 = aidge.clip %x {max = 6.0 : f32, min = 0.0 : f32} : tensor<2x3xf32>
  // CHECK: aidge.clip %arg0 {min = -1.000000e+00 : f32} : tensor<2x3xf32>
  %1 = aidge.clip %x {min = -1.0 : f32} : tensor<2x3xf32>
  // CHECK: aidge.clip %arg0 {max = 1.000000e+00 : f32} : tensor<2x3xf32>
  %2 = aidge.clip %x {max = 1.0 : f32} : tensor<2x3xf32>
  // CHECK: aidge.clip %arg0 : tensor<2x3xf32>
  %3 = aidge.clip %x : tensor<2x3xf32>
  // min == max is allowed.
  // CHECK: aidge.clip %arg0 {max = 2.000000e+00 : f32, min = 2.000000e+00 : f32} : tensor<2x3xf32>
  %4 = aidge.clip %x {max = 2.0 : f32, min = 2.0 : f32} : tensor<2x3xf32>
  return %0, %1, %2, %3, %4 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

// CHECK-LABEL: func @hard_sigmoid
func.func @hard_sigmoid(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // CHECK: aidge.hard_sigmoid %arg0 {alpha = 2.500000e-01 : f32, beta = 5.000000e-01 : f32} : tensor<2x3xf32>
  %0 = aidge.hard_sigmoid %x {alpha = 0.25 : f32, beta = 0.5 : f32} : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func @softmax
func.func @softmax(%x: tensor<2x3x4xf32>) -> (tensor<2x3x4xf32>, tensor<2x3x4xf32>) {
  // CHECK: aidge.softmax %arg0 {axis = 0 : i64} : tensor<2x3x4xf32>
  %0 = aidge.softmax %x {axis = 0 : i64} : tensor<2x3x4xf32>
  // CHECK: aidge.softmax %arg0 {axis = 2 : i64} : tensor<2x3x4xf32>
  %1 = aidge.softmax %x {axis = 2 : i64} : tensor<2x3x4xf32>
  return %0, %1 : tensor<2x3x4xf32>, tensor<2x3x4xf32>
}

//===----------------------------------------------------------------------===//
// Binary broadcasting ops
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func @add
func.func @add(%a: tensor<2x3x4xf32>, %b: tensor<4xf32>, %i: tensor<3xi32>, %j: tensor<3xi32>) -> (tensor<2x3x4xf32>, tensor<3xi32>) {
  // CHECK: aidge.add %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  %0 = aidge.add %a, %b : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  // CHECK: aidge.add %arg2, %arg3 : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
  %1 = aidge.add %i, %j : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xi32>
  return %0, %1 : tensor<2x3x4xf32>, tensor<3xi32>
}

// Both operands broadcast: 3x1 and 1x4 give 3x4.
// CHECK-LABEL: func @sub
func.func @sub(%a: tensor<3x1xf32>, %b: tensor<1x4xf32>) -> tensor<3x4xf32> {
  // CHECK: aidge.sub %arg0, %arg1 : (tensor<3x1xf32>, tensor<1x4xf32>) -> tensor<3x4xf32>
  %0 = aidge.sub %a, %b : (tensor<3x1xf32>, tensor<1x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// The lower-rank operand is on the left: 5x1 with 2x1x6 gives 2x5x6.
// CHECK-LABEL: func @mul
func.func @mul(%a: tensor<5x1xf32>, %b: tensor<2x1x6xf32>) -> tensor<2x5x6xf32> {
  // CHECK: aidge.mul %arg0, %arg1 : (tensor<5x1xf32>, tensor<2x1x6xf32>) -> tensor<2x5x6xf32>
  %0 = aidge.mul %a, %b : (tensor<5x1xf32>, tensor<2x1x6xf32>) -> tensor<2x5x6xf32>
  return %0 : tensor<2x5x6xf32>
}

// CHECK-LABEL: func @div
func.func @div(%a: tensor<2x3xf32>, %b: tensor<f32>) -> tensor<2x3xf32> {
  // CHECK: aidge.div %arg0, %arg1 : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %0 = aidge.div %a, %b : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// The exponent may have another element type; the result has the base's.
// CHECK-LABEL: func @pow
func.func @pow(%a: tensor<2x3xf32>, %b: tensor<3xi32>, %c: tensor<1xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>) {
  // CHECK: aidge.pow %arg0, %arg1 : (tensor<2x3xf32>, tensor<3xi32>) -> tensor<2x3xf32>
  %0 = aidge.pow %a, %b : (tensor<2x3xf32>, tensor<3xi32>) -> tensor<2x3xf32>
  // CHECK: aidge.pow %arg0, %arg2 : (tensor<2x3xf32>, tensor<1xf32>) -> tensor<2x3xf32>
  %1 = aidge.pow %a, %c : (tensor<2x3xf32>, tensor<1xf32>) -> tensor<2x3xf32>
  return %0, %1 : tensor<2x3xf32>, tensor<2x3xf32>
}

// CHECK-LABEL: func @max
func.func @max(%a: tensor<1x3xf32>, %b: tensor<2x1xf32>) -> tensor<2x3xf32> {
  // CHECK: aidge.max %arg0, %arg1 : (tensor<1x3xf32>, tensor<2x1xf32>) -> tensor<2x3xf32>
  %0 = aidge.max %a, %b : (tensor<1x3xf32>, tensor<2x1xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func @min
func.func @min(%a: tensor<4x2x3xi64>, %b: tensor<2x1xi64>) -> tensor<4x2x3xi64> {
  // CHECK: aidge.min %arg0, %arg1 : (tensor<4x2x3xi64>, tensor<2x1xi64>) -> tensor<4x2x3xi64>
  %0 = aidge.min %a, %b : (tensor<4x2x3xi64>, tensor<2x1xi64>) -> tensor<4x2x3xi64>
  return %0 : tensor<4x2x3xi64>
}

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func @batch_norm
func.func @batch_norm(%x: tensor<2x4x8x8xf32>, %s: tensor<4xf32>, %b: tensor<4xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>, %y: tensor<3x4xf32>) -> (tensor<2x4x8x8xf32>, tensor<3x4xf32>) {
  // CHECK: aidge.batch_norm %arg0, %arg1, %arg2, %arg3, %arg4 {epsilon = 9.99999974E-6 : f32} : (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x4x8x8xf32>
  %0 = aidge.batch_norm %x, %s, %b, %m, %v {epsilon = 1.0e-5 : f32} : (tensor<2x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x4x8x8xf32>
  // CHECK: aidge.batch_norm %arg5, %arg1, %arg2, %arg3, %arg4 {epsilon = 0.000000e+00 : f32} : (tensor<3x4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<3x4xf32>
  %1 = aidge.batch_norm %y, %s, %b, %m, %v {epsilon = 0.0 : f32} : (tensor<3x4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<3x4xf32>
  return %0, %1 : tensor<2x4x8x8xf32>, tensor<3x4xf32>
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func @concat
func.func @concat(%a: tensor<1x2x4xf32>, %b: tensor<1x3x4xf32>, %c: tensor<1x1x4xf32>) -> (tensor<1x6x4xf32>, tensor<1x2x4xf32>, tensor<1x2x8xf32>) {
  // CHECK: aidge.concat %arg0, %arg1, %arg2 {axis = 1 : i64} : (tensor<1x2x4xf32>, tensor<1x3x4xf32>, tensor<1x1x4xf32>) -> tensor<1x6x4xf32>
  %0 = aidge.concat %a, %b, %c {axis = 1 : i64} : (tensor<1x2x4xf32>, tensor<1x3x4xf32>, tensor<1x1x4xf32>) -> tensor<1x6x4xf32>
  // CHECK: aidge.concat %arg0 {axis = 0 : i64} : (tensor<1x2x4xf32>) -> tensor<1x2x4xf32>
  %1 = aidge.concat %a {axis = 0 : i64} : (tensor<1x2x4xf32>) -> tensor<1x2x4xf32>
  // CHECK: aidge.concat %arg0, %arg0 {axis = 2 : i64} : (tensor<1x2x4xf32>, tensor<1x2x4xf32>) -> tensor<1x2x8xf32>
  %2 = aidge.concat %a, %a {axis = 2 : i64} : (tensor<1x2x4xf32>, tensor<1x2x4xf32>) -> tensor<1x2x8xf32>
  return %0, %1, %2 : tensor<1x6x4xf32>, tensor<1x2x4xf32>, tensor<1x2x8xf32>
}

// Output dimension i is input dimension perm[i].
// CHECK-LABEL: func @transpose
func.func @transpose(%x: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
  // CHECK: aidge.transpose %arg0 {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  %0 = aidge.transpose %x {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  return %0 : tensor<4x2x3xf32>
}

// CHECK-LABEL: func @reshape
func.func @reshape(%x: tensor<2x3x4xf32>) -> (tensor<6x4xf32>, tensor<24xf32>, tensor<1x1xf32>) {
  // CHECK: aidge.reshape %arg0 : tensor<2x3x4xf32> -> tensor<6x4xf32>
  %0 = aidge.reshape %x : tensor<2x3x4xf32> -> tensor<6x4xf32>
  // CHECK: aidge.reshape %arg0 : tensor<2x3x4xf32> -> tensor<24xf32>
  %1 = aidge.reshape %x : tensor<2x3x4xf32> -> tensor<24xf32>
  %c = aidge.producer dense<1.0> : tensor<f32>
  // CHECK: aidge.reshape %{{.*}} : tensor<f32> -> tensor<1x1xf32>
  %2 = aidge.reshape %c : tensor<f32> -> tensor<1x1xf32>
  return %0, %1, %2 : tensor<6x4xf32>, tensor<24xf32>, tensor<1x1xf32>
}

// CHECK-LABEL: func @flatten
func.func @flatten(%x: tensor<2x3x4xf32>) -> (tensor<2x12xf32>, tensor<1x24xf32>, tensor<24x1xf32>, tensor<6x4xf32>) {
  // CHECK: aidge.flatten %arg0 {axis = 1 : i64} : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
  %0 = aidge.flatten %x {axis = 1 : i64} : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
  // CHECK: aidge.flatten %arg0 {axis = 0 : i64} : (tensor<2x3x4xf32>) -> tensor<1x24xf32>
  %1 = aidge.flatten %x {axis = 0 : i64} : (tensor<2x3x4xf32>) -> tensor<1x24xf32>
  // CHECK: aidge.flatten %arg0 {axis = 3 : i64} : (tensor<2x3x4xf32>) -> tensor<24x1xf32>
  %2 = aidge.flatten %x {axis = 3 : i64} : (tensor<2x3x4xf32>) -> tensor<24x1xf32>
  // CHECK: aidge.flatten %arg0 {axis = 2 : i64} : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  %3 = aidge.flatten %x {axis = 2 : i64} : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  return %0, %1, %2, %3 : tensor<2x12xf32>, tensor<1x24xf32>, tensor<24x1xf32>, tensor<6x4xf32>
}

// CHECK-LABEL: func @squeeze
func.func @squeeze(%x: tensor<1x3x1x4xf32>, %y: tensor<1xf32>) -> (tensor<3x4xf32>, tensor<1x3x4xf32>, tensor<f32>) {
  // CHECK: aidge.squeeze %arg0 {axes = array<i64: 0, 2>} : (tensor<1x3x1x4xf32>) -> tensor<3x4xf32>
  %0 = aidge.squeeze %x {axes = array<i64: 0, 2>} : (tensor<1x3x1x4xf32>) -> tensor<3x4xf32>
  // CHECK: aidge.squeeze %arg0 {axes = array<i64: 2>} : (tensor<1x3x1x4xf32>) -> tensor<1x3x4xf32>
  %1 = aidge.squeeze %x {axes = array<i64: 2>} : (tensor<1x3x1x4xf32>) -> tensor<1x3x4xf32>
  // CHECK: aidge.squeeze %arg1 {axes = array<i64: 0>} : (tensor<1xf32>) -> tensor<f32>
  %2 = aidge.squeeze %y {axes = array<i64: 0>} : (tensor<1xf32>) -> tensor<f32>
  return %0, %1, %2 : tensor<3x4xf32>, tensor<1x3x4xf32>, tensor<f32>
}

// Axes are numbered in the output.
// CHECK-LABEL: func @unsqueeze
func.func @unsqueeze(%x: tensor<3x4xf32>, %s: tensor<f32>) -> (tensor<1x3x4x1xf32>, tensor<3x1x1x4xf32>, tensor<1xf32>) {
  // CHECK: aidge.unsqueeze %arg0 {axes = array<i64: 0, 3>} : (tensor<3x4xf32>) -> tensor<1x3x4x1xf32>
  %0 = aidge.unsqueeze %x {axes = array<i64: 0, 3>} : (tensor<3x4xf32>) -> tensor<1x3x4x1xf32>
  // CHECK: aidge.unsqueeze %arg0 {axes = array<i64: 1, 2>} : (tensor<3x4xf32>) -> tensor<3x1x1x4xf32>
  %1 = aidge.unsqueeze %x {axes = array<i64: 1, 2>} : (tensor<3x4xf32>) -> tensor<3x1x1x4xf32>
  // CHECK: aidge.unsqueeze %arg1 {axes = array<i64: 0>} : (tensor<f32>) -> tensor<1xf32>
  %2 = aidge.unsqueeze %s {axes = array<i64: 0>} : (tensor<f32>) -> tensor<1xf32>
  return %0, %1, %2 : tensor<1x3x4x1xf32>, tensor<3x1x1x4xf32>, tensor<1xf32>
}

// pads: begin pads of every dimension, then end pads.
// CHECK-LABEL: func @pad_constant
func.func @pad_constant(%x: tensor<1x3x4x4xf32>, %y: tensor<4x4xf32>) -> (tensor<1x3x8x10xf32>, tensor<3x6xf32>) {
  // CHECK: aidge.pad %arg0 {mode = #aidge<pad_mode constant>, pads = array<i64: 0, 0, 1, 2, 0, 0, 3, 4>, value = 0.000000e+00 : f32} : (tensor<1x3x4x4xf32>) -> tensor<1x3x8x10xf32>
  %0 = aidge.pad %x {mode = #aidge<pad_mode constant>, pads = array<i64: 0, 0, 1, 2, 0, 0, 3, 4>, value = 0.0 : f32} : (tensor<1x3x4x4xf32>) -> tensor<1x3x8x10xf32>
  // Negative pads crop: 4 - 1 + 0 = 3, 4 + 0 + 2 = 6.
  // CHECK: aidge.pad %arg1 {mode = #aidge<pad_mode constant>, pads = array<i64: -1, 0, 0, 2>, value = -1.500000e+00 : f32} : (tensor<4x4xf32>) -> tensor<3x6xf32>
  %1 = aidge.pad %y {mode = #aidge<pad_mode constant>, pads = array<i64: -1, 0, 0, 2>, value = -1.5 : f32} : (tensor<4x4xf32>) -> tensor<3x6xf32>
  return %0, %1 : tensor<1x3x8x10xf32>, tensor<3x6xf32>
}

// Reflect pads must stay below the dimension size (4 < 5 here).
// CHECK-LABEL: func @pad_reflect
func.func @pad_reflect(%x: tensor<2x5xf32>) -> tensor<2x11xf32> {
  // CHECK: aidge.pad %arg0 {mode = #aidge<pad_mode reflect>, pads = array<i64: 0, 2, 0, 4>, value = 0.000000e+00 : f32} : (tensor<2x5xf32>) -> tensor<2x11xf32>
  %0 = aidge.pad %x {mode = #aidge<pad_mode reflect>, pads = array<i64: 0, 2, 0, 4>, value = 0.0 : f32} : (tensor<2x5xf32>) -> tensor<2x11xf32>
  return %0 : tensor<2x11xf32>
}

// CHECK-LABEL: func @pad_edge
func.func @pad_edge(%x: tensor<1x3xf32>) -> tensor<3x8xf32> {
  // CHECK: aidge.pad %arg0 {mode = #aidge<pad_mode edge>, pads = array<i64: 1, 5, 1, 0>, value = 0.000000e+00 : f32} : (tensor<1x3xf32>) -> tensor<3x8xf32>
  %0 = aidge.pad %x {mode = #aidge<pad_mode edge>, pads = array<i64: 1, 5, 1, 0>, value = 0.0 : f32} : (tensor<1x3xf32>) -> tensor<3x8xf32>
  return %0 : tensor<3x8xf32>
}

// size = max(0, ceil((end - start) / step))
// CHECK-LABEL: func @slice
func.func @slice(%x: tensor<10x8xf32>) -> (tensor<5x2xf32>, tensor<10x4xf32>, tensor<0x8xf32>) {
  // Negative step down to "before index 0": ceil((9 - -1) / 2) = 5; ceil((7 - 1) / 3) = 2.
  // CHECK: aidge.slice %arg0 {ends = array<i64: -1, 7>, starts = array<i64: 9, 1>, steps = array<i64: -2, 3>} : (tensor<10x8xf32>) -> tensor<5x2xf32>
  %0 = aidge.slice %x {ends = array<i64: -1, 7>, starts = array<i64: 9, 1>, steps = array<i64: -2, 3>} : (tensor<10x8xf32>) -> tensor<5x2xf32>
  // ceil((10 - 0) / 1) = 10; ceil((0 - 7) / -2) = ceil(7 / 2) = 4.
  // CHECK: aidge.slice %arg0 {ends = array<i64: 10, 0>, starts = array<i64: 0, 7>, steps = array<i64: 1, -2>} : (tensor<10x8xf32>) -> tensor<10x4xf32>
  %1 = aidge.slice %x {ends = array<i64: 10, 0>, starts = array<i64: 0, 7>, steps = array<i64: 1, -2>} : (tensor<10x8xf32>) -> tensor<10x4xf32>
  // An empty slice (end before start with a positive step).
  // CHECK: aidge.slice %arg0 {ends = array<i64: 2, 8>, starts = array<i64: 5, 0>, steps = array<i64: 1, 1>} : (tensor<10x8xf32>) -> tensor<0x8xf32>
  %2 = aidge.slice %x {ends = array<i64: 2, 8>, starts = array<i64: 5, 0>, steps = array<i64: 1, 1>} : (tensor<10x8xf32>) -> tensor<0x8xf32>
  return %0, %1, %2 : tensor<5x2xf32>, tensor<10x4xf32>, tensor<0x8xf32>
}

// Negative steps start at most at dim - 1 (the last element); an end equal
// to the size with a negative step is an empty slice.
// CHECK-LABEL: func @slice_negative_step_bounds
func.func @slice_negative_step_bounds(%x: tensor<4x3xf32>) -> (tensor<4x3xf32>, tensor<0x3xf32>) {
  // CHECK: aidge.slice %arg0 {ends = array<i64: -1, 3>, starts = array<i64: 3, 0>, steps = array<i64: -1, 1>} : (tensor<4x3xf32>) -> tensor<4x3xf32>
  %0 = aidge.slice %x {ends = array<i64: -1, 3>, starts = array<i64: 3, 0>, steps = array<i64: -1, 1>} : (tensor<4x3xf32>) -> tensor<4x3xf32>
  // CHECK: aidge.slice %arg0 {ends = array<i64: 4, 3>, starts = array<i64: 4, 0>, steps = array<i64: -1, 1>} : (tensor<4x3xf32>) -> tensor<0x3xf32>
  %1 = aidge.slice %x {ends = array<i64: 4, 3>, starts = array<i64: 4, 0>, steps = array<i64: -1, 1>} : (tensor<4x3xf32>) -> tensor<0x3xf32>
  return %0, %1 : tensor<4x3xf32>, tensor<0x3xf32>
}

// CHECK-LABEL: func @split
func.func @split(%x: tensor<2x10xf32>) -> (tensor<2x3xf32>, tensor<2x7xf32>, tensor<1x10xf32>, tensor<1x10xf32>) {
  // CHECK: aidge.split %arg0 {axis = 1 : i64, split = array<i64: 3, 7>} : (tensor<2x10xf32>) -> (tensor<2x3xf32>, tensor<2x7xf32>)
  %0:2 = aidge.split %x {axis = 1 : i64, split = array<i64: 3, 7>} : (tensor<2x10xf32>) -> (tensor<2x3xf32>, tensor<2x7xf32>)
  // CHECK: aidge.split %arg0 {axis = 0 : i64, split = array<i64: 1, 1>} : (tensor<2x10xf32>) -> (tensor<1x10xf32>, tensor<1x10xf32>)
  %1:2 = aidge.split %x {axis = 0 : i64, split = array<i64: 1, 1>} : (tensor<2x10xf32>) -> (tensor<1x10xf32>, tensor<1x10xf32>)
  return %0#0, %0#1, %1#0, %1#1 : tensor<2x3xf32>, tensor<2x7xf32>, tensor<1x10xf32>, tensor<1x10xf32>
}

// output = data.shape[:axis] + indices.shape + data.shape[axis+1:]
// CHECK-LABEL: func @gather
func.func @gather(%data: tensor<5x4x3xf32>, %idx: tensor<2x2xi64>, %s: tensor<i32>) -> (tensor<5x2x2x3xf32>, tensor<4x3xf32>, tensor<5x4x2x2xf32>) {
  // CHECK: aidge.gather %arg0, %arg1 {axis = 1 : i64} : (tensor<5x4x3xf32>, tensor<2x2xi64>) -> tensor<5x2x2x3xf32>
  %0 = aidge.gather %data, %idx {axis = 1 : i64} : (tensor<5x4x3xf32>, tensor<2x2xi64>) -> tensor<5x2x2x3xf32>
  // A scalar index removes the axis.
  // CHECK: aidge.gather %arg0, %arg2 {axis = 0 : i64} : (tensor<5x4x3xf32>, tensor<i32>) -> tensor<4x3xf32>
  %1 = aidge.gather %data, %s {axis = 0 : i64} : (tensor<5x4x3xf32>, tensor<i32>) -> tensor<4x3xf32>
  // CHECK: aidge.gather %arg0, %arg1 {axis = 2 : i64} : (tensor<5x4x3xf32>, tensor<2x2xi64>) -> tensor<5x4x2x2xf32>
  %2 = aidge.gather %data, %idx {axis = 2 : i64} : (tensor<5x4x3xf32>, tensor<2x2xi64>) -> tensor<5x4x2x2xf32>
  return %0, %1, %2 : tensor<5x2x2x3xf32>, tensor<4x3xf32>, tensor<5x4x2x2xf32>
}

// CHECK-LABEL: func @reduce_mean
func.func @reduce_mean(%x: tensor<2x3x4x5xf32>) -> (tensor<2x1x1x5xf32>, tensor<2x5xf32>) {
  // CHECK: aidge.reduce_mean %arg0 {axes = array<i64: 1, 2>, keepdims = true} : (tensor<2x3x4x5xf32>) -> tensor<2x1x1x5xf32>
  %0 = aidge.reduce_mean %x {axes = array<i64: 1, 2>, keepdims = true} : (tensor<2x3x4x5xf32>) -> tensor<2x1x1x5xf32>
  // CHECK: aidge.reduce_mean %arg0 {axes = array<i64: 1, 2>, keepdims = false} : (tensor<2x3x4x5xf32>) -> tensor<2x5xf32>
  %1 = aidge.reduce_mean %x {axes = array<i64: 1, 2>, keepdims = false} : (tensor<2x3x4x5xf32>) -> tensor<2x5xf32>
  return %0, %1 : tensor<2x1x1x5xf32>, tensor<2x5xf32>
}

// CHECK-LABEL: func @reduce_sum
func.func @reduce_sum(%x: tensor<2x3x4x5xf32>) -> (tensor<1x3x4x1xf32>, tensor<3x4xf32>) {
  // CHECK: aidge.reduce_sum %arg0 {axes = array<i64: 0, 3>, keepdims = true} : (tensor<2x3x4x5xf32>) -> tensor<1x3x4x1xf32>
  %0 = aidge.reduce_sum %x {axes = array<i64: 0, 3>, keepdims = true} : (tensor<2x3x4x5xf32>) -> tensor<1x3x4x1xf32>
  // CHECK: aidge.reduce_sum %arg0 {axes = array<i64: 0, 3>, keepdims = false} : (tensor<2x3x4x5xf32>) -> tensor<3x4xf32>
  %1 = aidge.reduce_sum %x {axes = array<i64: 0, 3>, keepdims = false} : (tensor<2x3x4x5xf32>) -> tensor<3x4xf32>
  return %0, %1 : tensor<1x3x4x1xf32>, tensor<3x4xf32>
}

// CHECK-LABEL: func @reduce_max
func.func @reduce_max(%x: tensor<2x3x4xi32>) -> (tensor<1x1x1xi32>, tensor<i32>) {
  // CHECK: aidge.reduce_max %arg0 {axes = array<i64: 0, 1, 2>, keepdims = true} : (tensor<2x3x4xi32>) -> tensor<1x1x1xi32>
  %0 = aidge.reduce_max %x {axes = array<i64: 0, 1, 2>, keepdims = true} : (tensor<2x3x4xi32>) -> tensor<1x1x1xi32>
  // CHECK: aidge.reduce_max %arg0 {axes = array<i64: 0, 1, 2>, keepdims = false} : (tensor<2x3x4xi32>) -> tensor<i32>
  %1 = aidge.reduce_max %x {axes = array<i64: 0, 1, 2>, keepdims = false} : (tensor<2x3x4xi32>) -> tensor<i32>
  return %0, %1 : tensor<1x1x1xi32>, tensor<i32>
}

// output = floor(input * scale)
// CHECK-LABEL: func @resize_nearest
func.func @resize_nearest(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x8x8xf32> {
  // CHECK: aidge.resize %arg0 {coordinate_transform = #aidge<coordinate_transform asymmetric>, mode = #aidge<resize_mode nearest>, nearest_mode = #aidge<nearest_mode floor>, scales = array<f64: 1.000000e+00, 1.000000e+00, 2.000000e+00, 2.000000e+00>} : tensor<1x3x4x4xf32> -> tensor<1x3x8x8xf32>
  %0 = aidge.resize %x {coordinate_transform = #aidge<coordinate_transform asymmetric>, mode = #aidge<resize_mode nearest>, nearest_mode = #aidge<nearest_mode floor>, scales = array<f64: 1.0, 1.0, 2.0, 2.0>} : tensor<1x3x4x4xf32> -> tensor<1x3x8x8xf32>
  return %0 : tensor<1x3x8x8xf32>
}

// floor(5 * 1.5) = 7; floor(6 * 0.5) = 3
// CHECK-LABEL: func @resize_linear
func.func @resize_linear(%x: tensor<1x1x5x6xf32>) -> tensor<1x1x7x3xf32> {
  // CHECK: aidge.resize %arg0 {coordinate_transform = #aidge<coordinate_transform half_pixel>, mode = #aidge<resize_mode linear>, nearest_mode = #aidge<nearest_mode round_prefer_floor>, scales = array<f64: 1.000000e+00, 1.000000e+00, 1.500000e+00, 5.000000e-01>} : tensor<1x1x5x6xf32> -> tensor<1x1x7x3xf32>
  %0 = aidge.resize %x {coordinate_transform = #aidge<coordinate_transform half_pixel>, mode = #aidge<resize_mode linear>, nearest_mode = #aidge<nearest_mode round_prefer_floor>, scales = array<f64: 1.0, 1.0, 1.5, 0.5>} : tensor<1x1x5x6xf32> -> tensor<1x1x7x3xf32>
  return %0 : tensor<1x1x7x3xf32>
}

// Sizes given at import become output / input scales (7/3 here, in
// double): 3 * 2.3333333333333335 is 7.
// CHECK-LABEL: func @resize_from_sizes
func.func @resize_from_sizes(%x: tensor<1x1x3x3xf32>) -> tensor<1x1x7x7xf32> {
  // CHECK: aidge.resize %arg0 {coordinate_transform = #aidge<coordinate_transform align_corners>, mode = #aidge<resize_mode linear>, nearest_mode = #aidge<nearest_mode round_prefer_ceil>, scales = array<f64: 1.000000e+00, 1.000000e+00, 2.3333333333333335, 2.3333333333333335>} : tensor<1x1x3x3xf32> -> tensor<1x1x7x7xf32>
  %0 = aidge.resize %x {coordinate_transform = #aidge<coordinate_transform align_corners>, mode = #aidge<resize_mode linear>, nearest_mode = #aidge<nearest_mode round_prefer_ceil>, scales = array<f64: 1.0, 1.0, 2.3333333333333335, 2.3333333333333335>} : tensor<1x1x3x3xf32> -> tensor<1x1x7x7xf32>
  return %0 : tensor<1x1x7x7xf32>
}

// Float scales as a model gives them (float(7/3) = 2.33333325): 3 times
// it is just below 7, and the declared size 7 is accepted.
// CHECK-LABEL: func @resize_float_scales
func.func @resize_float_scales(%x: tensor<1x1x3x3xf32>) -> tensor<1x1x7x7xf32> {
  // CHECK: scales = array<f64: 1.000000e+00, 1.000000e+00, 2.3333332538604736, 2.3333332538604736>
  %0 = aidge.resize %x {coordinate_transform = #aidge<coordinate_transform half_pixel>, mode = #aidge<resize_mode nearest>, nearest_mode = #aidge<nearest_mode floor>, scales = array<f64: 1.0, 1.0, 2.3333332538604736, 2.3333332538604736>} : tensor<1x1x3x3xf32> -> tensor<1x1x7x7xf32>
  return %0 : tensor<1x1x7x7xf32>
}

// Cubic: cubic_coeff_a and exclude_outside are printed unless they are
// their defaults (-0.75, false).
// CHECK-LABEL: func @resize_cubic
func.func @resize_cubic(%x: tensor<1x1x4x4xf32>) -> (tensor<1x1x8x8xf32>, tensor<1x1x3x3xf32>) {
  // CHECK: aidge.resize %arg0 {coordinate_transform = #aidge<coordinate_transform half_pixel>, cubic_coeff_a = -5.000000e-01 : f32, exclude_outside = true, mode = #aidge<resize_mode cubic>, nearest_mode = #aidge<nearest_mode round_prefer_floor>, scales = array<f64: 1.000000e+00, 1.000000e+00, 2.000000e+00, 2.000000e+00>} : tensor<1x1x4x4xf32> -> tensor<1x1x8x8xf32>
  %0 = aidge.resize %x {coordinate_transform = #aidge<coordinate_transform half_pixel>, mode = #aidge<resize_mode cubic>, nearest_mode = #aidge<nearest_mode round_prefer_floor>, scales = array<f64: 1.0, 1.0, 2.0, 2.0>, cubic_coeff_a = -0.5 : f32, exclude_outside = true} : tensor<1x1x4x4xf32> -> tensor<1x1x8x8xf32>
  // CHECK: aidge.resize %arg0 {coordinate_transform = #aidge<coordinate_transform pytorch_half_pixel>, mode = #aidge<resize_mode cubic>, nearest_mode = #aidge<nearest_mode round_prefer_floor>, scales = array<f64: 1.000000e+00, 1.000000e+00, 7.500000e-01, 7.500000e-01>} : tensor<1x1x4x4xf32> -> tensor<1x1x3x3xf32>
  %1 = aidge.resize %x {coordinate_transform = #aidge<coordinate_transform pytorch_half_pixel>, mode = #aidge<resize_mode cubic>, nearest_mode = #aidge<nearest_mode round_prefer_floor>, scales = array<f64: 1.0, 1.0, 0.75, 0.75>, cubic_coeff_a = -0.75 : f32, exclude_outside = false} : tensor<1x1x4x4xf32> -> tensor<1x1x3x3xf32>
  return %0, %1 : tensor<1x1x8x8xf32>, tensor<1x1x3x3xf32>
}

// tf_crop_and_resize has a roi (starts, then ends) and an extrapolation
// value; tf_half_pixel_for_nn is ONNX opset 11's.
// CHECK-LABEL: func @resize_tf
func.func @resize_tf(%x: tensor<1x1x4x4xf32>) -> (tensor<1x1x3x3xf32>, tensor<1x1x3x2xf32>) {
  // CHECK: aidge.resize %arg0 {coordinate_transform = #aidge<coordinate_transform tf_crop_and_resize>, extrapolation_value = 1.000000e+01 : f32, mode = #aidge<resize_mode linear>, nearest_mode = #aidge<nearest_mode round_prefer_floor>, roi = array<f32: 0.000000e+00, 0.000000e+00, 4.000000e-01, 6.000000e-01, 1.000000e+00, 1.000000e+00, 1.200000e+00, 1.700000e+00>, scales = array<f64: 1.000000e+00, 1.000000e+00, 7.500000e-01, 7.500000e-01>} : tensor<1x1x4x4xf32> -> tensor<1x1x3x3xf32>
  %0 = aidge.resize %x {coordinate_transform = #aidge<coordinate_transform tf_crop_and_resize>, mode = #aidge<resize_mode linear>, nearest_mode = #aidge<nearest_mode round_prefer_floor>, scales = array<f64: 1.0, 1.0, 0.75, 0.75>, roi = array<f32: 0.0, 0.0, 0.4, 0.6, 1.0, 1.0, 1.2, 1.7>, extrapolation_value = 10.0 : f32} : tensor<1x1x4x4xf32> -> tensor<1x1x3x3xf32>
  // CHECK: aidge.resize %arg0 {coordinate_transform = #aidge<coordinate_transform tf_half_pixel_for_nn>, mode = #aidge<resize_mode nearest>, nearest_mode = #aidge<nearest_mode round_prefer_floor>, scales = array<f64: 1.000000e+00, 1.000000e+00, 7.500000e-01, 5.000000e-01>} : tensor<1x1x4x4xf32> -> tensor<1x1x3x2xf32>
  %1 = aidge.resize %x {coordinate_transform = #aidge<coordinate_transform tf_half_pixel_for_nn>, mode = #aidge<resize_mode nearest>, nearest_mode = #aidge<nearest_mode round_prefer_floor>, scales = array<f64: 1.0, 1.0, 0.75, 0.5>} : tensor<1x1x4x4xf32> -> tensor<1x1x3x2xf32>
  return %0, %1 : tensor<1x1x3x3xf32>, tensor<1x1x3x2xf32>
}

// CHECK-LABEL: func @cast
func.func @cast(%x: tensor<2x3xf32>, %y: tensor<4xi64>) -> (tensor<2x3xi32>, tensor<4xf16>, tensor<2x3xf32>) {
  // CHECK: aidge.cast %arg0 : tensor<2x3xf32> to tensor<2x3xi32>
  %0 = aidge.cast %x : tensor<2x3xf32> to tensor<2x3xi32>
  // CHECK: aidge.cast %arg1 : tensor<4xi64> to tensor<4xf16>
  %1 = aidge.cast %y : tensor<4xi64> to tensor<4xf16>
  // CHECK: aidge.cast %arg0 : tensor<2x3xf32> to tensor<2x3xf32>
  %2 = aidge.cast %x : tensor<2x3xf32> to tensor<2x3xf32>
  return %0, %1, %2 : tensor<2x3xi32>, tensor<4xf16>, tensor<2x3xf32>
}

// The blob of @producer_dense_resource: alignment 4, then 1.0 and 2.0.
// CHECK: {-#
// CHECK-NEXT: dialect_resources: {
// CHECK-NEXT: builtin: {
// CHECK-NEXT: weight_blob: "0x040000000000803F00000040"
{-#
  dialect_resources: {
    builtin: {
      weight_blob: "0x040000000000803F00000040"
    }
  }
#-}
