// RUN: aidge-opt %s --split-input-file --aidge-verify-memory -verify-diagnostics

// The softmax writes over x while the add still has to read it.
// expected-note @+1 {{'x' is this graph input}}
func.func @overlap(%x: tensor<16xf32> {aidge.name = "x", aidge.mem = #aidge.mem_info<size = 64, stride = 64, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 64, wrap_offset = 0, wrap_size = 0, reuse = none>}) -> tensor<16xf32> attributes {aidge.peak_bytes = 128 : i64} {
  // expected-error @+1 {{memory plan: 'x' and 'softmax' are live at step 1 and share bytes [0, 64)}}
  %a = aidge.softmax %x {axis = 0 : i64, aidge.mem = [#aidge.mem_info<size = 64, stride = 64, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 64, wrap_offset = 0, wrap_size = 0, reuse = none>]} : tensor<16xf32>
  %b = aidge.add %a, %x {aidge.mem = [#aidge.mem_info<size = 64, stride = 64, length = 1, count = 1, offset = 64, cont_offset = 64, cont_size = 64, wrap_offset = 64, wrap_size = 0, reuse = none>]} : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
  return %b : tensor<16xf32>
}

// -----

// An element-wise op may only overwrite an operand that dies with it: x is
// read again by the add.
// expected-note @+1 {{'x' is this graph input}}
func.func @inplace_too_early(%x: tensor<16xf32> {aidge.name = "x", aidge.mem = #aidge.mem_info<size = 64, stride = 64, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 64, wrap_offset = 0, wrap_size = 0, reuse = none>}) -> tensor<16xf32> attributes {aidge.peak_bytes = 128 : i64} {
  // expected-error @+1 {{memory plan: 'x' and 'relu' are live at step 1 and share bytes [0, 64)}}
  %a = aidge.relu %x {aidge.mem = [#aidge.mem_info<size = 64, stride = 64, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 64, wrap_offset = 0, wrap_size = 0, reuse = inplace>]} : tensor<16xf32>
  %b = aidge.add %a, %x {aidge.mem = [#aidge.mem_info<size = 64, stride = 64, length = 1, count = 1, offset = 64, cont_offset = 64, cont_size = 64, wrap_offset = 64, wrap_size = 0, reuse = none>]} : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
  return %b : tensor<16xf32>
}

// -----

// The arena is 64 bytes; the relu's result starts past it.
func.func @outside(%x: tensor<16xf32> {aidge.name = "x", aidge.mem = #aidge.mem_info<size = 64, stride = 64, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 64, wrap_offset = 0, wrap_size = 0, reuse = none>}) -> tensor<16xf32> attributes {aidge.peak_bytes = 64 : i64} {
  // expected-error @+1 {{memory plan: 'softmax' lies outside the arena of 64 bytes}}
  %a = aidge.softmax %x {axis = 0 : i64, aidge.mem = [#aidge.mem_info<size = 64, stride = 64, length = 1, count = 1, offset = 64, cont_offset = 64, cont_size = 64, wrap_offset = 64, wrap_size = 0, reuse = none>]} : tensor<16xf32>
  return %a : tensor<16xf32>
}

// -----

// A ring of 160 B is 32 B short of the margin this conv needs (see
// plan-memory-reuse.mlir): output row 1 would overwrite input row 0, which
// row 1's window still reads.
// expected-note @+1 {{'x' is this graph input}}
func.func @wrap_overtakes(%x: tensor<1x4x4x2xf32, #aidge<format nhwc>> {aidge.name = "x", aidge.mem = #aidge.mem_info<size = 8, stride = 8, length = 4, count = 4, offset = 0, cont_offset = 0, cont_size = 128, wrap_offset = 0, wrap_size = 0, reuse = none>}) -> tensor<1x4x4x2xf32, #aidge<format nhwc>> attributes {aidge.peak_bytes = 160 : i64} {
  %w = aidge.producer dense<1.0> : tensor<2x3x3x2xf32, #aidge<format nhwc>>
  // expected-error @+1 {{memory plan: 'x' and 'conv' are live at step 1 and share bytes [0, 96)}}
  %y = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>, aidge.mem = [#aidge.mem_info<size = 8, stride = 8, length = 4, count = 4, offset = 128, cont_offset = 128, cont_size = 32, wrap_offset = 0, wrap_size = 96, reuse = wrap>]} : (tensor<1x4x4x2xf32, #aidge<format nhwc>>, tensor<2x3x3x2xf32, #aidge<format nhwc>>) -> tensor<1x4x4x2xf32, #aidge<format nhwc>>
  return %y : tensor<1x4x4x2xf32, #aidge<format nhwc>>
}

// -----

// abs is written where relu's slots are (offset 128, not 140): both
// producers of the concatenation write the same bytes, and abs's result is
// not in its slice of the output.
func.func @concat_slice(%x1: tensor<1x2x2x3xf32> {aidge.name = "x1", aidge.mem = #aidge.mem_info<size = 12, stride = 12, length = 2, count = 2, offset = 0, cont_offset = 0, cont_size = 48, wrap_offset = 0, wrap_size = 0, reuse = none>},
                        %x2: tensor<1x2x2x5xf32> {aidge.name = "x2", aidge.mem = #aidge.mem_info<size = 20, stride = 20, length = 2, count = 2, offset = 48, cont_offset = 48, cont_size = 80, wrap_offset = 48, wrap_size = 0, reuse = none>}) -> tensor<1x2x2x8xf32> attributes {aidge.peak_bytes = 256 : i64} {
  // expected-note @+1 {{'relu' is written here}}
  %a = aidge.relu %x1 {aidge.mem = [#aidge.mem_info<size = 12, stride = 32, length = 2, count = 2, offset = 128, cont_offset = 128, cont_size = 108, wrap_offset = 128, wrap_size = 0, reuse = concat>]} : tensor<1x2x2x3xf32>
  // expected-error @+2 {{memory plan: 'relu' and 'abs' are live at step 2 and share bytes [128, 140)}}
  // expected-note @+1 {{'abs' is written here}}
  %b = aidge.abs %x2 {aidge.mem = [#aidge.mem_info<size = 20, stride = 32, length = 2, count = 2, offset = 128, cont_offset = 128, cont_size = 116, wrap_offset = 128, wrap_size = 0, reuse = concat>]} : tensor<1x2x2x5xf32>
  // expected-error @+1 {{memory plan: 'abs' and 'concat' are live at step 3 and share bytes [128, 148)}}
  %c = aidge.concat %a, %b {axis = 3 : i64, aidge.mem = [#aidge.mem_info<size = 32, stride = 32, length = 2, count = 2, offset = 128, cont_offset = 128, cont_size = 128, wrap_offset = 128, wrap_size = 0, reuse = none>]} : (tensor<1x2x2x3xf32>, tensor<1x2x2x5xf32>) -> tensor<1x2x2x8xf32>
  return %c : tensor<1x2x2x8xf32>
}

// -----

// expected-error @+1 {{has no aidge.peak_bytes; run --aidge-plan-memory}}
func.func @no_plan(%x: tensor<16xf32>) -> tensor<16xf32> {
  return %x : tensor<16xf32>
}

// -----

func.func @no_mem(%x: tensor<16xf32> {aidge.mem = #aidge.mem_info<size = 64, stride = 64, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 64, wrap_offset = 0, wrap_size = 0, reuse = none>}) -> tensor<16xf32> attributes {aidge.peak_bytes = 64 : i64} {
  // expected-error @+1 {{tensor 'relu' has no aidge.mem; run --aidge-plan-memory}}
  %a = aidge.relu %x : tensor<16xf32>
  return %a : tensor<16xf32>
}

// -----

func.func @stale_schedule(%x: tensor<16xf32>) -> tensor<16xf32> attributes {aidge.peak_bytes = 64 : i64} {
  // expected-error @+1 {{is at step 1 of the IR but has aidge.step = 2; run --aidge-schedule again}}
  %a = aidge.relu %x {aidge.step = 2 : i64} : tensor<16xf32>
  return %a : tensor<16xf32>
}
