func.func @model(%x: tensor<1x2x4x4xf32>, %w: tensor<4x2x1x1xf32>, %g: tensor<4x2x1x1xf32>) -> tensor<1x4x4x4xf32> {
  %c = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x4x4xf32>, tensor<4x2x1x1xf32>) -> tensor<1x4x4x4xf32>
  %r = aidge.relu %c : tensor<1x4x4x4xf32>
  %d = aidge.conv %r, %g {dilations = array<i64: 1, 1>, group = 2 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x4x4xf32>, tensor<4x2x1x1xf32>) -> tensor<1x4x4x4xf32>
  return %d : tensor<1x4x4x4xf32>
}
