// RUN: aidge-opt %s -canonicalize -split-input-file | FileCheck %s

// Every folder of AidgeFolders.cpp, each with a case where it must fold and
// one where it must not.

// CHECK-LABEL: func @identity
//  CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
//   CHECK-NOT: aidge.identity
//       CHECK: return %[[X]]
func.func @identity(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = aidge.identity %x : tensor<2x3xf32>
  %1 = aidge.identity %0 : tensor<2x3xf32>
  return %1 : tensor<2x3xf32>
}

// -----

// Control: other unary ops are not folded away.
// CHECK-LABEL: func @relu_not_folded
//       CHECK: %[[R:.*]] = aidge.relu %arg0 : tensor<2x3xf32>
//       CHECK: return %[[R]]
func.func @relu_not_folded(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = aidge.relu %x : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func @concat_one_input
//  CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
//   CHECK-NOT: aidge.concat
//       CHECK: return %[[X]]
func.func @concat_one_input(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = aidge.concat %x {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func @concat_two_inputs
//       CHECK: %[[C:.*]] = aidge.concat %arg0, %arg0 {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
//       CHECK: return %[[C]]
func.func @concat_two_inputs(%x: tensor<2x3xf32>) -> tensor<2x6xf32> {
  %0 = aidge.concat %x, %x {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// -----

// CHECK-LABEL: func @transpose_identity_perm
//  CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
//   CHECK-NOT: aidge.transpose
//       CHECK: return %[[X]]
func.func @transpose_identity_perm(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = aidge.transpose %x {perm = array<i64: 0, 1, 2>} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// Swapping two dimensions of size 1 keeps the type but is no identity perm;
// the folder only looks at the perm, and the op stays.
// CHECK-LABEL: func @transpose_non_identity_perm
//       CHECK: %[[T:.*]] = aidge.transpose %arg0 {perm = array<i64: 1, 0, 2>} : (tensor<3x3x4xf32>) -> tensor<3x3x4xf32>
//       CHECK: return %[[T]]
func.func @transpose_non_identity_perm(%x: tensor<3x3x4xf32>) -> tensor<3x3x4xf32> {
  %0 = aidge.transpose %x {perm = array<i64: 1, 0, 2>} : (tensor<3x3x4xf32>) -> tensor<3x3x4xf32>
  return %0 : tensor<3x3x4xf32>
}

// -----

// transpose(transpose(x, p), q) == transpose(x, [p[q[0]], p[q[1]], ...]):
// p = [1, 0, 2], q = [0, 2, 1] compose to [1, 2, 0].
// CHECK-LABEL: func @transpose_of_transpose
//       CHECK: %[[T:.*]] = aidge.transpose %arg0 {perm = array<i64: 1, 2, 0>} : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
//   CHECK-NOT: aidge.transpose
//       CHECK: return %[[T]]
func.func @transpose_of_transpose(%x: tensor<2x3x4xf32>) -> tensor<3x4x2xf32> {
  %0 = aidge.transpose %x {perm = array<i64: 1, 0, 2>} : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  %1 = aidge.transpose %0 {perm = array<i64: 0, 2, 1>} : (tensor<3x2x4xf32>) -> tensor<3x4x2xf32>
  return %1 : tensor<3x4x2xf32>
}

// -----

// p = [2, 0, 1] then q = [1, 2, 0] compose to the identity: both go.
// CHECK-LABEL: func @transpose_of_transpose_to_identity
//  CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
//   CHECK-NOT: aidge.transpose
//       CHECK: return %[[X]]
func.func @transpose_of_transpose_to_identity(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = aidge.transpose %x {perm = array<i64: 2, 0, 1>} : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  %1 = aidge.transpose %0 {perm = array<i64: 1, 2, 0>} : (tensor<4x2x3xf32>) -> tensor<2x3x4xf32>
  return %1 : tensor<2x3x4xf32>
}

// -----

// The inner transpose has another user: it stays, the outer one is composed.
// CHECK-LABEL: func @transpose_of_shared_transpose
//       CHECK: %[[A:.*]] = aidge.transpose %arg0 {perm = array<i64: 1, 0, 2>} : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
//       CHECK: %[[B:.*]] = aidge.transpose %arg0 {perm = array<i64: 2, 1, 0>} : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
//       CHECK: return %[[A]], %[[B]]
func.func @transpose_of_shared_transpose(%x: tensor<2x3x4xf32>) -> (tensor<3x2x4xf32>, tensor<4x3x2xf32>) {
  %0 = aidge.transpose %x {perm = array<i64: 1, 0, 2>} : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  %1 = aidge.transpose %0 {perm = array<i64: 2, 0, 1>} : (tensor<3x2x4xf32>) -> tensor<4x3x2xf32>
  return %0, %1 : tensor<3x2x4xf32>, tensor<4x3x2xf32>
}

// -----

// CHECK-LABEL: func @reshape_chain
//       CHECK: %[[R:.*]] = aidge.reshape %arg0 : tensor<2x3x4xf32> -> tensor<4x6xf32>
//   CHECK-NOT: aidge.reshape
//       CHECK: return %[[R]]
func.func @reshape_chain(%x: tensor<2x3x4xf32>) -> tensor<4x6xf32> {
  %0 = aidge.reshape %x : tensor<2x3x4xf32> -> tensor<24xf32>
  %1 = aidge.reshape %0 : tensor<24xf32> -> tensor<6x4xf32>
  %2 = aidge.reshape %1 : tensor<6x4xf32> -> tensor<4x6xf32>
  return %2 : tensor<4x6xf32>
}

// -----

// CHECK-LABEL: func @reshape_chain_back
//  CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
//   CHECK-NOT: aidge.reshape
//       CHECK: return %[[X]]
func.func @reshape_chain_back(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = aidge.reshape %x : tensor<2x3xf32> -> tensor<6xf32>
  %1 = aidge.reshape %0 : tensor<6xf32> -> tensor<2x3xf32>
  return %1 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func @reshape_same_type
//  CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
//   CHECK-NOT: aidge.reshape
//       CHECK: return %[[X]]
func.func @reshape_same_type(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = aidge.reshape %x : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func @reshape_single
//       CHECK: %[[R:.*]] = aidge.reshape %arg0 : tensor<2x3xf32> -> tensor<3x2xf32>
//       CHECK: return %[[R]]
func.func @reshape_single(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  %0 = aidge.reshape %x : tensor<2x3xf32> -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// A reshape whose input is a reshape of something that is no reshape: only
// the chain is shortened, the relu and the last reshape stay.
// CHECK-LABEL: func @reshape_after_other_op
//       CHECK: %[[A:.*]] = aidge.reshape %arg0 : tensor<2x3xf32> -> tensor<6xf32>
//       CHECK: %[[B:.*]] = aidge.relu %[[A]] : tensor<6xf32>
//       CHECK: %[[C:.*]] = aidge.reshape %[[B]] : tensor<6xf32> -> tensor<3x2xf32>
//       CHECK: return %[[C]]
func.func @reshape_after_other_op(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  %0 = aidge.reshape %x : tensor<2x3xf32> -> tensor<6xf32>
  %1 = aidge.relu %0 : tensor<6xf32>
  %2 = aidge.reshape %1 : tensor<6xf32> -> tensor<3x2xf32>
  return %2 : tensor<3x2xf32>
}

// -----

// CHECK-LABEL: func @reshape_dense_constant
//       CHECK: %[[C:.*]] = aidge.producer dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00], [5.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>
//   CHECK-NOT: aidge.reshape
//       CHECK: return %[[C]]
func.func @reshape_dense_constant() -> tensor<3x2xf32> {
  %0 = aidge.producer dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %1 = aidge.reshape %0 : tensor<2x3xf32> -> tensor<3x2xf32>
  return %1 : tensor<3x2xf32>
}

// -----

// The folded constant shares the dense_resource blob (same handle name, no
// copy of the data).
// CHECK-LABEL: func @reshape_resource_constant
//       CHECK: %[[C:.*]] = aidge.producer dense_resource<blob_a> : tensor<3x2xf32>
//   CHECK-NOT: aidge.reshape
//       CHECK: return %[[C]]
//       CHECK: blob_a: "0x04000000000000000000803F0000004000004040000080400000A040"
//   CHECK-NOT: blob_a
func.func @reshape_resource_constant() -> tensor<3x2xf32> {
  %0 = aidge.producer dense_resource<blob_a> : tensor<6xf32>
  %1 = aidge.reshape %0 : tensor<6xf32> -> tensor<3x2xf32>
  return %1 : tensor<3x2xf32>
}
{-# dialect_resources: { builtin: { blob_a: "0x04000000000000000000803F0000004000004040000080400000A040" } } #-}

// -----

// CHECK-LABEL: func @flatten_constant
//       CHECK: %[[C:.*]] = aidge.producer dense<{{\[\[}}1, 2, 3, 4, 5, 6]]> : tensor<1x6xi32>
//   CHECK-NOT: aidge.flatten
//       CHECK: return %[[C]]
func.func @flatten_constant() -> tensor<1x6xi32> {
  %0 = aidge.producer dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
  %1 = aidge.flatten %0 {axis = 0 : i64} : (tensor<2x3xi32>) -> tensor<1x6xi32>
  return %1 : tensor<1x6xi32>
}

// -----

// Flattening a matrix at axis 1 changes nothing.
// CHECK-LABEL: func @flatten_same_type
//  CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
//   CHECK-NOT: aidge.flatten
//       CHECK: return %[[X]]
func.func @flatten_same_type(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = aidge.flatten %x {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func @flatten_not_constant
//       CHECK: %[[F:.*]] = aidge.flatten %arg0 {axis = 1 : i64} : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
//       CHECK: return %[[F]]
func.func @flatten_not_constant(%x: tensor<2x3x4xf32>) -> tensor<2x12xf32> {
  %0 = aidge.flatten %x {axis = 1 : i64} : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
  return %0 : tensor<2x12xf32>
}

// -----

// CHECK-LABEL: func @squeeze_constant
//       CHECK: %[[C:.*]] = aidge.producer dense_resource<blob_b> : tensor<2xf32>
//   CHECK-NOT: aidge.squeeze
//       CHECK: return %[[C]]
func.func @squeeze_constant() -> tensor<2xf32> {
  %0 = aidge.producer dense_resource<blob_b> : tensor<1x2x1xf32>
  %1 = aidge.squeeze %0 {axes = array<i64: 0, 2>} : (tensor<1x2x1xf32>) -> tensor<2xf32>
  return %1 : tensor<2xf32>
}
{-# dialect_resources: { builtin: { blob_b: "0x040000000000803F00000040" } } #-}

// -----

// CHECK-LABEL: func @squeeze_not_constant
//       CHECK: %[[S:.*]] = aidge.squeeze %arg0 {axes = array<i64: 0>} : (tensor<1x2xf32>) -> tensor<2xf32>
//       CHECK: return %[[S]]
func.func @squeeze_not_constant(%x: tensor<1x2xf32>) -> tensor<2xf32> {
  %0 = aidge.squeeze %x {axes = array<i64: 0>} : (tensor<1x2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// CHECK-LABEL: func @squeeze_no_axes
//  CHECK-SAME: (%[[X:.*]]: tensor<1x2xf32>)
//   CHECK-NOT: aidge.squeeze
//       CHECK: return %[[X]]
func.func @squeeze_no_axes(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  %0 = aidge.squeeze %x {axes = array<i64>} : (tensor<1x2xf32>) -> tensor<1x2xf32>
  return %0 : tensor<1x2xf32>
}

// -----

// CHECK-LABEL: func @unsqueeze_constant
//       CHECK: %[[C:.*]] = aidge.producer dense<{{\[\[\[}}1.000000e+00, 2.000000e+00]]]> : tensor<1x1x2xf32>
//   CHECK-NOT: aidge.unsqueeze
//       CHECK: return %[[C]]
func.func @unsqueeze_constant() -> tensor<1x1x2xf32> {
  %0 = aidge.producer dense<[1.0, 2.0]> : tensor<2xf32>
  %1 = aidge.unsqueeze %0 {axes = array<i64: 0, 1>} : (tensor<2xf32>) -> tensor<1x1x2xf32>
  return %1 : tensor<1x1x2xf32>
}

// -----

// CHECK-LABEL: func @unsqueeze_splat_constant
//       CHECK: %[[C:.*]] = aidge.producer dense<7> : tensor<3x1xi64>
//   CHECK-NOT: aidge.unsqueeze
//       CHECK: return %[[C]]
func.func @unsqueeze_splat_constant() -> tensor<3x1xi64> {
  %0 = aidge.producer dense<7> : tensor<3xi64>
  %1 = aidge.unsqueeze %0 {axes = array<i64: 1>} : (tensor<3xi64>) -> tensor<3x1xi64>
  return %1 : tensor<3x1xi64>
}

// -----

// CHECK-LABEL: func @unsqueeze_not_constant
//       CHECK: %[[U:.*]] = aidge.unsqueeze %arg0 {axes = array<i64: 0>} : (tensor<2xf32>) -> tensor<1x2xf32>
//       CHECK: return %[[U]]
func.func @unsqueeze_not_constant(%x: tensor<2xf32>) -> tensor<1x2xf32> {
  %0 = aidge.unsqueeze %x {axes = array<i64: 0>} : (tensor<2xf32>) -> tensor<1x2xf32>
  return %0 : tensor<1x2xf32>
}

// -----

// Zero pads fold whatever the mode.
// CHECK-LABEL: func @pad_zero
//  CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
//   CHECK-NOT: aidge.pad
//       CHECK: return %[[X]], %[[X]]
func.func @pad_zero(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>) {
  %0 = aidge.pad %x {mode = #aidge<pad_mode constant>, pads = array<i64: 0, 0, 0, 0>, value = 1.0 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = aidge.pad %x {mode = #aidge<pad_mode reflect>, pads = array<i64: 0, 0, 0, 0>, value = 0.0 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0, %1 : tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func @pad_nonzero
//       CHECK: %[[P:.*]] = aidge.pad %arg0 {mode = #aidge<pad_mode edge>, pads = array<i64: 0, 1, 0, 0>, value = 0.000000e+00 : f32} : (tensor<2x3xf32>) -> tensor<2x4xf32>
//       CHECK: return %[[P]]
func.func @pad_nonzero(%x: tensor<2x3xf32>) -> tensor<2x4xf32> {
  %0 = aidge.pad %x {mode = #aidge<pad_mode edge>, pads = array<i64: 0, 1, 0, 0>, value = 0.0 : f32} : (tensor<2x3xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// Padding one side and cropping the other keeps the type but shifts the
// data: not an identity.
// CHECK-LABEL: func @pad_shift_same_type
//       CHECK: %[[P:.*]] = aidge.pad %arg0 {mode = #aidge<pad_mode constant>, pads = array<i64: 1, 0, -1, 0>, value = 0.000000e+00 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
//       CHECK: return %[[P]]
func.func @pad_shift_same_type(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = aidge.pad %x {mode = #aidge<pad_mode constant>, pads = array<i64: 1, 0, -1, 0>, value = 0.0 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func @slice_identity
//  CHECK-SAME: (%[[X:.*]]: tensor<4x5xf32>)
//   CHECK-NOT: aidge.slice
//       CHECK: return %[[X]]
func.func @slice_identity(%x: tensor<4x5xf32>) -> tensor<4x5xf32> {
  %0 = aidge.slice %x {ends = array<i64: 4, 5>, starts = array<i64: 0, 0>, steps = array<i64: 1, 1>} : (tensor<4x5xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

// Same type, but reversed along dimension 0: not an identity.
// CHECK-LABEL: func @slice_reverse
//       CHECK: %[[S:.*]] = aidge.slice %arg0 {ends = array<i64: -1, 5>, starts = array<i64: 3, 0>, steps = array<i64: -1, 1>} : (tensor<4x5xf32>) -> tensor<4x5xf32>
//       CHECK: return %[[S]]
func.func @slice_reverse(%x: tensor<4x5xf32>) -> tensor<4x5xf32> {
  %0 = aidge.slice %x {ends = array<i64: -1, 5>, starts = array<i64: 3, 0>, steps = array<i64: -1, 1>} : (tensor<4x5xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

// CHECK-LABEL: func @slice_narrowing
//       CHECK: %[[S:.*]] = aidge.slice %arg0 {ends = array<i64: 4, 4>, starts = array<i64: 0, 1>, steps = array<i64: 1, 1>} : (tensor<4x5xf32>) -> tensor<4x3xf32>
//       CHECK: return %[[S]]
func.func @slice_narrowing(%x: tensor<4x5xf32>) -> tensor<4x3xf32> {
  %0 = aidge.slice %x {ends = array<i64: 4, 4>, starts = array<i64: 0, 1>, steps = array<i64: 1, 1>} : (tensor<4x5xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// A step larger than a size-1 dimension keeps the type and the data.
// It is not folded (the folder wants unit steps); it must not be wrong either.
// CHECK-LABEL: func @slice_big_step_on_unit_dim
//       CHECK: %[[S:.*]] = aidge.slice %arg0 {ends = array<i64: 1, 5>, starts = array<i64: 0, 0>, steps = array<i64: 2, 1>} : (tensor<1x5xf32>) -> tensor<1x5xf32>
//       CHECK: return %[[S]]
func.func @slice_big_step_on_unit_dim(%x: tensor<1x5xf32>) -> tensor<1x5xf32> {
  %0 = aidge.slice %x {ends = array<i64: 1, 5>, starts = array<i64: 0, 0>, steps = array<i64: 2, 1>} : (tensor<1x5xf32>) -> tensor<1x5xf32>
  return %0 : tensor<1x5xf32>
}

// -----

// CHECK-LABEL: func @cast_same_type
//  CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
//   CHECK-NOT: aidge.cast
//       CHECK: return %[[X]]
func.func @cast_same_type(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = aidge.cast %x : tensor<2x3xf32> to tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func @cast_other_type
//       CHECK: %[[C:.*]] = aidge.cast %arg0 : tensor<2x3xf32> to tensor<2x3xi32>
//       CHECK: return %[[C]]
func.func @cast_other_type(%x: tensor<2x3xf32>) -> tensor<2x3xi32> {
  %0 = aidge.cast %x : tensor<2x3xf32> to tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}

// -----

// A cast of a constant is not constant-folded.
// CHECK-LABEL: func @cast_of_constant
//       CHECK: %[[P:.*]] = aidge.producer dense<1.500000e+00> : tensor<2xf32>
//       CHECK: %[[C:.*]] = aidge.cast %[[P]] : tensor<2xf32> to tensor<2xi32>
//       CHECK: return %[[C]]
func.func @cast_of_constant() -> tensor<2xi32> {
  %0 = aidge.producer dense<1.5> : tensor<2xf32>
  %1 = aidge.cast %0 : tensor<2xf32> to tensor<2xi32>
  return %1 : tensor<2xi32>
}

// -----

// Producers are constants: unused ones are erased, equal ones merged.
// CHECK-LABEL: func @producer_dedup
//       CHECK: %[[P:.*]] = aidge.producer dense<2.000000e+00> : tensor<4xf32>
//   CHECK-NOT: aidge.producer
//       CHECK: %[[A:.*]] = aidge.add %[[P]], %[[P]]
//       CHECK: return %[[A]]
func.func @producer_dedup() -> tensor<4xf32> {
  %0 = aidge.producer dense<2.0> : tensor<4xf32>
  %1 = aidge.producer dense<2.0> : tensor<4xf32>
  %unused = aidge.producer dense<3.0> : tensor<4xf32>
  %2 = aidge.add %0, %1 : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %2 : tensor<4xf32>
}

// -----

// Producers with different values stay apart.
// CHECK-LABEL: func @producer_distinct
//   CHECK-DAG: %[[P:.*]] = aidge.producer dense<2.000000e+00> : tensor<4xf32>
//   CHECK-DAG: %[[Q:.*]] = aidge.producer dense<3.000000e+00> : tensor<4xf32>
//       CHECK: %[[A:.*]] = aidge.add %[[P]], %[[Q]]
//       CHECK: return %[[A]]
func.func @producer_distinct() -> tensor<4xf32> {
  %0 = aidge.producer dense<2.0> : tensor<4xf32>
  %1 = aidge.producer dense<3.0> : tensor<4xf32>
  %2 = aidge.add %0, %1 : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %2 : tensor<4xf32>
}

// -----

// A chain of shape-only ops on a constant folds into one producer.
// CHECK-LABEL: func @shape_chain_on_constant
//       CHECK: %[[C:.*]] = aidge.producer dense_resource<blob_c> : tensor<1x4xf32>
//   CHECK-NOT: aidge.reshape
//   CHECK-NOT: aidge.squeeze
//   CHECK-NOT: aidge.flatten
//       CHECK: return %[[C]]
func.func @shape_chain_on_constant() -> tensor<1x4xf32> {
  %0 = aidge.producer dense_resource<blob_c> : tensor<2x2xf32>
  %1 = aidge.reshape %0 : tensor<2x2xf32> -> tensor<1x4x1xf32>
  %2 = aidge.squeeze %1 {axes = array<i64: 2>} : (tensor<1x4x1xf32>) -> tensor<1x4xf32>
  %3 = aidge.flatten %2 {axis = 1 : i64} : (tensor<1x4xf32>) -> tensor<1x4xf32>
  return %3 : tensor<1x4xf32>
}
{-# dialect_resources: { builtin: { blob_c: "0x04000000000000000000803F0000004000004040" } } #-}

// -----

// A transpose of a constant folds to the transposed constant, in the
// result's data format: [[1, 2, 3], [4, 5, 6]] becomes [[1, 4], [2, 5], [3, 6]].
// CHECK-LABEL: func @transpose_of_constant
//       CHECK: %[[C:.*]] = aidge.producer dense<{{\[\[}}1.000000e+00, 4.000000e+00], [2.000000e+00, 5.000000e+00], [3.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>
//   CHECK-NOT: aidge.transpose
//       CHECK: return %[[C]]
func.func @transpose_of_constant() -> tensor<3x2xf32> {
  %c = aidge.producer dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %0 = aidge.transpose %c {perm = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// A weight blob moved to channels last: a new blob with the elements
// reordered ([o][i][kh][kw] -> [o][kh][kw][i]): channel 2 of 3 is ones,
// so the new blob repeats 0, 0, 1.
// CHECK-LABEL: func @transpose_of_blob
//       CHECK: aidge.producer dense_resource<w{{.*}}> : tensor<1x2x3x3xf32, #aidge<format nhwc>>
//   CHECK-NOT: aidge.transpose
//       CHECK: w{{.*}}: "0x0400000000000000000000000000803F00000000000000000000803F00000000000000000000803F00000000000000000000803F00000000000000000000803F00000000000000000000803F"
func.func @transpose_of_blob() -> tensor<1x2x3x3xf32, #aidge<format nhwc>> {
  %w = aidge.producer dense_resource<w> : tensor<1x3x2x3xf32>
  %0 = aidge.transpose %w {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x3x2x3xf32>) -> tensor<1x2x3x3xf32, #aidge<format nhwc>>
  return %0 : tensor<1x2x3x3xf32, #aidge<format nhwc>>
}
{-#
  dialect_resources: {
    builtin: {
      w: "0x040000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000803F0000803F0000803F0000803F0000803F0000803F"
    }
  }
#-}
