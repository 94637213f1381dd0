// A hand-written aidge_export module with sample inputs and reference
// outputs: its export runs in test mode. Used by ../to-cpp.mlir and
// ../export-dir.test.
//   x      = [[1, -2], [3, -4]]
//   scaled = x * [2, 0.5]               = [[2, -1], [6, -2]]
//   relu   = relu(x)                    = [[1, 0], [3, 0]]
//   cat    = concat(scaled, relu, 1)    (in place: scaled and relu were
//            written in their slices; `scaled` is a strided output)
//   cat2   = concat(x, x, 1)            (a real copy)
#x = #aidge.mem_info<size = 8, stride = 8, length = 2, count = 1, offset = 0, cont_offset = 0, cont_size = 16, wrap_offset = 0, wrap_size = 0, reuse = none>
#s = #aidge.mem_info<size = 8, stride = 16, length = 2, count = 1, offset = 16, cont_offset = 16, cont_size = 24, wrap_offset = 16, wrap_size = 0, reuse = concat>
#r = #aidge.mem_info<size = 8, stride = 16, length = 2, count = 1, offset = 24, cont_offset = 24, cont_size = 24, wrap_offset = 16, wrap_size = 0, reuse = concat>
#c = #aidge.mem_info<size = 16, stride = 16, length = 2, count = 1, offset = 16, cont_offset = 16, cont_size = 32, wrap_offset = 16, wrap_size = 0, reuse = none>
#c2 = #aidge.mem_info<size = 16, stride = 16, length = 2, count = 1, offset = 48, cont_offset = 48, cont_size = 32, wrap_offset = 48, wrap_size = 0, reuse = none>
module attributes {
  aidge_export.inputs = [dense<[[1.0, -2.0], [3.0, -4.0]]> : tensor<2x2xf32>],
  aidge_export.expected = [dense<[[2.0, -1.0, 1.0, 0.0], [6.0, -2.0, 3.0, 0.0]]> : tensor<2x4xf32>,
                           dense<[[2.0, -1.0], [6.0, -2.0]]> : tensor<2x2xf32>,
                           dense<[[1.0, -2.0, 1.0, -2.0], [3.0, -4.0, 3.0, -4.0]]> : tensor<2x4xf32>]
} {
  aidge_export.arena @mem size = 80 align = 16
  aidge_export.weight @scale_b = dense<[2.0, 0.5]> : tensor<2xf32> align = 16
  aidge_export.graph @model arena @mem {
    aidge_export.input "x"[0] : tensor<2x2xf32> at #x
    aidge_export.kernel "scale" "aidge_cpp::elemwise_forward" {lib = "cpp", kernel = "mul", step = 1 : i64, params_type = "aidge_cpp::ElemwiseParams", param_names = ["op", "rank", "out_dims", "a_dims", "b_dims", "act"], params = ["aidge_cpp::ElemwiseOp::mul", 2, "{2, 2}", "{2, 2}", "{1, 2}", "aidge_cpp::kNoActivation"], inputs = [#x, unit], outputs = [#s], weights = ["nullptr", @scale_b], headers = ["kernels/cpp/elemwise.hpp"]}
    aidge_export.kernel "act" "aidge_cpp::activation_forward" {lib = "cpp", kernel = "relu", step = 2 : i64, params_type = "aidge_cpp::UnaryParams", param_names = ["op", "alpha", "beta", "min", "max"], params = ["aidge_cpp::UnaryOp::relu", 0.0 : f32, 0.0 : f32, "-INFINITY", "INFINITY"], inputs = [#x], outputs = [#r], weights = [], headers = ["kernels/cpp/activation.hpp"]}
    aidge_export.kernel "cat" "aidge_cpp::concat_forward" {lib = "cpp", kernel = "concat", step = 3 : i64, params_type = "aidge_cpp::ConcatParams", param_names = ["nb_inputs", "outer", "inner", "axis_sizes"], params = [2, 2, 1, "{2, 2}"], inputs = [#s, #r], inputs_as_array, noop, outputs = [#c], weights = [], headers = ["kernels/cpp/concat.hpp"]}
    aidge_export.kernel "cat2" "aidge_cpp::concat_forward" {lib = "cpp", kernel = "concat", step = 4 : i64, params_type = "aidge_cpp::ConcatParams", param_names = ["nb_inputs", "outer", "inner", "axis_sizes"], params = [2, 2, 1, "{2, 2}"], inputs = [#x, #x], inputs_as_array, outputs = [#c2], weights = [], headers = ["kernels/cpp/concat.hpp"]}
    aidge_export.output "cat"[0] : tensor<2x4xf32> at #c
    aidge_export.output "scaled"[1] : tensor<2x2xf32> at #s
    aidge_export.output "cat2"[2] : tensor<2x4xf32> at #c2
  }
}
