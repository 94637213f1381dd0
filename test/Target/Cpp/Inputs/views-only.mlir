// A graph that only reshapes: every call is a noop and forward.cpp names no
// layer header, yet still compiles (../export-dir.test).
func.func @views(%x: tensor<2x6xf32> {aidge.name = "x"}) -> (tensor<3x4xf32> {aidge.name = "y"}) {
  %a = aidge.reshape %x : tensor<2x6xf32> -> tensor<3x4xf32> loc("rs")
  return %a : tensor<3x4xf32>
}
