// RUN: aidge-translate --to-cpp %s --split-input-file -verify-diagnostics

// An aidge module that was not lowered.
// expected-error @+1 {{expected one aidge_export.graph to export, found 0; run --aidge-lower-to-export}}
module {
  func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
    return %x : tensor<4xf32>
  }
}

// -----

// expected-error @+1 {{expected one aidge_export.graph to export, found 2; run --aidge-lower-to-export}}
module {
  aidge_export.arena @mem size = 16 align = 16
  aidge_export.graph @a arena @mem {
  }
  aidge_export.graph @b arena @mem {
  }
}

// -----

module {
  // expected-error @+1 {{names no aidge_export.arena}}
  aidge_export.graph @a arena @nothing {
  }
}

// -----

// The reference output has 3 values, the output 4.
#m = #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 16, wrap_offset = 0, wrap_size = 0, reuse = none>
// expected-error @+1 {{aidge_export.expected[0] does not hold the 4 values of output 'y'}}
module attributes {aidge_export.expected = [dense<[1.0, 2.0, 3.0]> : tensor<3xf32>]} {
  aidge_export.arena @mem size = 16 align = 16
  aidge_export.graph @g arena @mem {
    aidge_export.input "x"[0] : tensor<4xf32> at #m
    aidge_export.output "y"[0] : tensor<4xf32> at #m
  }
}

// -----

// One output without a reference.
#m = #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 16, wrap_offset = 0, wrap_size = 0, reuse = none>
// expected-error @+1 {{aidge_export.expected[1] does not hold the 4 values of output 'z'}}
module attributes {aidge_export.expected = [dense<1.0> : tensor<4xf32>]} {
  aidge_export.arena @mem size = 16 align = 16
  aidge_export.graph @g arena @mem {
    aidge_export.input "x"[0] : tensor<4xf32> at #m
    aidge_export.output "y"[0] : tensor<4xf32> at #m
    aidge_export.output "z"[1] : tensor<4xf32> at #m
  }
}

// -----

#m = #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 16, wrap_offset = 0, wrap_size = 0, reuse = none>
// expected-error @+1 {{aidge_export.inputs[0] does not hold the 4 values of input 'x'}}
module attributes {aidge_export.inputs = [dense<1.0> : tensor<2x4xf32>]} {
  aidge_export.arena @mem size = 16 align = 16
  aidge_export.graph @g arena @mem {
    aidge_export.input "x"[0] : tensor<4xf32> at #m
    aidge_export.output "y"[0] : tensor<4xf32> at #m
  }
}

// -----

// No C type for a 4-bit integer.
#m = #aidge.mem_info<size = 2, stride = 2, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 2, wrap_offset = 0, wrap_size = 0, reuse = none>
module {
  aidge_export.arena @mem size = 16 align = 16
  aidge_export.graph @g arena @mem {
    // expected-error @+1 {{cannot export a graph input or output of type 'tensor<4xi4>'}}
    aidge_export.input "x"[0] : tensor<4xi4> at #m
  }
}
