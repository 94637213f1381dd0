// RUN: aidge-opt %s --aidge-export-pipeline="lib=packed export-lib=%S/Inputs/packed_lib.json" | FileCheck %s

// A JSON library's kernel sets its weights' packing ("packing", per input):
// packed_lib.json's depthwise kernel takes operand 1 "tapsMajor", so the
// export stores the weight taps first, [kh][kw][channels], not as the
// conv stores it ([out][kh][kw][in]: 0, 1, 2, 3, 4, ...).
// CHECK-LABEL: aidge_export.kernel "dw" "aidge_cpp::dw_taps_forward"
// CHECK: aidge_export.weight @dw_weights = dense<{{\[\[\[\[}}0.000000e+00, 4.000000e+00, 8.000000e+00, 1.200000e+01], [1.000000e+00, 5.000000e+00
func.func @f(%x: tensor<1x4x3x3xf32>) -> tensor<1x4x2x2xf32> {
  %w = aidge.producer dense<[[[[0.0, 1.0], [2.0, 3.0]]], [[[4.0, 5.0], [6.0, 7.0]]], [[[8.0, 9.0], [10.0, 11.0]]], [[[12.0, 13.0], [14.0, 15.0]]]]> : tensor<4x1x2x2xf32>
  %c = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 4 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x3x3xf32>, tensor<4x1x2x2xf32>) -> tensor<1x4x2x2xf32> loc("dw")
  return %c : tensor<1x4x2x2xf32>
}
