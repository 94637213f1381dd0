// RUN: aidge-opt %s --aidge-fuse --split-input-file | FileCheck %s
// RUN: aidge-opt %s --aidge-fuse --split-input-file --mlir-print-debuginfo --mlir-print-local-scope | FileCheck %s --check-prefix=LOC

//===----------------------------------------------------------------------===//
// Pad into conv / avg_pool
//===----------------------------------------------------------------------===//

// The pad's spatial pads are added to the conv's own (begin H, W, end H, W).
// CHECK-LABEL: func.func @pad_into_conv
// CHECK-NOT: aidge.pad
// CHECK: aidge.conv %arg0, %{{.*}} {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 3, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x6xf32>
func.func @pad_into_conv(%arg0: tensor<1x1x4x4xf32>) -> tensor<1x1x4x6xf32> {
  %0 = aidge.pad %arg0 {pads = array<i64: 0, 0, 1, 2, 0, 0, 0, 1>, mode = #aidge<pad_mode constant>, value = 0.0 : f32} : (tensor<1x1x4x4xf32>) -> tensor<1x1x5x7xf32>
  %w = aidge.producer dense<1.0> : tensor<1x1x3x3xf32>
  %1 = aidge.conv %0, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 1, 1, 0>, group = 1 : i64} : (tensor<1x1x5x7xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x6xf32>
  return %1 : tensor<1x1x4x6xf32>
}

// -----

// NHWC: the pads are in the stored order (N, H, W, C).
// CHECK-LABEL: func.func @pad_into_conv_nhwc
// CHECK-NOT: aidge.pad
// CHECK: aidge.conv %arg0, %{{.*}} {{{.*}}pads = array<i64: 1, 2, 0, 1>{{.*}}} : (tensor<1x4x4x1xf32, #aidge<format nhwc>>, tensor<1x1x3x3xf32>) -> tensor<1x3x5x1xf32, #aidge<format nhwc>>
func.func @pad_into_conv_nhwc(%arg0: tensor<1x4x4x1xf32, #aidge<format nhwc>>) -> tensor<1x3x5x1xf32, #aidge<format nhwc>> {
  %0 = aidge.pad %arg0 {pads = array<i64: 0, 1, 2, 0, 0, 0, 1, 0>, mode = #aidge<pad_mode constant>, value = 0.0 : f32} : (tensor<1x4x4x1xf32, #aidge<format nhwc>>) -> tensor<1x5x7x1xf32, #aidge<format nhwc>>
  %w = aidge.producer dense<1.0> : tensor<1x1x3x3xf32>
  %1 = aidge.conv %0, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1 : i64} : (tensor<1x5x7x1xf32, #aidge<format nhwc>>, tensor<1x1x3x3xf32>) -> tensor<1x3x5x1xf32, #aidge<format nhwc>>
  return %1 : tensor<1x3x5x1xf32, #aidge<format nhwc>>
}

// -----

// No own pads: the explicit zeros were counted, so count_include_pad = true.
// CHECK-LABEL: func.func @pad_into_avg_pool
// CHECK-NOT: aidge.pad
// CHECK: aidge.avg_pool %arg0 {ceil_mode = false, count_include_pad = true, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32>
func.func @pad_into_avg_pool(%arg0: tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32> {
  %0 = aidge.pad %arg0 {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>, mode = #aidge<pad_mode constant>, value = 0.0 : f32} : (tensor<1x1x4x4xf32>) -> tensor<1x1x6x6xf32>
  %1 = aidge.avg_pool %0 {kernel_shape = array<i64: 3, 3>, strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, ceil_mode = false, count_include_pad = false} : (tensor<1x1x6x6xf32>) -> tensor<1x1x4x4xf32>
  return %1 : tensor<1x1x4x4xf32>
}

// -----

// Own pads that count: they add up.
// CHECK-LABEL: func.func @pad_into_avg_pool_counting_own_pads
// CHECK-NOT: aidge.pad
// CHECK: aidge.avg_pool %arg0 {{{.*}}count_include_pad = true{{.*}}pads = array<i64: 2, 1, 1, 2>{{.*}}} : (tensor<1x1x4x4xf32>) -> tensor<1x1x5x5xf32>
func.func @pad_into_avg_pool_counting_own_pads(%arg0: tensor<1x1x4x4xf32>) -> tensor<1x1x5x5xf32> {
  %0 = aidge.pad %arg0 {pads = array<i64: 0, 0, 1, 0, 0, 0, 0, 1>, mode = #aidge<pad_mode constant>, value = 0.0 : f32} : (tensor<1x1x4x4xf32>) -> tensor<1x1x5x5xf32>
  %1 = aidge.avg_pool %0 {kernel_shape = array<i64: 3, 3>, strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, ceil_mode = false, count_include_pad = true} : (tensor<1x1x5x5xf32>) -> tensor<1x1x5x5xf32>
  return %1 : tensor<1x1x5x5xf32>
}

// -----

// A pad that pads nothing is folded away, the avg_pool keeps its attributes.
// CHECK-LABEL: func.func @empty_pad_before_avg_pool
// CHECK-NOT: aidge.pad
// CHECK: aidge.avg_pool %arg0 {ceil_mode = false, count_include_pad = false,
func.func @empty_pad_before_avg_pool(%arg0: tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32> {
  %0 = aidge.pad %arg0 {pads = array<i64: 0, 0, 0, 0, 0, 0, 0, 0>, mode = #aidge<pad_mode constant>, value = 0.0 : f32} : (tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32>
  %1 = aidge.avg_pool %0 {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, ceil_mode = false, count_include_pad = false} : (tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>
  return %1 : tensor<1x1x2x2xf32>
}

// -----

// Negative: padding with a non-zero value.
// CHECK-LABEL: func.func @no_pad_fusion_nonzero_value
// CHECK: %[[P:.*]] = aidge.pad %arg0
// CHECK: aidge.conv %[[P]], {{.*}}pads = array<i64: 0, 0, 0, 0>
func.func @no_pad_fusion_nonzero_value(%arg0: tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32> {
  %0 = aidge.pad %arg0 {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>, mode = #aidge<pad_mode constant>, value = 1.0 : f32} : (tensor<1x1x4x4xf32>) -> tensor<1x1x6x6xf32>
  %w = aidge.producer dense<1.0> : tensor<1x1x3x3xf32>
  %1 = aidge.conv %0, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1 : i64} : (tensor<1x1x6x6xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  return %1 : tensor<1x1x4x4xf32>
}

// -----

// Negative: -0.0 is not the conv's +0.0 padding (the sign of a zero sum).
// CHECK-LABEL: func.func @no_pad_fusion_negative_zero
// CHECK: %[[P:.*]] = aidge.pad %arg0
// CHECK: aidge.conv %[[P]]
func.func @no_pad_fusion_negative_zero(%arg0: tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32> {
  %0 = aidge.pad %arg0 {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>, mode = #aidge<pad_mode constant>, value = -0.0 : f32} : (tensor<1x1x4x4xf32>) -> tensor<1x1x6x6xf32>
  %w = aidge.producer dense<1.0> : tensor<1x1x3x3xf32>
  %1 = aidge.conv %0, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1 : i64} : (tensor<1x1x6x6xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  return %1 : tensor<1x1x4x4xf32>
}

// -----

// Negative: reflect padding.
// CHECK-LABEL: func.func @no_pad_fusion_reflect
// CHECK: %[[P:.*]] = aidge.pad %arg0 {{.*}}pad_mode reflect
// CHECK: aidge.conv %[[P]]
func.func @no_pad_fusion_reflect(%arg0: tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32> {
  %0 = aidge.pad %arg0 {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>, mode = #aidge<pad_mode reflect>, value = 0.0 : f32} : (tensor<1x1x4x4xf32>) -> tensor<1x1x6x6xf32>
  %w = aidge.producer dense<1.0> : tensor<1x1x3x3xf32>
  %1 = aidge.conv %0, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1 : i64} : (tensor<1x1x6x6xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  return %1 : tensor<1x1x4x4xf32>
}

// -----

// Negative: padding the channel dimension.
// CHECK-LABEL: func.func @no_pad_fusion_channel_dim
// CHECK: %[[P:.*]] = aidge.pad %arg0
// CHECK: aidge.conv %[[P]]
func.func @no_pad_fusion_channel_dim(%arg0: tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32> {
  %0 = aidge.pad %arg0 {pads = array<i64: 0, 1, 0, 0, 0, 0, 0, 0>, mode = #aidge<pad_mode constant>, value = 0.0 : f32} : (tensor<1x1x4x4xf32>) -> tensor<1x2x4x4xf32>
  %w = aidge.producer dense<1.0> : tensor<1x2x3x3xf32>
  %1 = aidge.conv %0, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1 : i64} : (tensor<1x2x4x4xf32>, tensor<1x2x3x3xf32>) -> tensor<1x1x2x2xf32>
  return %1 : tensor<1x1x2x2xf32>
}

// -----

// Negative: a negative pad crops.
// CHECK-LABEL: func.func @no_pad_fusion_crop
// CHECK: %[[P:.*]] = aidge.pad %arg0
// CHECK: aidge.conv %[[P]]
func.func @no_pad_fusion_crop(%arg0: tensor<1x1x4x4xf32>) -> tensor<1x1x2x3xf32> {
  %0 = aidge.pad %arg0 {pads = array<i64: 0, 0, -1, 1, 0, 0, 0, 0>, mode = #aidge<pad_mode constant>, value = 0.0 : f32} : (tensor<1x1x4x4xf32>) -> tensor<1x1x3x5xf32>
  %w = aidge.producer dense<1.0> : tensor<1x1x2x3xf32>
  %1 = aidge.conv %0, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1 : i64} : (tensor<1x1x3x5xf32>, tensor<1x1x2x3xf32>) -> tensor<1x1x2x3xf32>
  return %1 : tensor<1x1x2x3xf32>
}

// -----

// Negative: max_pool pads with -inf, not zero.
// CHECK-LABEL: func.func @no_pad_fusion_max_pool
// CHECK: %[[P:.*]] = aidge.pad %arg0
// CHECK: aidge.max_pool %[[P]] {{.*}}pads = array<i64: 0, 0, 0, 0>
func.func @no_pad_fusion_max_pool(%arg0: tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32> {
  %0 = aidge.pad %arg0 {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>, mode = #aidge<pad_mode constant>, value = 0.0 : f32} : (tensor<1x1x4x4xf32>) -> tensor<1x1x6x6xf32>
  %1 = aidge.max_pool %0 {kernel_shape = array<i64: 3, 3>, strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, ceil_mode = false} : (tensor<1x1x6x6xf32>) -> tensor<1x1x4x4xf32>
  return %1 : tensor<1x1x4x4xf32>
}

// -----

// Negative: the avg_pool's own pads are not counted, the explicit zeros are.
// CHECK-LABEL: func.func @no_pad_fusion_avg_pool_exclude_pad
// CHECK: %[[P:.*]] = aidge.pad %arg0
// CHECK: aidge.avg_pool %[[P]] {{.*}}count_include_pad = false
func.func @no_pad_fusion_avg_pool_exclude_pad(%arg0: tensor<1x1x4x4xf32>) -> tensor<1x1x6x6xf32> {
  %0 = aidge.pad %arg0 {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>, mode = #aidge<pad_mode constant>, value = 0.0 : f32} : (tensor<1x1x4x4xf32>) -> tensor<1x1x6x6xf32>
  %1 = aidge.avg_pool %0 {kernel_shape = array<i64: 3, 3>, strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, ceil_mode = false, count_include_pad = false} : (tensor<1x1x6x6xf32>) -> tensor<1x1x6x6xf32>
  return %1 : tensor<1x1x6x6xf32>
}

// -----

// Negative: ceil_mode.
// CHECK-LABEL: func.func @no_pad_fusion_avg_pool_ceil_mode
// CHECK: %[[P:.*]] = aidge.pad %arg0
// CHECK: aidge.avg_pool %[[P]] {ceil_mode = true
func.func @no_pad_fusion_avg_pool_ceil_mode(%arg0: tensor<1x1x4x4xf32>) -> tensor<1x1x3x3xf32> {
  %0 = aidge.pad %arg0 {pads = array<i64: 0, 0, 1, 1, 0, 0, 0, 0>, mode = #aidge<pad_mode constant>, value = 0.0 : f32} : (tensor<1x1x4x4xf32>) -> tensor<1x1x5x5xf32>
  %1 = aidge.avg_pool %0 {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, ceil_mode = true, count_include_pad = true} : (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>
  return %1 : tensor<1x1x3x3xf32>
}

// -----

// Negative: the summed pads would not be smaller than the kernel.
// CHECK-LABEL: func.func @no_pad_fusion_avg_pool_pads_reach_kernel
// CHECK: %[[P:.*]] = aidge.pad %arg0
// CHECK: aidge.avg_pool %[[P]]
func.func @no_pad_fusion_avg_pool_pads_reach_kernel(%arg0: tensor<1x1x4x4xf32>) -> tensor<1x1x5x3xf32> {
  %0 = aidge.pad %arg0 {pads = array<i64: 0, 0, 2, 0, 0, 0, 0, 0>, mode = #aidge<pad_mode constant>, value = 0.0 : f32} : (tensor<1x1x4x4xf32>) -> tensor<1x1x6x4xf32>
  %1 = aidge.avg_pool %0 {kernel_shape = array<i64: 2, 2>, strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, ceil_mode = false, count_include_pad = true} : (tensor<1x1x6x4xf32>) -> tensor<1x1x5x3xf32>
  return %1 : tensor<1x1x5x3xf32>
}

//===----------------------------------------------------------------------===//
// Batch norm into conv / fc
//===----------------------------------------------------------------------===//

// -----

// s = scale / sqrt(var + eps) = [3, 0.5] / sqrt([3, 0] + 1) = [1.5, 0.5]
// w' = w * s[m]                    = [1.5, 3, 1.5, 2]
// b' = (b - mean) * s + beta       = [(0.5 - 0.25) * 1.5 + 1, (-1 - 1) * 0.5 - 1]
//                                  = [1.375, -2]
// CHECK-LABEL: func.func @bn_into_conv
// CHECK-DAG: %[[W:.*]] = aidge.producer dense<{{\[\[\[\[}}1.500000e+00, 3.000000e+00]]], {{\[\[\[}}1.500000e+00, 2.000000e+00]]]]> : tensor<2x1x1x2xf32>
// CHECK-DAG: %[[B:.*]] = aidge.producer dense<[1.375000e+00, -2.000000e+00]> : tensor<2xf32>
// CHECK: %[[C:.*]] = aidge.conv %arg0, %[[W]], %[[B]] {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x1x3x3xf32>, tensor<2x1x1x2xf32>, tensor<2xf32>) -> tensor<1x2x3x2xf32>
// CHECK-NOT: aidge.batch_norm
// CHECK: return %[[C]]
func.func @bn_into_conv(%arg0: tensor<1x1x3x3xf32>) -> tensor<1x2x3x2xf32> {
  %w = aidge.producer dense<[[[[1.0, 2.0]]], [[[3.0, 4.0]]]]> : tensor<2x1x1x2xf32>
  %b = aidge.producer dense<[0.5, -1.0]> : tensor<2xf32>
  %scale = aidge.producer dense<[3.0, 0.5]> : tensor<2xf32>
  %beta = aidge.producer dense<[1.0, -1.0]> : tensor<2xf32>
  %mean = aidge.producer dense<[0.25, 1.0]> : tensor<2xf32>
  %var = aidge.producer dense<[3.0, 0.0]> : tensor<2xf32>
  %0 = aidge.conv %arg0, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1 : i64} : (tensor<1x1x3x3xf32>, tensor<2x1x1x2xf32>, tensor<2xf32>) -> tensor<1x2x3x2xf32>
  %1 = aidge.batch_norm %0, %scale, %beta, %mean, %var {epsilon = 1.0 : f32} : (tensor<1x2x3x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x2xf32>
  return %1 : tensor<1x2x3x2xf32>
}

// -----

// Conv without bias, weight stored CHWN (the output channel is the last
// stored dimension), a real epsilon. Computed with numpy in float64:
// s  = [1, 2] / sqrt([1, 0.25] + 1e-5)       = [0.999995, 3.99992]
// w' = stored [1, 0.5, -2, 4] * s[i % 2]     = [0.999995, 1.99996, -1.99999, 15.99968]
// b' = (0 - mean) * s + beta = -[0.5, -1] * s + [0, 0.5] = [-0.4999975, 4.49992]
// CHECK-LABEL: func.func @bn_into_conv_no_bias_chwn_weight
// (f32 values that 6 digits do not round-trip print with 9 digits.)
// CHECK-DAG: %[[W:.*]] = aidge.producer dense<{{\[\[\[\[}}0.999994993, 1.999960e+00], [-1.999990e+00, 15.9996796]]]]> : tensor<1x1x2x2xf32, #aidge<format chwn>>
// CHECK-DAG: %[[B:.*]] = aidge.producer dense<[-0.499997497, 4.499920e+00]> : tensor<2xf32>
// CHECK: %[[C:.*]] = aidge.conv %arg0, %[[W]], %[[B]]
// CHECK-NOT: aidge.batch_norm
// CHECK: return %[[C]]
func.func @bn_into_conv_no_bias_chwn_weight(%arg0: tensor<1x1x3x3xf32>) -> tensor<1x2x3x2xf32> {
  %w = aidge.producer dense<[[[[1.0, 0.5], [-2.0, 4.0]]]]> : tensor<1x1x2x2xf32, #aidge<format chwn>>
  %scale = aidge.producer dense<[1.0, 2.0]> : tensor<2xf32>
  %beta = aidge.producer dense<[0.0, 0.5]> : tensor<2xf32>
  %mean = aidge.producer dense<[0.5, -1.0]> : tensor<2xf32>
  %var = aidge.producer dense<[1.0, 0.25]> : tensor<2xf32>
  %0 = aidge.conv %arg0, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1 : i64} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32, #aidge<format chwn>>) -> tensor<1x2x3x2xf32>
  %1 = aidge.batch_norm %0, %scale, %beta, %mean, %var {epsilon = 1.0e-5 : f32} : (tensor<1x2x3x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x2xf32>
  return %1 : tensor<1x2x3x2xf32>
}

// -----

// FC without c: s = [4, 1] / sqrt([3, 0] + 1) = [2, 1] scales the columns
// of b = [[1, 2], [3, 4], [5, 6]]; c' = (0 - mean) * s + beta
// = [-1 * 2 + 0.5, 1 * 1 + 0] = [-1.5, 1].
// CHECK-LABEL: func.func @bn_into_fc
// CHECK-DAG: %[[B:.*]] = aidge.producer dense<{{\[\[}}2.000000e+00, 2.000000e+00], [6.000000e+00, 4.000000e+00], [1.000000e+01, 6.000000e+00]]> : tensor<3x2xf32>
// CHECK-DAG: %[[C:.*]] = aidge.producer dense<[-1.500000e+00, 1.000000e+00]> : tensor<2xf32>
// CHECK: %[[F:.*]] = aidge.fc %arg0, %[[B]], %[[C]] {alpha = 1.000000e+00 : f32, beta = 1.000000e+00 : f32, trans_a = false, trans_b = false} : (tensor<2x3xf32>, tensor<3x2xf32>, tensor<2xf32>) -> tensor<2x2xf32>
// CHECK-NOT: aidge.batch_norm
// CHECK: return %[[F]]
func.func @bn_into_fc(%arg0: tensor<2x3xf32>) -> tensor<2x2xf32> {
  %b = aidge.producer dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>
  %scale = aidge.producer dense<[4.0, 1.0]> : tensor<2xf32>
  %beta = aidge.producer dense<[0.5, 0.0]> : tensor<2xf32>
  %mean = aidge.producer dense<[1.0, -1.0]> : tensor<2xf32>
  %var = aidge.producer dense<[3.0, 0.0]> : tensor<2xf32>
  %0 = aidge.fc %arg0, %b {alpha = 1.0 : f32, beta = 1.0 : f32, trans_a = false, trans_b = false} : (tensor<2x3xf32>, tensor<3x2xf32>) -> tensor<2x2xf32>
  %1 = aidge.batch_norm %0, %scale, %beta, %mean, %var {epsilon = 1.0 : f32} : (tensor<2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  return %1 : tensor<2x2xf32>
}

// -----

// FC with trans_b (rows of b are the columns), alpha and beta: alpha stays,
// s = [2, 1] scales the rows of b = [[1, 2, 3], [4, 5, 6]];
// c' = (beta * c - mean) * s + bias = [(2 * 1 - 1) * 2 + 0.5, (2 * -1 + 1) * 1]
// = [2.5, -1], and beta becomes 1.
// CHECK-LABEL: func.func @bn_into_fc_trans_b
// CHECK-DAG: %[[B:.*]] = aidge.producer dense<{{\[\[}}2.000000e+00, 4.000000e+00, 6.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00]]> : tensor<2x3xf32>
// CHECK-DAG: %[[C:.*]] = aidge.producer dense<{{\[\[}}2.500000e+00, -1.000000e+00]]> : tensor<1x2xf32>
// CHECK: %[[F:.*]] = aidge.fc %arg0, %[[B]], %[[C]] {alpha = 5.000000e-01 : f32, beta = 1.000000e+00 : f32, trans_a = false, trans_b = true}
// CHECK-NOT: aidge.batch_norm
// CHECK: return %[[F]]
func.func @bn_into_fc_trans_b(%arg0: tensor<2x3xf32>) -> tensor<2x2xf32> {
  %b = aidge.producer dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %c = aidge.producer dense<[[1.0, -1.0]]> : tensor<1x2xf32>
  %scale = aidge.producer dense<[4.0, 1.0]> : tensor<2xf32>
  %beta = aidge.producer dense<[0.5, 0.0]> : tensor<2xf32>
  %mean = aidge.producer dense<[1.0, -1.0]> : tensor<2xf32>
  %var = aidge.producer dense<[3.0, 0.0]> : tensor<2xf32>
  %0 = aidge.fc %arg0, %b, %c {alpha = 0.5 : f32, beta = 2.0 : f32, trans_a = false, trans_b = true} : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<1x2xf32>) -> tensor<2x2xf32>
  %1 = aidge.batch_norm %0, %scale, %beta, %mean, %var {epsilon = 1.0 : f32} : (tensor<2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  return %1 : tensor<2x2xf32>
}

// -----

// FC whose c is one value per row (M x 1): c' gets both dimensions,
// c'[r, j] = (c[r] - mean[j]) * s[j] + bias[j] = [[0.5, 2], [2.5, 3]].
// CHECK-LABEL: func.func @bn_into_fc_row_bias
// CHECK-DAG: %[[C:.*]] = aidge.producer dense<{{\[\[}}5.000000e-01, 2.000000e+00], [2.500000e+00, 3.000000e+00]]> : tensor<2x2xf32>
// CHECK: %[[F:.*]] = aidge.fc %arg0, %{{.*}}, %[[C]]
// CHECK-NOT: aidge.batch_norm
// CHECK: return %[[F]]
func.func @bn_into_fc_row_bias(%arg0: tensor<2x3xf32>) -> tensor<2x2xf32> {
  %b = aidge.producer dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>
  %c = aidge.producer dense<[[1.0], [2.0]]> : tensor<2x1xf32>
  %scale = aidge.producer dense<[4.0, 1.0]> : tensor<2xf32>
  %beta = aidge.producer dense<[0.5, 0.0]> : tensor<2xf32>
  %mean = aidge.producer dense<[1.0, -1.0]> : tensor<2xf32>
  %var = aidge.producer dense<[3.0, 0.0]> : tensor<2xf32>
  %0 = aidge.fc %arg0, %b, %c {alpha = 1.0 : f32, beta = 1.0 : f32, trans_a = false, trans_b = false} : (tensor<2x3xf32>, tensor<3x2xf32>, tensor<2x1xf32>) -> tensor<2x2xf32>
  %1 = aidge.batch_norm %0, %scale, %beta, %mean, %var {epsilon = 1.0 : f32} : (tensor<2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  return %1 : tensor<2x2xf32>
}

// -----

// Negative: the conv result has another user.
// CHECK-LABEL: func.func @no_bn_fold_two_users
// CHECK: %[[C:.*]] = aidge.conv
// CHECK: aidge.batch_norm %[[C]]
func.func @no_bn_fold_two_users(%arg0: tensor<1x1x3x3xf32>) -> (tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>) {
  %w = aidge.producer dense<[[[[1.0, 2.0]]], [[[3.0, 4.0]]]]> : tensor<2x1x1x2xf32>
  %p = aidge.producer dense<[1.0, 2.0]> : tensor<2xf32>
  %0 = aidge.conv %arg0, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1 : i64} : (tensor<1x1x3x3xf32>, tensor<2x1x1x2xf32>) -> tensor<1x2x3x2xf32>
  %1 = aidge.batch_norm %0, %p, %p, %p, %p {epsilon = 1.0 : f32} : (tensor<1x2x3x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x2xf32>
  return %0, %1 : tensor<1x2x3x2xf32>, tensor<1x2x3x2xf32>
}

// -----

// Negative: a batch-norm parameter is not a constant.
// CHECK-LABEL: func.func @no_bn_fold_non_constant_param
// CHECK: %[[C:.*]] = aidge.conv
// CHECK: aidge.batch_norm %[[C]]
func.func @no_bn_fold_non_constant_param(%arg0: tensor<1x1x3x3xf32>, %mean: tensor<2xf32>) -> tensor<1x2x3x2xf32> {
  %w = aidge.producer dense<[[[[1.0, 2.0]]], [[[3.0, 4.0]]]]> : tensor<2x1x1x2xf32>
  %p = aidge.producer dense<[1.0, 2.0]> : tensor<2xf32>
  %0 = aidge.conv %arg0, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1 : i64} : (tensor<1x1x3x3xf32>, tensor<2x1x1x2xf32>) -> tensor<1x2x3x2xf32>
  %1 = aidge.batch_norm %0, %p, %p, %mean, %p {epsilon = 1.0 : f32} : (tensor<1x2x3x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x2xf32>
  return %1 : tensor<1x2x3x2xf32>
}

// -----

// Negative: the conv weight is not a constant.
// CHECK-LABEL: func.func @no_bn_fold_non_constant_weight
// CHECK: %[[C:.*]] = aidge.conv %arg0, %arg1
// CHECK: aidge.batch_norm %[[C]]
func.func @no_bn_fold_non_constant_weight(%arg0: tensor<1x1x3x3xf32>, %arg1: tensor<2x1x1x2xf32>) -> tensor<1x2x3x2xf32> {
  %p = aidge.producer dense<[1.0, 2.0]> : tensor<2xf32>
  %0 = aidge.conv %arg0, %arg1 {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1 : i64} : (tensor<1x1x3x3xf32>, tensor<2x1x1x2xf32>) -> tensor<1x2x3x2xf32>
  %1 = aidge.batch_norm %0, %p, %p, %p, %p {epsilon = 1.0 : f32} : (tensor<1x2x3x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x2xf32>
  return %1 : tensor<1x2x3x2xf32>
}

// -----

// Negative: the conv applies an activation before the batch norm.
// CHECK-LABEL: func.func @no_bn_fold_after_activation
// CHECK: %[[C:.*]] = aidge.conv {{.*}}activation = #aidge.activation<kind = relu>
// CHECK: aidge.batch_norm %[[C]]
func.func @no_bn_fold_after_activation(%arg0: tensor<1x1x3x3xf32>) -> tensor<1x2x3x2xf32> {
  %w = aidge.producer dense<[[[[1.0, 2.0]]], [[[3.0, 4.0]]]]> : tensor<2x1x1x2xf32>
  %p = aidge.producer dense<[1.0, 2.0]> : tensor<2xf32>
  %0 = aidge.conv %arg0, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1 : i64} : (tensor<1x1x3x3xf32>, tensor<2x1x1x2xf32>) -> tensor<1x2x3x2xf32>
  %1 = aidge.relu %0 : tensor<1x2x3x2xf32>
  %2 = aidge.batch_norm %1, %p, %p, %p, %p {epsilon = 1.0 : f32} : (tensor<1x2x3x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x2xf32>
  return %2 : tensor<1x2x3x2xf32>
}

//===----------------------------------------------------------------------===//
// MatMul + Add into FC
//===----------------------------------------------------------------------===//

// -----

// CHECK-LABEL: func.func @matmul_add_into_fc
// CHECK: %[[B:.*]] = aidge.producer dense<1.000000e+00> : tensor<3x4xf32>
// CHECK: %[[C:.*]] = aidge.producer dense<2.000000e+00> : tensor<4xf32>
// CHECK-NOT: aidge.matmul
// CHECK-NOT: aidge.add
// CHECK: %[[F:.*]] = aidge.fc %arg0, %[[B]], %[[C]] {alpha = 1.000000e+00 : f32, beta = 1.000000e+00 : f32, trans_a = false, trans_b = false} : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
// CHECK: return %[[F]]
func.func @matmul_add_into_fc(%arg0: tensor<2x3xf32>) -> tensor<2x4xf32> {
  %b = aidge.producer dense<1.0> : tensor<3x4xf32>
  %c = aidge.producer dense<2.0> : tensor<4xf32>
  %0 = aidge.matmul %arg0, %b : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  %1 = aidge.add %0, %c : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return %1 : tensor<2x4xf32>
}

// -----

// The constant may be the add's first operand.
// CHECK-LABEL: func.func @matmul_add_into_fc_swapped
// CHECK: %[[F:.*]] = aidge.fc %arg0, %{{.*}}, %{{.*}} {{{.*}}} : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<1x4xf32>) -> tensor<2x4xf32>
// CHECK: return %[[F]]
func.func @matmul_add_into_fc_swapped(%arg0: tensor<2x3xf32>) -> tensor<2x4xf32> {
  %b = aidge.producer dense<1.0> : tensor<3x4xf32>
  %c = aidge.producer dense<2.0> : tensor<1x4xf32>
  %0 = aidge.matmul %arg0, %b : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  %1 = aidge.add %c, %0 : (tensor<1x4xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>
  return %1 : tensor<2x4xf32>
}

// -----

// Negative: c is not a constant.
// CHECK-LABEL: func.func @no_fc_non_constant_c
// CHECK: %[[M:.*]] = aidge.matmul
// CHECK: aidge.add %[[M]], %arg1
// CHECK-NOT: aidge.fc
func.func @no_fc_non_constant_c(%arg0: tensor<2x3xf32>, %arg1: tensor<4xf32>) -> tensor<2x4xf32> {
  %b = aidge.producer dense<1.0> : tensor<3x4xf32>
  %0 = aidge.matmul %arg0, %b : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  %1 = aidge.add %0, %arg1 : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return %1 : tensor<2x4xf32>
}

// -----

// Negative: b is not a constant.
// CHECK-LABEL: func.func @no_fc_non_constant_b
// CHECK: %[[M:.*]] = aidge.matmul %arg0, %arg1
// CHECK: aidge.add %[[M]]
// CHECK-NOT: aidge.fc
func.func @no_fc_non_constant_b(%arg0: tensor<2x3xf32>, %arg1: tensor<3x4xf32>) -> tensor<2x4xf32> {
  %c = aidge.producer dense<2.0> : tensor<4xf32>
  %0 = aidge.matmul %arg0, %arg1 : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  %1 = aidge.add %0, %c : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return %1 : tensor<2x4xf32>
}

// -----

// Negative: a matmul alone stays a matmul.
// CHECK-LABEL: func.func @no_fc_matmul_alone
// CHECK: aidge.matmul
// CHECK-NOT: aidge.fc
func.func @no_fc_matmul_alone(%arg0: tensor<2x3xf32>) -> tensor<2x4xf32> {
  %b = aidge.producer dense<1.0> : tensor<3x4xf32>
  %0 = aidge.matmul %arg0, %b : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// Negative: the matmul result has another user.
// CHECK-LABEL: func.func @no_fc_matmul_two_users
// CHECK: %[[M:.*]] = aidge.matmul
// CHECK: aidge.add %[[M]]
// CHECK-NOT: aidge.fc
func.func @no_fc_matmul_two_users(%arg0: tensor<2x3xf32>) -> (tensor<2x4xf32>, tensor<2x4xf32>) {
  %b = aidge.producer dense<1.0> : tensor<3x4xf32>
  %c = aidge.producer dense<2.0> : tensor<4xf32>
  %0 = aidge.matmul %arg0, %b : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  %1 = aidge.add %0, %c : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return %0, %1 : tensor<2x4xf32>, tensor<2x4xf32>
}

// -----

// Negative: a batched (3-D) matmul.
// CHECK-LABEL: func.func @no_fc_batched_matmul
// CHECK: %[[M:.*]] = aidge.matmul
// CHECK: aidge.add %[[M]]
// CHECK-NOT: aidge.fc
func.func @no_fc_batched_matmul(%arg0: tensor<2x2x3xf32>) -> tensor<2x2x4xf32> {
  %b = aidge.producer dense<1.0> : tensor<3x4xf32>
  %c = aidge.producer dense<2.0> : tensor<4xf32>
  %0 = aidge.matmul %arg0, %b : (tensor<2x2x3xf32>, tensor<3x4xf32>) -> tensor<2x2x4xf32>
  %1 = aidge.add %0, %c : (tensor<2x2x4xf32>, tensor<4xf32>) -> tensor<2x2x4xf32>
  return %1 : tensor<2x2x4xf32>
}

// -----

// Negative: the constant broadcasts the matmul result (1x4 + 2x4).
// CHECK-LABEL: func.func @no_fc_c_broadcasts_result
// CHECK: %[[M:.*]] = aidge.matmul
// CHECK: aidge.add %[[M]]
// CHECK-NOT: aidge.fc
func.func @no_fc_c_broadcasts_result(%arg0: tensor<1x3xf32>) -> tensor<2x4xf32> {
  %b = aidge.producer dense<1.0> : tensor<3x4xf32>
  %c = aidge.producer dense<2.0> : tensor<2x4xf32>
  %0 = aidge.matmul %arg0, %b : (tensor<1x3xf32>, tensor<3x4xf32>) -> tensor<1x4xf32>
  %1 = aidge.add %0, %c : (tensor<1x4xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>
  return %1 : tensor<2x4xf32>
}

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

// -----

// CHECK-LABEL: func.func @relu_into_conv
// CHECK: %[[C:.*]] = aidge.conv {{.*}}activation = #aidge.activation<kind = relu>
// CHECK-NOT: aidge.relu
// CHECK: return %[[C]]
func.func @relu_into_conv(%arg0: tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32> {
  %w = aidge.producer dense<1.0> : tensor<1x1x1x1xf32>
  %0 = aidge.conv %arg0, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1 : i64} : (tensor<1x1x3x3xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x3x3xf32>
  %1 = aidge.relu %0 : tensor<1x1x3x3xf32>
  return %1 : tensor<1x1x3x3xf32>
}

// -----

// CHECK-LABEL: func.func @clip_into_fc
// CHECK: %[[F:.*]] = aidge.fc {{.*}}activation = #aidge.activation<kind = clip, min = 0.000000e+00 : f32, max = 6.000000e+00 : f32>
// CHECK-NOT: aidge.clip
// CHECK: return %[[F]]
func.func @clip_into_fc(%arg0: tensor<2x3xf32>, %arg1: tensor<3x4xf32>) -> tensor<2x4xf32> {
  %0 = aidge.fc %arg0, %arg1 {alpha = 1.0 : f32, beta = 1.0 : f32, trans_a = false, trans_b = false} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  %1 = aidge.clip %0 {min = 0.0 : f32, max = 6.0 : f32} : tensor<2x4xf32>
  return %1 : tensor<2x4xf32>
}

// -----

// A clip with only one bound keeps only that bound.
// CHECK-LABEL: func.func @clip_max_only_into_sub
// CHECK: %[[S:.*]] = aidge.sub %arg0, %arg1 {activation = #aidge.activation<kind = clip, max = 1.000000e+00 : f32>}
// CHECK-NOT: aidge.clip
// CHECK: return %[[S]]
func.func @clip_max_only_into_sub(%arg0: tensor<4xf32>, %arg1: tensor<4xf32>) -> tensor<4xf32> {
  %0 = aidge.sub %arg0, %arg1 : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = aidge.clip %0 {max = 1.0 : f32} : tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @leaky_relu_into_max_pool
// CHECK: %[[P:.*]] = aidge.max_pool %arg0 {activation = #aidge.activation<kind = leaky_relu, alpha = 1.000000e-01 : f32>
// CHECK-NOT: aidge.leaky_relu
// CHECK: return %[[P]]
func.func @leaky_relu_into_max_pool(%arg0: tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32> {
  %0 = aidge.max_pool %arg0 {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, ceil_mode = false} : (tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>
  %1 = aidge.leaky_relu %0 {alpha = 0.1 : f32} : tensor<1x1x2x2xf32>
  return %1 : tensor<1x1x2x2xf32>
}

// -----

// CHECK-LABEL: func.func @relu_into_pools_and_arithmetic
// CHECK: aidge.avg_pool %arg0 {activation = #aidge.activation<kind = relu>
// CHECK: aidge.global_average_pool %{{.*}} {activation = #aidge.activation<kind = relu>}
// CHECK: aidge.add %{{.*}} {activation = #aidge.activation<kind = relu>}
// CHECK: aidge.mul %{{.*}} {activation = #aidge.activation<kind = relu>}
// CHECK: aidge.div %{{.*}} {activation = #aidge.activation<kind = relu>}
// CHECK-NOT: aidge.relu
func.func @relu_into_pools_and_arithmetic(%arg0: tensor<1x1x4x4xf32>) -> tensor<1x1x1x1xf32> {
  %0 = aidge.avg_pool %arg0 {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, ceil_mode = false, count_include_pad = false} : (tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>
  %1 = aidge.relu %0 : tensor<1x1x2x2xf32>
  %2 = aidge.global_average_pool %1 : (tensor<1x1x2x2xf32>) -> tensor<1x1x1x1xf32>
  %3 = aidge.relu %2 : tensor<1x1x1x1xf32>
  %4 = aidge.add %3, %3 : (tensor<1x1x1x1xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x1x1xf32>
  %5 = aidge.relu %4 : tensor<1x1x1x1xf32>
  %6 = aidge.mul %5, %5 : (tensor<1x1x1x1xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x1x1xf32>
  %7 = aidge.relu %6 : tensor<1x1x1x1xf32>
  %8 = aidge.div %7, %7 : (tensor<1x1x1x1xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x1x1xf32>
  %9 = aidge.relu %8 : tensor<1x1x1x1xf32>
  return %9 : tensor<1x1x1x1xf32>
}

// -----

// Negative: the conv result has another user.
// CHECK-LABEL: func.func @no_activation_two_users
// CHECK: %[[C:.*]] = aidge.conv
// CHECK-NOT: activation
// CHECK: aidge.relu %[[C]]
func.func @no_activation_two_users(%arg0: tensor<1x1x3x3xf32>) -> (tensor<1x1x3x3xf32>, tensor<1x1x3x3xf32>) {
  %w = aidge.producer dense<1.0> : tensor<1x1x1x1xf32>
  %0 = aidge.conv %arg0, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1 : i64} : (tensor<1x1x3x3xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x3x3xf32>
  %1 = aidge.relu %0 : tensor<1x1x3x3xf32>
  return %0, %1 : tensor<1x1x3x3xf32>, tensor<1x1x3x3xf32>
}

// -----

// Negative: the conv already has an activation; the relu goes in, the clip
// stays.
// CHECK-LABEL: func.func @no_second_activation
// CHECK: %[[C:.*]] = aidge.conv {{.*}}activation = #aidge.activation<kind = relu>
// CHECK: aidge.clip %[[C]]
func.func @no_second_activation(%arg0: tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32> {
  %w = aidge.producer dense<1.0> : tensor<1x1x1x1xf32>
  %0 = aidge.conv %arg0, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1 : i64} : (tensor<1x1x3x3xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x3x3xf32>
  %1 = aidge.relu %0 : tensor<1x1x3x3xf32>
  %2 = aidge.clip %1 {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x1x3x3xf32>
  return %2 : tensor<1x1x3x3xf32>
}

// -----

// Negative: sigmoid is not a fusable activation.
// CHECK-LABEL: func.func @no_sigmoid_fusion
// CHECK: %[[C:.*]] = aidge.conv
// CHECK-NOT: activation
// CHECK: aidge.sigmoid %[[C]]
func.func @no_sigmoid_fusion(%arg0: tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32> {
  %w = aidge.producer dense<1.0> : tensor<1x1x1x1xf32>
  %0 = aidge.conv %arg0, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, group = 1 : i64} : (tensor<1x1x3x3xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x3x3xf32>
  %1 = aidge.sigmoid %0 : tensor<1x1x3x3xf32>
  return %1 : tensor<1x1x3x3xf32>
}

// -----

// Negative: matmul, global_max_pool and the like take no activation.
// CHECK-LABEL: func.func @no_activation_on_other_ops
// CHECK: %[[M:.*]] = aidge.matmul
// CHECK: aidge.relu %[[M]]
// CHECK: %[[G:.*]] = aidge.global_max_pool
// CHECK: aidge.relu %[[G]]
func.func @no_activation_on_other_ops(%arg0: tensor<2x3xf32>, %arg1: tensor<3x4xf32>, %arg2: tensor<1x1x2x2xf32>) -> (tensor<2x4xf32>, tensor<1x1x1x1xf32>) {
  %0 = aidge.matmul %arg0, %arg1 : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  %1 = aidge.relu %0 : tensor<2x4xf32>
  %2 = aidge.global_max_pool %arg2 : (tensor<1x1x2x2xf32>) -> tensor<1x1x1x1xf32>
  %3 = aidge.relu %2 : tensor<1x1x1x1xf32>
  return %1, %3 : tensor<2x4xf32>, tensor<1x1x1x1xf32>
}

//===----------------------------------------------------------------------===//
// Chains
//===----------------------------------------------------------------------===//

// -----

// pad -> conv -> batch_norm -> relu becomes one conv; its location names
// all four ONNX nodes.
// CHECK-LABEL: func.func @pad_conv_bn_relu
// CHECK-DAG: %[[W:.*]] = aidge.producer dense<{{\[\[\[\[}}1.500000e+00, 3.000000e+00]]], {{\[\[\[}}1.500000e+00, 2.000000e+00]]]]>
// CHECK-DAG: %[[B:.*]] = aidge.producer dense<[1.375000e+00, -2.000000e+00]>
// CHECK: %[[C:.*]] = aidge.conv %arg0, %[[W]], %[[B]] {activation = #aidge.activation<kind = relu>, dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>}
// CHECK-NOT: aidge.pad
// CHECK-NOT: aidge.batch_norm
// CHECK-NOT: aidge.relu
// CHECK: return %[[C]]
// LOC-LABEL: func.func @pad_conv_bn_relu
// LOC: aidge.conv {{.*}} loc(fused["Conv_0", "BatchNormalization_0", "Relu_0", "Pad_0"])
func.func @pad_conv_bn_relu(%arg0: tensor<1x1x3x3xf32>) -> tensor<1x2x5x4xf32> {
  %w = aidge.producer dense<[[[[1.0, 2.0]]], [[[3.0, 4.0]]]]> : tensor<2x1x1x2xf32>
  %b = aidge.producer dense<[0.5, -1.0]> : tensor<2xf32>
  %scale = aidge.producer dense<[3.0, 0.5]> : tensor<2xf32>
  %beta = aidge.producer dense<[1.0, -1.0]> : tensor<2xf32>
  %mean = aidge.producer dense<[0.25, 1.0]> : tensor<2xf32>
  %var = aidge.producer dense<[3.0, 0.0]> : tensor<2xf32>
  %0 = aidge.pad %arg0 {pads = array<i64: 0, 0, 1, 0, 0, 0, 1, 0>, mode = #aidge<pad_mode constant>, value = 0.0 : f32} : (tensor<1x1x3x3xf32>) -> tensor<1x1x5x3xf32> loc("Pad_0")
  %1 = aidge.conv %0, %w, %b {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, pads = array<i64: 0, 1, 0, 1>, group = 1 : i64} : (tensor<1x1x5x3xf32>, tensor<2x1x1x2xf32>, tensor<2xf32>) -> tensor<1x2x5x4xf32> loc("Conv_0")
  %2 = aidge.batch_norm %1, %scale, %beta, %mean, %var {epsilon = 1.0 : f32} : (tensor<1x2x5x4xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x5x4xf32> loc("BatchNormalization_0")
  %3 = aidge.relu %2 : tensor<1x2x5x4xf32> loc("Relu_0")
  return %3 : tensor<1x2x5x4xf32>
}

// -----

// matmul -> add -> relu becomes one fc with the relu, whichever fires first.
// CHECK-LABEL: func.func @matmul_add_relu
// CHECK: %[[F:.*]] = aidge.fc %arg0, {{.*}}activation = #aidge.activation<kind = relu>
// CHECK-NOT: aidge.relu
// CHECK: return %[[F]]
// LOC-LABEL: func.func @matmul_add_relu
// LOC: aidge.fc {{.*}} loc(fused["MatMul_0", "Add_0", "Relu_0"])
func.func @matmul_add_relu(%arg0: tensor<2x3xf32>) -> tensor<2x4xf32> {
  %b = aidge.producer dense<1.0> : tensor<3x4xf32>
  %c = aidge.producer dense<2.0> : tensor<4xf32>
  %0 = aidge.matmul %arg0, %b : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32> loc("MatMul_0")
  %1 = aidge.add %0, %c : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32> loc("Add_0")
  %2 = aidge.relu %1 : tensor<2x4xf32> loc("Relu_0")
  return %2 : tensor<2x4xf32>
}

//===----------------------------------------------------------------------===//
// No-op removal
//===----------------------------------------------------------------------===//

// -----

// CHECK-LABEL: func.func @noop_identity_reshape_flatten
// CHECK-NOT: aidge.identity
// CHECK-NOT: aidge.reshape
// CHECK-NOT: aidge.flatten
// CHECK: return %arg0
func.func @noop_identity_reshape_flatten(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = aidge.identity %arg0 : tensor<2x3xf32>
  %1 = aidge.reshape %0 : tensor<2x3xf32> -> tensor<2x3xf32>
  %2 = aidge.flatten %1 {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %2 : tensor<2x3xf32>
}

// -----

// A chain of reshapes keeps its last shape; back to the start, none remains.
// CHECK-LABEL: func.func @reshape_chains
// CHECK: %[[R:.*]] = aidge.reshape %arg0 : tensor<2x3xf32> -> tensor<3x2xf32>
// CHECK-NOT: aidge.reshape
// CHECK: return %[[R]], %arg0
func.func @reshape_chains(%arg0: tensor<2x3xf32>) -> (tensor<3x2xf32>, tensor<2x3xf32>) {
  %0 = aidge.reshape %arg0 : tensor<2x3xf32> -> tensor<6xf32>
  %1 = aidge.reshape %0 : tensor<6xf32> -> tensor<3x2xf32>
  %2 = aidge.reshape %arg0 : tensor<2x3xf32> -> tensor<1x6xf32>
  %3 = aidge.reshape %2 : tensor<1x6xf32> -> tensor<2x3xf32>
  return %1, %3 : tensor<3x2xf32>, tensor<2x3xf32>
}

// -----

// Flatten in a chain becomes part of one reshape.
// CHECK-LABEL: func.func @flatten_chains
// CHECK-DAG: %[[A:.*]] = aidge.reshape %arg0 : tensor<2x3x4xf32> -> tensor<4x6xf32>
// CHECK-DAG: %[[B:.*]] = aidge.reshape %arg0 : tensor<2x3x4xf32> -> tensor<24xf32>
// CHECK-NOT: aidge.flatten
// CHECK: return %[[A]], %[[B]]
func.func @flatten_chains(%arg0: tensor<2x3x4xf32>) -> (tensor<4x6xf32>, tensor<24xf32>) {
  %0 = aidge.reshape %arg0 : tensor<2x3x4xf32> -> tensor<4x3x2xf32>
  %1 = aidge.flatten %0 {axis = 1 : i64} : (tensor<4x3x2xf32>) -> tensor<4x6xf32>
  %2 = aidge.flatten %arg0 {axis = 2 : i64} : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  %3 = aidge.reshape %2 : tensor<6x4xf32> -> tensor<24xf32>
  return %1, %3 : tensor<4x6xf32>, tensor<24xf32>
}

// -----

// Negative: a reshape that changes the shape stays.
// CHECK-LABEL: func.func @no_noop_reshape
// CHECK: aidge.reshape %arg0 : tensor<2x3xf32> -> tensor<6xf32>
func.func @no_noop_reshape(%arg0: tensor<2x3xf32>) -> tensor<6xf32> {
  %0 = aidge.reshape %arg0 : tensor<2x3xf32> -> tensor<6xf32>
  return %0 : tensor<6xf32>
}
