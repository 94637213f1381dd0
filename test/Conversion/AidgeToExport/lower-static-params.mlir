// RUN: aidge-opt %s --split-input-file --aidge-match-impl=lib=cpp_fast --aidge-schedule --aidge-plan-memory --aidge-lower-to-export | FileCheck %s --check-prefix=FAST
// RUN: aidge-opt %s --split-input-file --aidge-match-impl=lib=cpp --aidge-schedule --aidge-plan-memory --aidge-lower-to-export | FileCheck %s --check-prefix=CPP
// RUN: aidge-opt %s --split-input-file --aidge-match-impl="lib=specialised export-lib=%S/Inputs/specialise_lib.json" --aidge-schedule --aidge-plan-memory --aidge-lower-to-export | FileCheck %s --check-prefix=JSON
// RUN: aidge-opt %s --split-input-file --aidge-match-impl="lib=unspecialised export-lib=%S/Inputs/unspecialise_lib.json" --aidge-schedule --aidge-plan-memory --aidge-lower-to-export | FileCheck %s --check-prefix=CPP

// cpp_fast specialises its kernels: the Winograd, packed depthwise and
// blocked convolutions take their params as a template argument
// (static_params); the relu, not specialisable, does not. cpp, and a JSON
// library that extends cpp_fast but turns specialise_kernels off, keep
// every call generic; a JSON library that extends cpp and turns it on
// specialises cpp's blocked kernels and its own kernel that says
// "specialisable".
// FAST-LABEL: aidge_export.graph @layers
// FAST: aidge_export.kernel "wino" "aidge_cpp::convolution_winograd_forward"
// FAST-SAME: static_params
// FAST: aidge_export.kernel "dw" "aidge_cpp::convolution_depthwise_packed_forward"
// FAST-SAME: static_params
// FAST: aidge_export.kernel "pw" "aidge_cpp::convolution_blocked_forward"
// FAST-SAME: static_params
// FAST: aidge_export.kernel "act" "aidge_cpp::activation_forward"
// FAST-NOT: static_params
// FAST: aidge_export.output

// CPP-LABEL: aidge_export.graph @layers
// CPP-NOT: static_params

// JSON-LABEL: aidge_export.graph @layers
// JSON: aidge_export.kernel "wino" "aidge_cpp::convolution_blocked_forward"
// JSON-SAME: static_params
// JSON: aidge_export.kernel "dw" "aidge_cpp::convolution_depthwise_packed_forward"
// JSON-SAME: static_params
// JSON: aidge_export.kernel "pw" "aidge_cpp::convolution_blocked_forward"
// JSON-SAME: static_params
// JSON: aidge_export.kernel "act" "aidge_cpp::activation_forward"
// JSON-SAME: kernel = "relu_static"
// JSON-SAME: static_params
func.func @layers(%x: tensor<1x4x4x8xf32, #aidge<format nhwc>>) -> tensor<1x4x4x8xf32, #aidge<format nhwc>> {
  %w = aidge.producer dense<0.5> : tensor<8x3x3x8xf32, #aidge<format nhwc>>
  %y = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x4x4x8xf32, #aidge<format nhwc>>, tensor<8x3x3x8xf32, #aidge<format nhwc>>) -> tensor<1x4x4x8xf32, #aidge<format nhwc>> loc("wino")
  %wd = aidge.producer dense<0.25> : tensor<8x3x3x1xf32, #aidge<format nhwc>>
  %d = aidge.conv %y, %wd {dilations = array<i64: 1, 1>, group = 8 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x4x4x8xf32, #aidge<format nhwc>>, tensor<8x3x3x1xf32, #aidge<format nhwc>>) -> tensor<1x4x4x8xf32, #aidge<format nhwc>> loc("dw")
  %wp = aidge.producer dense<0.125> : tensor<8x1x1x8xf32, #aidge<format nhwc>>
  %p = aidge.conv %d, %wp {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x4x8xf32, #aidge<format nhwc>>, tensor<8x1x1x8xf32, #aidge<format nhwc>>) -> tensor<1x4x4x8xf32, #aidge<format nhwc>> loc("pw")
  %r = aidge.relu %p : tensor<1x4x4x8xf32, #aidge<format nhwc>> loc("act")
  return %r : tensor<1x4x4x8xf32, #aidge<format nhwc>>
}

// -----

// The blocked dense layer (fc_blocked) is specialisable too.
// FAST-LABEL: aidge_export.graph @dense
// FAST: aidge_export.kernel "dense" "aidge_cpp::convolution_blocked_forward"
// FAST-SAME: kernel = "fc_blocked"
// FAST-SAME: static_params
// CPP-LABEL: aidge_export.graph @dense
// CPP-NOT: static_params
// JSON-LABEL: aidge_export.graph @dense
// JSON: kernel = "fc_blocked"
// JSON-SAME: static_params
func.func @dense(%x: tensor<3x2xf32>) -> tensor<3x2xf32> {
  %w = aidge.producer dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %y = aidge.fc %x, %w {alpha = 1.0 : f32, beta = 1.0 : f32, trans_a = false, trans_b = false} : (tensor<3x2xf32>, tensor<2x2xf32>) -> tensor<3x2xf32> loc("dense")
  return %y : tensor<3x2xf32>
}
