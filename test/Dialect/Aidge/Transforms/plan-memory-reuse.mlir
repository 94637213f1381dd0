// RUN: aidge-opt %s --split-input-file --aidge-schedule --aidge-plan-memory="wrapping=true concat-in-place=true inplace=false" --aidge-verify-memory | FileCheck %s
// RUN: aidge-opt %s --split-input-file --aidge-schedule --aidge-plan-memory="inplace=false" --aidge-verify-memory | FileCheck %s --check-prefix=OFF

// A 3x3, stride-1, pad-1 conv over 4 rows of 32 B writes its output after
// its input in a ring. Before output row oy it has freed max(0, oy - 1)
// input rows, so it stays (oy + 1) * 32 - max(0, oy - 1) * 32 <= 64 B
// ahead: the ring holds 128 + 64 = 192 B, and the output starts at 128,
// runs 64 B to the ring's end and wraps for its last 64 B.
// Without wrapping, input and output each take 128 B.
// OFF-LABEL: func @wrap
// OFF-SAME: aidge.peak_bytes = 256 : i64
// CHECK-LABEL: func @wrap
// CHECK-SAME: aidge.peak_bytes = 192 : i64
// CHECK: aidge.conv {{.*}}#aidge.mem_info<size = 8, stride = 8, length = 4, count = 4, offset = 128, cont_offset = 128, cont_size = 64, wrap_offset = 0, wrap_size = 64, reuse = wrap>]
func.func @wrap(%x: tensor<1x4x4x2xf32, #aidge<format nhwc>>) -> tensor<1x4x4x2xf32, #aidge<format nhwc>> {
  %w = aidge.producer dense<1.0> : tensor<2x3x3x2xf32, #aidge<format nhwc>>
  %y = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x4x4x2xf32, #aidge<format nhwc>>, tensor<2x3x3x2xf32, #aidge<format nhwc>>) -> tensor<1x4x4x2xf32, #aidge<format nhwc>>
  return %y : tensor<1x4x4x2xf32, #aidge<format nhwc>>
}

// -----

// With concat-in-place the two relus write straight into their slices of
// the concatenation, through its 32 B slot stride: a at the output's
// offset, b 12 B further (a's 3 channels). The output's space lives from
// step 1; x1 and x2 take 0..128, so it goes to 128.
// CHECK-LABEL: func @concat
// CHECK-SAME: aidge.peak_bytes = 256 : i64
// CHECK: aidge.relu {{.*}}#aidge.mem_info<size = 12, stride = 32, length = 2, count = 2, offset = 128, {{.*}}reuse = concat>]
// CHECK: aidge.relu {{.*}}#aidge.mem_info<size = 20, stride = 32, length = 2, count = 2, offset = 140, {{.*}}reuse = concat>]
// CHECK: aidge.concat {{.*}}#aidge.mem_info<size = 32, stride = 32, length = 2, count = 2, offset = 128, {{.*}}reuse = none>]
// Without, each tensor has its own bytes.
// OFF-LABEL: func @concat
// OFF: aidge.relu {{.*}}size = 12, stride = 12, {{.*}}reuse = none>]
func.func @concat(%x1: tensor<1x2x2x3xf32>, %x2: tensor<1x2x2x5xf32>) -> tensor<1x2x2x8xf32> {
  %a = aidge.relu %x1 : tensor<1x2x2x3xf32>
  %b = aidge.relu %x2 : tensor<1x2x2x5xf32>
  %c = aidge.concat %a, %b {axis = 3 : i64} : (tensor<1x2x2x3xf32>, tensor<1x2x2x5xf32>) -> tensor<1x2x2x8xf32>
  return %c : tensor<1x2x2x8xf32>
}
