// RUN: aidge-opt %s --aidge-plan-memory=strategy=random -verify-diagnostics
// RUN: not aidge-opt %s --aidge-plan-memory=align=12 2>&1 | FileCheck %s --check-prefix=ALIGN
// ALIGN: error: align must be a power of two, got 12

// expected-error @+1 {{unknown memory strategy 'random' (expected stack, greedy-by-size or best)}}
module {
  func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
    return %x : tensor<4xf32>
  }
}
