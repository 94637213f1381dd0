// RUN: aidge-opt %s --aidge-plan-memory -verify-diagnostics

// expected-error @+1 {{tensor 'z' has no fixed byte size, so it cannot be placed in the arena}}
func.func @f(%z: tensor<4xcomplex<f32>> {aidge.name = "z"}) -> tensor<4xcomplex<f32>> {
  return %z : tensor<4xcomplex<f32>>
}
