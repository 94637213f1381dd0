// RUN: aidge-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{data format 'nhwc' is for tensors of rank 4, not 3}}
func.func @format_rank(%x: tensor<1x2x3xf32, #aidge<format nhwc>>)

// -----

// expected-error @+1 {{data format 'any' cannot be a tensor encoding}}
func.func @format_any(%x: tensor<1x2x3xf32, #aidge<format any>>)

// -----

// The result is stored nhwc like the input; a default-format result is a
// different type.
func.func @conv_result_format(%x: tensor<1x8x8x3xf32, #aidge<format nhwc>>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+2 {{'aidge.conv' op inferred type(s) 'tensor<1x6x6x4xf32, #aidge<format nhwc>>' are incompatible with return type(s) of operation 'tensor<1x4x6x6xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x8x8x3xf32, #aidge<format nhwc>>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

// A transpose's result has its own format, but not its own shape.
func.func @transpose_shape(%x: tensor<1x2x3x4xf32>) {
  // expected-error @+2 {{'aidge.transpose' op inferred type(s) 'tensor<1x3x4x2xf32>' are incompatible with return type(s) of operation 'tensor<1x4x3x2xf32, #aidge<format nhwc>>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = aidge.transpose %x {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x2x3x4xf32>) -> tensor<1x4x3x2xf32, #aidge<format nhwc>>
  return
}

// -----

// expected-error @+1 {{min_dims and max_dims must have the same length}}
func.func @dims_length() attributes {s = #aidge.io_spec<min_dims = [1], max_dims = [1, 2]>}

// -----

// expected-error @+1 {{dimension range [3, 2] is empty or negative}}
func.func @dims_empty() attributes {s = #aidge.io_spec<min_dims = [3], max_dims = [2]>}

// -----

// expected-error @+1 {{format 'nhwc' is for rank 4, but dims give rank 2}}
func.func @dims_rank() attributes {s = #aidge.io_spec<format = nhwc, min_dims = [1, 1], max_dims = [1, 1]>}

// -----

// expected-error @+1 {{expected #aidge.io_spec entries, got 1 : i64}}
func.func @spec_entries() attributes {s = #aidge.impl_spec<inputs = [1], outputs = []>}

// -----

// expected-error @+1 {{'relu' does not take min or max}}
func.func @relu_bounds() attributes {a = #aidge.activation<kind = relu, min = 0.0 : f32>}

// -----

// expected-error @+1 {{only 'leaky_relu' takes alpha}}
func.func @clip_alpha() attributes {a = #aidge.activation<kind = clip, alpha = 0.1 : f32>}

// -----

// expected-error @+1 {{'leaky_relu' needs alpha}}
func.func @leaky_no_alpha() attributes {a = #aidge.activation<kind = leaky_relu>}

// -----

// expected-error @+1 {{clip min must not exceed max}}
func.func @clip_order() attributes {a = #aidge.activation<kind = clip, min = 6.0 : f32, max = 0.0 : f32>}

// -----

func.func @impl_kind(%x: tensor<2xf32>) {
  // expected-error @+1 {{'aidge.impl' must be an #aidge.impl attribute}}
  %0 = aidge.relu %x {aidge.impl = "cpp"} : tensor<2xf32>
  return
}
