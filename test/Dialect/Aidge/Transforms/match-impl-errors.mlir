// RUN: aidge-opt %s --aidge-match-impl --split-input-file -verify-diagnostics

// Integers are never converted to run a float kernel: nothing fits, and
// the error gives the required spec and the library's specs for the type.
func.func @int_activation(%x: tensor<4xi32>) -> tensor<4xi32> {
  // expected-error @+2 {{no implementation of 'relu' in export library 'cpp' fits this op, which requires #aidge.impl_spec<inputs = [#aidge.io_spec<dtype = i32, format = default, min_dims = [4], max_dims = [4]>], outputs = [#aidge.io_spec<dtype = i32, format = default, min_dims = [4], max_dims = [4]>]>}}
  // expected-note @+1 {{available: relu #aidge.impl_spec<inputs = [#aidge.io_spec<dtype = f32>], outputs = [#aidge.io_spec<dtype = f32>]>}}
  %y = aidge.relu %x : tensor<4xi32>
  return %y : tensor<4xi32>
}

// -----

// A 3-D pool fits neither the 2-D nor the 1-D channels-last kernel.
func.func @pool3d(%x: tensor<1x1x2x2x2xf32>) -> tensor<1x1x1x1x1xf32> {
  // expected-error @+3 {{no implementation of 'global_average_pool' in export library 'cpp' fits this op}}
  // expected-note @+2 {{available: global_average_pool2d}}
  // expected-note @+1 {{available: global_average_pool1d}}
  %y = aidge.global_average_pool %x : (tensor<1x1x2x2x2xf32>) -> tensor<1x1x1x1x1xf32>
  return %y : tensor<1x1x1x1x1xf32>
}
