// RUN: aidge-opt %s --split-input-file --aidge-match-impl --aidge-schedule --aidge-plan-memory --aidge-verify-memory --aidge-lower-to-export | FileCheck %s

// cast_forward<From, To> has no params: the two element types are its
// template arguments, both operands in the arena.
// CHECK-LABEL: aidge_export.graph @casts
// CHECK: aidge_export.kernel "to_int" "aidge_cpp::cast_forward"
// CHECK-SAME: inputs = [#aidge.mem_info
// CHECK-SAME: kernel = "cast"
// CHECK-SAME: param_names = []
// CHECK-SAME: params_type = ""
// CHECK-SAME: template_args = ["float", "std::int64_t"]
// CHECK: aidge_export.kernel "to_double" "aidge_cpp::cast_forward"
// CHECK-SAME: template_args = ["std::int64_t", "double"]
func.func @casts(%x: tensor<2x3xf32>) -> tensor<2x3xf64> {
  %i = aidge.cast %x : tensor<2x3xf32> to tensor<2x3xi64> loc("to_int")
  %d = aidge.cast %i : tensor<2x3xi64> to tensor<2x3xf64> loc("to_double")
  return %d : tensor<2x3xf64>
}
