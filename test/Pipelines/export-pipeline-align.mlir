// RUN: aidge-opt %s --aidge-export-pipeline="strategy=stack" | FileCheck %s
// RUN: aidge-opt %s --aidge-export-pipeline="strategy=stack" | aidge-translate --to-cpp | FileCheck %s --check-prefix=CPP
// RUN: aidge-opt %s --aidge-export-pipeline="strategy=stack align=16" | FileCheck %s --check-prefix=ALIGN16

// The cpp library's blocked kernels use 64-byte vectors: by default every
// buffer starts on 64 bytes and the arena is alignas(64). Two live 36-byte
// buffers: the second at 64, the arena rounded up to 128 B (at 48 and
// 96 B with the planner's own 16).
// CHECK-LABEL: aidge_export.arena @f_mem size = 128 align = 64
// CHECK: aidge_export.kernel "conv" {{.*}}inputs = [#aidge.mem_info<{{.*}}cont_offset = 64,
// CHECK: aidge_export.output {{.*}}cont_offset = 64,
// CPP: alignas(64) static unsigned char mem[MODEL_ARENA_SIZE]
// ALIGN16-LABEL: aidge_export.arena @f_mem size = 96 align = 16
// ALIGN16: aidge_export.output {{.*}}cont_offset = 48,
func.func @f(%x: tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32> {
  %w = aidge.producer dense<0.5> : tensor<1x1x1x1xf32>
  %c = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x1x3x3xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x3x3xf32> loc("conv")
  return %c : tensor<1x1x3x3xf32>
}
