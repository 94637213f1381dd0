// A dense layer whose weight matrix is a graph input, read from the arena.
module {
  aidge_export.arena @runtime_weight_mem size = 224 align = 16
  aidge_export.graph @runtime_weight arena @runtime_weight_mem {
    aidge_export.input "arg0"[0] : tensor<2x8xf32> at <size = 32, stride = 32, length = 2, count = 1, offset = 0, cont_offset = 0, cont_size = 64, wrap_offset = 0, wrap_size = 0, reuse = none>
    aidge_export.input "arg1"[1] : tensor<4x8xf32> at <size = 32, stride = 32, length = 4, count = 1, offset = 64, cont_offset = 64, cont_size = 128, wrap_offset = 64, wrap_size = 0, reuse = none>
    aidge_export.kernel "dense" "aidge_cpp::fullyconnected_forward" {headers = ["kernels/cpp/fullyconnected.hpp"], inputs = [#aidge.mem_info<size = 32, stride = 32, length = 2, count = 1, offset = 0, cont_offset = 0, cont_size = 64, wrap_offset = 0, wrap_size = 0, reuse = none>], kernel = "fc", lib = "cpp", outputs = [#aidge.mem_info<size = 16, stride = 16, length = 2, count = 1, offset = 192, cont_offset = 192, cont_size = 32, wrap_offset = 192, wrap_size = 0, reuse = none>], param_names = ["m", "n", "k", "trans_a", "trans_b", "alpha", "beta", "c_rows", "c_cols", "act"], params = [2, 4, 8, 0, 1, 1.000000e+00 : f32, 1.000000e+00 : f32, 1, 1, "aidge_cpp::kNoActivation"], params_type = "aidge_cpp::FcParams", step = 1 : i64, weights = [#aidge.mem_info<size = 32, stride = 32, length = 4, count = 1, offset = 64, cont_offset = 64, cont_size = 128, wrap_offset = 64, wrap_size = 0, reuse = none>, "nullptr"]}
    aidge_export.output "output0"[0] : tensor<2x4xf32> at <size = 16, stride = 16, length = 2, count = 1, offset = 192, cont_offset = 192, cont_size = 32, wrap_offset = 192, wrap_size = 0, reuse = none>
  }
}
