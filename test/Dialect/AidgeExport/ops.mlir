// RUN: aidge-opt %s | aidge-opt | FileCheck %s

// Every aidge_export op prints and parses back.

#in = #aidge.mem_info<size = 12, stride = 12, length = 2, count = 1, offset = 0, cont_offset = 0, cont_size = 24, wrap_offset = 0, wrap_size = 0, reuse = none>
#out = #aidge.mem_info<size = 16, stride = 16, length = 2, count = 1, offset = 32, cont_offset = 32, cont_size = 32, wrap_offset = 32, wrap_size = 0, reuse = none>

// CHECK-LABEL: module
// CHECK: aidge_export.arena @mem size = 64 align = 16{{$}}
// CHECK: aidge_export.arena @mem_in_section size = 128 align = 64 section ".sram"{{$}}
// CHECK: aidge_export.weight @dense_weights = dense<{{\[\[}}1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00], [7.000000e+00, 8.000000e+00, 9.000000e+00], [1.000000e+01, 1.100000e+01, 1.200000e+01]]> : tensor<4x3xf32> align = 16{{$}}
// CHECK: aidge_export.weight @dense_biases = dense<5.000000e-01> : tensor<4xf32> align = 4 section ".rodata.weights"{{$}}
// CHECK: aidge_export.weight @table = dense<[1, -2, 3]> : tensor<3xi8> align = 1{{$}}
// CHECK: aidge_export.weight @blob = dense_resource<blob> : tensor<2xf32> align = 16{{$}}
// CHECK: aidge_export.graph @model arena @mem {
// CHECK-NEXT: aidge_export.input "x"[0] : tensor<2x3xf32> at <size = 12, stride = 12, length = 2, count = 1, offset = 0, cont_offset = 0, cont_size = 24, wrap_offset = 0, wrap_size = 0, reuse = none>
// CHECK-NEXT: aidge_export.kernel "dense" "aidge_cpp::fullyconnected_forward" {headers = ["kernels/cpp/fullyconnected.hpp"], inputs = [#aidge.mem_info<size = 12, stride = 12, length = 2, count = 1, offset = 0, cont_offset = 0, cont_size = 24, wrap_offset = 0, wrap_size = 0, reuse = none>], kernel = "fc", lib = "cpp", outputs = [#aidge.mem_info<size = 16, stride = 16, length = 2, count = 1, offset = 32, cont_offset = 32, cont_size = 32, wrap_offset = 32, wrap_size = 0, reuse = none>], param_names = ["m", "n", "k", "trans_a", "trans_b", "alpha", "beta", "c_rows", "c_cols", "act"], params = [2, 4, 3, 0, 1, 5.000000e-01 : f32, 2.000000e+00 : f32, 1, 4, "aidge_cpp::kNoActivation"], params_type = "aidge_cpp::FcParams", step = 1 : i64, weights = [@dense_weights, @dense_biases]}
// CHECK-NEXT: aidge_export.kernel "bias" "aidge_cpp::elemwise_forward" {headers = ["kernels/cpp/elemwise.hpp"], inputs = [#aidge.mem_info<{{.*}}offset = 32, {{.*}}>, unit], kernel = "add", lib = "cpp", outputs = [#aidge.mem_info<{{.*}}offset = 32, {{.*}}>], param_names = ["op", "rank", "out_dims", "a_dims", "b_dims", "act"], params = ["aidge_cpp::ElemwiseOp::add", 2, "{2, 4}", "{2, 4}", "{1, 4}", "aidge_cpp::kNoActivation"], params_type = "aidge_cpp::ElemwiseParams", step = 2 : i64, weights = ["nullptr", @dense_biases]}
// CHECK-NEXT: aidge_export.kernel "cat" "aidge_cpp::concat_forward" {headers = ["kernels/cpp/concat.hpp"], inputs = [#aidge.mem_info<{{.*}}>, #aidge.mem_info<{{.*}}>], inputs_as_array, kernel = "concat", lib = "cpp", noop, outputs = [#aidge.mem_info<{{.*}}>], param_names = ["nb_inputs", "outer", "inner", "axis_sizes"], params = [2, 2, 1, "{4, 4}"], params_type = "aidge_cpp::ConcatParams", step = 3 : i64, weights = []}
// CHECK-NEXT: aidge_export.kernel "view" "aidge_cpp::reshape_forward" {headers = [], inputs = [#aidge.mem_info<{{.*}}>], kernel = "reshape", lib = "cpp", noop, outputs = [#aidge.mem_info<{{.*}}>], param_names = [], params = [], params_type = "", step = 4 : i64, weights = []}
// CHECK-NEXT: aidge_export.output "y"[0] : tensor<2x4xf32> at <size = 16, stride = 16, length = 2, count = 1, offset = 32, cont_offset = 32, cont_size = 32, wrap_offset = 32, wrap_size = 0, reuse = none>
// CHECK-NEXT: }
// CHECK: aidge_export.graph @empty arena @mem_in_section attributes {note = "no calls"} {
// CHECK-NEXT: }
// CHECK: blob: "0x040000000000803F00000040"
module {
  aidge_export.arena @mem size = 64 align = 16
  aidge_export.arena @mem_in_section size = 128 align = 64 section ".sram"
  aidge_export.weight @dense_weights = dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0], [10.0, 11.0, 12.0]]> : tensor<4x3xf32> align = 16
  aidge_export.weight @dense_biases = dense<0.5> : tensor<4xf32> align = 4 section ".rodata.weights"
  aidge_export.weight @table = dense<[1, -2, 3]> : tensor<3xi8> align = 1
  aidge_export.weight @blob = dense_resource<blob> : tensor<2xf32> align = 16
  aidge_export.graph @model arena @mem {
    aidge_export.input "x"[0] : tensor<2x3xf32> at #in
    aidge_export.kernel "dense" "aidge_cpp::fullyconnected_forward" {lib = "cpp", kernel = "fc", step = 1 : i64, params_type = "aidge_cpp::FcParams", param_names = ["m", "n", "k", "trans_a", "trans_b", "alpha", "beta", "c_rows", "c_cols", "act"], params = [2, 4, 3, 0, 1, 0.5 : f32, 2.0 : f32, 1, 4, "aidge_cpp::kNoActivation"], inputs = [#in], outputs = [#out], weights = [@dense_weights, @dense_biases], headers = ["kernels/cpp/fullyconnected.hpp"]}
    aidge_export.kernel "bias" "aidge_cpp::elemwise_forward" {lib = "cpp", kernel = "add", step = 2 : i64, params_type = "aidge_cpp::ElemwiseParams", param_names = ["op", "rank", "out_dims", "a_dims", "b_dims", "act"], params = ["aidge_cpp::ElemwiseOp::add", 2, "{2, 4}", "{2, 4}", "{1, 4}", "aidge_cpp::kNoActivation"], inputs = [#out, unit], outputs = [#out], weights = ["nullptr", @dense_biases], headers = ["kernels/cpp/elemwise.hpp"]}
    aidge_export.kernel "cat" "aidge_cpp::concat_forward" {lib = "cpp", kernel = "concat", step = 3 : i64, params_type = "aidge_cpp::ConcatParams", param_names = ["nb_inputs", "outer", "inner", "axis_sizes"], params = [2, 2, 1, "{4, 4}"], inputs = [#in, #out], inputs_as_array, noop, outputs = [#out], weights = [], headers = ["kernels/cpp/concat.hpp"]}
    aidge_export.kernel "view" "aidge_cpp::reshape_forward" {lib = "cpp", kernel = "reshape", step = 4 : i64, params_type = "", param_names = [], params = [], inputs = [#out], noop, outputs = [#out], weights = [], headers = []}
    aidge_export.output "y"[0] : tensor<2x4xf32> at #out
  }
  aidge_export.graph @empty arena @mem_in_section attributes {note = "no calls"} {
  }
}

{-#
  dialect_resources: {
    builtin: {
      blob: "0x040000000000803F00000040"
    }
  }
#-}
