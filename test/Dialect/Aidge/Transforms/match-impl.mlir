// RUN: aidge-opt %s --aidge-match-impl --split-input-file | FileCheck %s

// The cpp library runs convolutions channels last: the input is transposed
// in, the weight folded into an [out][kh][kw][in] constant, the result
// transposed back to the model's order.
// CHECK-LABEL: func @conv_nhwc
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x5x5xf32>) -> tensor<1x3x5x5xf32>
// CHECK: %[[W:.*]] = aidge.producer dense<{{.*}}> : tensor<3x1x1x2xf32, #aidge<format nhwc>>
// CHECK: %[[IN:.*]] = aidge.transpose %[[X]] {aidge.impl = #aidge.impl<lib = "cpp", kernel = "transpose", {{.*}}>, perm = array<i64: 0, 2, 3, 1>} : (tensor<1x2x5x5xf32>) -> tensor<1x5x5x2xf32, #aidge<format nhwc>>
// CHECK: %[[C:.*]] = aidge.conv %[[IN]], %[[W]] {aidge.impl = #aidge.impl<lib = "cpp", kernel = "conv_blocked2d", spec = <inputs = [#aidge.io_spec<dtype = f32, format = nhwc>, #aidge.io_spec<dtype = f32, format = nhwc>, #aidge.io_spec<dtype = f32>], outputs = [#aidge.io_spec<dtype = f32, format = nhwc>]>>
// CHECK-SAME: -> tensor<1x5x5x3xf32, #aidge<format nhwc>>
// CHECK: %[[OUT:.*]] = aidge.transpose %[[C]] {{{.*}}perm = array<i64: 0, 3, 1, 2>} : (tensor<1x5x5x3xf32, #aidge<format nhwc>>) -> tensor<1x3x5x5xf32>
// CHECK: return %[[OUT]]
func.func @conv_nhwc(%x: tensor<1x2x5x5xf32>) -> tensor<1x3x5x5xf32> {
  %w = aidge.producer dense<[[[[1.0]], [[2.0]]], [[[3.0]], [[4.0]]], [[[5.0]], [[6.0]]]]> : tensor<3x2x1x1xf32>
  %y = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x5x5xf32>, tensor<3x2x1x1xf32>) -> tensor<1x3x5x5xf32>
  return %y : tensor<1x3x5x5xf32>
}

// -----

// The folded weight is the [out][kh][kw][in] order of the original one:
// w[o][i][0][0] = 10*o + i becomes w'[o][0][0][i] with the same values, and
// a 2x2 kernel is reordered.
// CHECK-LABEL: func @weight_reorder
// CHECK: aidge.producer dense<{{\[\[\[\[}}0.000000e+00, 1.000000e+00], [2.000000e+00, 3.000000e+00]], {{\[\[}}4.000000e+00, 5.000000e+00], [6.000000e+00, 7.000000e+00]]]]> : tensor<1x2x2x2xf32, #aidge<format nhwc>>
func.func @weight_reorder(%x: tensor<1x2x4x4xf32>) -> tensor<1x1x3x3xf32> {
  // w[0][c][ky][kx] = c + 2*(2*ky + kx)
  %w = aidge.producer dense<[[[[0.0, 2.0], [4.0, 6.0]], [[1.0, 3.0], [5.0, 7.0]]]]> : tensor<1x2x2x2xf32>
  %y = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x4x4xf32>, tensor<1x2x2x2xf32>) -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// -----

// With constant weights, the kernels on weights packed at export time win:
// the taps-major depthwise one, the blocked one for other convolutions
// (grouped too), and the blocked one for a dense layer whose bias folds.
// CHECK-LABEL: func @packed
// CHECK: aidge.conv {{.*}}kernel = "conv_depthwise_packed2d"
// CHECK: aidge.conv {{.*}}kernel = "conv_blocked2d"
// CHECK: aidge.fc {{.*}}kernel = "fc_blocked"
func.func @packed(%x: tensor<1x4x3x3xf32>, %a: tensor<2x4xf32>) -> (tensor<1x4x3x3xf32>, tensor<1x4x3x3xf32>, tensor<2x3xf32>) {
  %w = aidge.producer dense<1.0> : tensor<4x1x1x1xf32>
  %g = aidge.producer dense<1.0> : tensor<4x2x1x1xf32>
  %m = aidge.producer dense<1.0> : tensor<4x3xf32>
  %d = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 4 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x3x3xf32>, tensor<4x1x1x1xf32>) -> tensor<1x4x3x3xf32>
  %c = aidge.conv %x, %g {dilations = array<i64: 1, 1>, group = 2 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x3x3xf32>, tensor<4x2x1x1xf32>) -> tensor<1x4x3x3xf32>
  %y = aidge.fc %a, %m {alpha = 1.0 : f32, beta = 1.0 : f32, trans_a = false, trans_b = false} : (tensor<2x4xf32>, tensor<4x3xf32>) -> tensor<2x3xf32>
  return %d, %c, %y : tensor<1x4x3x3xf32>, tensor<1x4x3x3xf32>, tensor<2x3xf32>
}

// -----

// Depthwise convolutions score higher on their own kernel; grouped ones
// that are not depthwise keep the generic kernel.
// CHECK-LABEL: func @depthwise
// CHECK: aidge.conv {{.*}}kernel = "conv_depthwise2d"
// CHECK: aidge.conv {{.*}}kernel = "conv2d"
func.func @depthwise(%x: tensor<1x4x3x3xf32>, %w: tensor<4x1x1x1xf32>, %g: tensor<4x2x1x1xf32>) -> (tensor<1x4x3x3xf32>, tensor<1x4x3x3xf32>) {
  %a = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 4 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x3x3xf32>, tensor<4x1x1x1xf32>) -> tensor<1x4x3x3xf32>
  %b = aidge.conv %x, %g {dilations = array<i64: 1, 1>, group = 2 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x3x3xf32>, tensor<4x2x1x1xf32>) -> tensor<1x4x3x3xf32>
  return %a, %b : tensor<1x4x3x3xf32>, tensor<1x4x3x3xf32>
}

// -----

// Element-wise ops take any format: nothing is inserted.
// CHECK-LABEL: func @any_format
// CHECK-NEXT: aidge.relu %{{.*}} {aidge.impl = #aidge.impl<lib = "cpp", kernel = "relu", spec = <inputs = [#aidge.io_spec<dtype = f32>], outputs = [#aidge.io_spec<dtype = f32>]>>} : tensor<1x2x3x3xf32>
// CHECK-NEXT: return
func.func @any_format(%x: tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32> {
  %y = aidge.relu %x : tensor<1x2x3x3xf32>
  return %y : tensor<1x2x3x3xf32>
}

// -----

// conv -> relu -> max_pool -> conv: the transposes back and into channels
// last cancel across the relu, leaving one at each end of the graph.
// CHECK-LABEL: func @chain
// CHECK-COUNT-1: aidge.transpose %arg0
// CHECK-NOT: aidge.transpose
// CHECK: aidge.conv
// CHECK-NOT: aidge.transpose
// CHECK: aidge.relu {{.*}} : tensor<1x6x6x4xf32, #aidge<format nhwc>>
// CHECK-NOT: aidge.transpose
// CHECK: aidge.max_pool
// CHECK-NOT: aidge.transpose
// CHECK: %[[LAST:.*]] = aidge.conv
// CHECK-NEXT: %[[OUT:.*]] = aidge.transpose %[[LAST]]
// CHECK-NOT: aidge.transpose
// CHECK: return %[[OUT]]
func.func @chain(%x: tensor<1x3x6x6xf32>) -> tensor<1x2x3x3xf32> {
  %w1 = aidge.producer dense<0.5> : tensor<4x3x3x3xf32>
  %w2 = aidge.producer dense<0.25> : tensor<2x4x1x1xf32>
  %c1 = aidge.conv %x, %w1 {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x3x6x6xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  %r = aidge.relu %c1 : tensor<1x4x6x6xf32>
  %p = aidge.max_pool %r {ceil_mode = false, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : (tensor<1x4x6x6xf32>) -> tensor<1x4x3x3xf32>
  %c2 = aidge.conv %p, %w2 {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x3x3xf32>, tensor<2x4x1x1xf32>) -> tensor<1x2x3x3xf32>
  return %c2 : tensor<1x2x3x3xf32>
}

// -----

// A residual add of two channels-last values, then a per-channel bias
// constant: the add runs channels last and the bias is transposed to match
// ([1,C,1,1] -> [1,1,1,C]); a rank-1 bias is first given the full rank.
// CHECK-LABEL: func @residual
// CHECK-DAG: %[[B:.*]] = aidge.producer dense<{{\[\[\[\[}}1.000000e+00, 2.000000e+00]]]]> : tensor<1x1x1x2xf32, #aidge<format nhwc>>
// CHECK-DAG: %[[S:.*]] = aidge.producer dense<5.000000e-01> : tensor<1x1x1x1xf32, #aidge<format nhwc>>
// CHECK: %[[C1:.*]] = aidge.conv
// CHECK: %[[C2:.*]] = aidge.conv %[[C1]]
// CHECK: %[[SUM:.*]] = aidge.add %[[C2]], %[[C1]] {{.*}} -> tensor<1x3x3x2xf32, #aidge<format nhwc>>
// CHECK: %[[BIASED:.*]] = aidge.add %[[SUM]], %[[B]]
// CHECK: %[[SCALED:.*]] = aidge.mul %[[BIASED]], %[[S]]
// CHECK: %[[OUT:.*]] = aidge.transpose %[[SCALED]]
// CHECK: return %[[OUT]]
func.func @residual(%x: tensor<1x2x3x3xf32>, %w: tensor<2x2x1x1xf32>) -> tensor<1x2x3x3xf32> {
  %b = aidge.producer dense<[[[1.0]], [[2.0]]]> : tensor<2x1x1xf32>
  %s = aidge.producer dense<0.5> : tensor<1xf32>
  %c1 = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x3x3xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x3x3xf32>
  %c2 = aidge.conv %c1, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x3x3xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x3x3xf32>
  %sum = aidge.add %c2, %c1 : (tensor<1x2x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32>
  %biased = aidge.add %sum, %b : (tensor<1x2x3x3xf32>, tensor<2x1x1xf32>) -> tensor<1x2x3x3xf32>
  %scaled = aidge.mul %biased, %s : (tensor<1x2x3x3xf32>, tensor<1xf32>) -> tensor<1x2x3x3xf32>
  return %scaled : tensor<1x2x3x3xf32>
}

// -----

// A concatenation of channels-last branches runs channels last too, on the
// stored channel axis (3, was 1).
// CHECK-LABEL: func @concat
// CHECK: %[[A:.*]] = aidge.conv
// CHECK: %[[B:.*]] = aidge.max_pool
// CHECK: %[[CAT:.*]] = aidge.concat %[[A]], %[[B]] {{{.*}}axis = 3 : i64} : (tensor<1x4x4x2xf32, #aidge<format nhwc>>, tensor<1x4x4x3xf32, #aidge<format nhwc>>) -> tensor<1x4x4x5xf32, #aidge<format nhwc>>
// CHECK: aidge.transpose %[[CAT]] {{.*}}perm = array<i64: 0, 3, 1, 2>
// CHECK-NOT: aidge.transpose
func.func @concat(%x: tensor<1x3x4x4xf32>, %w: tensor<2x3x1x1xf32>) -> tensor<1x5x4x4xf32> {
  %a = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x4x4xf32>, tensor<2x3x1x1xf32>) -> tensor<1x2x4x4xf32>
  %b = aidge.max_pool %x {ceil_mode = false, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
  %c = aidge.concat %a, %b {axis = 1 : i64} : (tensor<1x2x4x4xf32>, tensor<1x3x4x4xf32>) -> tensor<1x5x4x4xf32>
  return %c : tensor<1x5x4x4xf32>
}

// -----

// Reshape-like ops want the default format: the conv's result goes back to
// it before the flatten, and the dense layer needs nothing.
// CHECK-LABEL: func @flatten_after_conv
// CHECK: %[[C:.*]] = aidge.conv
// CHECK: %[[T:.*]] = aidge.transpose %[[C]] {{.*}} -> tensor<1x2x2x2xf32>
// CHECK: aidge.flatten %[[T]] {aidge.impl = #aidge.impl<lib = "cpp", kernel = "flatten"
// CHECK: aidge.fc {{.*}}kernel = "fc"
func.func @flatten_after_conv(%x: tensor<1x2x2x2xf32>, %w: tensor<2x2x1x1xf32>, %m: tensor<8x3xf32>) -> tensor<1x3xf32> {
  %c = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x2x2xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x2x2xf32>
  %f = aidge.flatten %c {axis = 1 : i64} : (tensor<1x2x2x2xf32>) -> tensor<1x8xf32>
  %y = aidge.fc %f, %m {alpha = 1.0 : f32, beta = 1.0 : f32, trans_a = false, trans_b = false} : (tensor<1x8xf32>, tensor<8x3xf32>) -> tensor<1x3xf32>
  return %y : tensor<1x3xf32>
}

// -----

// A batch norm of a matrix fits the matrix kernel through its dimension
// ranges; a 4-D one the channels-last kernel.
// CHECK-LABEL: func @batch_norm_ranks
// CHECK: aidge.batch_norm {{.*}}kernel = "batch_norm_matrix"
// CHECK: aidge.batch_norm {{.*}}kernel = "batch_norm2d"
func.func @batch_norm_ranks(%m: tensor<2x3xf32>, %x: tensor<1x3x2x2xf32>, %p: tensor<3xf32>) -> (tensor<2x3xf32>, tensor<1x3x2x2xf32>) {
  %a = aidge.batch_norm %m, %p, %p, %p, %p {epsilon = 1.0e-5 : f32} : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %b = aidge.batch_norm %x, %p, %p, %p, %p {epsilon = 1.0e-5 : f32} : (tensor<1x3x2x2xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x2x2xf32>
  return %a, %b : tensor<2x3xf32>, tensor<1x3x2x2xf32>
}

// -----

// Half floats are widened to f32 around a float-only kernel, and the
// result narrowed back: the fewest casts that make it fit.
// CHECK-LABEL: func @widen
// CHECK: %[[W:.*]] = aidge.cast %arg0 {aidge.impl = #aidge.impl<lib = "cpp", kernel = "cast"{{.*}} : tensor<4xf16> to tensor<4xf32>
// CHECK: %[[S:.*]] = aidge.sigmoid %[[W]] {{.*}} : tensor<4xf32>
// CHECK: %[[N:.*]] = aidge.cast %[[S]] {{.*}} : tensor<4xf32> to tensor<4xf16>
// CHECK: return %[[N]]
func.func @widen(%x: tensor<4xf16>) -> tensor<4xf16> {
  %y = aidge.sigmoid %x : tensor<4xf16>
  return %y : tensor<4xf16>
}

// -----

// Data movement takes any element type.
// CHECK-LABEL: func @int_data
// CHECK: aidge.transpose {{.*}}kernel = "transpose"{{.*}} : (tensor<2x3xi64>) -> tensor<3x2xi64>
func.func @int_data(%x: tensor<2x3xi64>) -> tensor<3x2xi64> {
  %y = aidge.transpose %x {perm = array<i64: 1, 0>} : (tensor<2x3xi64>) -> tensor<3x2xi64>
  return %y : tensor<3x2xi64>
}

// -----

// A 3-D pool runs channels last too: NCDHW in, transposed to NDHWC
// (perm 0, 2, 3, 4, 1) for the max_pool3d kernel, and back.
// CHECK-LABEL: func @pool3d
// CHECK: %[[IN:.*]] = aidge.transpose %arg0 {{.*}}perm = array<i64: 0, 2, 3, 4, 1>
// CHECK: %[[P:.*]] = aidge.avg_pool %[[IN]] {{.*}}impl = #aidge.impl<lib = "cpp", kernel = "avg_pool3d"
// CHECK-SAME: -> tensor<1x4x2x3x2xf32, #aidge<format ndhwc>>
// CHECK: aidge.transpose %[[P]] {{.*}}perm = array<i64: 0, 4, 1, 2, 3>
func.func @pool3d(%x: tensor<1x2x4x6x5xf32>) -> tensor<1x2x4x2x3xf32> {
  %p = aidge.avg_pool %x {ceil_mode = false, count_include_pad = true, dilations = array<i64: 1, 1, 1>, kernel_shape = array<i64: 2, 3, 3>, pads = array<i64: 1, 0, 1, 0, 0, 1>, strides = array<i64: 1, 2, 2>} : (tensor<1x2x4x6x5xf32>) -> tensor<1x2x4x2x3xf32>
  return %p : tensor<1x2x4x2x3xf32>
}

// -----

// So does a 3-D transposed convolution: NDHWC in and out for the
// conv_transpose3d kernel, the weight C x M/group x kD x kH x kW folded
// into an [in][kd][kh][kw][out] constant.
// CHECK-LABEL: func @conv_transpose3d
// CHECK: %[[W:.*]] = aidge.producer {{.*}} : tensor<4x2x2x3x2xf32, #aidge<format ndhwc>>
// CHECK: %[[IN:.*]] = aidge.transpose %arg0 {{.*}}perm = array<i64: 0, 2, 3, 4, 1>
// CHECK: %[[Y:.*]] = aidge.conv_transpose %[[IN]], %[[W]] {{.*}}impl = #aidge.impl<lib = "cpp", kernel = "conv_transpose3d"
// CHECK-SAME: -> tensor<1x6x5x4x4xf32, #aidge<format ndhwc>>
// CHECK: aidge.transpose %[[Y]] {{.*}}perm = array<i64: 0, 4, 1, 2, 3>
func.func @conv_transpose3d(%x: tensor<1x4x3x4x2xf32>) -> tensor<1x4x6x5x4xf32> {
  %w = aidge.producer dense<0.5> : tensor<4x2x2x2x3xf32>
  %y = aidge.conv_transpose %x, %w {dilations = array<i64: 1, 2, 1>, group = 2 : i64, output_padding = array<i64: 1, 0, 0>, pads = array<i64: 1, 0, 1, 0, 1, 1>, strides = array<i64: 2, 1, 3>} : (tensor<1x4x3x4x2xf32>, tensor<4x2x2x2x3xf32>) -> tensor<1x4x6x5x4xf32>
  return %y : tensor<1x4x6x5x4xf32>
}

// -----

// A max_pool with indices takes the kernel that writes them (the plain one
// has one output); both results run channels last, so the i64 indices are
// transposed back too. A max_pool without them keeps the plain kernel.
// CHECK-LABEL: func @max_pool_indices
// CHECK: %[[Y:.*]], %[[Z:.*]] = aidge.max_pool %{{.*}} {aidge.impl = #aidge.impl<lib = "cpp", kernel = "max_pool_indices2d"
// CHECK-SAME: -> (tensor<1x2x2x2xf32, #aidge<format nhwc>>, tensor<1x2x2x2xi64, #aidge<format nhwc>>)
// CHECK-DAG: aidge.transpose %[[Y]] {{.*}} -> tensor<1x2x2x2xf32>
// CHECK-DAG: aidge.transpose %[[Z]] {{.*}} -> tensor<1x2x2x2xi64>
// CHECK: aidge.max_pool %{{.*}} {aidge.impl = #aidge.impl<lib = "cpp", kernel = "max_pool2d"
func.func @max_pool_indices(%x: tensor<1x2x5x5xf32>) -> (tensor<1x2x2x2xf32>, tensor<1x2x2x2xi64>, tensor<1x2x2x2xf32>) {
  %y:2 = aidge.max_pool %x {ceil_mode = false, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>, with_indices} : (tensor<1x2x5x5xf32>) -> (tensor<1x2x2x2xf32>, tensor<1x2x2x2xi64>)
  %p = aidge.max_pool %x {ceil_mode = false, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : (tensor<1x2x5x5xf32>) -> tensor<1x2x2x2xf32>
  return %y#0, %y#1, %p : tensor<1x2x2x2xf32>, tensor<1x2x2x2xi64>, tensor<1x2x2x2xf32>
}
