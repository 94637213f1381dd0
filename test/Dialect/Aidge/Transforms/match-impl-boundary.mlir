// RUN: aidge-opt %s --aidge-match-impl="input-format=nhwc output-format=nhwc" | FileCheck %s
// RUN: aidge-opt %s --aidge-match-impl | FileCheck %s --check-prefix=MODEL

// With the graph's 4-D inputs and results stored channels last, a CNN needs
// no transpose at all; its 2-D input stays as it is.
// CHECK-LABEL: func @boundary
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x2xf32, #aidge<format nhwc>>, %[[V:.*]]: tensor<2x3xf32>) -> (tensor<1x4x4x3xf32, #aidge<format nhwc>>, tensor<2x3xf32>)
// CHECK-NOT: aidge.transpose
// CHECK: %[[C:.*]] = aidge.conv %[[X]]
// CHECK: %[[R:.*]] = aidge.relu %[[C]]
// CHECK-NOT: aidge.transpose
// CHECK: return %[[R]], %[[V]]

// By default the model's order stays at the boundary.
// MODEL-LABEL: func @boundary
// MODEL-SAME: (%[[X:.*]]: tensor<1x2x4x4xf32>, %{{.*}}: tensor<2x3xf32>) -> (tensor<1x3x4x4xf32>, tensor<2x3xf32>)
// MODEL: aidge.transpose %[[X]]
// MODEL-COUNT-1: aidge.transpose
// MODEL-NOT: aidge.transpose
func.func @boundary(%x: tensor<1x2x4x4xf32>, %v: tensor<2x3xf32>) -> (tensor<1x3x4x4xf32>, tensor<2x3xf32>) {
  %w = aidge.producer dense<1.0> : tensor<3x2x1x1xf32>
  %c = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x4x4xf32>, tensor<3x2x1x1xf32>) -> tensor<1x3x4x4xf32>
  %r = aidge.relu %c : tensor<1x3x4x4xf32>
  return %r, %v : tensor<1x3x4x4xf32>, tensor<2x3xf32>
}
