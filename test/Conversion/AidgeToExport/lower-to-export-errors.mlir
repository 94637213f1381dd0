// RUN: aidge-opt %s --split-input-file --aidge-lower-to-export -verify-diagnostics

// The aidge.mem, aidge.impl and aidge.step attributes are written by hand:
// the pipeline would refuse most of these graphs before this pass.

// expected-error @+1 {{has no memory plan; run --aidge-plan-memory}}
func.func @no_plan(%x: tensor<16xf32>) -> tensor<16xf32> {
  return %x : tensor<16xf32>
}

// -----

// The alignment is part of the plan too.
// expected-error @+1 {{has no memory plan; run --aidge-plan-memory}}
func.func @no_align(%x: tensor<16xf32>) -> tensor<16xf32> attributes {aidge.peak_bytes = 64 : i64} {
  return %x : tensor<16xf32>
}

// -----

// expected-error @+1 {{graph input 0 has no aidge.mem; run --aidge-plan-memory}}
func.func @input_no_mem(%x: tensor<16xf32>) -> tensor<16xf32> attributes {aidge.peak_bytes = 64 : i64, aidge.arena_align = 16 : i64} {
  return %x : tensor<16xf32>
}

// -----

#m = #aidge.mem_info<size = 64, stride = 64, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 64, wrap_offset = 0, wrap_size = 0, reuse = none>
func.func @no_step(%x: tensor<16xf32> {aidge.mem = #m}) -> tensor<16xf32> attributes {aidge.peak_bytes = 64 : i64, aidge.arena_align = 16 : i64} {
  // expected-error @+1 {{has no aidge.step; run --aidge-schedule}}
  %a = aidge.relu %x {aidge.impl = #aidge.impl<lib = "cpp", kernel = "relu", spec = <inputs = [], outputs = []>>, aidge.mem = [#m]} : tensor<16xf32>
  return %a : tensor<16xf32>
}

// -----

#m = #aidge.mem_info<size = 64, stride = 64, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 64, wrap_offset = 0, wrap_size = 0, reuse = none>
func.func @no_impl(%x: tensor<16xf32> {aidge.mem = #m}) -> tensor<16xf32> attributes {aidge.peak_bytes = 64 : i64, aidge.arena_align = 16 : i64} {
  // expected-error @+1 {{has no implementation; run --aidge-match-impl}}
  %a = aidge.relu %x {aidge.mem = [#m], aidge.step = 1 : i64} : tensor<16xf32>
  return %a : tensor<16xf32>
}

// -----

#m = #aidge.mem_info<size = 64, stride = 64, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 64, wrap_offset = 0, wrap_size = 0, reuse = none>
func.func @unknown_kernel(%x: tensor<16xf32> {aidge.mem = #m}) -> tensor<16xf32> attributes {aidge.peak_bytes = 64 : i64, aidge.arena_align = 16 : i64} {
  // expected-error @+1 {{kernel 'relu_v2' of export library 'cpp' is not registered}}
  %a = aidge.relu %x {aidge.impl = #aidge.impl<lib = "cpp", kernel = "relu_v2", spec = <inputs = [], outputs = []>>, aidge.mem = [#m], aidge.step = 1 : i64} : tensor<16xf32>
  return %a : tensor<16xf32>
}

// -----

#m = #aidge.mem_info<size = 64, stride = 64, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 64, wrap_offset = 0, wrap_size = 0, reuse = none>
func.func @unknown_lib(%x: tensor<16xf32> {aidge.mem = #m}) -> tensor<16xf32> attributes {aidge.peak_bytes = 64 : i64, aidge.arena_align = 16 : i64} {
  // expected-error @+1 {{kernel 'relu' of export library 'no_such_lib' is not registered}}
  %a = aidge.relu %x {aidge.impl = #aidge.impl<lib = "no_such_lib", kernel = "relu", spec = <inputs = [], outputs = []>>, aidge.mem = [#m], aidge.step = 1 : i64} : tensor<16xf32>
  return %a : tensor<16xf32>
}

// -----

#m = #aidge.mem_info<size = 64, stride = 64, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 64, wrap_offset = 0, wrap_size = 0, reuse = none>
func.func @result_no_mem(%x: tensor<16xf32> {aidge.mem = #m}) -> tensor<16xf32> attributes {aidge.peak_bytes = 64 : i64, aidge.arena_align = 16 : i64} {
  // expected-error @+1 {{has no aidge.mem; run --aidge-plan-memory}}
  %a = aidge.relu %x {aidge.impl = #aidge.impl<lib = "cpp", kernel = "relu", spec = <inputs = [], outputs = []>>, aidge.step = 1 : i64} : tensor<16xf32>
  return %a : tensor<16xf32>
}

// -----

// The cast kernel is instantiated for C++ element types; bf16 has none.
#a = #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 16, wrap_offset = 0, wrap_size = 0, reuse = none>
#b = #aidge.mem_info<size = 8, stride = 8, length = 1, count = 1, offset = 16, cont_offset = 16, cont_size = 8, wrap_offset = 16, wrap_size = 0, reuse = none>
func.func @cast_bf16(%x: tensor<4xf32> {aidge.mem = #a}) -> tensor<4xbf16> attributes {aidge.peak_bytes = 32 : i64, aidge.arena_align = 16 : i64} {
  // expected-error @+1 {{the cpp cast kernel cannot hold 'bf16' tensors}}
  %0 = aidge.cast %x {aidge.impl = #aidge.impl<lib = "cpp", kernel = "cast", spec = <inputs = [], outputs = []>>, aidge.mem = [#b], aidge.step = 1 : i64} : tensor<4xf32> to tensor<4xbf16>
  return %0 : tensor<4xbf16>
}

// -----

// A cast of a constant would fold; the kernel reads its input from the
// arena only.
#a = #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 16, wrap_offset = 0, wrap_size = 0, reuse = none>
#b = #aidge.mem_info<size = 32, stride = 32, length = 1, count = 1, offset = 16, cont_offset = 16, cont_size = 32, wrap_offset = 16, wrap_size = 0, reuse = none>
func.func @cast_constant(%x: tensor<4xf32> {aidge.mem = #a}) -> tensor<4xi64> attributes {aidge.peak_bytes = 48 : i64, aidge.arena_align = 16 : i64} {
  %c = aidge.producer dense<1.5> : tensor<4xf32>
  // expected-error @+1 {{the cpp cast kernel takes no constant input}}
  %0 = aidge.cast %c {aidge.impl = #aidge.impl<lib = "cpp", kernel = "cast", spec = <inputs = [], outputs = []>>, aidge.mem = [#b], aidge.step = 1 : i64} : tensor<4xf32> to tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// The kernels compute in f32 only (match-impl would have inserted casts).
#x = #aidge.mem_info<size = 4, stride = 4, length = 2, count = 2, offset = 0, cont_offset = 0, cont_size = 16, wrap_offset = 0, wrap_size = 0, reuse = none>
#y = #aidge.mem_info<size = 2, stride = 2, length = 2, count = 2, offset = 16, cont_offset = 16, cont_size = 8, wrap_offset = 16, wrap_size = 0, reuse = none>
func.func @conv_f16(%x: tensor<1x2x2x2xf16, #aidge<format nhwc>> {aidge.mem = #x}) -> tensor<1x2x2x1xf16, #aidge<format nhwc>> attributes {aidge.peak_bytes = 32 : i64, aidge.arena_align = 16 : i64} {
  %w = aidge.producer dense<1.0> : tensor<1x1x1x2xf16, #aidge<format nhwc>>
  // expected-error @+1 {{the cpp kernels of this export compute in f32, not 'f16'}}
  %y = aidge.conv %x, %w {aidge.impl = #aidge.impl<lib = "cpp", kernel = "conv2d", spec = <inputs = [], outputs = []>>, aidge.mem = [#y], aidge.step = 1 : i64, dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x2x2xf16, #aidge<format nhwc>>, tensor<1x1x1x2xf16, #aidge<format nhwc>>) -> tensor<1x2x2x1xf16, #aidge<format nhwc>>
  return %y : tensor<1x2x2x1xf16, #aidge<format nhwc>>
}

// -----

// A conv in the model's NCHW order: the cpp kernels run channels last.
#x = #aidge.mem_info<size = 32, stride = 32, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 32, wrap_offset = 0, wrap_size = 0, reuse = none>
#y = #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 32, cont_offset = 32, cont_size = 16, wrap_offset = 32, wrap_size = 0, reuse = none>
func.func @conv_nchw(%x: tensor<1x2x2x2xf32> {aidge.mem = #x}) -> tensor<1x1x2x2xf32> attributes {aidge.peak_bytes = 48 : i64, aidge.arena_align = 16 : i64} {
  %w = aidge.producer dense<1.0> : tensor<1x2x1x1xf32>
  // expected-error @+1 {{the cpp convolution kernels take channels-last tensors; run --aidge-match-impl}}
  %y = aidge.conv %x, %w {aidge.impl = #aidge.impl<lib = "cpp", kernel = "conv2d", spec = <inputs = [], outputs = []>>, aidge.mem = [#y], aidge.step = 1 : i64, dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x2x2xf32>, tensor<1x2x1x1xf32>) -> tensor<1x1x2x2xf32>
  return %y : tensor<1x1x2x2xf32>
}

// -----

// A kernel on weights packed at export time cannot take them computed at
// run time (the ImplSpec of the blocked kernels does not match then).
#x = #aidge.mem_info<size = 8, stride = 8, length = 2, count = 2, offset = 0, cont_offset = 0, cont_size = 32, wrap_offset = 0, wrap_size = 0, reuse = none>
#w = #aidge.mem_info<size = 8, stride = 8, length = 1, count = 1, offset = 32, cont_offset = 32, cont_size = 8, wrap_offset = 32, wrap_size = 0, reuse = none>
#y = #aidge.mem_info<size = 4, stride = 4, length = 2, count = 2, offset = 48, cont_offset = 48, cont_size = 16, wrap_offset = 48, wrap_size = 0, reuse = none>
func.func @blocked_runtime_weight(%x: tensor<1x2x2x2xf32, #aidge<format nhwc>> {aidge.mem = #x}, %w: tensor<1x1x1x2xf32, #aidge<format nhwc>> {aidge.mem = #w}) -> tensor<1x2x2x1xf32, #aidge<format nhwc>> attributes {aidge.peak_bytes = 64 : i64, aidge.arena_align = 16 : i64} {
  // expected-error @+1 {{the cpp kernel takes its weights packed at export time, not computed at run time}}
  %y = aidge.conv %x, %w {aidge.impl = #aidge.impl<lib = "cpp", kernel = "conv_blocked2d", spec = <inputs = [], outputs = []>>, aidge.mem = [#y], aidge.step = 1 : i64, dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x2x2xf32, #aidge<format nhwc>>, tensor<1x1x1x2xf32, #aidge<format nhwc>>) -> tensor<1x2x2x1xf32, #aidge<format nhwc>>
  return %y : tensor<1x2x2x1xf32, #aidge<format nhwc>>
}

// -----

// A weight computed at run time is read in place as one array: not from a
// ring buffer.
#a = #aidge.mem_info<size = 32, stride = 32, length = 2, count = 1, offset = 0, cont_offset = 0, cont_size = 64, wrap_offset = 0, wrap_size = 0, reuse = none>
#b = #aidge.mem_info<size = 32, stride = 32, length = 4, count = 1, offset = 64, cont_offset = 64, cont_size = 96, wrap_offset = 0, wrap_size = 32, reuse = none>
#y = #aidge.mem_info<size = 16, stride = 16, length = 2, count = 1, offset = 192, cont_offset = 192, cont_size = 32, wrap_offset = 192, wrap_size = 0, reuse = none>
func.func @fc_wrapped_weight(%x: tensor<2x8xf32> {aidge.mem = #a}, %w: tensor<4x8xf32> {aidge.mem = #b}) -> tensor<2x4xf32> attributes {aidge.peak_bytes = 224 : i64, aidge.arena_align = 16 : i64} {
  // expected-error @+1 {{the cpp kernel reads its weights computed at run time as one array, but the memory plan wraps or interleaves them}}
  %y = aidge.fc %x, %w {aidge.impl = #aidge.impl<lib = "cpp", kernel = "fc", spec = <inputs = [], outputs = []>>, aidge.mem = [#y], aidge.step = 1 : i64, alpha = 1.0 : f32, beta = 1.0 : f32, trans_a = false, trans_b = true} : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

// The resize kernel takes up to 6 dimensions.
#x = #aidge.mem_info<size = 4, stride = 4, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 4, wrap_offset = 0, wrap_size = 0, reuse = none>
#y = #aidge.mem_info<size = 8, stride = 8, length = 1, count = 1, offset = 16, cont_offset = 16, cont_size = 8, wrap_offset = 16, wrap_size = 0, reuse = none>
func.func @resize_rank7(%x: tensor<1x1x1x1x1x1x1xf32> {aidge.mem = #x}) -> tensor<1x1x1x1x1x1x2xf32> attributes {aidge.peak_bytes = 32 : i64, aidge.arena_align = 16 : i64} {
  // expected-error @+1 {{the cpp resize kernel takes 1 to 6 dimensions}}
  %y = aidge.resize %x {aidge.impl = #aidge.impl<lib = "cpp", kernel = "resize", spec = <inputs = [], outputs = []>>, aidge.mem = [#y], aidge.step = 1 : i64, coordinate_transform = #aidge<coordinate_transform asymmetric>, mode = #aidge<resize_mode nearest>, nearest_mode = #aidge<nearest_mode floor>, scales = array<f64: 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0>} : tensor<1x1x1x1x1x1x1xf32> -> tensor<1x1x1x1x1x1x2xf32>
  return %y : tensor<1x1x1x1x1x1x2xf32>
}

// -----

// A transposed convolution reads its weight [in][kh][kw][out]: stored like
// its channels-last input.
#x = #aidge.mem_info<size = 8, stride = 8, length = 2, count = 2, offset = 0, cont_offset = 0, cont_size = 32, wrap_offset = 0, wrap_size = 0, reuse = none>
#y = #aidge.mem_info<size = 4, stride = 4, length = 3, count = 3, offset = 32, cont_offset = 32, cont_size = 36, wrap_offset = 32, wrap_size = 0, reuse = none>
func.func @conv_transpose_weight_nchw(%x: tensor<1x2x2x2xf32, #aidge<format nhwc>> {aidge.mem = #x}) -> tensor<1x3x3x1xf32, #aidge<format nhwc>> attributes {aidge.peak_bytes = 80 : i64, aidge.arena_align = 16 : i64} {
  %w = aidge.producer dense<1.0> : tensor<2x1x2x2xf32>
  // expected-error @+1 {{the cpp convolution kernels take weights stored like their input ([in][kh][kw][out])}}
  %y = aidge.conv_transpose %x, %w {aidge.impl = #aidge.impl<lib = "cpp", kernel = "conv_transpose2d", spec = <inputs = [], outputs = []>>, aidge.mem = [#y], aidge.step = 1 : i64, dilations = array<i64: 1, 1>, group = 1 : i64, output_padding = array<i64: 0, 0>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x2x2xf32, #aidge<format nhwc>>, tensor<2x1x2x2xf32>) -> tensor<1x3x3x1xf32, #aidge<format nhwc>>
  return %y : tensor<1x3x3x1xf32, #aidge<format nhwc>>
}

// -----

// Nor does it run in the model's NCHW order.
#x = #aidge.mem_info<size = 8, stride = 8, length = 2, count = 2, offset = 0, cont_offset = 0, cont_size = 32, wrap_offset = 0, wrap_size = 0, reuse = none>
#y = #aidge.mem_info<size = 12, stride = 12, length = 3, count = 1, offset = 32, cont_offset = 32, cont_size = 36, wrap_offset = 32, wrap_size = 0, reuse = none>
func.func @conv_transpose_nchw(%x: tensor<1x2x2x2xf32> {aidge.mem = #x}) -> tensor<1x1x3x3xf32> attributes {aidge.peak_bytes = 80 : i64, aidge.arena_align = 16 : i64} {
  %w = aidge.producer dense<1.0> : tensor<2x1x2x2xf32>
  // expected-error @+1 {{the cpp convolution kernels take channels-last tensors; run --aidge-match-impl}}
  %y = aidge.conv_transpose %x, %w {aidge.impl = #aidge.impl<lib = "cpp", kernel = "conv_transpose2d", spec = <inputs = [], outputs = []>>, aidge.mem = [#y], aidge.step = 1 : i64, dilations = array<i64: 1, 1>, group = 1 : i64, output_padding = array<i64: 0, 0>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x2x2xf32>, tensor<2x1x2x2xf32>) -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}
