// RUN: aidge-opt %s | aidge-opt | FileCheck %s

// Channel-aware ops read operands through their data format: this is a
// 1x3x8x8 input and a 4x3x3x3 weight, so the result is 1x4x6x6 stored as
// nhwc (1x6x6x4). Weights may be in another format than the input.
// CHECK-LABEL: func @conv_nhwc
// CHECK: aidge.conv {{.*}} -> tensor<1x6x6x4xf32, #aidge<format nhwc>>
// CHECK: aidge.conv {{.*}} -> tensor<1x6x6x4xf32, #aidge<format nhwc>>
func.func @conv_nhwc(%x: tensor<1x8x8x3xf32, #aidge<format nhwc>>,
                     %w: tensor<4x3x3x3xf32, #aidge<format nhwc>>,
                     %wd: tensor<4x3x3x3xf32>) -> tensor<1x6x6x4xf32, #aidge<format nhwc>> {
  %0 = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x8x8x3xf32, #aidge<format nhwc>>, tensor<4x3x3x3xf32, #aidge<format nhwc>>) -> tensor<1x6x6x4xf32, #aidge<format nhwc>>
  %1 = aidge.conv %x, %wd {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x8x8x3xf32, #aidge<format nhwc>>, tensor<4x3x3x3xf32>) -> tensor<1x6x6x4xf32, #aidge<format nhwc>>
  return %1 : tensor<1x6x6x4xf32, #aidge<format nhwc>>
}

// 1-D windows channels last (nwc), pools, global pools and batch norm.
// CHECK-LABEL: func @windows
// CHECK: aidge.max_pool {{.*}} -> tensor<1x5x2xf32, #aidge<format nwc>>
// CHECK: aidge.global_average_pool {{.*}} -> tensor<1x1x2xf32, #aidge<format nwc>>
// CHECK: aidge.batch_norm {{.*}} -> tensor<1x10x2xf32, #aidge<format nwc>>
func.func @windows(%x: tensor<1x10x2xf32, #aidge<format nwc>>, %p: tensor<2xf32>) -> (tensor<1x5x2xf32, #aidge<format nwc>>, tensor<1x1x2xf32, #aidge<format nwc>>, tensor<1x10x2xf32, #aidge<format nwc>>) {
  %0 = aidge.max_pool %x {ceil_mode = false, dilations = array<i64: 1>, kernel_shape = array<i64: 2>, pads = array<i64: 0, 0>, strides = array<i64: 2>} : (tensor<1x10x2xf32, #aidge<format nwc>>) -> tensor<1x5x2xf32, #aidge<format nwc>>
  %1 = aidge.global_average_pool %x : (tensor<1x10x2xf32, #aidge<format nwc>>) -> tensor<1x1x2xf32, #aidge<format nwc>>
  %2 = aidge.batch_norm %x, %p, %p, %p, %p {epsilon = 1.0e-5 : f32} : (tensor<1x10x2xf32, #aidge<format nwc>>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x10x2xf32, #aidge<format nwc>>
  return %0, %1, %2 : tensor<1x5x2xf32, #aidge<format nwc>>, tensor<1x1x2xf32, #aidge<format nwc>>, tensor<1x10x2xf32, #aidge<format nwc>>
}

// Other ops keep the stored order and the format of same-rank results;
// a flatten's matrix has none. A transpose declares its result's format.
// CHECK-LABEL: func @stored_order
// CHECK: aidge.relu {{.*}} : tensor<1x4x4x2xf32, #aidge<format nhwc>>
// CHECK: aidge.add {{.*}} -> tensor<1x4x4x2xf32, #aidge<format nhwc>>
// CHECK: aidge.flatten {{.*}} -> tensor<1x32xf32>
// CHECK: aidge.transpose {{.*}} -> tensor<1x2x4x4xf32>
func.func @stored_order(%x: tensor<1x4x4x2xf32, #aidge<format nhwc>>, %b: tensor<2xf32>) -> (tensor<1x32xf32>, tensor<1x2x4x4xf32>) {
  %0 = aidge.relu %x : tensor<1x4x4x2xf32, #aidge<format nhwc>>
  %1 = aidge.add %0, %b : (tensor<1x4x4x2xf32, #aidge<format nhwc>>, tensor<2xf32>) -> tensor<1x4x4x2xf32, #aidge<format nhwc>>
  %2 = aidge.flatten %1 {axis = 1 : i64} : (tensor<1x4x4x2xf32, #aidge<format nhwc>>) -> tensor<1x32xf32>
  %3 = aidge.transpose %1 {perm = array<i64: 0, 3, 1, 2>} : (tensor<1x4x4x2xf32, #aidge<format nhwc>>) -> tensor<1x2x4x4xf32>
  return %2, %3 : tensor<1x32xf32>, tensor<1x2x4x4xf32>
}

// Specs, implementations and activations round-trip.
// CHECK-LABEL: func @attributes
// CHECK: aidge.relu %arg0 {aidge.impl = #aidge.impl<lib = "cpp", kernel = "relu", spec = <inputs = [#aidge.io_spec<dtype = f32, format = nhwc, min_dims = [1, 1, 1, 1], max_dims = [1, -1, -1, 64]>], outputs = [#aidge.io_spec<>], attrs = {group = 1 : i64}, priority = 3>>}
// CHECK: aidge.add %arg0, %arg0 {activation = #aidge.activation<kind = clip, min = 0.000000e+00 : f32, max = 6.000000e+00 : f32>}
// CHECK: aidge.add %arg0, %arg0 {activation = #aidge.activation<kind = leaky_relu, alpha = 1.000000e-01 : f32>}
func.func @attributes(%x: tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32> {
  %0 = aidge.relu %x {aidge.impl = #aidge.impl<lib = "cpp", kernel = "relu", spec = #aidge.impl_spec<inputs = [#aidge.io_spec<dtype = f32, format = nhwc, min_dims = [1, 1, 1, 1], max_dims = [1, -1, -1, 64]>], outputs = [#aidge.io_spec<>], attrs = {group = 1 : i64}, priority = 3>>} : tensor<1x2x2x4xf32>
  %1 = aidge.add %x, %x {activation = #aidge.activation<kind = clip, min = 0.0 : f32, max = 6.0 : f32>} : (tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32>
  %2 = aidge.add %x, %x {activation = #aidge.activation<kind = leaky_relu, alpha = 0.1 : f32>} : (tensor<1x2x2x4xf32>, tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32>
  return %0 : tensor<1x2x2x4xf32>
}
