// RUN: aidge-opt %s -split-input-file -verify-diagnostics

// Every diagnostic of the aidge verifiers and shape inference. An inference
// failure is followed by the generic "failed to infer returned types".

//===----------------------------------------------------------------------===//
// Operand and result type constraints (ODS)
//===----------------------------------------------------------------------===//

func.func @dynamic_shape(%x: tensor<?x3xf32>) {
  // expected-error @+1 {{'aidge.relu' op operand #0 must be statically shaped tensor of any type values, but got 'tensor<?x3xf32>'}}
  %0 = aidge.relu %x : tensor<?x3xf32>
  return
}

// -----

func.func @unary_result_type(%x: tensor<2xf32>) {
  // expected-error @+1 {{'aidge.neg' op requires the same type for all operands and results}}
  %0 = "aidge.neg"(%x) : (tensor<2xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @float_unary_on_integer(%x: tensor<2xi32>) {
  // expected-error @+1 {{'aidge.sigmoid' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<2xi32>'}}
  %0 = aidge.sigmoid %x : tensor<2xi32>
  return
}

// -----

func.func @leaky_relu_on_integer(%x: tensor<2xi8>) {
  // expected-error @+1 {{'aidge.leaky_relu' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<2xi8>'}}
  %0 = aidge.leaky_relu %x {alpha = 0.1 : f32} : tensor<2xi8>
  return
}

// -----

func.func @tanh_on_integer(%x: tensor<2xi32>) {
  // expected-error @+1 {{'aidge.tanh' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<2xi32>'}}
  %0 = aidge.tanh %x : tensor<2xi32>
  return
}

// -----

func.func @hard_swish_on_integer(%x: tensor<2xi32>) {
  // expected-error @+1 {{'aidge.hard_swish' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<2xi32>'}}
  %0 = aidge.hard_swish %x : tensor<2xi32>
  return
}

// -----

func.func @erf_on_integer(%x: tensor<2xi32>) {
  // expected-error @+1 {{'aidge.erf' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<2xi32>'}}
  %0 = aidge.erf %x : tensor<2xi32>
  return
}

// -----

func.func @exp_on_integer(%x: tensor<2xi32>) {
  // expected-error @+1 {{'aidge.exp' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<2xi32>'}}
  %0 = aidge.exp %x : tensor<2xi32>
  return
}

// -----

func.func @sqrt_on_integer(%x: tensor<2xi32>) {
  // expected-error @+1 {{'aidge.sqrt' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<2xi32>'}}
  %0 = aidge.sqrt %x : tensor<2xi32>
  return
}

// -----

func.func @hard_sigmoid_on_integer(%x: tensor<2xi32>) {
  // expected-error @+1 {{'aidge.hard_sigmoid' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<2xi32>'}}
  %0 = aidge.hard_sigmoid %x {alpha = 0.2 : f32, beta = 0.5 : f32} : tensor<2xi32>
  return
}

// -----

func.func @abs_result_type(%x: tensor<2xi32>) {
  // expected-error @+1 {{'aidge.abs' op requires the same type for all operands and results}}
  %0 = "aidge.abs"(%x) : (tensor<2xi32>) -> tensor<2xi64>
  return
}

// -----

func.func @identity_result_type(%x: tensor<2xf32>) {
  // expected-error @+1 {{'aidge.identity' op requires the same type for all operands and results}}
  %0 = "aidge.identity"(%x) : (tensor<2xf32>) -> tensor<1x2xf32>
  return
}

// -----

func.func @conv_complex_input(%x: tensor<1x1x4x4xcomplex<f32>>, %w: tensor<1x1x2x2xcomplex<f32>>) {
  // expected-error @+1 {{'aidge.conv' op operand #0 must be statically shaped tensor of floating-point or integer values, but got 'tensor<1x1x4x4xcomplex<f32>>'}}
  %0 = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x1x4x4xcomplex<f32>>, tensor<1x1x2x2xcomplex<f32>>) -> tensor<1x1x3x3xcomplex<f32>>
  return
}

// -----

func.func @batch_norm_integer(%x: tensor<1x2xi32>, %p: tensor<2xi32>) {
  // expected-error @+1 {{'aidge.batch_norm' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<1x2xi32>'}}
  %0 = aidge.batch_norm %x, %p, %p, %p, %p {epsilon = 1.0e-5 : f32} : (tensor<1x2xi32>, tensor<2xi32>, tensor<2xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<1x2xi32>
  return
}

// -----

func.func @gather_float_indices(%x: tensor<4xf32>, %i: tensor<2xf32>) {
  // expected-error @+1 {{'aidge.gather' op operand #1 must be statically shaped tensor of 32-bit signless integer or 64-bit signless integer values, but got 'tensor<2xf32>'}}
  %0 = aidge.gather %x, %i {axis = 0 : i64} : (tensor<4xf32>, tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @gather_i16_indices(%x: tensor<4xf32>, %i: tensor<2xi16>) {
  // expected-error @+1 {{'aidge.gather' op operand #1 must be statically shaped tensor of 32-bit signless integer or 64-bit signless integer values, but got 'tensor<2xi16>'}}
  %0 = aidge.gather %x, %i {axis = 0 : i64} : (tensor<4xf32>, tensor<2xi16>) -> tensor<2xf32>
  return
}

// -----

func.func @resize_integer(%x: tensor<1x1x2x2xi32>) {
  // expected-error @+1 {{'aidge.resize' op operand #0 must be statically shaped tensor of floating-point values, but got 'tensor<1x1x2x2xi32>'}}
  %0 = aidge.resize %x {coordinate_transform = #aidge<coordinate_transform asymmetric>, mode = #aidge<resize_mode nearest>, nearest_mode = #aidge<nearest_mode floor>, scales = array<f64: 1.0, 1.0, 2.0, 2.0>} : tensor<1x1x2x2xi32> -> tensor<1x1x4x4xi32>
  return
}

// -----

func.func @bad_pad_mode(%x: tensor<2xf32>) {
  // expected-error @+2 {{expected ::mlir::aidge::PadMode to be one of: constant, reflect, edge}}
  // expected-error @+1 {{failed to parse Aidge_PadModeAttr parameter 'value' which is to be a `::mlir::aidge::PadMode`}}
  %0 = aidge.pad %x {mode = #aidge<pad_mode wrap>, pads = array<i64: 1, 1>, value = 0.0 : f32} : (tensor<2xf32>) -> tensor<4xf32>
  return
}

//===----------------------------------------------------------------------===//
// Declared result types that differ from the inferred ones
//===----------------------------------------------------------------------===//

// -----

func.func @conv_wrong_result(%x: tensor<1x3x32x32xf32>, %w: tensor<8x3x3x3xf32>) {
  // expected-error @+2 {{'aidge.conv' op inferred type(s) 'tensor<1x8x32x32xf32>' are incompatible with return type(s) of operation 'tensor<1x8x31x32xf32>'}}
  // expected-error @+1 {{'aidge.conv' op failed to infer returned types}}
  %0 = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x3x32x32xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x31x32xf32>
  return
}

// -----

func.func @add_wrong_element_type(%x: tensor<2xf32>) {
  // expected-error @+2 {{'aidge.add' op inferred type(s) 'tensor<2xf32>' are incompatible with return type(s) of operation 'tensor<2xf16>'}}
  // expected-error @+1 {{'aidge.add' op failed to infer returned types}}
  %0 = aidge.add %x, %x : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf16>
  return
}

// -----

func.func @transpose_wrong_result(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{'aidge.transpose' op inferred type(s) 'tensor<3x2xf32>' are incompatible with return type(s) of operation 'tensor<2x3xf32>'}}
  // expected-error @+1 {{'aidge.transpose' op failed to infer returned types}}
  %0 = aidge.transpose %x {perm = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @reduce_wrong_keepdims_result(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{'aidge.reduce_mean' op inferred type(s) 'tensor<2xf32>' are incompatible with return type(s) of operation 'tensor<2x1xf32>'}}
  // expected-error @+1 {{'aidge.reduce_mean' op failed to infer returned types}}
  %0 = aidge.reduce_mean %x {axes = array<i64: 1>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2x1xf32>
  return
}

// -----

func.func @split_wrong_result_count(%x: tensor<4xf32>) {
  // expected-error @+2 {{'aidge.split' op inferred type(s) 'tensor<2xf32>', 'tensor<2xf32>' are incompatible with return type(s) of operation 'tensor<2xf32>', 'tensor<1xf32>', 'tensor<1xf32>'}}
  // expected-error @+1 {{'aidge.split' op failed to infer returned types}}
  %0:3 = aidge.split %x {axis = 0 : i64, split = array<i64: 2, 2>} : (tensor<4xf32>) -> (tensor<2xf32>, tensor<1xf32>, tensor<1xf32>)
  return
}

// -----

func.func @producer_wrong_result() {
  // expected-error @+2 {{'aidge.producer' op inferred type(s) 'tensor<2xf32>' are incompatible with return type(s) of operation 'tensor<1x2xf32>'}}
  // expected-error @+1 {{'aidge.producer' op failed to infer returned types}}
  %0 = "aidge.producer"() <{value = dense<1.0> : tensor<2xf32>}> : () -> tensor<1x2xf32>
  return
}

//===----------------------------------------------------------------------===//
// aidge.producer
//===----------------------------------------------------------------------===//

// -----

func.func @producer_vector() {
  // expected-error @+1 {{'aidge.producer' op value must be a statically shaped tensor}}
  %0 = aidge.producer dense<1.0> : vector<2xf32>
  return
}

// -----

func.func @producer_vector_generic() {
  // expected-error @+2 {{'aidge.producer' op value must be a statically shaped tensor}}
  // expected-error @+1 {{'aidge.producer' op failed to infer returned types}}
  %0 = "aidge.producer"() <{value = dense<1.0> : vector<2xf32>}> : () -> tensor<2xf32>
  return
}

//===----------------------------------------------------------------------===//
// Windows: aidge.conv, aidge.conv_transpose, pools
//===----------------------------------------------------------------------===//

// -----

func.func @conv_4d(%x: tensor<1x1x4x4x4x4xf32>, %w: tensor<1x1x2x2x2x2xf32>) {
  // expected-error @+2 {{'aidge.conv' op supports 1-D to 3-D windows only, got 4 spatial dimensions}}
  // expected-error @+1 {{'aidge.conv' op failed to infer returned types}}
  %0 = aidge.conv %x, %w {dilations = array<i64: 1, 1, 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0, 0, 0, 0, 0>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x1x4x4x4x4xf32>, tensor<1x1x2x2x2x2xf32>) -> tensor<1x1x3x3x3x3xf32>
  return
}

// -----

func.func @conv_no_spatial(%x: tensor<1x4xf32>, %w: tensor<2x4xf32>) {
  // expected-error @+2 {{'aidge.conv' op supports 1-D to 3-D windows only, got 0 spatial dimensions}}
  // expected-error @+1 {{'aidge.conv' op failed to infer returned types}}
  %0 = aidge.conv %x, %w {dilations = array<i64>, group = 1 : i64, pads = array<i64>, strides = array<i64>} : (tensor<1x4xf32>, tensor<2x4xf32>) -> tensor<1x2xf32>
  return
}

// -----

func.func @conv_rank1(%x: tensor<4xf32>, %w: tensor<4xf32>) {
  // expected-error @+2 {{'aidge.conv' op supports 1-D to 3-D windows only, got -1 spatial dimensions}}
  // expected-error @+1 {{'aidge.conv' op failed to infer returned types}}
  %0 = aidge.conv %x, %w {dilations = array<i64>, group = 1 : i64, pads = array<i64>, strides = array<i64>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @conv_strides_count(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x2x2xf32>) {
  // expected-error @+2 {{'aidge.conv' op expects 2 positive strides}}
  // expected-error @+1 {{'aidge.conv' op failed to infer returned types}}
  %0 = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1>} : (tensor<1x1x4x4xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x3x3xf32>
  return
}

// -----

func.func @conv_zero_stride(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x2x2xf32>) {
  // expected-error @+2 {{'aidge.conv' op expects 2 positive strides}}
  // expected-error @+1 {{'aidge.conv' op failed to infer returned types}}
  %0 = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 0>} : (tensor<1x1x4x4xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x3x3xf32>
  return
}

// -----

func.func @conv_dilations_count(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x2x2xf32>) {
  // expected-error @+2 {{'aidge.conv' op expects 2 positive dilations}}
  // expected-error @+1 {{'aidge.conv' op failed to infer returned types}}
  %0 = aidge.conv %x, %w {dilations = array<i64: 1, 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x1x4x4xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x3x3xf32>
  return
}

// -----

func.func @conv1d_negative_dilation(%x: tensor<1x1x4xf32>, %w: tensor<1x1x2xf32>) {
  // expected-error @+2 {{'aidge.conv' op expects 1 positive dilations}}
  // expected-error @+1 {{'aidge.conv' op failed to infer returned types}}
  %0 = aidge.conv %x, %w {dilations = array<i64: -1>, group = 1 : i64, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<1x1x4xf32>, tensor<1x1x2xf32>) -> tensor<1x1x3xf32>
  return
}

// -----

func.func @conv_pads_count(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x2x2xf32>) {
  // expected-error @+2 {{'aidge.conv' op expects 4 non-negative pads}}
  // expected-error @+1 {{'aidge.conv' op failed to infer returned types}}
  %0 = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x1x4x4xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x5x5xf32>
  return
}

// -----

func.func @conv_negative_pad(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x2x2xf32>) {
  // expected-error @+2 {{'aidge.conv' op expects 4 non-negative pads}}
  // expected-error @+1 {{'aidge.conv' op failed to infer returned types}}
  %0 = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, -1, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x1x4x4xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x3x2xf32>
  return
}

// -----

func.func @conv_weight_rank(%x: tensor<1x4x8x8xf32>, %w: tensor<8x4x3xf32>) {
  // expected-error @+2 {{'aidge.conv' op expects a weight of rank 4, got 3}}
  // expected-error @+1 {{'aidge.conv' op failed to infer returned types}}
  %0 = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<8x4x3xf32>) -> tensor<1x8x6x6xf32>
  return
}

// -----

func.func @conv_group_input_channels(%x: tensor<1x4x8x8xf32>, %w: tensor<6x1x3x3xf32>) {
  // expected-error @+2 {{'aidge.conv' op group 3 must divide the input and output channels (4, 6)}}
  // expected-error @+1 {{'aidge.conv' op failed to infer returned types}}
  %0 = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 3 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<6x1x3x3xf32>) -> tensor<1x6x6x6xf32>
  return
}

// -----

func.func @conv_group_output_channels(%x: tensor<1x4x8x8xf32>, %w: tensor<5x2x3x3xf32>) {
  // expected-error @+2 {{'aidge.conv' op group 2 must divide the input and output channels (4, 5)}}
  // expected-error @+1 {{'aidge.conv' op failed to infer returned types}}
  %0 = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 2 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<5x2x3x3xf32>) -> tensor<1x5x6x6xf32>
  return
}

// -----

func.func @conv_group_zero(%x: tensor<1x4x8x8xf32>, %w: tensor<8x4x3x3xf32>) {
  // expected-error @+2 {{'aidge.conv' op group 0 must divide the input and output channels (4, 8)}}
  // expected-error @+1 {{'aidge.conv' op failed to infer returned types}}
  %0 = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 0 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<8x4x3x3xf32>) -> tensor<1x8x6x6xf32>
  return
}

// -----

func.func @conv_weight_channels(%x: tensor<1x4x8x8xf32>, %w: tensor<8x2x3x3xf32>) {
  // expected-error @+2 {{'aidge.conv' op weight has 2 input channels per group, expected 4}}
  // expected-error @+1 {{'aidge.conv' op failed to infer returned types}}
  %0 = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<8x2x3x3xf32>) -> tensor<1x8x6x6xf32>
  return
}

// -----

func.func @conv_grouped_weight_channels(%x: tensor<1x4x8x8xf32>, %w: tensor<8x4x3x3xf32>) {
  // expected-error @+2 {{'aidge.conv' op weight has 4 input channels per group, expected 2}}
  // expected-error @+1 {{'aidge.conv' op failed to infer returned types}}
  %0 = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 2 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<8x4x3x3xf32>) -> tensor<1x8x6x6xf32>
  return
}

// -----

func.func @conv_bias_size(%x: tensor<1x4x8x8xf32>, %w: tensor<8x4x3x3xf32>, %b: tensor<4xf32>) {
  // expected-error @+2 {{'aidge.conv' op expects a bias of 8 elements}}
  // expected-error @+1 {{'aidge.conv' op failed to infer returned types}}
  %0 = aidge.conv %x, %w, %b {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<8x4x3x3xf32>, tensor<4xf32>) -> tensor<1x8x6x6xf32>
  return
}

// -----

func.func @conv_bias_rank(%x: tensor<1x4x8x8xf32>, %w: tensor<8x4x3x3xf32>, %b: tensor<8x1xf32>) {
  // expected-error @+2 {{'aidge.conv' op expects a bias of 8 elements}}
  // expected-error @+1 {{'aidge.conv' op failed to infer returned types}}
  %0 = aidge.conv %x, %w, %b {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<8x4x3x3xf32>, tensor<8x1xf32>) -> tensor<1x8x6x6xf32>
  return
}

// -----

// W: 4 + 0 + 0 - 2*(3-1) - 1 < 0
func.func @conv_kernel_too_big(%x: tensor<1x1x8x4xf32>, %w: tensor<1x1x3x3xf32>) {
  // expected-error @+2 {{'aidge.conv' op kernel does not fit the padded input along spatial axis 1}}
  // expected-error @+1 {{'aidge.conv' op failed to infer returned types}}
  %0 = aidge.conv %x, %w {dilations = array<i64: 1, 2>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x1x8x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x6x1xf32>
  return
}

// -----

func.func @conv_transpose_4d(%x: tensor<1x4x5x5x5x5xf32>, %w: tensor<4x2x3x3x3x3xf32>) {
  // expected-error @+2 {{'aidge.conv_transpose' op supports 1-D to 3-D windows only, got 4 spatial dimensions}}
  // expected-error @+1 {{'aidge.conv_transpose' op failed to infer returned types}}
  %0 = aidge.conv_transpose %x, %w {dilations = array<i64: 1, 1, 1, 1>, group = 1 : i64, output_padding = array<i64: 0, 0, 0, 0>, pads = array<i64: 0, 0, 0, 0, 0, 0, 0, 0>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x4x5x5x5x5xf32>, tensor<4x2x3x3x3x3xf32>) -> tensor<1x2x7x7x7x7xf32>
  return
}

// -----

func.func @conv_transpose_weight_rank(%x: tensor<1x4x5x5xf32>, %w: tensor<4x2x3xf32>) {
  // expected-error @+2 {{'aidge.conv_transpose' op expects a weight of rank 4, got 3}}
  // expected-error @+1 {{'aidge.conv_transpose' op failed to infer returned types}}
  %0 = aidge.conv_transpose %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, output_padding = array<i64: 0, 0>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x5x5xf32>, tensor<4x2x3xf32>) -> tensor<1x2x7x7xf32>
  return
}

// -----

func.func @conv_transpose_strides(%x: tensor<1x4x5x5xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error @+2 {{'aidge.conv_transpose' op expects 2 positive strides}}
  // expected-error @+1 {{'aidge.conv_transpose' op failed to infer returned types}}
  %0 = aidge.conv_transpose %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, output_padding = array<i64: 0, 0>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 0, 1>} : (tensor<1x4x5x5xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x7x7xf32>
  return
}

// -----

func.func @conv_transpose_pads(%x: tensor<1x4x5x5xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error @+2 {{'aidge.conv_transpose' op expects 4 non-negative pads}}
  // expected-error @+1 {{'aidge.conv_transpose' op failed to infer returned types}}
  %0 = aidge.conv_transpose %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, output_padding = array<i64: 0, 0>, pads = array<i64: 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x5x5xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x7x7xf32>
  return
}

// -----

func.func @conv_transpose_output_padding_count(%x: tensor<1x4x5x5xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error @+2 {{'aidge.conv_transpose' op expects 2 non-negative output paddings}}
  // expected-error @+1 {{'aidge.conv_transpose' op failed to infer returned types}}
  %0 = aidge.conv_transpose %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, output_padding = array<i64: 0>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x5x5xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x7x7xf32>
  return
}

// -----

func.func @conv_transpose_negative_output_padding(%x: tensor<1x4x5x5xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error @+2 {{'aidge.conv_transpose' op expects 2 non-negative output paddings}}
  // expected-error @+1 {{'aidge.conv_transpose' op failed to infer returned types}}
  %0 = aidge.conv_transpose %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, output_padding = array<i64: 0, -1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x5x5xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x7x6xf32>
  return
}

// -----

func.func @conv_transpose_weight_channels(%x: tensor<1x4x5x5xf32>, %w: tensor<3x2x3x3xf32>) {
  // expected-error @+2 {{'aidge.conv_transpose' op weight must have 4 input channels and group must divide them}}
  // expected-error @+1 {{'aidge.conv_transpose' op failed to infer returned types}}
  %0 = aidge.conv_transpose %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, output_padding = array<i64: 0, 0>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x5x5xf32>, tensor<3x2x3x3xf32>) -> tensor<1x2x7x7xf32>
  return
}

// -----

func.func @conv_transpose_group(%x: tensor<1x4x5x5xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error @+2 {{'aidge.conv_transpose' op weight must have 4 input channels and group must divide them}}
  // expected-error @+1 {{'aidge.conv_transpose' op failed to infer returned types}}
  %0 = aidge.conv_transpose %x, %w {dilations = array<i64: 1, 1>, group = 3 : i64, output_padding = array<i64: 0, 0>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x5x5xf32>, tensor<4x2x3x3xf32>) -> tensor<1x6x7x7xf32>
  return
}

// -----

func.func @conv_transpose_group_zero(%x: tensor<1x4x5x5xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error @+2 {{'aidge.conv_transpose' op weight must have 4 input channels and group must divide them}}
  // expected-error @+1 {{'aidge.conv_transpose' op failed to infer returned types}}
  %0 = aidge.conv_transpose %x, %w {dilations = array<i64: 1, 1>, group = 0 : i64, output_padding = array<i64: 0, 0>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x5x5xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x7x7xf32>
  return
}

// -----

// group 2: 2 output channels per group, 4 in all.
func.func @conv_transpose_bias(%x: tensor<1x4x5x5xf32>, %w: tensor<4x2x3x3xf32>, %b: tensor<2xf32>) {
  // expected-error @+2 {{'aidge.conv_transpose' op expects a bias of 4 elements}}
  // expected-error @+1 {{'aidge.conv_transpose' op failed to infer returned types}}
  %0 = aidge.conv_transpose %x, %w, %b {dilations = array<i64: 1, 1>, group = 2 : i64, output_padding = array<i64: 0, 0>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x5x5xf32>, tensor<4x2x3x3xf32>, tensor<2xf32>) -> tensor<1x4x7x7xf32>
  return
}

// -----

// 1*(1-1) + 0 + (1-1)*1 + 1 - 1 - 0 = 0
func.func @conv_transpose_empty(%x: tensor<1x1x1x3xf32>, %w: tensor<1x1x1x1xf32>) {
  // expected-error @+2 {{'aidge.conv_transpose' op output is empty along spatial axis 0}}
  // expected-error @+1 {{'aidge.conv_transpose' op failed to infer returned types}}
  %0 = aidge.conv_transpose %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, output_padding = array<i64: 0, 0>, pads = array<i64: 1, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x1x1x3xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x1x3xf32>
  return
}

// -----

func.func @max_pool_no_spatial(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{'aidge.max_pool' op supports 1-D to 3-D windows only, got 0 spatial dimensions}}
  // expected-error @+1 {{'aidge.max_pool' op failed to infer returned types}}
  %0 = aidge.max_pool %x {ceil_mode = false, dilations = array<i64>, kernel_shape = array<i64>, pads = array<i64>, strides = array<i64>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @max_pool_4d(%x: tensor<1x1x4x4x4x4xf32>) {
  // expected-error @+2 {{'aidge.max_pool' op supports 1-D to 3-D windows only, got 4 spatial dimensions}}
  // expected-error @+1 {{'aidge.max_pool' op failed to infer returned types}}
  %0 = aidge.max_pool %x {ceil_mode = false, dilations = array<i64: 1, 1, 1, 1>, kernel_shape = array<i64: 2, 2, 2, 2>, pads = array<i64: 0, 0, 0, 0, 0, 0, 0, 0>, strides = array<i64: 1, 1, 1, 1>} : (tensor<1x1x4x4x4x4xf32>) -> tensor<1x1x3x3x3x3xf32>
  return
}

// -----

// Indices are i64.
func.func @max_pool_indices_type(%x: tensor<1x1x4x4xf32>) {
  // expected-error @+1 {{'aidge.max_pool' op result #1 must be statically shaped tensor of 64-bit signless integer values, but got 'tensor<1x1x3x3xi32>'}}
  %0:2 = aidge.max_pool %x {ceil_mode = false, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>, with_indices} : (tensor<1x1x4x4xf32>) -> (tensor<1x1x3x3xf32>, tensor<1x1x3x3xi32>)
  return
}

// -----

// The indices result comes with with_indices, and only with it.
func.func @max_pool_indices_without_attr(%x: tensor<1x1x4x4xf32>) {
  // expected-error @+2 {{'aidge.max_pool' op inferred type(s) 'tensor<1x1x3x3xf32>' are incompatible with return type(s) of operation 'tensor<1x1x3x3xf32>', 'tensor<1x1x3x3xi64>'}}
  // expected-error @+1 {{'aidge.max_pool' op failed to infer returned types}}
  %0:2 = aidge.max_pool %x {ceil_mode = false, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x1x4x4xf32>) -> (tensor<1x1x3x3xf32>, tensor<1x1x3x3xi64>)
  return
}

// -----

func.func @max_pool_column_major_without_indices(%x: tensor<1x1x4x4xf32>) {
  // expected-error @+2 {{'aidge.max_pool' op column_major orders indices, so needs with_indices}}
  // expected-error @+1 {{'aidge.max_pool' op failed to infer returned types}}
  %0 = aidge.max_pool %x {ceil_mode = false, column_major, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x3x3xf32>
  return
}

// -----

func.func @max_pool_dilations(%x: tensor<1x1x4x4xf32>) {
  // expected-error @+2 {{'aidge.max_pool' op expects 2 positive dilations}}
  // expected-error @+1 {{'aidge.max_pool' op failed to infer returned types}}
  %0 = aidge.max_pool %x {ceil_mode = false, dilations = array<i64: 1, 0>, kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x3x3xf32>
  return
}

// -----

func.func @max_pool_kernel_count(%x: tensor<1x1x4x4xf32>) {
  // expected-error @+2 {{'aidge.max_pool' op expects 2 positive kernel sizes}}
  // expected-error @+1 {{'aidge.max_pool' op failed to infer returned types}}
  %0 = aidge.max_pool %x {ceil_mode = false, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x3x3xf32>
  return
}

// -----

func.func @avg_pool_zero_kernel(%x: tensor<1x1x4xf32>) {
  // expected-error @+2 {{'aidge.avg_pool' op expects 1 positive kernel sizes}}
  // expected-error @+1 {{'aidge.avg_pool' op failed to infer returned types}}
  %0 = aidge.avg_pool %x {ceil_mode = false, count_include_pad = false, dilations = array<i64: 1>, kernel_shape = array<i64: 0>, pads = array<i64: 0, 0>, strides = array<i64: 1>} : (tensor<1x1x4xf32>) -> tensor<1x1x5xf32>
  return
}

// -----

func.func @avg_pool_strides(%x: tensor<1x1x4xf32>) {
  // expected-error @+2 {{'aidge.avg_pool' op expects 1 positive strides}}
  // expected-error @+1 {{'aidge.avg_pool' op failed to infer returned types}}
  %0 = aidge.avg_pool %x {ceil_mode = false, count_include_pad = false, dilations = array<i64: 1>, kernel_shape = array<i64: 2>, pads = array<i64: 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x1x4xf32>) -> tensor<1x1x3xf32>
  return
}

// -----

func.func @avg_pool_pad_not_below_kernel(%x: tensor<1x1x4x4xf32>) {
  // expected-error @+2 {{'aidge.avg_pool' op pads must be smaller than the kernel}}
  // expected-error @+1 {{'aidge.avg_pool' op failed to infer returned types}}
  %0 = aidge.avg_pool %x {ceil_mode = false, count_include_pad = true, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 2>, strides = array<i64: 1, 1>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x3x5xf32>
  return
}

// -----

func.func @max_pool_pad_not_below_kernel(%x: tensor<1x1x4x4xf32>) {
  // expected-error @+2 {{'aidge.max_pool' op pads must be smaller than the kernel}}
  // expected-error @+1 {{'aidge.max_pool' op failed to infer returned types}}
  %0 = aidge.max_pool %x {ceil_mode = false, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 3, 3>, pads = array<i64: 3, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x5x2xf32>
  return
}

// -----

func.func @max_pool_window_too_big(%x: tensor<1x1x2x8xf32>) {
  // expected-error @+2 {{'aidge.max_pool' op window does not fit the padded input along spatial axis 0}}
  // expected-error @+1 {{'aidge.max_pool' op failed to infer returned types}}
  %0 = aidge.max_pool %x {ceil_mode = false, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 3, 3>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x1x2x8xf32>) -> tensor<1x1x0x6xf32>
  return
}

// -----

func.func @global_average_pool_rank(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{'aidge.global_average_pool' op expects an input of rank 3 or more}}
  // expected-error @+1 {{'aidge.global_average_pool' op failed to infer returned types}}
  %0 = aidge.global_average_pool %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @global_max_pool_rank(%x: tensor<3xf32>) {
  // expected-error @+2 {{'aidge.global_max_pool' op expects an input of rank 3 or more}}
  // expected-error @+1 {{'aidge.global_max_pool' op failed to infer returned types}}
  %0 = aidge.global_max_pool %x : (tensor<3xf32>) -> tensor<3xf32>
  return
}

//===----------------------------------------------------------------------===//
// aidge.fc, aidge.matmul
//===----------------------------------------------------------------------===//

// -----

func.func @fc_rank(%a: tensor<2x4x8xf32>, %b: tensor<8x16xf32>) {
  // expected-error @+2 {{'aidge.fc' op expects 2-D operands}}
  // expected-error @+1 {{'aidge.fc' op failed to infer returned types}}
  %0 = aidge.fc %a, %b {alpha = 1.0 : f32, beta = 1.0 : f32, trans_a = false, trans_b = false} : (tensor<2x4x8xf32>, tensor<8x16xf32>) -> tensor<2x4x16xf32>
  return
}

// -----

func.func @fc_b_rank(%a: tensor<4x8xf32>, %b: tensor<8xf32>) {
  // expected-error @+2 {{'aidge.fc' op expects 2-D operands}}
  // expected-error @+1 {{'aidge.fc' op failed to infer returned types}}
  %0 = aidge.fc %a, %b {alpha = 1.0 : f32, beta = 1.0 : f32, trans_a = false, trans_b = false} : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4xf32>
  return
}

// -----

// trans_b: b is N x K = 16 x 4, so K differs (8 vs 4).
func.func @fc_inner(%a: tensor<4x8xf32>, %b: tensor<16x4xf32>) {
  // expected-error @+2 {{'aidge.fc' op inner dimensions differ: 8 vs 4}}
  // expected-error @+1 {{'aidge.fc' op failed to infer returned types}}
  %0 = aidge.fc %a, %b {alpha = 1.0 : f32, beta = 1.0 : f32, trans_a = false, trans_b = true} : (tensor<4x8xf32>, tensor<16x4xf32>) -> tensor<4x16xf32>
  return
}

// -----

func.func @fc_c_not_broadcastable(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>, %c: tensor<8xf32>) {
  // expected-error @+2 {{'aidge.fc' op c does not broadcast to 4x16}}
  // expected-error @+1 {{'aidge.fc' op failed to infer returned types}}
  %0 = aidge.fc %a, %b, %c {alpha = 1.0 : f32, beta = 1.0 : f32, trans_a = false, trans_b = false} : (tensor<4x8xf32>, tensor<8x16xf32>, tensor<8xf32>) -> tensor<4x16xf32>
  return
}

// -----

// c broadcasts only one way: a 1x4x16 c would grow the result.
func.func @fc_c_too_big(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>, %c: tensor<1x4x16xf32>) {
  // expected-error @+2 {{'aidge.fc' op c does not broadcast to 4x16}}
  // expected-error @+1 {{'aidge.fc' op failed to infer returned types}}
  %0 = aidge.fc %a, %b, %c {alpha = 1.0 : f32, beta = 1.0 : f32, trans_a = false, trans_b = false} : (tensor<4x8xf32>, tensor<8x16xf32>, tensor<1x4x16xf32>) -> tensor<4x16xf32>
  return
}

// -----

func.func @matmul_inner(%a: tensor<3x4xf32>, %b: tensor<5x6xf32>) {
  // expected-error @+2 {{'aidge.matmul' op operand shapes are incompatible}}
  // expected-error @+1 {{'aidge.matmul' op failed to infer returned types}}
  %0 = aidge.matmul %a, %b : (tensor<3x4xf32>, tensor<5x6xf32>) -> tensor<3x6xf32>
  return
}

// -----

func.func @matmul_batch(%a: tensor<2x3x4xf32>, %b: tensor<3x4x5xf32>) {
  // expected-error @+2 {{'aidge.matmul' op operand shapes are incompatible}}
  // expected-error @+1 {{'aidge.matmul' op failed to infer returned types}}
  %0 = aidge.matmul %a, %b : (tensor<2x3x4xf32>, tensor<3x4x5xf32>) -> tensor<2x3x5xf32>
  return
}

// -----

func.func @matmul_vectors(%a: tensor<4xf32>, %b: tensor<3xf32>) {
  // expected-error @+2 {{'aidge.matmul' op operand shapes are incompatible}}
  // expected-error @+1 {{'aidge.matmul' op failed to infer returned types}}
  %0 = aidge.matmul %a, %b : (tensor<4xf32>, tensor<3xf32>) -> tensor<f32>
  return
}

// -----

func.func @matmul_scalar(%a: tensor<f32>, %b: tensor<3xf32>) {
  // expected-error @+2 {{'aidge.matmul' op operand shapes are incompatible}}
  // expected-error @+1 {{'aidge.matmul' op failed to infer returned types}}
  %0 = aidge.matmul %a, %b : (tensor<f32>, tensor<3xf32>) -> tensor<3xf32>
  return
}

//===----------------------------------------------------------------------===//
// Element-wise ops
//===----------------------------------------------------------------------===//

// -----

func.func @clip_min_above_max(%x: tensor<2xf32>) {
  // expected-error @+1 {{'aidge.clip' op min must not exceed max}}
  %0 = aidge.clip %x {max = 1.0 : f32, min = 2.0 : f32} : tensor<2xf32>
  return
}

// -----

func.func @softmax_axis_too_big(%x: tensor<2x3x4xf32>) {
  // expected-error @+1 {{'aidge.softmax' op axis 3 is out of range}}
  %0 = aidge.softmax %x {axis = 3 : i64} : tensor<2x3x4xf32>
  return
}

// -----

func.func @softmax_negative_axis(%x: tensor<2x3x4xf32>) {
  // expected-error @+1 {{'aidge.softmax' op axis -1 is out of range}}
  %0 = aidge.softmax %x {axis = -1 : i64} : tensor<2x3x4xf32>
  return
}

// -----

func.func @add_not_broadcastable(%a: tensor<2x3xf32>, %b: tensor<2xf32>) {
  // expected-error @+2 {{'aidge.add' op operand shapes 'tensor<2x3xf32>' and 'tensor<2xf32>' are not broadcastable}}
  // expected-error @+1 {{'aidge.add' op failed to infer returned types}}
  %0 = aidge.add %a, %b : (tensor<2x3xf32>, tensor<2xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @sub_not_broadcastable(%a: tensor<4x1xf32>, %b: tensor<3x5xf32>) {
  // expected-error @+2 {{'aidge.sub' op operand shapes 'tensor<4x1xf32>' and 'tensor<3x5xf32>' are not broadcastable}}
  // expected-error @+1 {{'aidge.sub' op failed to infer returned types}}
  %0 = aidge.sub %a, %b : (tensor<4x1xf32>, tensor<3x5xf32>) -> tensor<4x5xf32>
  return
}

// -----

func.func @mul_not_broadcastable(%a: tensor<2x3x4xf32>, %b: tensor<3x3x4xf32>) {
  // expected-error @+2 {{'aidge.mul' op operand shapes 'tensor<2x3x4xf32>' and 'tensor<3x3x4xf32>' are not broadcastable}}
  // expected-error @+1 {{'aidge.mul' op failed to infer returned types}}
  %0 = aidge.mul %a, %b : (tensor<2x3x4xf32>, tensor<3x3x4xf32>) -> tensor<2x3x4xf32>
  return
}

// -----

func.func @div_not_broadcastable(%a: tensor<0xf32>, %b: tensor<2xf32>) {
  // expected-error @+2 {{'aidge.div' op operand shapes 'tensor<0xf32>' and 'tensor<2xf32>' are not broadcastable}}
  // expected-error @+1 {{'aidge.div' op failed to infer returned types}}
  %0 = aidge.div %a, %b : (tensor<0xf32>, tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @pow_not_broadcastable(%a: tensor<2x3xf32>, %b: tensor<4xi32>) {
  // expected-error @+2 {{'aidge.pow' op operand shapes 'tensor<2x3xf32>' and 'tensor<4xi32>' are not broadcastable}}
  // expected-error @+1 {{'aidge.pow' op failed to infer returned types}}
  %0 = aidge.pow %a, %b : (tensor<2x3xf32>, tensor<4xi32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @max_not_broadcastable(%a: tensor<5xf32>, %b: tensor<6xf32>) {
  // expected-error @+2 {{'aidge.max' op operand shapes 'tensor<5xf32>' and 'tensor<6xf32>' are not broadcastable}}
  // expected-error @+1 {{'aidge.max' op failed to infer returned types}}
  %0 = aidge.max %a, %b : (tensor<5xf32>, tensor<6xf32>) -> tensor<5xf32>
  return
}

// -----

func.func @min_not_broadcastable(%a: tensor<2x5xi32>, %b: tensor<3x1xi32>) {
  // expected-error @+2 {{'aidge.min' op operand shapes 'tensor<2x5xi32>' and 'tensor<3x1xi32>' are not broadcastable}}
  // expected-error @+1 {{'aidge.min' op failed to infer returned types}}
  %0 = aidge.min %a, %b : (tensor<2x5xi32>, tensor<3x1xi32>) -> tensor<3x5xi32>
  return
}

// -----

func.func @add_element_types(%a: tensor<2xf32>, %b: tensor<2xi32>) {
  // expected-error @+2 {{'aidge.add' op operands have different element types: 'f32' and 'i32'}}
  // expected-error @+1 {{'aidge.add' op failed to infer returned types}}
  %0 = aidge.add %a, %b : (tensor<2xf32>, tensor<2xi32>) -> tensor<2xf32>
  return
}

// -----

func.func @sub_element_types(%a: tensor<2xf32>, %b: tensor<2xf16>) {
  // expected-error @+2 {{'aidge.sub' op operands have different element types: 'f32' and 'f16'}}
  // expected-error @+1 {{'aidge.sub' op failed to infer returned types}}
  %0 = aidge.sub %a, %b : (tensor<2xf32>, tensor<2xf16>) -> tensor<2xf32>
  return
}

// -----

func.func @mul_element_types(%a: tensor<2xi64>, %b: tensor<2xi32>) {
  // expected-error @+2 {{'aidge.mul' op operands have different element types: 'i64' and 'i32'}}
  // expected-error @+1 {{'aidge.mul' op failed to infer returned types}}
  %0 = aidge.mul %a, %b : (tensor<2xi64>, tensor<2xi32>) -> tensor<2xi64>
  return
}

// -----

func.func @div_element_types(%a: tensor<2xf32>, %b: tensor<f64>) {
  // expected-error @+2 {{'aidge.div' op operands have different element types: 'f32' and 'f64'}}
  // expected-error @+1 {{'aidge.div' op failed to infer returned types}}
  %0 = aidge.div %a, %b : (tensor<2xf32>, tensor<f64>) -> tensor<2xf32>
  return
}

// -----

func.func @max_element_types(%a: tensor<2xf32>, %b: tensor<2xbf16>) {
  // expected-error @+2 {{'aidge.max' op operands have different element types: 'f32' and 'bf16'}}
  // expected-error @+1 {{'aidge.max' op failed to infer returned types}}
  %0 = aidge.max %a, %b : (tensor<2xf32>, tensor<2xbf16>) -> tensor<2xf32>
  return
}

// -----

func.func @min_element_types(%a: tensor<2xi8>, %b: tensor<2xi1>) {
  // expected-error @+2 {{'aidge.min' op operands have different element types: 'i8' and 'i1'}}
  // expected-error @+1 {{'aidge.min' op failed to infer returned types}}
  %0 = aidge.min %a, %b : (tensor<2xi8>, tensor<2xi1>) -> tensor<2xi8>
  return
}

//===----------------------------------------------------------------------===//
// aidge.batch_norm
//===----------------------------------------------------------------------===//

// -----

func.func @batch_norm_rank(%x: tensor<4xf32>, %p: tensor<4xf32>) {
  // expected-error @+2 {{'aidge.batch_norm' op expects an input of rank 2 or more}}
  // expected-error @+1 {{'aidge.batch_norm' op failed to infer returned types}}
  %0 = aidge.batch_norm %x, %p, %p, %p, %p {epsilon = 1.0e-5 : f32} : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @batch_norm_param_size(%x: tensor<1x4x2x2xf32>, %p: tensor<4xf32>, %v: tensor<3xf32>) {
  // expected-error @+2 {{'aidge.batch_norm' op expects parameters of 4 elements, one per channel}}
  // expected-error @+1 {{'aidge.batch_norm' op failed to infer returned types}}
  %0 = aidge.batch_norm %x, %p, %p, %p, %v {epsilon = 1.0e-5 : f32} : (tensor<1x4x2x2xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<3xf32>) -> tensor<1x4x2x2xf32>
  return
}

// -----

func.func @batch_norm_param_rank(%x: tensor<1x4x2x2xf32>, %p: tensor<4xf32>, %s: tensor<1x4xf32>) {
  // expected-error @+2 {{'aidge.batch_norm' op expects parameters of 4 elements, one per channel}}
  // expected-error @+1 {{'aidge.batch_norm' op failed to infer returned types}}
  %0 = aidge.batch_norm %x, %s, %p, %p, %p {epsilon = 1.0e-5 : f32} : (tensor<1x4x2x2xf32>, tensor<1x4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x2x2xf32>
  return
}

// -----

func.func @batch_norm_negative_epsilon(%x: tensor<1x4x2x2xf32>, %p: tensor<4xf32>) {
  // expected-error @+2 {{'aidge.batch_norm' op epsilon must not be negative}}
  // expected-error @+1 {{'aidge.batch_norm' op failed to infer returned types}}
  %0 = aidge.batch_norm %x, %p, %p, %p, %p {epsilon = -1.0e-5 : f32} : (tensor<1x4x2x2xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x2x2xf32>
  return
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

// -----

func.func @concat_no_input() {
  // expected-error @+2 {{'aidge.concat' op expects at least one input}}
  // expected-error @+1 {{'aidge.concat' op failed to infer returned types}}
  %0 = aidge.concat {axis = 0 : i64} : () -> tensor<2xf32>
  return
}

// -----

func.func @concat_axis_too_big(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'aidge.concat' op axis 2 is out of range}}
  // expected-error @+1 {{'aidge.concat' op failed to infer returned types}}
  %0 = aidge.concat %a, %a {axis = 2 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  return
}

// -----

func.func @concat_negative_axis(%a: tensor<2x3xf32>) {
  // expected-error @+2 {{'aidge.concat' op axis -1 is out of range}}
  // expected-error @+1 {{'aidge.concat' op failed to infer returned types}}
  %0 = aidge.concat %a, %a {axis = -1 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  return
}

// -----

func.func @concat_element_types(%a: tensor<2x3xf32>, %b: tensor<2x3xi32>) {
  // expected-error @+2 {{'aidge.concat' op inputs must have the same element type and rank}}
  // expected-error @+1 {{'aidge.concat' op failed to infer returned types}}
  %0 = aidge.concat %a, %b {axis = 0 : i64} : (tensor<2x3xf32>, tensor<2x3xi32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @concat_ranks(%a: tensor<2x3xf32>, %b: tensor<2x3x1xf32>) {
  // expected-error @+2 {{'aidge.concat' op inputs must have the same element type and rank}}
  // expected-error @+1 {{'aidge.concat' op failed to infer returned types}}
  %0 = aidge.concat %a, %b {axis = 0 : i64} : (tensor<2x3xf32>, tensor<2x3x1xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @concat_dims(%a: tensor<2x3xf32>, %b: tensor<2x4xf32>) {
  // expected-error @+2 {{'aidge.concat' op inputs differ in dimension 1}}
  // expected-error @+1 {{'aidge.concat' op failed to infer returned types}}
  %0 = aidge.concat %a, %b {axis = 0 : i64} : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @transpose_perm_length(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{'aidge.transpose' op perm must be a permutation of the 3 dimensions}}
  // expected-error @+1 {{'aidge.transpose' op failed to infer returned types}}
  %0 = aidge.transpose %x {perm = array<i64: 1, 0>} : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  return
}

// -----

func.func @transpose_perm_duplicate(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{'aidge.transpose' op perm must be a permutation of the 3 dimensions}}
  // expected-error @+1 {{'aidge.transpose' op failed to infer returned types}}
  %0 = aidge.transpose %x {perm = array<i64: 0, 2, 2>} : (tensor<2x3x4xf32>) -> tensor<2x4x4xf32>
  return
}

// -----

func.func @transpose_perm_out_of_range(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{'aidge.transpose' op perm must be a permutation of the 2 dimensions}}
  // expected-error @+1 {{'aidge.transpose' op failed to infer returned types}}
  %0 = aidge.transpose %x {perm = array<i64: 1, 2>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return
}

// -----

func.func @reshape_element_count(%x: tensor<2x3x4xf32>) {
  // expected-error @+1 {{'aidge.reshape' op changes the number of elements from 24 to 20}}
  %0 = aidge.reshape %x : tensor<2x3x4xf32> -> tensor<5x4xf32>
  return
}

// -----

func.func @reshape_element_type(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'aidge.reshape' op must not change the element type}}
  %0 = aidge.reshape %x : tensor<2x3xf32> -> tensor<6xi32>
  return
}

// -----

func.func @flatten_axis_too_big(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{'aidge.flatten' op axis 4 is out of range}}
  // expected-error @+1 {{'aidge.flatten' op failed to infer returned types}}
  %0 = aidge.flatten %x {axis = 4 : i64} : (tensor<2x3x4xf32>) -> tensor<24x1xf32>
  return
}

// -----

func.func @flatten_negative_axis(%x: tensor<2x3x4xf32>) {
  // expected-error @+2 {{'aidge.flatten' op axis -1 is out of range}}
  // expected-error @+1 {{'aidge.flatten' op failed to infer returned types}}
  %0 = aidge.flatten %x {axis = -1 : i64} : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  return
}

// -----

func.func @squeeze_unsorted(%x: tensor<1x3x1xf32>) {
  // expected-error @+2 {{'aidge.squeeze' op axes must be sorted, unique and within the input rank}}
  // expected-error @+1 {{'aidge.squeeze' op failed to infer returned types}}
  %0 = aidge.squeeze %x {axes = array<i64: 2, 0>} : (tensor<1x3x1xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @squeeze_out_of_range(%x: tensor<1x3x1xf32>) {
  // expected-error @+2 {{'aidge.squeeze' op axes must be sorted, unique and within the input rank}}
  // expected-error @+1 {{'aidge.squeeze' op failed to infer returned types}}
  %0 = aidge.squeeze %x {axes = array<i64: 0, 3>} : (tensor<1x3x1xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @squeeze_negative(%x: tensor<1x3x1xf32>) {
  // expected-error @+2 {{'aidge.squeeze' op axes must be sorted, unique and within the input rank}}
  // expected-error @+1 {{'aidge.squeeze' op failed to infer returned types}}
  %0 = aidge.squeeze %x {axes = array<i64: -1>} : (tensor<1x3x1xf32>) -> tensor<1x3xf32>
  return
}

// -----

func.func @squeeze_non_unit(%x: tensor<1x3x1xf32>) {
  // expected-error @+2 {{'aidge.squeeze' op cannot squeeze dimension 1 of size 3}}
  // expected-error @+1 {{'aidge.squeeze' op failed to infer returned types}}
  %0 = aidge.squeeze %x {axes = array<i64: 0, 1>} : (tensor<1x3x1xf32>) -> tensor<1xf32>
  return
}

// -----

// The output has rank 3, so axis 3 is out of range.
func.func @unsqueeze_out_of_range(%x: tensor<3x4xf32>) {
  // expected-error @+2 {{'aidge.unsqueeze' op axes must be sorted, unique and within the output rank}}
  // expected-error @+1 {{'aidge.unsqueeze' op failed to infer returned types}}
  %0 = aidge.unsqueeze %x {axes = array<i64: 3>} : (tensor<3x4xf32>) -> tensor<3x4x1xf32>
  return
}

// -----

func.func @unsqueeze_duplicate(%x: tensor<3x4xf32>) {
  // expected-error @+2 {{'aidge.unsqueeze' op axes must be sorted, unique and within the output rank}}
  // expected-error @+1 {{'aidge.unsqueeze' op failed to infer returned types}}
  %0 = aidge.unsqueeze %x {axes = array<i64: 0, 0>} : (tensor<3x4xf32>) -> tensor<1x1x3x4xf32>
  return
}

// -----

func.func @pad_count(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{'aidge.pad' op expects 4 pads}}
  // expected-error @+1 {{'aidge.pad' op failed to infer returned types}}
  %0 = aidge.pad %x {mode = #aidge<pad_mode constant>, pads = array<i64: 1, 1>, value = 0.0 : f32} : (tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @pad_reflect_begin(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{'aidge.pad' op reflect pads must be smaller than dimension 1}}
  // expected-error @+1 {{'aidge.pad' op failed to infer returned types}}
  %0 = aidge.pad %x {mode = #aidge<pad_mode reflect>, pads = array<i64: 0, 3, 0, 0>, value = 0.0 : f32} : (tensor<2x3xf32>) -> tensor<2x6xf32>
  return
}

// -----

func.func @pad_reflect_end(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{'aidge.pad' op reflect pads must be smaller than dimension 0}}
  // expected-error @+1 {{'aidge.pad' op failed to infer returned types}}
  %0 = aidge.pad %x {mode = #aidge<pad_mode reflect>, pads = array<i64: 0, 0, 2, 0>, value = 0.0 : f32} : (tensor<2x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

func.func @pad_crop_to_nothing(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{'aidge.pad' op crops dimension 0 to nothing}}
  // expected-error @+1 {{'aidge.pad' op failed to infer returned types}}
  %0 = aidge.pad %x {mode = #aidge<pad_mode constant>, pads = array<i64: -1, 0, -1, 0>, value = 0.0 : f32} : (tensor<2x3xf32>) -> tensor<0x3xf32>
  return
}

// -----

func.func @slice_count(%x: tensor<4x4xf32>) {
  // expected-error @+2 {{'aidge.slice' op expects one start, end and step per dimension (2)}}
  // expected-error @+1 {{'aidge.slice' op failed to infer returned types}}
  %0 = aidge.slice %x {ends = array<i64: 2>, starts = array<i64: 0>, steps = array<i64: 1>} : (tensor<4x4xf32>) -> tensor<2x4xf32>
  return
}

// -----

func.func @slice_steps_count(%x: tensor<4x4xf32>) {
  // expected-error @+2 {{'aidge.slice' op expects one start, end and step per dimension (2)}}
  // expected-error @+1 {{'aidge.slice' op failed to infer returned types}}
  %0 = aidge.slice %x {ends = array<i64: 4, 4>, starts = array<i64: 0, 0>, steps = array<i64: 1>} : (tensor<4x4xf32>) -> tensor<4x4xf32>
  return
}

// -----

func.func @slice_zero_step(%x: tensor<4x4xf32>) {
  // expected-error @+2 {{'aidge.slice' op step of dimension 1 is zero}}
  // expected-error @+1 {{'aidge.slice' op failed to infer returned types}}
  %0 = aidge.slice %x {ends = array<i64: 4, 4>, starts = array<i64: 0, 0>, steps = array<i64: 1, 0>} : (tensor<4x4xf32>) -> tensor<4x4xf32>
  return
}

// -----

func.func @slice_start_too_big(%x: tensor<4x4xf32>) {
  // expected-error @+2 {{'aidge.slice' op bounds of dimension 0 are not normalized to its size 4}}
  // expected-error @+1 {{'aidge.slice' op failed to infer returned types}}
  %0 = aidge.slice %x {ends = array<i64: 4, 4>, starts = array<i64: 5, 0>, steps = array<i64: 1, 1>} : (tensor<4x4xf32>) -> tensor<0x4xf32>
  return
}

// -----

func.func @slice_negative_start(%x: tensor<4x4xf32>) {
  // expected-error @+2 {{'aidge.slice' op bounds of dimension 1 are not normalized to its size 4}}
  // expected-error @+1 {{'aidge.slice' op failed to infer returned types}}
  %0 = aidge.slice %x {ends = array<i64: 4, 4>, starts = array<i64: 0, -1>, steps = array<i64: 1, 1>} : (tensor<4x4xf32>) -> tensor<4x5xf32>
  return
}

// -----

func.func @slice_end_too_big(%x: tensor<4x4xf32>) {
  // expected-error @+2 {{'aidge.slice' op bounds of dimension 1 are not normalized to its size 4}}
  // expected-error @+1 {{'aidge.slice' op failed to infer returned types}}
  %0 = aidge.slice %x {ends = array<i64: 4, 6>, starts = array<i64: 0, 0>, steps = array<i64: 1, 1>} : (tensor<4x4xf32>) -> tensor<4x6xf32>
  return
}

// -----

func.func @slice_end_below_minus_one(%x: tensor<4x4xf32>) {
  // expected-error @+2 {{'aidge.slice' op bounds of dimension 0 are not normalized to its size 4}}
  // expected-error @+1 {{'aidge.slice' op failed to infer returned types}}
  %0 = aidge.slice %x {ends = array<i64: -2, 4>, starts = array<i64: 3, 0>, steps = array<i64: -1, 1>} : (tensor<4x4xf32>) -> tensor<5x4xf32>
  return
}

// -----

// -1 means "before index 0", which only a negative step can reach.
func.func @slice_end_minus_one_positive_step(%x: tensor<4x4xf32>) {
  // expected-error @+2 {{'aidge.slice' op bounds of dimension 0 are not normalized to its size 4}}
  // expected-error @+1 {{'aidge.slice' op failed to infer returned types}}
  %0 = aidge.slice %x {ends = array<i64: -1, 4>, starts = array<i64: 0, 0>, steps = array<i64: 1, 1>} : (tensor<4x4xf32>) -> tensor<0x4xf32>
  return
}

// -----

// Regression: with a negative step the first element read is `start`, so a
// start equal to the size read out of bounds (and gave 5 elements out of 4).
func.func @slice_negative_step_start_at_size(%x: tensor<4xf32>) {
  // expected-error @+2 {{'aidge.slice' op bounds of dimension 0 are not normalized to its size 4}}
  // expected-error @+1 {{'aidge.slice' op failed to infer returned types}}
  %0 = aidge.slice %x {ends = array<i64: -1>, starts = array<i64: 4>, steps = array<i64: -1>} : (tensor<4xf32>) -> tensor<5xf32>
  return
}

// -----

// Regression: the same on an empty dimension gave one element out of none.
func.func @slice_negative_step_empty_dim(%x: tensor<0x2xf32>) {
  // expected-error @+2 {{'aidge.slice' op bounds of dimension 0 are not normalized to its size 0}}
  // expected-error @+1 {{'aidge.slice' op failed to infer returned types}}
  %0 = aidge.slice %x {ends = array<i64: -1, 2>, starts = array<i64: 0, 0>, steps = array<i64: -1, 1>} : (tensor<0x2xf32>) -> tensor<1x2xf32>
  return
}

// -----

func.func @split_axis(%x: tensor<2x4xf32>) {
  // expected-error @+2 {{'aidge.split' op axis 2 is out of range}}
  // expected-error @+1 {{'aidge.split' op failed to infer returned types}}
  %0:2 = aidge.split %x {axis = 2 : i64, split = array<i64: 2, 2>} : (tensor<2x4xf32>) -> (tensor<2x2xf32>, tensor<2x2xf32>)
  return
}

// -----

func.func @split_negative_axis(%x: tensor<2x4xf32>) {
  // expected-error @+2 {{'aidge.split' op axis -1 is out of range}}
  // expected-error @+1 {{'aidge.split' op failed to infer returned types}}
  %0:2 = aidge.split %x {axis = -1 : i64, split = array<i64: 2, 2>} : (tensor<2x4xf32>) -> (tensor<2x2xf32>, tensor<2x2xf32>)
  return
}

// -----

func.func @split_sum(%x: tensor<2x4xf32>) {
  // expected-error @+2 {{'aidge.split' op split sizes must be non-negative and add up to 4}}
  // expected-error @+1 {{'aidge.split' op failed to infer returned types}}
  %0:2 = aidge.split %x {axis = 1 : i64, split = array<i64: 2, 3>} : (tensor<2x4xf32>) -> (tensor<2x2xf32>, tensor<2x3xf32>)
  return
}

// -----

func.func @split_negative_size(%x: tensor<2x4xf32>) {
  // expected-error @+2 {{'aidge.split' op split sizes must be non-negative and add up to 4}}
  // expected-error @+1 {{'aidge.split' op failed to infer returned types}}
  %0:2 = aidge.split %x {axis = 1 : i64, split = array<i64: 5, -1>} : (tensor<2x4xf32>) -> (tensor<2x5xf32>, tensor<2x1xf32>)
  return
}

// -----

func.func @split_empty(%x: tensor<2x0xf32>) {
  // expected-error @+2 {{'aidge.split' op split sizes must be non-negative and add up to 0}}
  // expected-error @+1 {{'aidge.split' op failed to infer returned types}}
  aidge.split %x {axis = 1 : i64, split = array<i64>} : (tensor<2x0xf32>) -> ()
  return
}

// -----

func.func @gather_axis(%x: tensor<4x3xf32>, %i: tensor<2xi64>) {
  // expected-error @+2 {{'aidge.gather' op axis 2 is out of range}}
  // expected-error @+1 {{'aidge.gather' op failed to infer returned types}}
  %0 = aidge.gather %x, %i {axis = 2 : i64} : (tensor<4x3xf32>, tensor<2xi64>) -> tensor<4x3x2xf32>
  return
}

// -----

func.func @gather_negative_axis(%x: tensor<4x3xf32>, %i: tensor<2xi32>) {
  // expected-error @+2 {{'aidge.gather' op axis -1 is out of range}}
  // expected-error @+1 {{'aidge.gather' op failed to infer returned types}}
  %0 = aidge.gather %x, %i {axis = -1 : i64} : (tensor<4x3xf32>, tensor<2xi32>) -> tensor<4x2xf32>
  return
}

// -----

func.func @gather_scalar_data(%x: tensor<f32>, %i: tensor<i64>) {
  // expected-error @+2 {{'aidge.gather' op axis 0 is out of range}}
  // expected-error @+1 {{'aidge.gather' op failed to infer returned types}}
  %0 = aidge.gather %x, %i {axis = 0 : i64} : (tensor<f32>, tensor<i64>) -> tensor<f32>
  return
}

// -----

func.func @reduce_mean_empty_axes(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{'aidge.reduce_mean' op axes must be non-empty, sorted, unique and within the rank}}
  // expected-error @+1 {{'aidge.reduce_mean' op failed to infer returned types}}
  %0 = aidge.reduce_mean %x {axes = array<i64>, keepdims = true} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @reduce_sum_unsorted_axes(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{'aidge.reduce_sum' op axes must be non-empty, sorted, unique and within the rank}}
  // expected-error @+1 {{'aidge.reduce_sum' op failed to infer returned types}}
  %0 = aidge.reduce_sum %x {axes = array<i64: 1, 0>, keepdims = true} : (tensor<2x3xf32>) -> tensor<1x1xf32>
  return
}

// -----

func.func @reduce_max_axis_out_of_range(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{'aidge.reduce_max' op axes must be non-empty, sorted, unique and within the rank}}
  // expected-error @+1 {{'aidge.reduce_max' op failed to infer returned types}}
  %0 = aidge.reduce_max %x {axes = array<i64: 2>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @reduce_max_negative_axis(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{'aidge.reduce_max' op axes must be non-empty, sorted, unique and within the rank}}
  // expected-error @+1 {{'aidge.reduce_max' op failed to infer returned types}}
  %0 = aidge.reduce_max %x {axes = array<i64: -1>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @reduce_sum_duplicate_axes(%x: tensor<2x3xf32>) {
  // expected-error @+2 {{'aidge.reduce_sum' op axes must be non-empty, sorted, unique and within the rank}}
  // expected-error @+1 {{'aidge.reduce_sum' op failed to infer returned types}}
  %0 = aidge.reduce_sum %x {axes = array<i64: 1, 1>, keepdims = false} : (tensor<2x3xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @resize_output_rank(%x: tensor<1x1x2x2xf32>) {
  // expected-error @+1 {{'aidge.resize' op expects input, output and scales of the same rank}}
  %0 = aidge.resize %x {coordinate_transform = #aidge<coordinate_transform asymmetric>, mode = #aidge<resize_mode nearest>, nearest_mode = #aidge<nearest_mode floor>, scales = array<f64: 1.0, 1.0, 2.0, 2.0>} : tensor<1x1x2x2xf32> -> tensor<1x4x4xf32>
  return
}

// -----

func.func @resize_scales_count(%x: tensor<1x1x2x2xf32>) {
  // expected-error @+1 {{'aidge.resize' op expects input, output and scales of the same rank}}
  %0 = aidge.resize %x {coordinate_transform = #aidge<coordinate_transform asymmetric>, mode = #aidge<resize_mode nearest>, nearest_mode = #aidge<nearest_mode floor>, scales = array<f64: 2.0, 2.0>} : tensor<1x1x2x2xf32> -> tensor<1x1x4x4xf32>
  return
}

// -----

func.func @resize_element_type(%x: tensor<1x1x2x2xf32>) {
  // expected-error @+1 {{'aidge.resize' op must not change the element type}}
  %0 = aidge.resize %x {coordinate_transform = #aidge<coordinate_transform asymmetric>, mode = #aidge<resize_mode nearest>, nearest_mode = #aidge<nearest_mode floor>, scales = array<f64: 1.0, 1.0, 2.0, 2.0>} : tensor<1x1x2x2xf32> -> tensor<1x1x4x4xf16>
  return
}

// -----

func.func @resize_zero_scale(%x: tensor<1x1x2x2xf32>) {
  // expected-error @+1 {{'aidge.resize' op scale of dimension 1 must be positive}}
  %0 = aidge.resize %x {coordinate_transform = #aidge<coordinate_transform asymmetric>, mode = #aidge<resize_mode nearest>, nearest_mode = #aidge<nearest_mode floor>, scales = array<f64: 1.0, 0.0, 2.0, 2.0>} : tensor<1x1x2x2xf32> -> tensor<1x0x4x4xf32>
  return
}

// -----

func.func @resize_negative_scale(%x: tensor<1x1x2x2xf32>) {
  // expected-error @+1 {{'aidge.resize' op scale of dimension 3 must be positive}}
  %0 = aidge.resize %x {coordinate_transform = #aidge<coordinate_transform asymmetric>, mode = #aidge<resize_mode nearest>, nearest_mode = #aidge<nearest_mode floor>, scales = array<f64: 1.0, 1.0, 2.0, -2.0>} : tensor<1x1x2x2xf32> -> tensor<1x1x4x4xf32>
  return
}

// -----

func.func @resize_shape_mismatch(%x: tensor<1x1x2x2xf32>) {
  // expected-error @+1 {{'aidge.resize' op output dimension 2 is 5, but the scale gives 4}}
  %0 = aidge.resize %x {coordinate_transform = #aidge<coordinate_transform half_pixel>, mode = #aidge<resize_mode linear>, nearest_mode = #aidge<nearest_mode floor>, scales = array<f64: 1.0, 1.0, 2.0, 2.0>} : tensor<1x1x2x2xf32> -> tensor<1x1x5x4xf32>
  return
}

// -----

// Regression: ONNX gives floor(5 * 1.5) = 7; 8 used to be accepted because
// any size within 1 of 7.5 was.
func.func @resize_rounds_up(%x: tensor<1x1x5x5xf32>) {
  // expected-error @+1 {{'aidge.resize' op output dimension 2 is 8, but the scale gives 7.500000e+00}}
  %0 = aidge.resize %x {coordinate_transform = #aidge<coordinate_transform half_pixel>, mode = #aidge<resize_mode linear>, nearest_mode = #aidge<nearest_mode floor>, scales = array<f64: 1.0, 1.0, 1.5, 1.5>} : tensor<1x1x5x5xf32> -> tensor<1x1x8x8xf32>
  return
}

// -----

func.func @resize_roi_without_crop(%x: tensor<1x1x4x4xf32>) {
  // expected-error @+1 {{'aidge.resize' op has a roi if and only if its coordinate transform is tf_crop_and_resize}}
  %0 = aidge.resize %x {coordinate_transform = #aidge<coordinate_transform half_pixel>, mode = #aidge<resize_mode linear>, nearest_mode = #aidge<nearest_mode floor>, scales = array<f64: 1.0, 1.0, 0.75, 0.75>, roi = array<f32: 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0>} : tensor<1x1x4x4xf32> -> tensor<1x1x3x3xf32>
  return
}

// -----

func.func @resize_crop_without_roi(%x: tensor<1x1x4x4xf32>) {
  // expected-error @+1 {{'aidge.resize' op has a roi if and only if its coordinate transform is tf_crop_and_resize}}
  %0 = aidge.resize %x {coordinate_transform = #aidge<coordinate_transform tf_crop_and_resize>, mode = #aidge<resize_mode linear>, nearest_mode = #aidge<nearest_mode floor>, scales = array<f64: 1.0, 1.0, 0.75, 0.75>} : tensor<1x1x4x4xf32> -> tensor<1x1x3x3xf32>
  return
}

// -----

func.func @resize_roi_size(%x: tensor<1x1x4x4xf32>) {
  // expected-error @+1 {{'aidge.resize' op expects a roi of 8 values}}
  %0 = aidge.resize %x {coordinate_transform = #aidge<coordinate_transform tf_crop_and_resize>, mode = #aidge<resize_mode linear>, nearest_mode = #aidge<nearest_mode floor>, scales = array<f64: 1.0, 1.0, 0.75, 0.75>, roi = array<f32: 0.0, 0.0, 1.0, 1.0>} : tensor<1x1x4x4xf32> -> tensor<1x1x3x3xf32>
  return
}

// -----

// 3 * 0.5 = 1.5: floor gives 1, not 2.
func.func @resize_down_rounds_up(%x: tensor<1x1x3x4xf32>) {
  // expected-error @+1 {{'aidge.resize' op output dimension 2 is 2, but the scale gives 1.500000e+00}}
  %0 = aidge.resize %x {coordinate_transform = #aidge<coordinate_transform asymmetric>, mode = #aidge<resize_mode nearest>, nearest_mode = #aidge<nearest_mode floor>, scales = array<f64: 1.0, 1.0, 0.5, 0.5>} : tensor<1x1x3x4xf32> -> tensor<1x1x2x2xf32>
  return
}

// -----

func.func @cast_shape(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'aidge.cast' op must not change the shape}}
  %0 = aidge.cast %x : tensor<2x3xf32> to tensor<6xi32>
  return
}
