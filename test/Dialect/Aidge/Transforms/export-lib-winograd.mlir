// RUN: aidge-opt %s --split-input-file --verify-diagnostics --aidge-match-impl="lib=winograd export-lib=%S/Inputs/winograd_lib.json" --aidge-schedule --aidge-plan-memory="wrapping=true inplace=false" --aidge-lower-to-export | FileCheck %s

// A JSON library's kernel that says "output_may_wrap_input": false gets no
// ring over its input, even for a conv whose window the cpp kernels let
// wrap (dilated, see plan-memory-winograd.mlir): input and output take
// 512 B each. Its "winograd4x4" packing transforms the 3x3 weight.
// CHECK: module attributes {aidge.peak_bytes = 1024 : i64}
// CHECK-LABEL: aidge_export.graph @no_ring
// CHECK: aidge_export.kernel "dilated" "aidge_cpp::wino_any_forward"
// CHECK-SAME: outputs = [#aidge.mem_info<size = 32, stride = 32, length = 4, count = 4, offset = 512, cont_offset = 512, cont_size = 512, wrap_offset = 512, wrap_size = 0, reuse = none>]
// CHECK: aidge_export.weight @dilated_weights = {{.*}} : tensor<1x36x8x16xf32>
func.func @no_ring(%x: tensor<1x4x4x8xf32, #aidge<format nhwc>>) -> tensor<1x4x4x8xf32, #aidge<format nhwc>> {
  %w = aidge.producer dense<1.0> : tensor<8x3x3x8xf32, #aidge<format nhwc>>
  %y = aidge.conv %x, %w {dilations = array<i64: 2, 2>, group = 1 : i64, pads = array<i64: 2, 2, 2, 2>, strides = array<i64: 1, 1>} : (tensor<1x4x4x8xf32, #aidge<format nhwc>>, tensor<8x3x3x8xf32, #aidge<format nhwc>>) -> tensor<1x4x4x8xf32, #aidge<format nhwc>> loc("dilated")
  return %y : tensor<1x4x4x8xf32, #aidge<format nhwc>>
}

// -----

// The transform exists for a 3x3 kernel only: a 5x5 one is an error that
// names the layer, never a wrong packing.
func.func @not_3x3(%x: tensor<1x4x4x8xf32, #aidge<format nhwc>>) -> tensor<1x4x4x8xf32, #aidge<format nhwc>> {
  // expected-error @+1 {{cannot pack the weights of layer 'big' for its kernel}}
  %w = aidge.producer dense<1.0> : tensor<8x5x5x8xf32, #aidge<format nhwc>>
  %y = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 2, 2, 2, 2>, strides = array<i64: 1, 1>} : (tensor<1x4x4x8xf32, #aidge<format nhwc>>, tensor<8x5x5x8xf32, #aidge<format nhwc>>) -> tensor<1x4x4x8xf32, #aidge<format nhwc>> loc("big")
  return %y : tensor<1x4x4x8xf32, #aidge<format nhwc>>
}
