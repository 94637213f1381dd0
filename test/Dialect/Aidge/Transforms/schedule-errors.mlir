// RUN: aidge-opt %s --aidge-schedule=order=fastest -verify-diagnostics

// expected-error @+1 {{unknown schedule order 'fastest' (expected topological or memory)}}
func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}
