// RUN: aidge-opt %s --split-input-file --aidge-match-impl --aidge-schedule --aidge-plan-memory --aidge-lower-to-export | FileCheck %s
// RUN: aidge-opt %s --split-input-file --aidge-match-impl --aidge-schedule --aidge-plan-memory="concat-in-place=true align=64" --aidge-lower-to-export | FileCheck %s --check-prefix=INPLACE

// A channels-last conv: every ConvParams field, in the struct's order.
// in 1x5x6x2 (NHWC), weight [4][3][2][2] ([out][kh][kw][in]), strides 2,1,
// pads top 2, left 1, bottom 0, right 2:
//   out_height = (5 + 2 + 0 - 3) / 2 + 1 = 3
//   out_width  = (6 + 1 + 2 - 2) / 1 + 1 = 8
// The input (240 B) and the result (3*8*4*4 = 384 B) are both live at
// step 1: the arena is 624 B, the module's peak. Graph input and result
// names come from aidge.name; the layer name from the op's location.
// CHECK: module attributes {aidge.peak_bytes = 624 : i64}
// CHECK-LABEL: aidge_export.arena @conv_mem size = 624 align = 16
// CHECK-NEXT: aidge_export.graph @conv arena @conv_mem {
// CHECK-NEXT: aidge_export.input "image"[0] : tensor<1x5x6x2xf32, #aidge<format nhwc>> at <size = 8, stride = 8, length = 6, count = 5, offset = 0, cont_offset = 0, cont_size = 240, wrap_offset = 0, wrap_size = 0, reuse = none>
// CHECK-NEXT: aidge_export.kernel "conv1" "aidge_cpp::convolution_blocked_forward" {headers = ["kernels/cpp/convolution_blocked.hpp"],
// CHECK-SAME: inputs = [#aidge.mem_info<size = 8, stride = 8, length = 6, count = 5, offset = 0, cont_offset = 0, cont_size = 240, wrap_offset = 0, wrap_size = 0, reuse = none>],
// CHECK-SAME: kernel = "conv_blocked2d", lib = "cpp",
// CHECK-SAME: outputs = [#aidge.mem_info<size = 16, stride = 16, length = 8, count = 3, offset = 240, cont_offset = 240, cont_size = 384, wrap_offset = 240, wrap_size = 0, reuse = none>],
// CHECK-SAME: param_names = ["batch", "in_depth", "in_height", "in_width", "in_channels", "out_depth", "out_height", "out_width", "out_channels", "kernel_d", "stride_d", "dilation_d", "pad_front", "pad_back", "kernel_h", "kernel_w", "stride_h", "stride_w", "dilation_h", "dilation_w", "pad_top", "pad_left", "pad_bottom", "pad_right", "group", "act"],
// CHECK-SAME: params = [1, 1, 5, 6, 2, 1, 3, 8, 4, 1, 1, 1, 0, 0, 3, 2, 2, 1, 1, 1, 2, 1, 0, 2, 1, "aidge_cpp::kNoActivation"],
// CHECK-SAME: params_type = "aidge_cpp::ConvParams", step = 1 : i64, weights = [@conv1_weights, @conv1_biases]}
// CHECK-NEXT: aidge_export.output "logits"[0] : tensor<1x3x8x4xf32, #aidge<format nhwc>> at <size = 16, stride = 16, length = 8, count = 3, offset = 240, cont_offset = 240, cont_size = 384, wrap_offset = 240, wrap_size = 0, reuse = none>
// CHECK-NEXT: }
// CHECK-DAG: aidge_export.weight @conv1_weights = dense_resource<conv1_weights> : tensor<1x1x12x16xf32> align = 64
// CHECK-DAG: aidge_export.weight @conv1_biases = dense<5.000000e-01> : tensor<4xf32> align = 16
// CHECK-NOT: func.func
func.func @conv(%x: tensor<1x5x6x2xf32, #aidge<format nhwc>> {aidge.name = "image"}) -> (tensor<1x3x8x4xf32, #aidge<format nhwc>> {aidge.name = "logits"}) {
  %w = aidge.producer dense<1.0> : tensor<4x3x2x2xf32, #aidge<format nhwc>>
  %b = aidge.producer dense<0.5> : tensor<4xf32>
  %y = aidge.conv %x, %w, %b {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 2, 1, 0, 2>, strides = array<i64: 2, 1>} : (tensor<1x5x6x2xf32, #aidge<format nhwc>>, tensor<4x3x2x2xf32, #aidge<format nhwc>>, tensor<4xf32>) -> tensor<1x3x8x4xf32, #aidge<format nhwc>> loc("conv1")
  return %y : tensor<1x3x8x4xf32, #aidge<format nhwc>>
}

// -----

// A depthwise conv calls its own entry with the same ConvParams; no bias
// is passed as nullptr. 4x4 input, 3x3 kernel dilated by 2 (5 wide),
// stride 2, pads 2: (4 + 4 - 5) / 2 + 1 = 2.
// CHECK-LABEL: aidge_export.arena @depthwise_mem size = 240 align = 16
// CHECK: aidge_export.kernel "dw" "aidge_cpp::convolution_depthwise_packed_forward" {headers = ["kernels/cpp/convolution_depthwise.hpp"],
// CHECK-SAME: kernel = "conv_depthwise_packed2d", lib = "cpp",
// CHECK-SAME: param_names = ["batch", "in_depth", "in_height", "in_width", "in_channels", "out_depth", "out_height", "out_width", "out_channels", "kernel_d", "stride_d", "dilation_d", "pad_front", "pad_back", "kernel_h", "kernel_w", "stride_h", "stride_w", "dilation_h", "dilation_w", "pad_top", "pad_left", "pad_bottom", "pad_right", "group", "act"],
// CHECK-SAME: params = [1, 1, 4, 4, 3, 1, 2, 2, 3, 1, 1, 1, 0, 0, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 3, "aidge_cpp::kNoActivation"],
// CHECK-SAME: params_type = "aidge_cpp::ConvParams", step = 1 : i64, weights = [@dw_weights, "nullptr"]}
// CHECK: aidge_export.weight @dw_weights = dense_resource<dw_weights> : tensor<1x1x9x3xf32> align = 64
func.func @depthwise(%x: tensor<1x4x4x3xf32, #aidge<format nhwc>>) -> tensor<1x2x2x3xf32, #aidge<format nhwc>> {
  %w = aidge.producer dense<1.0> : tensor<3x3x3x1xf32, #aidge<format nhwc>>
  %y = aidge.conv %x, %w {dilations = array<i64: 2, 2>, group = 3 : i64, pads = array<i64: 2, 2, 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x4x4x3xf32, #aidge<format nhwc>>, tensor<3x3x3x1xf32, #aidge<format nhwc>>) -> tensor<1x2x2x3xf32, #aidge<format nhwc>> loc("dw")
  return %y : tensor<1x2x2x3xf32, #aidge<format nhwc>>
}

// -----

// Fused activations become an ActivationParams initializer {kind, min,
// max, alpha}, floats written exactly. The three convs read one producer:
// it becomes one weight, named after its first user.
// CHECK-LABEL: aidge_export.arena @conv_act_mem size = 80 align = 16
// CHECK: aidge_export.kernel "clipped" "aidge_cpp::convolution_blocked_forward"
// CHECK-SAME: params = [1, 1, 2, 2, 2, 1, 2, 2, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, "{aidge_cpp::Activation::clip, 0.000000000e+00f, 6.000000000e+00f, 0.0f}"]
// CHECK-SAME: step = 1 : i64, weights = [@clipped_weights, "nullptr"]}
// CHECK: aidge_export.kernel "relued" "aidge_cpp::convolution_blocked_forward"
// CHECK-SAME: "{aidge_cpp::Activation::relu, -INFINITY, INFINITY, 0.0f}"]
// CHECK-SAME: step = 2 : i64, weights = [@clipped_weights, "nullptr"]}
// CHECK: aidge_export.kernel "leaky" "aidge_cpp::convolution_blocked_forward"
// CHECK-SAME: "{aidge_cpp::Activation::leaky_relu, -INFINITY, INFINITY, 1.000000047e-03f}"]
// CHECK-SAME: step = 3 : i64, weights = [@clipped_weights, "nullptr"]}
// CHECK: aidge_export.weight @clipped_weights = dense_resource<clipped_weights> : tensor<1x1x2x16xf32> align = 64
// CHECK-NOT: aidge_export.weight
// CHECK: // -----
func.func @conv_act(%x: tensor<1x2x2x2xf32, #aidge<format nhwc>>) -> (tensor<1x2x2x1xf32, #aidge<format nhwc>>, tensor<1x2x2x1xf32, #aidge<format nhwc>>, tensor<1x2x2x1xf32, #aidge<format nhwc>>) {
  %w = aidge.producer dense<1.0> : tensor<1x1x1x2xf32, #aidge<format nhwc>>
  %a = aidge.conv %x, %w {activation = #aidge.activation<kind = clip, min = 0.0 : f32, max = 6.0 : f32>, dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x2x2xf32, #aidge<format nhwc>>, tensor<1x1x1x2xf32, #aidge<format nhwc>>) -> tensor<1x2x2x1xf32, #aidge<format nhwc>> loc("clipped")
  %b = aidge.conv %x, %w {activation = #aidge.activation<kind = relu>, dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x2x2xf32, #aidge<format nhwc>>, tensor<1x1x1x2xf32, #aidge<format nhwc>>) -> tensor<1x2x2x1xf32, #aidge<format nhwc>> loc("relued")
  %c = aidge.conv %x, %w {activation = #aidge.activation<kind = leaky_relu, alpha = 0.001 : f32>, dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x2x2xf32, #aidge<format nhwc>>, tensor<1x1x1x2xf32, #aidge<format nhwc>>) -> tensor<1x2x2x1xf32, #aidge<format nhwc>> loc("leaky")
  return %a, %b, %c : tensor<1x2x2x1xf32, #aidge<format nhwc>>, tensor<1x2x2x1xf32, #aidge<format nhwc>>, tensor<1x2x2x1xf32, #aidge<format nhwc>>
}

// -----

// Max and average pooling: one entry, PoolParams.
// max: 7x9 in, 3x3 window, stride 2, pads top 1, left 0, bottom 1, right 0:
//   (7 + 2 - 3) / 2 + 1 = 4, (9 - 3) / 2 + 1 = 4.
// avg: 2x3 window, strides 1,2, pads 0,1,0,1, count_include_pad:
//   (7 - 2) / 1 + 1 = 6, (9 + 2 - 3) / 2 + 1 = 5.
// CHECK-LABEL: aidge_export.arena @pools_mem
// CHECK: aidge_export.kernel "maxp" "aidge_cpp::pooling_forward" {headers = ["kernels/cpp/pooling.hpp"],
// CHECK-SAME: kernel = "max_pool2d", lib = "cpp",
// CHECK-SAME: param_names = ["kind", "count_include_pad", "batch", "in_depth", "in_height", "in_width", "channels", "out_depth", "out_height", "out_width", "kernel_d", "stride_d", "dilation_d", "pad_front", "pad_back", "kernel_h", "kernel_w", "stride_h", "stride_w", "dilation_h", "dilation_w", "pad_top", "pad_left", "pad_bottom", "pad_right", "act", "column_major"],
// CHECK-SAME: params = ["aidge_cpp::PoolKind::max", 0, 1, 1, 7, 9, 3, 1, 4, 4, 1, 1, 1, 0, 0, 3, 3, 2, 2, 1, 1, 1, 0, 1, 0, "aidge_cpp::kNoActivation", 0],
// CHECK-SAME: params_type = "aidge_cpp::PoolParams", step = 1 : i64, weights = []}
// CHECK: aidge_export.kernel "avgp" "aidge_cpp::pooling_forward"
// CHECK-SAME: kernel = "avg_pool2d", lib = "cpp",
// CHECK-SAME: params = ["aidge_cpp::PoolKind::avg", 1, 1, 1, 7, 9, 3, 1, 6, 5, 1, 1, 1, 0, 0, 2, 3, 1, 2, 1, 1, 0, 1, 0, 1, "aidge_cpp::kNoActivation", 0],
// CHECK-SAME: params_type = "aidge_cpp::PoolParams", step = 2 : i64, weights = []}
func.func @pools(%x: tensor<1x7x9x3xf32, #aidge<format nhwc>>) -> (tensor<1x4x4x3xf32, #aidge<format nhwc>>, tensor<1x6x5x3xf32, #aidge<format nhwc>>) {
  %m = aidge.max_pool %x {ceil_mode = false, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 0, 1, 0>, strides = array<i64: 2, 2>} : (tensor<1x7x9x3xf32, #aidge<format nhwc>>) -> tensor<1x4x4x3xf32, #aidge<format nhwc>> loc("maxp")
  %a = aidge.avg_pool %x {ceil_mode = false, count_include_pad = true, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 2, 3>, pads = array<i64: 0, 1, 0, 1>, strides = array<i64: 1, 2>} : (tensor<1x7x9x3xf32, #aidge<format nhwc>>) -> tensor<1x6x5x3xf32, #aidge<format nhwc>> loc("avgp")
  return %m, %a : tensor<1x4x4x3xf32, #aidge<format nhwc>>, tensor<1x6x5x3xf32, #aidge<format nhwc>>
}

// -----

// max_pool with its indices: a template on their type, both outputs in the
// arena (channels last, like the input), column_major last in PoolParams.
// CHECK-LABEL: aidge_export.arena @max_pool_indices_mem
// CHECK: aidge_export.kernel "maxpi" "aidge_cpp::max_pooling_indices_forward" {headers = ["kernels/cpp/pooling.hpp"],
// CHECK-SAME: kernel = "max_pool_indices2d", lib = "cpp",
// CHECK-SAME: outputs = [#aidge.mem_info<size = 8, {{[^>]*}}>, #aidge.mem_info<size = 16, {{[^>]*}}>]
// CHECK-SAME: params = ["aidge_cpp::PoolKind::max", 0, 1, 1, 5, 5, 2, 1, 2, 2, 1, 1, 1, 0, 0, 2, 2, 2, 2, 1, 1, 0, 0, 0, 0, "aidge_cpp::kNoActivation", 1],
// CHECK-SAME: template_args = ["std::int64_t"]
func.func @max_pool_indices(%x: tensor<1x5x5x2xf32, #aidge<format nhwc>>) -> (tensor<1x2x2x2xf32, #aidge<format nhwc>>, tensor<1x2x2x2xi64, #aidge<format nhwc>>) {
  %m:2 = aidge.max_pool %x {ceil_mode = false, column_major, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>, with_indices} : (tensor<1x5x5x2xf32, #aidge<format nhwc>>) -> (tensor<1x2x2x2xf32, #aidge<format nhwc>>, tensor<1x2x2x2xi64, #aidge<format nhwc>>) loc("maxpi")
  return %m#0, %m#1 : tensor<1x2x2x2xf32, #aidge<format nhwc>>, tensor<1x2x2x2xi64, #aidge<format nhwc>>
}

// -----

// A 3-D conv (NDHWC), weight [2][3][2][2][3] ([out][kd][kh][kw][in]): the
// depth axis in the *_d fields, then the 2-D window.
// D 5, k 3, s 2, pads 1 / 1: 3; H 6, k 2, d 2, pads 0 / 1: 5;
// W 4, k 2, s 2, pads 1 / 0: 2.
// CHECK-LABEL: aidge_export.arena @conv3d_mem
// CHECK: aidge_export.kernel "conv3" "aidge_cpp::convolution_blocked_forward" {headers = ["kernels/cpp/convolution_blocked.hpp"],
// CHECK-SAME: kernel = "conv_blocked3d", lib = "cpp",
// CHECK-SAME: params = [1, 5, 6, 4, 3, 3, 5, 2, 2, 3, 2, 1, 1, 1, 2, 2, 1, 2, 2, 1, 0, 1, 1, 0, 1, "aidge_cpp::kNoActivation"],
// CHECK-SAME: params_type = "aidge_cpp::ConvParams"
func.func @conv3d(%x: tensor<1x5x6x4x3xf32, #aidge<format ndhwc>>) -> tensor<1x3x5x2x2xf32, #aidge<format ndhwc>> {
  %w = aidge.producer dense<1.0> : tensor<2x3x2x2x3xf32, #aidge<format ndhwc>>
  %y = aidge.conv %x, %w {dilations = array<i64: 1, 2, 1>, group = 1 : i64, pads = array<i64: 1, 0, 1, 1, 1, 0>, strides = array<i64: 2, 1, 2>} : (tensor<1x5x6x4x3xf32, #aidge<format ndhwc>>, tensor<2x3x2x2x3xf32, #aidge<format ndhwc>>) -> tensor<1x3x5x2x2xf32, #aidge<format ndhwc>> loc("conv3")
  return %y : tensor<1x3x5x2x2xf32, #aidge<format ndhwc>>
}

// -----

// A 3-D pool (NDHWC): its depth axis in the *_d fields, then the 2-D window.
// D 4, k 2, s 1, pads 1 / 0: 4; H 6, k 3, s 2: 2; W 5, k 3, s 2, pads 1 / 1: 3.
// CHECK-LABEL: aidge_export.arena @pool3d_mem
// CHECK: aidge_export.kernel "maxp3" "aidge_cpp::pooling_forward" {headers = ["kernels/cpp/pooling.hpp"],
// CHECK-SAME: kernel = "max_pool3d", lib = "cpp",
// CHECK-SAME: params = ["aidge_cpp::PoolKind::max", 0, 1, 4, 6, 5, 2, 4, 2, 3, 2, 1, 1, 1, 0, 3, 3, 2, 2, 1, 1, 0, 1, 0, 1, "aidge_cpp::kNoActivation", 0],
// CHECK-SAME: params_type = "aidge_cpp::PoolParams"
func.func @pool3d(%x: tensor<1x4x6x5x2xf32, #aidge<format ndhwc>>) -> tensor<1x4x2x3x2xf32, #aidge<format ndhwc>> {
  %m = aidge.max_pool %x {ceil_mode = false, dilations = array<i64: 1, 1, 1>, kernel_shape = array<i64: 2, 3, 3>, pads = array<i64: 1, 0, 1, 0, 0, 1>, strides = array<i64: 1, 2, 2>} : (tensor<1x4x6x5x2xf32, #aidge<format ndhwc>>) -> tensor<1x4x2x3x2xf32, #aidge<format ndhwc>> loc("maxp3")
  return %m : tensor<1x4x2x3x2xf32, #aidge<format ndhwc>>
}

// -----

// CHECK-LABEL: aidge_export.arena @gap_mem
// CHECK: aidge_export.kernel "gap" "aidge_cpp::global_pooling_forward" {headers = ["kernels/cpp/pooling.hpp"],
// CHECK-SAME: kernel = "global_average_pool2d", lib = "cpp",
// CHECK-SAME: outputs = [#aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 240,
// CHECK-SAME: param_names = ["kind", "batch", "height", "width", "channels", "act"], params = ["aidge_cpp::PoolKind::avg", 1, 3, 5, 4, "aidge_cpp::kNoActivation"],
// CHECK-SAME: params_type = "aidge_cpp::GlobalPoolParams", step = 1 : i64, weights = []}
func.func @gap(%x: tensor<1x3x5x4xf32, #aidge<format nhwc>>) -> tensor<1x1x1x4xf32, #aidge<format nhwc>> {
  %y = aidge.global_average_pool %x : (tensor<1x3x5x4xf32, #aidge<format nhwc>>) -> tensor<1x1x1x4xf32, #aidge<format nhwc>> loc("gap")
  return %y : tensor<1x1x1x4xf32, #aidge<format nhwc>>
}

// -----

// y = 0.5 * x[2x3] * w[4x3]^T + 2 * c[4]: m 2, n 4, k 3; a rank-1 c is
// one row of 4.
// CHECK-LABEL: aidge_export.arena @fc_mem size = 64 align = 16
// CHECK: aidge_export.kernel "dense" "aidge_cpp::fullyconnected_forward" {headers = ["kernels/cpp/fullyconnected.hpp"],
// CHECK-SAME: kernel = "fc", lib = "cpp",
// CHECK-SAME: param_names = ["m", "n", "k", "trans_a", "trans_b", "alpha", "beta", "c_rows", "c_cols", "act"],
// CHECK-SAME: params = [2, 4, 3, 0, 1, 5.000000e-01 : f32, 2.000000e+00 : f32, 1, 4, "aidge_cpp::kNoActivation"],
// CHECK-SAME: params_type = "aidge_cpp::FcParams", step = 1 : i64, weights = [@dense_weights, @dense_biases]}
// CHECK-DAG: aidge_export.weight @dense_weights = dense<{{\[\[}}1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00], [7.000000e+00, 8.000000e+00, 9.000000e+00], [1.000000e+01, 1.100000e+01, 1.200000e+01]]> : tensor<4x3xf32> align = 16
// CHECK-DAG: aidge_export.weight @dense_biases = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf32> align = 16
func.func @fc(%x: tensor<2x3xf32>) -> tensor<2x4xf32> {
  %w = aidge.producer dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0], [10.0, 11.0, 12.0]]> : tensor<4x3xf32>
  %b = aidge.producer dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %y = aidge.fc %x, %w, %b {alpha = 0.5 : f32, beta = 2.0 : f32, trans_a = false, trans_b = true} : (tensor<2x3xf32>, tensor<4x3xf32>, tensor<4xf32>) -> tensor<2x4xf32> loc("dense")
  return %y : tensor<2x4xf32>
}

// -----

// Activations share one entry and UnaryParams {op, alpha, beta, min, max};
// each writes over its operand (reuse inplace), so the arena holds one
// 24-byte tensor.
// CHECK-LABEL: aidge_export.arena @unary_mem size = 32 align = 16
// CHECK: aidge_export.kernel "r" "aidge_cpp::activation_forward" {headers = ["kernels/cpp/activation.hpp"],
// CHECK-SAME: kernel = "relu", lib = "cpp",
// CHECK-SAME: outputs = [#aidge.mem_info<size = 12, stride = 12, length = 2, count = 1, offset = 0, cont_offset = 0, cont_size = 24, wrap_offset = 0, wrap_size = 0, reuse = inplace>],
// CHECK-SAME: param_names = ["op", "alpha", "beta", "min", "max"], params = ["aidge_cpp::UnaryOp::relu", 0.000000e+00 : f32, 0.000000e+00 : f32, "-INFINITY", "INFINITY"],
// CHECK-SAME: params_type = "aidge_cpp::UnaryParams", step = 1 : i64, weights = []}
// CHECK: aidge_export.kernel "lr" "aidge_cpp::activation_forward"
// CHECK-SAME: kernel = "leaky_relu"
// CHECK-SAME: params = ["aidge_cpp::UnaryOp::leaky_relu", 1.250000e-01 : f32, 0.000000e+00 : f32, "-INFINITY", "INFINITY"]
// CHECK-SAME: step = 2 : i64
// CHECK: aidge_export.kernel "cl" "aidge_cpp::activation_forward"
// CHECK-SAME: kernel = "clip"
// CHECK-SAME: params = ["aidge_cpp::UnaryOp::clip", 0.000000e+00 : f32, 0.000000e+00 : f32, "-1.250000000e-01f", "6.000000000e+00f"]
// CHECK-SAME: step = 3 : i64
// CHECK: aidge_export.kernel "sg" "aidge_cpp::activation_forward"
// CHECK-SAME: kernel = "sigmoid"
// CHECK-SAME: params = ["aidge_cpp::UnaryOp::sigmoid", 0.000000e+00 : f32, 0.000000e+00 : f32, "-INFINITY", "INFINITY"]
// CHECK-SAME: step = 4 : i64
func.func @unary(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %a = aidge.relu %x : tensor<2x3xf32> loc("r")
  %b = aidge.leaky_relu %a {alpha = 0.125 : f32} : tensor<2x3xf32> loc("lr")
  %c = aidge.clip %b {max = 6.0 : f32, min = -0.125 : f32} : tensor<2x3xf32> loc("cl")
  %d = aidge.sigmoid %c : tensor<2x3xf32> loc("sg")
  return %d : tensor<2x3xf32>
}

// -----

// Broadcasting: both operand shapes padded in front with 1 to the rank of
// the result; both operands are in the arena.
// CHECK-LABEL: aidge_export.arena @add_bcast_mem
// CHECK: aidge_export.input "arg0"[0] : tensor<2x3x4xf32> at <size = 16, stride = 16, length = 3, count = 2, offset = 0,
// CHECK: aidge_export.input "arg1"[1] : tensor<4xf32> at <size = 16, stride = 16, length = 1, count = 1, offset = 96,
// CHECK: aidge_export.kernel "sum" "aidge_cpp::elemwise_forward" {headers = ["kernels/cpp/elemwise.hpp"],
// CHECK-SAME: inputs = [#aidge.mem_info<size = 16, stride = 16, length = 3, count = 2, offset = 0, {{[^>]*}}>, #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 96, {{[^>]*}}>],
// CHECK-SAME: kernel = "add", lib = "cpp",
// CHECK-SAME: param_names = ["op", "rank", "out_dims", "a_dims", "b_dims", "act"],
// CHECK-SAME: params = ["aidge_cpp::ElemwiseOp::add", 3, "{2, 3, 4}", "{2, 3, 4}", "{1, 1, 4}", "aidge_cpp::kNoActivation"],
// CHECK-SAME: params_type = "aidge_cpp::ElemwiseParams", step = 1 : i64, weights = ["nullptr", "nullptr"]}
func.func @add_bcast(%x: tensor<2x3x4xf32>, %y: tensor<4xf32>) -> tensor<2x3x4xf32> {
  %a = aidge.add %x, %y : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32> loc("sum")
  return %a : tensor<2x3x4xf32>
}

// -----

// A constant operand is not in the arena: its input is `unit` and its
// weight the constant's array; the other operand's weight is nullptr. The
// add and the mul read one producer: one weight, named after the add.
// CHECK-LABEL: aidge_export.arena @add_const_mem size = 32 align = 16
// CHECK: aidge_export.kernel "bias" "aidge_cpp::elemwise_forward"
// CHECK-SAME: inputs = [#aidge.mem_info<size = 12, stride = 12, length = 2, count = 1, offset = 0, {{[^>]*}}>, unit],
// CHECK-SAME: params = ["aidge_cpp::ElemwiseOp::add", 2, "{2, 3}", "{2, 3}", "{1, 3}", "aidge_cpp::kNoActivation"],
// CHECK-SAME: step = 1 : i64, weights = ["nullptr", @bias_b]}
// CHECK: aidge_export.kernel "scale" "aidge_cpp::elemwise_forward"
// CHECK-SAME: inputs = [#aidge.mem_info<{{[^>]*}}>, unit],
// CHECK-SAME: params = ["aidge_cpp::ElemwiseOp::mul", 2, "{2, 3}", "{2, 3}", "{1, 3}", "aidge_cpp::kNoActivation"],
// CHECK-SAME: step = 2 : i64, weights = ["nullptr", @bias_b]}
// CHECK: aidge_export.weight @bias_b = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00]> : tensor<3xf32> align = 16
// CHECK-NOT: aidge_export.weight
// CHECK: // -----
func.func @add_const(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %c = aidge.producer dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %a = aidge.add %x, %c : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32> loc("bias")
  %b = aidge.mul %a, %c : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32> loc("scale")
  return %b : tensor<2x3xf32>
}

// -----

// [2][3][4] around axis 1: outer 2, axis_size 3, inner 4.
// CHECK-LABEL: aidge_export.arena @softmax_mem size = 192 align = 16
// CHECK: aidge_export.kernel "sm" "aidge_cpp::softmax_forward" {headers = ["kernels/cpp/softmax.hpp"],
// CHECK-SAME: kernel = "softmax", lib = "cpp",
// CHECK-SAME: param_names = ["outer", "axis_size", "inner"], params = [2, 3, 4], params_type = "aidge_cpp::SoftmaxParams", step = 1 : i64, weights = []}
func.func @softmax(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %a = aidge.softmax %x {axis = 1 : i64} : tensor<2x3x4xf32> loc("sm")
  return %a : tensor<2x3x4xf32>
}

// -----

// The input dims padded with 1 to 6, the permutation with the identity.
// CHECK-LABEL: aidge_export.arena @transpose_mem
// CHECK: aidge_export.kernel "tr" "aidge_cpp::transpose_forward" {headers = ["kernels/cpp/transpose.hpp"],
// CHECK-SAME: kernel = "transpose", lib = "cpp",
// CHECK-SAME: outputs = [#aidge.mem_info<size = 12, stride = 12, length = 2, count = 4, offset = 96,
// CHECK-SAME: param_names = ["rank", "in_dims", "perm"], params = [3, "{2, 3, 4, 1, 1, 1}", "{2, 0, 1, 3, 4, 5}"], params_type = "aidge_cpp::TransposeParams", step = 1 : i64, weights = []}
func.func @transpose(%x: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
  %a = aidge.transpose %x {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32> loc("tr")
  return %a : tensor<4x2x3xf32>
}

// -----

// Channels last, the channels are the last stored dimension: outer
// 1*2*2 = 4, channels 3, inner 1. The four weights in the kernel's order.
// CHECK-LABEL: aidge_export.arena @batch_norm_mem
// CHECK: aidge_export.kernel "bn" "aidge_cpp::batchnorm_forward" {headers = ["kernels/cpp/batchnorm.hpp"],
// CHECK-SAME: kernel = "batch_norm2d", lib = "cpp",
// CHECK-SAME: param_names = ["outer", "channels", "inner", "epsilon"], params = [4, 3, 1, 1.000000e-03 : f32], params_type = "aidge_cpp::BatchNormParams", step = 1 : i64,
// CHECK-SAME: weights = [@bn_scale, @bn_biases, @bn_mean, @bn_var]}
// CHECK-DAG: aidge_export.weight @bn_scale = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00]> : tensor<3xf32> align = 16
// CHECK-DAG: aidge_export.weight @bn_biases = dense<[1.000000e-01, 2.000000e-01, 3.000000e-01]> : tensor<3xf32> align = 16
// CHECK-DAG: aidge_export.weight @bn_mean = dense<[0.000000e+00, 5.000000e-01, 1.000000e+00]> : tensor<3xf32> align = 16
// CHECK-DAG: aidge_export.weight @bn_var = dense<[1.000000e+00, 1.500000e+00, 2.000000e+00]> : tensor<3xf32> align = 16
func.func @batch_norm(%x: tensor<1x2x2x3xf32, #aidge<format nhwc>>) -> tensor<1x2x2x3xf32, #aidge<format nhwc>> {
  %s = aidge.producer dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %b = aidge.producer dense<[0.1, 0.2, 0.3]> : tensor<3xf32>
  %m = aidge.producer dense<[0.0, 0.5, 1.0]> : tensor<3xf32>
  %v = aidge.producer dense<[1.0, 1.5, 2.0]> : tensor<3xf32>
  %y = aidge.batch_norm %x, %s, %b, %m, %v {epsilon = 1.0e-3 : f32} : (tensor<1x2x2x3xf32, #aidge<format nhwc>>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x2x2x3xf32, #aidge<format nhwc>> loc("bn")
  return %y : tensor<1x2x2x3xf32, #aidge<format nhwc>>
}

// -----

// A concatenation takes its inputs as an array. Planned in place, the
// producers already wrote their slices: the call is a noop.
// CHECK-LABEL: aidge_export.arena @concat_mem size = 144 align = 16
// CHECK: aidge_export.kernel "cat" "aidge_cpp::concat_forward" {headers = ["kernels/cpp/concat.hpp"],
// CHECK-SAME: inputs = [#aidge.mem_info<size = 12, stride = 12, length = 2, count = 1, offset = 0, {{[^>]*}}>, #aidge.mem_info<size = 20, stride = 20, length = 2, count = 1, offset = 32, {{[^>]*}}>], inputs_as_array,
// CHECK-SAME: kernel = "concat", lib = "cpp", outputs = [#aidge.mem_info<size = 32, stride = 32, length = 2, count = 1, offset = 80,
// CHECK-SAME: param_names = ["nb_inputs", "outer", "inner", "axis_sizes"], params = [2, 2, 1, "{3, 5}"], params_type = "aidge_cpp::ConcatParams", step = 3 : i64, weights = []}
// INPLACE-LABEL: aidge_export.arena @concat_mem size = 192 align = 64
// INPLACE: aidge_export.kernel "cat" "aidge_cpp::concat_forward"
// INPLACE-SAME: inputs = [#aidge.mem_info<size = 12, stride = 32, length = 2, count = 1, offset = 128, {{[^>]*}}reuse = concat>, #aidge.mem_info<size = 20, stride = 32, length = 2, count = 1, offset = 140, {{[^>]*}}reuse = concat>], inputs_as_array,
// INPLACE-SAME: kernel = "concat", lib = "cpp", noop, outputs = [#aidge.mem_info<size = 32, stride = 32, length = 2, count = 1, offset = 128,
// INPLACE-SAME: params = [2, 2, 1, "{3, 5}"]
func.func @concat(%x: tensor<2x3xf32>, %y: tensor<2x5xf32>) -> tensor<2x8xf32> {
  %a = aidge.relu %x : tensor<2x3xf32> loc("ra")
  %b = aidge.abs %y : tensor<2x5xf32> loc("rb")
  %c = aidge.concat %a, %b {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32> loc("cat")
  return %c : tensor<2x8xf32>
}

// -----

// pads [begin0, begin1, end0, end1] = [0, 1, 1, 2], each side padded to 6.
// CHECK-LABEL: aidge_export.arena @pad_mem
// CHECK: aidge_export.kernel "pd" "aidge_cpp::pad_forward" {headers = ["kernels/cpp/pad.hpp"],
// CHECK-SAME: kernel = "pad", lib = "cpp",
// CHECK-SAME: param_names = ["mode", "value", "rank", "in_dims", "begins", "ends"],
// CHECK-SAME: params = ["aidge_cpp::PadMode::constant", 5.000000e-01 : f32, 2, "{2, 3, 1, 1, 1, 1}", "{0, 1, 0, 0, 0, 0}", "{1, 2, 0, 0, 0, 0}"],
// CHECK-SAME: params_type = "aidge_cpp::PadParams", step = 1 : i64, weights = []}
func.func @pad(%x: tensor<2x3xf32>) -> tensor<3x6xf32> {
  %a = aidge.pad %x {mode = #aidge<pad_mode constant>, pads = array<i64: 0, 1, 1, 2>, value = 0.5 : f32} : (tensor<2x3xf32>) -> tensor<3x6xf32> loc("pd")
  return %a : tensor<3x6xf32>
}

// -----

// Reshape and flatten alias their operand's bytes: noop calls without
// params; the graph result is the relu's bytes, seen as 1x12.
// CHECK-LABEL: aidge_export.arena @views_mem size = 96 align = 16
// CHECK: aidge_export.kernel "rl" "aidge_cpp::activation_forward"
// CHECK-SAME: outputs = [#aidge.mem_info<size = 24, stride = 24, length = 2, count = 1, offset = 48,
// CHECK: aidge_export.kernel "rs" "aidge_cpp::reshape_forward" {headers = ["kernels/cpp/reshape.hpp"],
// CHECK-SAME: inputs = [#aidge.mem_info<size = 24, stride = 24, length = 2, count = 1, offset = 48, {{[^>]*}}>],
// CHECK-SAME: kernel = "reshape", lib = "cpp", noop,
// CHECK-SAME: outputs = [#aidge.mem_info<size = 16, stride = 16, length = 3, count = 1, offset = 48, {{[^>]*}}reuse = alias>],
// CHECK-SAME: param_names = [], params = [], params_type = "", step = 2 : i64, weights = []}
// CHECK: aidge_export.kernel "fl" "aidge_cpp::reshape_forward"
// CHECK-SAME: kernel = "flatten", lib = "cpp", noop,
// CHECK-SAME: outputs = [#aidge.mem_info<size = 48, stride = 48, length = 1, count = 1, offset = 48, {{[^>]*}}reuse = alias>],
// CHECK-SAME: step = 3 : i64
// CHECK: aidge_export.kernel "sg" "aidge_cpp::activation_forward"
// CHECK-SAME: step = 4 : i64
// CHECK: aidge_export.output "output0"[0] : tensor<1x12xf32> at <size = 48, stride = 48, length = 1, count = 1, offset = 48, {{.*}}reuse = alias>
// CHECK: aidge_export.output "output1"[1] : tensor<2x6xf32> at <size = 24, stride = 24, length = 2, count = 1, offset = 0, {{.*}}reuse = inplace>
func.func @views(%x: tensor<2x6xf32>) -> (tensor<1x12xf32>, tensor<2x6xf32>) {
  %a = aidge.relu %x : tensor<2x6xf32> loc("rl")
  %b = aidge.reshape %a : tensor<2x6xf32> -> tensor<3x4xf32> loc("rs")
  %c = aidge.flatten %b {axis = 0 : i64} : (tensor<3x4xf32>) -> tensor<1x12xf32> loc("fl")
  %d = aidge.sigmoid %x : tensor<2x6xf32> loc("sg")
  return %c, %d : tensor<1x12xf32>, tensor<2x6xf32>
}

// -----

// Layer and weight names are C identifiers, unique in the module: a
// repeated node name gets a suffix, an unnamed op its op name.
// CHECK-LABEL: aidge_export.arena @names_mem
// CHECK: aidge_export.kernel "block_0_relu" "aidge_cpp::activation_forward"
// CHECK: aidge_export.kernel "block_0_relu_2" "aidge_cpp::activation_forward"
// CHECK: aidge_export.kernel "n1x1" "aidge_cpp::elemwise_forward"
// CHECK-SAME: weights = ["nullptr", @n1x1_b]}
// CHECK: aidge_export.kernel "sigmoid" "aidge_cpp::activation_forward"
func.func @names(%x: tensor<4xf32>) -> tensor<4xf32> {
  %c = aidge.producer dense<2.0> : tensor<4xf32>
  %a = aidge.relu %x : tensor<4xf32> loc("block.0/relu")
  %b = aidge.relu %a : tensor<4xf32> loc("block.0/relu")
  %d = aidge.mul %b, %c : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32> loc("1x1")
  %e = aidge.sigmoid %d : tensor<4xf32>
  return %e : tensor<4xf32>
}

// -----

// A result that folded to a constant has no place in the arena: the output
// names a weight, which model_forward hands out as a copy.
// CHECK-LABEL: aidge_export.arena @constant_result_mem
// CHECK: aidge_export.output "output0"[0] : tensor<16xf32> at <size = 64,
// CHECK-NEXT: aidge_export.output "shape"[1] : tensor<2xi64> constant @shape_value
// CHECK: aidge_export.weight @shape_value = dense<[2, 8]> : tensor<2xi64>
func.func @constant_result(%x: tensor<16xf32>) -> (tensor<16xf32>, tensor<2xi64> {aidge.name = "shape"}) {
  %c = aidge.producer dense<[2, 8]> : tensor<2xi64>
  %a = aidge.relu %x : tensor<16xf32> loc("act")
  return %a, %c : tensor<16xf32>, tensor<2xi64>
}

// -----

// A weight computed at run time (a graph input here) stays in the arena:
// the kernel reads it in place through its mem_info.
// CHECK-LABEL: aidge_export.arena @runtime_weight_mem
// CHECK: aidge_export.kernel "dense" "aidge_cpp::fullyconnected_forward"
// CHECK-SAME: weights = [#aidge.mem_info<size = 32, stride = 32, length = 4, count = 1, offset = {{[0-9]+}}, {{.*}}reuse = none>, "nullptr"]
func.func @runtime_weight(%x: tensor<2x8xf32>, %w: tensor<4x8xf32>) -> tensor<2x4xf32> {
  %y = aidge.fc %x, %w {alpha = 1.0 : f32, beta = 1.0 : f32, trans_a = false, trans_b = true} : (tensor<2x8xf32>, tensor<4x8xf32>) -> tensor<2x4xf32> loc("dense")
  return %y : tensor<2x4xf32>
}
