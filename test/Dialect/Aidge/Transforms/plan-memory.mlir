// RUN: aidge-opt %s --split-input-file --aidge-schedule --aidge-plan-memory=strategy=stack --aidge-verify-memory | FileCheck %s --check-prefixes=CHECK,STACK
// RUN: aidge-opt %s --split-input-file --aidge-schedule --aidge-plan-memory=strategy=greedy-by-size --aidge-verify-memory | FileCheck %s --check-prefixes=CHECK,GREEDY
// RUN: aidge-opt %s --split-input-file --aidge-schedule --aidge-plan-memory --aidge-verify-memory | FileCheck %s --check-prefixes=CHECK,BEST

// Lifetimes, in steps: x [0,2] 64 B, a [1,3] 128 B, b [2,3] 256 B,
// c [3,4] 384 B (read after the last op). The live-set bound is 768 B
// (a + b + c at step 3).
// stack, first fit in order of allocation: x 0, a 64, b 192, c 448 -> 832.
// greedy-by-size, largest first: c 0, b 384, a 640, x 0 -> 768.
// best keeps greedy-by-size's 768.
// CHECK-LABEL: func @diamond
// CHECK-SAME: aidge.mem = #aidge.mem_info<size = 64, stride = 64, length = 1, count = 1, offset = 0,
// STACK-SAME: aidge.memory_strategy = "stack", aidge.peak_bytes = 832 : i64
// GREEDY-SAME: aidge.memory_strategy = "greedy-by-size", aidge.peak_bytes = 768 : i64
// BEST-SAME: aidge.memory_strategy = "greedy-by-size", aidge.peak_bytes = 768 : i64
// STACK: aidge.pad {{.*}}offset = 64,
// STACK: aidge.pad {{.*}}offset = 192,
// STACK: aidge.concat {{.*}}offset = 448,
// GREEDY: aidge.pad {{.*}}offset = 640,
// GREEDY: aidge.pad {{.*}}offset = 384,
// GREEDY: aidge.concat {{.*}}offset = 0,
// BEST: aidge.pad {{.*}}offset = 640,
// BEST: aidge.pad {{.*}}offset = 384,
// BEST: aidge.concat {{.*}}offset = 0,
func.func @diamond(%x: tensor<16xf32>) -> tensor<96xf32> {
  %a = aidge.pad %x {mode = #aidge<pad_mode constant>, pads = array<i64: 0, 16>, value = 0.0 : f32} : (tensor<16xf32>) -> tensor<32xf32>
  %b = aidge.pad %x {mode = #aidge<pad_mode constant>, pads = array<i64: 0, 48>, value = 0.0 : f32} : (tensor<16xf32>) -> tensor<64xf32>
  %c = aidge.concat %a, %b {axis = 0 : i64} : (tensor<32xf32>, tensor<64xf32>) -> tensor<96xf32>
  return %c : tensor<96xf32>
}

// -----

// Element-wise results go over an operand that dies there: the whole chain
// lives at offset 0. Steps are recorded.
// CHECK-LABEL: func @inplace
// CHECK-SAME: aidge.peak_bytes = 64 : i64
// CHECK: aidge.relu %arg0 {aidge.mem = [#aidge.mem_info<size = 64, stride = 64, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 64, wrap_offset = 0, wrap_size = 0, reuse = inplace>], aidge.step = 1 : i64}
// CHECK: aidge.sigmoid {{.*}}offset = 0, {{.*}}reuse = inplace>], aidge.step = 2 : i64}
func.func @inplace(%x: tensor<16xf32>) -> tensor<16xf32> {
  %a = aidge.relu %x : tensor<16xf32>
  %b = aidge.sigmoid %a : tensor<16xf32>
  return %b : tensor<16xf32>
}

// -----

// x is read again by the add, so the relu cannot overwrite it; the add
// overwrites the relu's result, its first operand that dies there.
// CHECK-LABEL: func @inplace_blocked
// CHECK-SAME: aidge.peak_bytes = 128 : i64
// CHECK: aidge.relu {{.*}}offset = 64, {{.*}}reuse = none>]
// CHECK: aidge.add {{.*}}offset = 64, {{.*}}reuse = inplace>]
func.func @inplace_blocked(%x: tensor<16xf32>) -> tensor<16xf32> {
  %a = aidge.relu %x : tensor<16xf32>
  %b = aidge.add %a, %x : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
  return %b : tensor<16xf32>
}

// -----

// A reshape is a view of its operand's bytes, with its own geometry.
// CHECK-LABEL: func @alias
// CHECK-SAME: aidge.peak_bytes = 64 : i64
// CHECK: aidge.reshape {{.*}}#aidge.mem_info<size = 16, stride = 16, length = 4, count = 1, offset = 0, {{.*}}reuse = alias>]
func.func @alias(%x: tensor<16xf32>) -> tensor<4x4xf32> {
  %a = aidge.reshape %x : tensor<16xf32> -> tensor<4x4xf32>
  return %a : tensor<4x4xf32>
}

