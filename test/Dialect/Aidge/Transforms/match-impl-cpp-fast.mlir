// RUN: aidge-opt %s --aidge-match-impl=lib=cpp_fast | FileCheck %s
// RUN: aidge-opt %s --aidge-match-impl=lib=cpp | FileCheck %s --check-prefix=CPP

// CPP-LABEL: func @winograd
// CPP: aidge.conv {{.*}}lib = "cpp", kernel = "conv_blocked2d"
// CPP: aidge.conv {{.*}}lib = "cpp", kernel = "conv_blocked2d"
// CPP: aidge.conv {{.*}}lib = "cpp", kernel = "conv_blocked2d"
// CPP: aidge.conv {{.*}}lib = "cpp", kernel = "conv_blocked2d"
// CPP: aidge.conv {{.*}}lib = "cpp", kernel = "conv_blocked2d"
// CPP: aidge.conv {{.*}}lib = "cpp", kernel = "conv_blocked2d"
// CPP: aidge.conv {{.*}}lib = "cpp", kernel = "conv_blocked2d"

// In cpp_fast, Winograd's F(4x4, 3x3) wins for a single-group 3x3 conv of
// stride and dilation 1 from 8 input channels on, while the image is large
// enough for its weights (in * out <= 512 * output pixels); the blocked
// kernel keeps stride 2, 4 input channels, dilation 2, 512 x 512 channels
// on 7x7, two groups and a 5x5 kernel. The cpp library has no Winograd
// kernel (its weights take 4x the memory).
// CHECK-LABEL: func @winograd
// CHECK: aidge.conv {{.*}}lib = "cpp_fast", kernel = "conv_winograd2d"
// CHECK: aidge.conv {{.*}}lib = "cpp_fast", kernel = "conv_blocked2d"
// CHECK: aidge.conv {{.*}}lib = "cpp_fast", kernel = "conv_blocked2d"
// CHECK: aidge.conv {{.*}}lib = "cpp_fast", kernel = "conv_blocked2d"
// CHECK: aidge.conv {{.*}}lib = "cpp_fast", kernel = "conv_blocked2d"
// CHECK: aidge.conv {{.*}}lib = "cpp_fast", kernel = "conv_blocked2d"
// CHECK: aidge.conv {{.*}}lib = "cpp_fast", kernel = "conv_blocked2d"
func.func @winograd(%x: tensor<1x8x6x6xf32>, %x4: tensor<1x4x6x6xf32>, %big: tensor<1x512x7x7xf32>) -> (tensor<1x16x6x6xf32>, tensor<1x16x3x3xf32>, tensor<1x16x6x6xf32>, tensor<1x16x6x6xf32>, tensor<1x512x7x7xf32>, tensor<1x16x6x6xf32>, tensor<1x16x6x6xf32>) {
  %w = aidge.producer dense<1.0> : tensor<16x8x3x3xf32>
  %w4 = aidge.producer dense<1.0> : tensor<16x4x3x3xf32>
  %wbig = aidge.producer dense<1.0> : tensor<512x512x3x3xf32>
  %w5 = aidge.producer dense<1.0> : tensor<16x8x5x5xf32>
  %a = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x8x6x6xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x6x6xf32>
  %b = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x8x6x6xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x3x3xf32>
  %c = aidge.conv %x4, %w4 {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x4x6x6xf32>, tensor<16x4x3x3xf32>) -> tensor<1x16x6x6xf32>
  %d = aidge.conv %x, %w {dilations = array<i64: 2, 2>, group = 1 : i64, pads = array<i64: 2, 2, 2, 2>, strides = array<i64: 1, 1>} : (tensor<1x8x6x6xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x6x6xf32>
  %e = aidge.conv %big, %wbig {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x512x7x7xf32>, tensor<512x512x3x3xf32>) -> tensor<1x512x7x7xf32>
  %f = aidge.conv %x, %w4 {dilations = array<i64: 1, 1>, group = 2 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x8x6x6xf32>, tensor<16x4x3x3xf32>) -> tensor<1x16x6x6xf32>
  %g = aidge.conv %x, %w5 {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 2, 2, 2, 2>, strides = array<i64: 1, 1>} : (tensor<1x8x6x6xf32>, tensor<16x8x5x5xf32>) -> tensor<1x16x6x6xf32>
  return %a, %b, %c, %d, %e, %f, %g : tensor<1x16x6x6xf32>, tensor<1x16x3x3xf32>, tensor<1x16x6x6xf32>, tensor<1x16x6x6xf32>, tensor<1x512x7x7xf32>, tensor<1x16x6x6xf32>, tensor<1x16x6x6xf32>
}
