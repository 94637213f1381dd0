// RUN: aidge-opt %s --aidge-export-pipeline="lib=cpp strategy=stack" | FileCheck %s
// RUN: aidge-opt %s --aidge-export-pipeline="lower=false wrapping=true" | FileCheck %s --check-prefix=PLANNED

// The registered pipeline takes imported IR to export IR in one flag.
// x, its channels-last copy, the conv result and its copy back take 128 B
// each, two at a time: 256 B.
// CHECK: aidge_export.arena @f_mem size = 256 align = 64
// CHECK: aidge_export.graph @f arena @f_mem
// CHECK: aidge_export.kernel "conv" "aidge_cpp::convolution_blocked_forward"
// CHECK-SAME: aidge_cpp::Activation::relu
// CHECK-NOT: aidge.conv

// Without the lowering it stops at the verified plan.
// PLANNED: aidge.conv {{.*}}activation = #aidge.activation<kind = relu>{{.*}}aidge.impl{{.*}}aidge.mem
func.func @f(%x: tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32> {
  %w = aidge.producer dense<0.5> : tensor<2x2x1x1xf32>
  %c = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x4x4xf32> loc("conv")
  %r = aidge.relu %c : tensor<1x2x4x4xf32>
  return %r : tensor<1x2x4x4xf32>
}
