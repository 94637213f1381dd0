// RUN: aidge-opt %s --split-input-file -verify-diagnostics

#m = #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 16, wrap_offset = 0, wrap_size = 0, reuse = none>
aidge_export.arena @mem size = 16 align = 16
aidge_export.graph @g arena @mem {
  // expected-error @+1 {{'aidge_export.kernel' op has 2 param names for 1 params}}
  aidge_export.kernel "k" "aidge_cpp::softmax_forward" {lib = "cpp", kernel = "softmax", step = 1 : i64, params_type = "aidge_cpp::SoftmaxParams", param_names = ["outer", "inner"], params = [1], inputs = [#m], outputs = [#m], weights = [], headers = []}
}

// -----

#m = #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 16, wrap_offset = 0, wrap_size = 0, reuse = none>
aidge_export.arena @mem size = 16 align = 16
aidge_export.graph @g arena @mem {
  // expected-error @+1 {{'aidge_export.kernel' op param names must be strings}}
  aidge_export.kernel "k" "aidge_cpp::softmax_forward" {lib = "cpp", kernel = "softmax", step = 1 : i64, params_type = "aidge_cpp::SoftmaxParams", param_names = [@outer], params = [1], inputs = [#m], outputs = [#m], weights = [], headers = []}
}

// -----

#m = #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 16, wrap_offset = 0, wrap_size = 0, reuse = none>
aidge_export.arena @mem size = 16 align = 16
aidge_export.graph @g arena @mem {
  // expected-error @+1 {{'aidge_export.kernel' op params must be integers, floats or C++ expressions}}
  aidge_export.kernel "k" "aidge_cpp::transpose_forward" {lib = "cpp", kernel = "transpose", step = 1 : i64, params_type = "aidge_cpp::TransposeParams", param_names = ["rank", "perm"], params = [1, [0]], inputs = [#m], outputs = [#m], weights = [], headers = []}
}

// -----

#m = #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 16, wrap_offset = 0, wrap_size = 0, reuse = none>
aidge_export.arena @mem size = 16 align = 16
aidge_export.graph @g arena @mem {
  // expected-error @+1 {{'aidge_export.kernel' op inputs must be #aidge.mem_info or unit}}
  aidge_export.kernel "k" "aidge_cpp::activation_forward" {lib = "cpp", kernel = "relu", step = 1 : i64, params_type = "", param_names = [], params = [], inputs = [0 : i64], outputs = [#m], weights = [], headers = []}
}

// -----

// Only inputs may be constants (unit): every output is in the arena.
#m = #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 16, wrap_offset = 0, wrap_size = 0, reuse = none>
aidge_export.arena @mem size = 16 align = 16
aidge_export.graph @g arena @mem {
  // expected-error @+1 {{'aidge_export.kernel' op outputs must be #aidge.mem_info}}
  aidge_export.kernel "k" "aidge_cpp::activation_forward" {lib = "cpp", kernel = "relu", step = 1 : i64, params_type = "", param_names = [], params = [], inputs = [#m], outputs = [unit], weights = [], headers = []}
}

// -----

#m = #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 16, wrap_offset = 0, wrap_size = 0, reuse = none>
aidge_export.arena @mem size = 16 align = 16
aidge_export.graph @g arena @mem {
  // expected-error @+1 {{'aidge_export.kernel' op weights must name aidge_export.weight ops, be #aidge.mem_info or "nullptr", got @missing}}
  aidge_export.kernel "k" "aidge_cpp::batchnorm_forward" {lib = "cpp", kernel = "batch_norm2d", step = 1 : i64, params_type = "", param_names = [], params = [], inputs = [#m], outputs = [#m], weights = [@missing], headers = []}
}

// -----

// The arena is a symbol, but not a weight.
#m = #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 16, wrap_offset = 0, wrap_size = 0, reuse = none>
aidge_export.arena @mem size = 16 align = 16
aidge_export.graph @g arena @mem {
  // expected-error @+1 {{'aidge_export.kernel' op weights must name aidge_export.weight ops, be #aidge.mem_info or "nullptr", got @mem}}
  aidge_export.kernel "k" "aidge_cpp::batchnorm_forward" {lib = "cpp", kernel = "batch_norm2d", step = 1 : i64, params_type = "", param_names = [], params = [], inputs = [#m], outputs = [#m], weights = [@mem], headers = []}
}

// -----

// Any other string than "nullptr" is no weight either.
#m = #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 16, wrap_offset = 0, wrap_size = 0, reuse = none>
aidge_export.arena @mem size = 16 align = 16
aidge_export.weight @w = dense<1.0> : tensor<4xf32> align = 16
aidge_export.graph @g arena @mem {
  // expected-error @+1 {{'aidge_export.kernel' op weights must name aidge_export.weight ops, be #aidge.mem_info or "nullptr", got "w"}}
  aidge_export.kernel "k" "aidge_cpp::batchnorm_forward" {lib = "cpp", kernel = "batch_norm2d", step = 1 : i64, params_type = "", param_names = [], params = [], inputs = [#m], outputs = [#m], weights = [@w, "w"], headers = []}
}

// -----

#m = #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 16, wrap_offset = 0, wrap_size = 0, reuse = none>
// expected-error @+1 {{'aidge_export.kernel' op expects parent op 'aidge_export.graph'}}
aidge_export.kernel "k" "aidge_cpp::activation_forward" {lib = "cpp", kernel = "relu", step = 1 : i64, params_type = "", param_names = [], params = [], inputs = [#m], outputs = [#m], weights = [], headers = []}

// -----

#m = #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 16, wrap_offset = 0, wrap_size = 0, reuse = none>
// expected-error @+1 {{'aidge_export.input' op expects parent op 'aidge_export.graph'}}
aidge_export.input "x"[0] : tensor<4xf32> at #m

// -----

// Missing attributes are reported by name.
#m = #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 16, wrap_offset = 0, wrap_size = 0, reuse = none>
aidge_export.arena @mem size = 16 align = 16
aidge_export.graph @g arena @mem {
  // expected-error @+1 {{requires attribute 'weights'}}
  aidge_export.kernel "k" "aidge_cpp::activation_forward" {lib = "cpp", kernel = "relu", step = 1 : i64, params_type = "", param_names = [], params = [], inputs = [#m], outputs = [#m], headers = []}
}

// -----

#m = #aidge.mem_info<size = 4, stride = 4, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 4, wrap_offset = 0, wrap_size = 0, reuse = none>
aidge_export.weight @w = dense<1.0> : tensor<1xf32> align = 16
aidge_export.arena @mem size = 4 align = 16
aidge_export.graph @g arena @mem {
  // expected-error @+1 {{'aidge_export.output' op must be either in the arena (at) or a constant}}
  aidge_export.output "y"[0] : tensor<1xf32> at #m constant @w
}

// -----

aidge_export.arena @mem size = 4 align = 16
aidge_export.graph @g arena @mem {
  // expected-error @+1 {{'aidge_export.output' op constant must name an aidge_export.weight, got @mem}}
  aidge_export.output "y"[0] : tensor<1xf32> constant @mem
}

// -----

// Only a params aggregate can be a template argument.
#m = #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 16, wrap_offset = 0, wrap_size = 0, reuse = none>
aidge_export.arena @mem size = 16 align = 16
aidge_export.graph @g arena @mem {
  // expected-error @+1 {{'aidge_export.kernel' op static_params needs a params_type}}
  aidge_export.kernel "k" "aidge_cpp::activation_forward" {lib = "cpp", kernel = "relu", step = 1 : i64, params_type = "", param_names = [], params = [], inputs = [#m], outputs = [#m], weights = [], headers = [], static_params}
}
