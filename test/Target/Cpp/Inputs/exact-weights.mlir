// Weights whose literals are easy to get wrong: the bit patterns of 0.1f,
// -0.0, the smallest and largest denormals, FLT_MIN, +-FLT_MAX, 1/3, +-inf,
// 2^24 + 2, 1.0 and the float after it, 1e10; their f64 counterparts; and
// the extremes of i8, i64 and ui64. One call names them all, so that they
// are written (the call itself is never compiled).
#m = #aidge.mem_info<size = 4, stride = 4, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 4, wrap_offset = 0, wrap_size = 0, reuse = none>
module {
  aidge_export.arena @mem size = 4 align = 16
  aidge_export.weight @f32_bits = dense<[0x3DCCCCCD, 0x80000000, 0x00000000, 0x00000001, 0x007FFFFF, 0x00800000, 0x7F7FFFFF, 0xFF7FFFFF, 0x3EAAAAAB, 0x7F800000, 0xFF800000, 0x4B800001, 0x3F800000, 0x3F800001, 0x501502F9, 0xBF800000, 0x3C23D70A]> : tensor<17xf32> align = 16
  aidge_export.weight @f64_bits = dense<[0x3FB999999999999A, 0x8000000000000000, 0x0000000000000001, 0x7FEFFFFFFFFFFFFF, 0x3FD5555555555555, 0xFFF0000000000000, 0x4340000000000001]> : tensor<7xf64> align = 16
  aidge_export.weight @f32_nan = dense<0x7FC00000> : tensor<2xf32> align = 16
  aidge_export.weight @i8_values = dense<[-128, 127, -1, 0]> : tensor<4xi8> align = 16
  aidge_export.weight @i64_values = dense<[-9223372036854775808, 9223372036854775807, -1]> : tensor<3xi64> align = 16
  aidge_export.weight @u64_values = dense<[18446744073709551615, 9223372036854775808, 0]> : tensor<3xui64> align = 16
  aidge_export.graph @model arena @mem {
    aidge_export.input "x"[0] : tensor<1xf32> at #m
    aidge_export.kernel "all" "aidge_cpp::activation_forward" {lib = "cpp", kernel = "relu", step = 1 : i64, params_type = "", param_names = [], params = [], inputs = [#m], outputs = [#m], weights = [@f32_bits, @f64_bits, @f32_nan, @i8_values, @i64_values, @u64_values], headers = ["kernels/cpp/activation.hpp"]}
    aidge_export.output "y"[0] : tensor<1xf32> at #m
  }
}
