// RUN: aidge-opt %s --split-input-file --aidge-schedule | FileCheck %s --check-prefixes=CHECK,TOPO
// RUN: aidge-opt %s --split-input-file --aidge-schedule=order=memory | FileCheck %s --check-prefixes=CHECK,MEM

// Two branches that each blow x (64 B) up to 1 KiB and reduce it to 4 B.
// In the given order both 1 KiB tensors are live at once (64 + 2048 B);
// the memory order finishes one branch before starting the other
// (64 + 1024 + 4 B), so it is kept.
// CHECK-LABEL: func @branches
// TOPO: %[[B1:.*]] = aidge.pad {{.*}}aidge.step = 1
// TOPO: %[[B2:.*]] = aidge.pad {{.*}}aidge.step = 2
// TOPO: aidge.reduce_sum %[[B1]] {{.*}}aidge.step = 3
// TOPO: aidge.reduce_sum %[[B2]] {{.*}}aidge.step = 4
// MEM: %[[B1:.*]] = aidge.pad {{.*}}aidge.step = 1
// MEM-NEXT: aidge.reduce_sum %[[B1]] {{.*}}aidge.step = 2
// MEM-NEXT: %[[B2:.*]] = aidge.pad {{.*}}aidge.step = 3
// MEM-NEXT: aidge.reduce_sum %[[B2]] {{.*}}aidge.step = 4
// CHECK: aidge.add {{.*}}aidge.step = 5
func.func @branches(%x: tensor<16xf32>) -> tensor<1xf32> {
  %b1 = aidge.pad %x {mode = #aidge<pad_mode constant>, pads = array<i64: 0, 240>, value = 0.0 : f32} : (tensor<16xf32>) -> tensor<256xf32>
  %b2 = aidge.pad %x {mode = #aidge<pad_mode edge>, pads = array<i64: 0, 240>, value = 0.0 : f32} : (tensor<16xf32>) -> tensor<256xf32>
  %s1 = aidge.reduce_sum %b1 {axes = array<i64: 0>, keepdims = true} : (tensor<256xf32>) -> tensor<1xf32>
  %s2 = aidge.reduce_sum %b2 {axes = array<i64: 0>, keepdims = true} : (tensor<256xf32>) -> tensor<1xf32>
  %y = aidge.add %s1, %s2 : (tensor<1xf32>, tensor<1xf32>) -> tensor<1xf32>
  return %y : tensor<1xf32>
}

// -----

// A chain has one order: both keep it. Constants move before the ops and
// get no step.
// CHECK-LABEL: func @chain
// CHECK-NEXT: aidge.producer
// CHECK-NOT: aidge.step
// CHECK-NEXT: aidge.relu {{.*}}aidge.step = 1
// CHECK-NEXT: aidge.add {{.*}}aidge.step = 2
// CHECK-NEXT: return
func.func @chain(%x: tensor<4xf32>) -> tensor<4xf32> {
  %a = aidge.relu %x : tensor<4xf32>
  %c = aidge.producer dense<1.0> : tensor<4xf32>
  %b = aidge.add %a, %c : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %b : tensor<4xf32>
}
