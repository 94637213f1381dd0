// RUN: aidge-opt %s --split-input-file --aidge-match-impl --aidge-schedule --aidge-plan-memory --aidge-verify-memory --aidge-lower-to-export | FileCheck %s

// A strided, reversing slice: per dimension start, step and output size,
// padded to 6 dimensions.
// CHECK-LABEL: aidge_export.graph @slice
// CHECK: aidge_export.kernel "sl" "aidge_cpp::slice_forward"
// CHECK-SAME: param_names = ["rank", "in_dims", "starts", "steps", "out_dims"]
// CHECK-SAME: params = [2, "{4, 6, 1, 1, 1, 1}", "{3, 0, 0, 0, 0, 0}", "{-1, 2, 1, 1, 1, 1}", "{4, 3, 1, 1, 1, 1}"]
// CHECK-SAME: params_type = "aidge_cpp::SliceParams"
func.func @slice(%x: tensor<4x6xf32>) -> tensor<4x3xf32> {
  %y = aidge.slice %x {starts = array<i64: 3, 0>, ends = array<i64: -1, 6>, steps = array<i64: -1, 2>} : (tensor<4x6xf32>) -> tensor<4x3xf32> loc("sl")
  return %y : tensor<4x3xf32>
}

// -----

// Gather along axis 1 of a 2x5x3 tensor with 2 constant int64 indices: the
// indices become a weight array of their own type.
// CHECK-LABEL: aidge_export.graph @gather
// CHECK: aidge_export.kernel "g" "aidge_cpp::gather_forward"
// CHECK-SAME: params = [2, 5, 3, 2]
// CHECK-SAME: weights = [@g_indices]
// CHECK: aidge_export.weight @g_indices = dense<[4, 0]> : tensor<2xi64>
func.func @gather(%x: tensor<2x5x3xf32>) -> tensor<2x2x3xf32> {
  %i = aidge.producer dense<[4, 0]> : tensor<2xi64>
  %y = aidge.gather %x, %i {axis = 1 : i64} : (tensor<2x5x3xf32>, tensor<2xi64>) -> tensor<2x2x3xf32> loc("g")
  return %y : tensor<2x2x3xf32>
}

// -----

// A reduction over dims 1 and 2 of a 4-D tensor.
// CHECK-LABEL: aidge_export.graph @reduce
// CHECK: aidge_export.kernel "r" "aidge_cpp::reduce_sum_forward"
// CHECK-SAME: params = [4, "{2, 3, 4, 5, 1, 1}", "{0, 1, 1, 0, 0, 0}"]
func.func @reduce(%x: tensor<2x3x4x5xf32>) -> tensor<2x5xf32> {
  %y = aidge.reduce_sum %x {axes = array<i64: 1, 2>, keepdims = false} : (tensor<2x3x4x5xf32>) -> tensor<2x5xf32> loc("r")
  return %y : tensor<2x5xf32>
}

// -----

// Integer data: element-wise and data-movement kernels are instantiated
// for their element types (Pow's result is typed like its base); float
// ones keep the template's defaults.
// CHECK-LABEL: aidge_export.arena @integers_mem
// CHECK: aidge_export.kernel "sum" "aidge_cpp::elemwise_forward"
// CHECK-SAME: template_args = ["std::int64_t", "std::int64_t", "std::int64_t"]
// CHECK: aidge_export.kernel "power" "aidge_cpp::elemwise_forward"
// CHECK-SAME: template_args = ["std::int32_t", "float", "std::int32_t"]
// CHECK: aidge_export.kernel "swap" "aidge_cpp::transpose_forward"
// CHECK-SAME: template_args = ["std::int64_t"]
// CHECK: aidge_export.kernel "fsum" "aidge_cpp::elemwise_forward"
// CHECK-NOT: template_args
// CHECK: aidge_export.output
func.func @integers(%a: tensor<2x3xi64>, %b: tensor<3xi64>, %c: tensor<4xi32>, %e: tensor<4xf32>) -> (tensor<3x2xi64>, tensor<4xi32>, tensor<4xf32>) {
  %s = aidge.add %a, %b : (tensor<2x3xi64>, tensor<3xi64>) -> tensor<2x3xi64> loc("sum")
  %p = aidge.pow %c, %e : (tensor<4xi32>, tensor<4xf32>) -> tensor<4xi32> loc("power")
  %t = aidge.transpose %s {perm = array<i64: 1, 0>} : (tensor<2x3xi64>) -> tensor<3x2xi64> loc("swap")
  %f = aidge.add %e, %e : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32> loc("fsum")
  return %t, %p, %f : tensor<3x2xi64>, tensor<4xi32>, tensor<4xf32>
}
