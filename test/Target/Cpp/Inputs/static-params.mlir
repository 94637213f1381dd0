// A blocked convolution of cpp_fast as --aidge-lower-to-export writes it,
// its params a template argument (static_params).
#in = #aidge.mem_info<size = 32, stride = 32, length = 2, count = 2, offset = 0, cont_offset = 0, cont_size = 128, wrap_offset = 0, wrap_size = 0, reuse = none>
#out = #aidge.mem_info<size = 32, stride = 32, length = 2, count = 2, offset = 128, cont_offset = 128, cont_size = 128, wrap_offset = 128, wrap_size = 0, reuse = none>
module {
  aidge_export.arena @model_mem size = 256 align = 16
  aidge_export.graph @model arena @model_mem {
    aidge_export.input "x"[0] : tensor<1x2x2x8xf32, #aidge<format nhwc>> at #in
    aidge_export.kernel "pw" "aidge_cpp::convolution_blocked_forward" {headers = ["kernels/cpp/convolution_blocked.hpp"], inputs = [#in], kernel = "conv_blocked2d", lib = "cpp_fast", outputs = [#out], param_names = ["batch", "in_depth", "in_height", "in_width", "in_channels", "out_depth", "out_height", "out_width", "out_channels", "kernel_d", "stride_d", "dilation_d", "pad_front", "pad_back", "kernel_h", "kernel_w", "stride_h", "stride_w", "dilation_h", "dilation_w", "pad_top", "pad_left", "pad_bottom", "pad_right", "group", "act"], params = [1, 1, 2, 2, 8, 1, 2, 2, 8, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, "aidge_cpp::kNoActivation"], params_type = "aidge_cpp::ConvParams", static_params, step = 1 : i64, weights = [@pw_weights, "nullptr"]}
    aidge_export.output "y"[0] : tensor<1x2x2x8xf32, #aidge<format nhwc>> at #out
  }
  aidge_export.weight @pw_weights = dense<0.125> : tensor<1x1x8x16xf32> align = 64
}
