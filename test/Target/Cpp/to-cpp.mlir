// RUN: aidge-translate --to-cpp %s | FileCheck %s
// RUN: aidge-translate --to-cpp %S/Inputs/expected-mode.mlir | FileCheck %s --check-prefix=EXP
// RUN: aidge-translate --to-cpp %S/Inputs/constant-output.mlir | FileCheck %s --check-prefix=CONST
// RUN: aidge-translate --to-cpp %S/Inputs/runtime-weight.mlir | FileCheck %s --check-prefix=ARENAW
// RUN: aidge-translate --to-cpp %S/Inputs/static-params.mlir | FileCheck %s --check-prefix=STATIC

// Two layers, as --aidge-lower-to-export writes them: a dense layer
// (x[1x4] at offset 0 -> 3 floats at offset 16) and a relu over its
// result, then a view (noop). One weight is named by no call: it is not
// written. The arena is 32 bytes.
#x = #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 16, wrap_offset = 0, wrap_size = 0, reuse = none>
#h = #aidge.mem_info<size = 12, stride = 12, length = 1, count = 1, offset = 16, cont_offset = 16, cont_size = 12, wrap_offset = 16, wrap_size = 0, reuse = none>
#y = #aidge.mem_info<size = 12, stride = 12, length = 1, count = 1, offset = 16, cont_offset = 16, cont_size = 12, wrap_offset = 16, wrap_size = 0, reuse = inplace>
module {
  aidge_export.arena @mem size = 32 align = 16
  aidge_export.weight @dense_weights = dense<[[1.0, -2.0, 0.5, 0.0], [0.25, 3.0, -1.5, 2.0], [1.0e-3, 0.0, 0.0, 100.0]]> : tensor<3x4xf32> align = 16
  aidge_export.weight @dense_biases = dense<[0.1, 0.2, 0.3]> : tensor<3xf32> align = 16
  aidge_export.weight @unused = dense<7.0> : tensor<2xf32> align = 16
  aidge_export.graph @model arena @mem {
    aidge_export.input "x"[0] : tensor<1x4xf32> at #x
    aidge_export.kernel "dense" "aidge_cpp::fullyconnected_forward" {lib = "cpp", kernel = "fc", step = 1 : i64, params_type = "aidge_cpp::FcParams", param_names = ["m", "n", "k", "trans_a", "trans_b", "alpha", "beta", "c_rows", "c_cols", "act"], params = [1, 3, 4, 0, 1, 1.0 : f32, 0.5 : f32, 1, 3, "aidge_cpp::kNoActivation"], inputs = [#x], outputs = [#h], weights = [@dense_weights, @dense_biases], headers = ["kernels/cpp/fullyconnected.hpp"]}
    aidge_export.kernel "act" "aidge_cpp::activation_forward" {lib = "cpp", kernel = "relu", step = 2 : i64, params_type = "aidge_cpp::UnaryParams", param_names = ["op", "alpha", "beta", "min", "max"], params = ["aidge_cpp::UnaryOp::relu", 0.0 : f32, 0.0 : f32, "-INFINITY", "INFINITY"], inputs = [#h], outputs = [#y], weights = [], headers = ["kernels/cpp/activation.hpp"]}
    aidge_export.kernel "view" "aidge_cpp::reshape_forward" {lib = "cpp", kernel = "reshape", step = 3 : i64, params_type = "", param_names = [], params = [], inputs = [#y], noop, outputs = [#y], weights = [], headers = ["kernels/cpp/reshape.hpp"]}
    aidge_export.output "y"[0] : tensor<3xf32> at #y
  }
}

// Layer headers: the params as #defines in the struct's field order (floats
// exact, C++ expressions verbatim), each arena operand's mem_info, and the
// constexpr MemInfo and params aggregate the call passes.
// CHECK-LABEL: // ----- FILE: dnn/include/layers/dense.h
// CHECK-NEXT: // Layer dense: fc of library cpp, step 1.
// CHECK-NEXT: #ifndef LAYER_DENSE_H
// CHECK-NEXT: #define LAYER_DENSE_H
// CHECK-EMPTY:
// CHECK-NEXT: #include "utils/cpp/mem_info.hpp"
// CHECK-NEXT: #include "kernels/cpp/fullyconnected.hpp"
// CHECK-EMPTY:
// CHECK-NEXT: #define DENSE_M 1
// CHECK-NEXT: #define DENSE_N 3
// CHECK-NEXT: #define DENSE_K 4
// CHECK-NEXT: #define DENSE_TRANS_A 0
// CHECK-NEXT: #define DENSE_TRANS_B 1
// CHECK-NEXT: #define DENSE_ALPHA 1.000000000e+00f
// CHECK-NEXT: #define DENSE_BETA 5.000000000e-01f
// CHECK-NEXT: #define DENSE_C_ROWS 1
// CHECK-NEXT: #define DENSE_C_COLS 3
// CHECK-NEXT: #define DENSE_ACT aidge_cpp::kNoActivation
// CHECK-NEXT: #define DENSE_IN0_MEM_SIZE 16
// CHECK-NEXT: #define DENSE_IN0_MEM_STRIDE 16
// CHECK-NEXT: #define DENSE_IN0_MEM_LENGTH 1
// CHECK-NEXT: #define DENSE_IN0_MEM_COUNT 1
// CHECK-NEXT: #define DENSE_IN0_MEM_OFFSET 0
// CHECK-NEXT: #define DENSE_IN0_MEM_CONT_OFFSET 0
// CHECK-NEXT: #define DENSE_IN0_MEM_CONT_SIZE 16
// CHECK-NEXT: #define DENSE_IN0_MEM_WRAP_OFFSET 0
// CHECK-NEXT: #define DENSE_IN0_MEM_WRAP_SIZE 0
// CHECK-NEXT: static constexpr aidge_cpp::MemInfo DENSE_IN0_MEM{DENSE_IN0_MEM_SIZE, DENSE_IN0_MEM_STRIDE, DENSE_IN0_MEM_LENGTH, DENSE_IN0_MEM_COUNT, DENSE_IN0_MEM_CONT_OFFSET, DENSE_IN0_MEM_CONT_SIZE, DENSE_IN0_MEM_WRAP_OFFSET, DENSE_IN0_MEM_WRAP_SIZE};
// CHECK-NEXT: #define DENSE_OUT_MEM_SIZE 12
// CHECK-NEXT: #define DENSE_OUT_MEM_STRIDE 12
// CHECK-NEXT: #define DENSE_OUT_MEM_LENGTH 1
// CHECK-NEXT: #define DENSE_OUT_MEM_COUNT 1
// CHECK-NEXT: #define DENSE_OUT_MEM_OFFSET 16
// CHECK-NEXT: #define DENSE_OUT_MEM_CONT_OFFSET 16
// CHECK-NEXT: #define DENSE_OUT_MEM_CONT_SIZE 12
// CHECK-NEXT: #define DENSE_OUT_MEM_WRAP_OFFSET 16
// CHECK-NEXT: #define DENSE_OUT_MEM_WRAP_SIZE 0
// CHECK-NEXT: static constexpr aidge_cpp::MemInfo DENSE_OUT_MEM{DENSE_OUT_MEM_SIZE, DENSE_OUT_MEM_STRIDE, DENSE_OUT_MEM_LENGTH, DENSE_OUT_MEM_COUNT, DENSE_OUT_MEM_CONT_OFFSET, DENSE_OUT_MEM_CONT_SIZE, DENSE_OUT_MEM_WRAP_OFFSET, DENSE_OUT_MEM_WRAP_SIZE};
// CHECK-NEXT: static constexpr aidge_cpp::FcParams DENSE_PARAMS{DENSE_M, DENSE_N, DENSE_K, DENSE_TRANS_A, DENSE_TRANS_B, DENSE_ALPHA, DENSE_BETA, DENSE_C_ROWS, DENSE_C_COLS, DENSE_ACT};
// CHECK-EMPTY:
// CHECK-NEXT: #endif // LAYER_DENSE_H

// CHECK-LABEL: // ----- FILE: dnn/include/layers/act.h
// CHECK: #include "kernels/cpp/activation.hpp"
// CHECK: #define ACT_OP aidge_cpp::UnaryOp::relu
// CHECK-NEXT: #define ACT_ALPHA 0.000000000e+00f
// CHECK-NEXT: #define ACT_BETA 0.000000000e+00f
// CHECK-NEXT: #define ACT_MIN -INFINITY
// CHECK-NEXT: #define ACT_MAX INFINITY
// CHECK-NEXT: #define ACT_IN0_MEM_SIZE 12
// CHECK: #define ACT_IN0_MEM_OFFSET 16
// CHECK: #define ACT_OUT_MEM_OFFSET 16
// CHECK: static constexpr aidge_cpp::UnaryParams ACT_PARAMS{ACT_OP, ACT_ALPHA, ACT_BETA, ACT_MIN, ACT_MAX};

// A noop call has no layer header.
// CHECK-NOT: FILE: dnn/include/layers/view.h

// forward.cpp: the arena of the planned size, the input written into it,
// the calls in schedule order with their arguments (arena, inputs,
// outputs, params, weights), the output a pointer into the arena.
// CHECK-LABEL: // ----- FILE: dnn/src/forward.cpp
// CHECK-NEXT: // Generated by aidge-mlir: the network, one kernel call per layer.
// CHECK-NEXT: #include "forward.hpp"
// CHECK-EMPTY:
// CHECK-NEXT: #include "utils/cpp/mem_info.hpp"
// CHECK-NEXT: #include "layers/dense.h"
// CHECK-NEXT: #include "layers/act.h"
// CHECK-NEXT: #include "parameters/dense_weights.h"
// CHECK-NEXT: #include "parameters/dense_biases.h"
// CHECK-EMPTY:
// CHECK-NEXT: // Every activation lives here, at the offsets the memory plan chose.
// CHECK-NEXT: alignas(16) static unsigned char mem[MODEL_ARENA_SIZE];
// CHECK-EMPTY:
// CHECK-NEXT: extern "C" void model_forward(const float *input_0, float **output_0) {
// CHECK-NEXT:   {
// CHECK-NEXT:     static constexpr aidge_cpp::MemInfo INPUT_0_MEM{16, 16, 1, 1, 0, 16, 0, 0};
// CHECK-NEXT:     aidge_cpp::write_tensor(mem, INPUT_0_MEM, input_0);
// CHECK-NEXT:   }
// CHECK-NEXT:   // dense
// CHECK-NEXT:   aidge_cpp::fullyconnected_forward(mem, DENSE_IN0_MEM, DENSE_OUT_MEM, DENSE_PARAMS, dense_weights, dense_biases);
// CHECK-NEXT:   // act
// CHECK-NEXT:   aidge_cpp::activation_forward(mem, ACT_IN0_MEM, ACT_OUT_MEM, ACT_PARAMS);
// CHECK-NEXT:   // view: already in place
// CHECK-NEXT:   *output_0 = reinterpret_cast<float *>(mem + 16);
// CHECK-NEXT: }

// CHECK-LABEL: // ----- FILE: dnn/include/forward.hpp
// CHECK: #define MODEL_ARENA_SIZE 32
// CHECK-NEXT: #define MODEL_NB_INPUTS 1
// CHECK-NEXT: #define MODEL_NB_OUTPUTS 1
// CHECK-NEXT: #define MODEL_INPUT_0_NAME "x"
// CHECK-NEXT: #define MODEL_INPUT_0_SIZE 4
// CHECK-NEXT: #define MODEL_INPUT_0_RANK 2
// CHECK-NEXT: #define MODEL_INPUT_0_DIMS {1, 4}
// CHECK-NEXT: typedef float INPUT_0_T;
// CHECK-NEXT: #define MODEL_OUTPUT_0_NAME "y"
// CHECK-NEXT: #define MODEL_OUTPUT_0_SIZE 3
// CHECK-NEXT: #define MODEL_OUTPUT_0_RANK 1
// CHECK-NEXT: #define MODEL_OUTPUT_0_DIMS {3}
// CHECK-NEXT: typedef float OUTPUT_0_T;
// CHECK: extern "C" void model_forward(const float *input_0, float **output_0);
// CHECK: #endif // DNN_FORWARD_HPP

// Weights named by a call, in module order, with their exact values: the
// shortest decimal that reads back to the same float, always a float
// literal ("1.0f", not "1f").
// CHECK-LABEL: // ----- FILE: dnn/include/parameters/dense_weights.h
// CHECK-NEXT: #ifndef PARAMETERS_DENSE_WEIGHTS_H
// CHECK-NEXT: #define PARAMETERS_DENSE_WEIGHTS_H
// CHECK-EMPTY:
// CHECK-NEXT: #include <cmath>
// CHECK-NEXT: #include <cstdint>
// CHECK-EMPTY:
// CHECK-NEXT: // tensor<3x4xf32>
// CHECK-NEXT: alignas(16) static const float dense_weights[12] = {
// CHECK-NEXT:   1.0f, -2.0f, 0.5f, 0.0f, 0.25f, 3.0f, -1.5f, 2.0f,
// CHECK-NEXT:   0.001f, 0.0f, 0.0f, 100.0f,
// CHECK-NEXT: };
// CHECK-EMPTY:
// CHECK-NEXT: #endif // PARAMETERS_DENSE_WEIGHTS_H
// CHECK-LABEL: // ----- FILE: dnn/include/parameters/dense_biases.h
// CHECK: alignas(16) static const float dense_biases[3] = {
// CHECK-NEXT:   0.1f, 0.2f, 0.3f,
// CHECK-NEXT: };
// CHECK-NOT: FILE: dnn/include/parameters/unused.h

// Without aidge_export.inputs: a fixed pseudo-random input in [-1, 1).
// CHECK-LABEL: // ----- FILE: data/inputs.h
// CHECK: static INPUT_0_T input_0_data[MODEL_INPUT_0_SIZE] = {
// CHECK-NEXT:   -8.388817310e-02, 6.030385494e-01, -7.042243481e-01, -4.112371206e-01,
// CHECK-NEXT: };

// Without aidge_export.expected: no reference, main.cpp prints the outputs.
// CHECK-LABEL: // ----- FILE: data/expected.h
// CHECK: #define MODEL_HAS_EXPECTED 0
// CHECK-NOT: expected_0
// CHECK: #endif // DATA_EXPECTED_H

// CHECK-LABEL: // ----- FILE: main.cpp
// CHECK: //   ./model                      run on the embedded input; print the outputs
// CHECK: //   ./model --input FILE ...     one raw little-endian or .npy file per input
// CHECK: //   ./model --output-dir DIR     write each output as DIR/<name>.npy
// CHECK: //   ./model --bench N            median latency of N runs, in microseconds
// CHECK: #include "forward.hpp"
// CHECK: #include "data/expected.h"
// CHECK: #include "data/inputs.h"
// CHECK: if (!std::strcmp(argv[i], "--input")
// CHECK: if (!std::strcmp(argv[i], "--output-dir")
// CHECK: if (!std::strcmp(argv[i], "--bench")
// CHECK: if (nbInputs && !readInput(inputs[0], input_0_data, MODEL_INPUT_0_SIZE))
// CHECK: OUTPUT_0_T *output_0 = nullptr;
// CHECK-NEXT: model_forward(input_0_data, &output_0);
// CHECK: writeOutput(outputDir, MODEL_OUTPUT_0_NAME, output_0, MODEL_OUTPUT_0_SIZE, dims, MODEL_OUTPUT_0_RANK)
// CHECK: #if MODEL_HAS_EXPECTED
// CHECK: #else
// CHECK-NEXT: printOutput(MODEL_OUTPUT_0_NAME, output_0, MODEL_OUTPUT_0_SIZE);
// CHECK-NEXT: return 0;
// CHECK-NEXT: #endif
// CHECK-NEXT: }

// CHECK-LABEL: // ----- FILE: Makefile
// CHECK: THREADS = $(if $(OPENMP),-fopenmp)
// CHECK: WARNINGS = -Wall -Wextra -Werror
// CHECK: SOURCES = main.cpp dnn/src/forward.cpp
// CHECK: model: $(SOURCES) $(HEADERS)
// CHECK-NEXT: $(CXX) -std=c++17 $(WARNINGS) $(CXXFLAGS) $(THREADS) $(INCLUDES) $(SOURCES) -o $@
// CHECK: asan: model_asan
// CHECK: model_asan: $(SOURCES) $(HEADERS)
// CHECK-NEXT: -fsanitize=address,undefined
// CHECK: .PHONY: debug asan clean

// CHECK-LABEL: // ----- FILE: CMakeLists.txt
// CHECK: project(aidge_export CXX)
// CHECK: set(CMAKE_CXX_STANDARD 17)
// CHECK: add_executable(model main.cpp dnn/src/forward.cpp)
// CHECK: target_include_directories(model PRIVATE dnn/include ${CMAKE_CURRENT_SOURCE_DIR})
// CHECK: target_compile_options(model PRIVATE -Wall -Wextra -Werror)
// CHECK: option(AIDGE_OPENMP
// CHECK: target_link_libraries(model PRIVATE OpenMP::OpenMP_CXX)

// The library's static files, then the kernels the calls use (not the
// noop's reshape.hpp): only named when printing.
// CHECK-DAG: // ----- FILE: dnn/include/utils/cpp/typedefs.hpp (copied from {{.*}}utils/cpp/typedefs.hpp)
// CHECK-DAG: // ----- FILE: dnn/include/utils/cpp/activation_utils.hpp (copied from {{.*}}utils/cpp/activation_utils.hpp)
// CHECK-DAG: // ----- FILE: dnn/include/utils/cpp/mem_info.hpp (copied from {{.*}}utils/cpp/mem_info.hpp)
// CHECK-DAG: // ----- FILE: dnn/include/utils/cpp/conv_params.hpp (copied from {{.*}}utils/cpp/conv_params.hpp)
// CHECK: // ----- FILE: dnn/include/kernels/cpp/fullyconnected.hpp (copied from {{.*}}kernels/cpp/fullyconnected.hpp)
// CHECK-NEXT: // ----- FILE: dnn/include/kernels/cpp/activation.hpp (copied from {{.*}}kernels/cpp/activation.hpp)
// CHECK-NOT: FILE:

// With aidge_export.inputs and aidge_export.expected (Inputs/expected-mode.mlir):
// a constant operand is passed as MemInfo{} plus its array, a concatenation
// its inputs as an array of MemInfo pointers; an in-place concatenation
// emits nothing; a strided output is copied out with read_tensor.
// EXP-LABEL: // ----- FILE: dnn/include/layers/scale.h
// EXP: #define SCALE_OP aidge_cpp::ElemwiseOp::mul
// EXP-NEXT: #define SCALE_RANK 2
// EXP-NEXT: #define SCALE_OUT_DIMS {2, 2}
// EXP-NEXT: #define SCALE_A_DIMS {2, 2}
// EXP-NEXT: #define SCALE_B_DIMS {1, 2}
// EXP-NEXT: #define SCALE_ACT aidge_cpp::kNoActivation
// EXP-NEXT: #define SCALE_IN0_MEM_SIZE 8
// EXP-NOT: SCALE_IN1_MEM
// EXP: #define SCALE_OUT_MEM_STRIDE 16
// EXP-NOT: FILE: dnn/include/layers/cat.h
// EXP-LABEL: // ----- FILE: dnn/include/layers/cat2.h
// EXP: #define CAT2_AXIS_SIZES {2, 2}
// EXP: static constexpr aidge_cpp::MemInfo CAT2_IN0_MEM{
// EXP: static constexpr aidge_cpp::MemInfo CAT2_IN1_MEM{
// EXP: static constexpr aidge_cpp::MemInfo CAT2_OUT_MEM{
// EXP: static constexpr aidge_cpp::ConcatParams CAT2_PARAMS{CAT2_NB_INPUTS, CAT2_OUTER, CAT2_INNER, CAT2_AXIS_SIZES};
// EXP-LABEL: // ----- FILE: dnn/src/forward.cpp
// EXP: #include "parameters/scale_b.h"
// EXP: alignas(16) static unsigned char mem[MODEL_ARENA_SIZE];
// EXP-EMPTY:
// EXP-NEXT: static float output_buffer_1[4];
// EXP-NEXT: extern "C" void model_forward(const float *input_0, float **output_0, float **output_1, float **output_2) {
// EXP:   aidge_cpp::write_tensor(mem, INPUT_0_MEM, input_0);
// EXP:   // scale
// EXP-NEXT:   aidge_cpp::elemwise_forward(mem, SCALE_IN0_MEM, aidge_cpp::MemInfo{}, SCALE_OUT_MEM, SCALE_PARAMS, nullptr, scale_b);
// EXP-NEXT:   // act
// EXP-NEXT:   aidge_cpp::activation_forward(mem, ACT_IN0_MEM, ACT_OUT_MEM, ACT_PARAMS);
// EXP-NEXT:   // cat: already in place
// EXP-NEXT:   // cat2
// EXP-NEXT:   {
// EXP-NEXT:     static const aidge_cpp::MemInfo *const CAT2_INS[] = {&CAT2_IN0_MEM, &CAT2_IN1_MEM};
// EXP-NEXT:   aidge_cpp::concat_forward(mem, CAT2_INS, CAT2_OUT_MEM, CAT2_PARAMS);
// EXP-NEXT:   }
// EXP-NEXT:   *output_0 = reinterpret_cast<float *>(mem + 16);
// EXP-NEXT:   {
// EXP-NEXT:     static constexpr aidge_cpp::MemInfo OUTPUT_MEM{8, 16, 2, 1, 16, 24, 16, 0};
// EXP-NEXT:     aidge_cpp::read_tensor(mem, OUTPUT_MEM, output_buffer_1);
// EXP-NEXT:     *output_1 = output_buffer_1;
// EXP-NEXT:   }
// EXP-NEXT:   *output_2 = reinterpret_cast<float *>(mem + 48);
// EXP-NEXT: }
// EXP-LABEL: // ----- FILE: dnn/include/forward.hpp
// EXP: #define MODEL_ARENA_SIZE 80
// EXP: #define MODEL_NB_OUTPUTS 3
// EXP: #define MODEL_OUTPUT_1_NAME "scaled"
// EXP-NEXT: #define MODEL_OUTPUT_1_SIZE 4
// EXP-NEXT: #define MODEL_OUTPUT_1_RANK 2
// EXP-NEXT: #define MODEL_OUTPUT_1_DIMS {2, 2}
// EXP-LABEL: // ----- FILE: dnn/include/parameters/scale_b.h
// EXP: alignas(16) static const float scale_b[2] = {
// EXP-NEXT:   2.0f, 0.5f,
// EXP-LABEL: // ----- FILE: data/inputs.h
// EXP: static INPUT_0_T input_0_data[MODEL_INPUT_0_SIZE] = {
// EXP-NEXT:   1.000000000e+00, -2.000000000e+00, 3.000000000e+00, -4.000000000e+00,
// EXP-NEXT: };
// EXP-LABEL: // ----- FILE: data/expected.h
// EXP: #define MODEL_HAS_EXPECTED 1
// EXP-NEXT: static const double expected_0[MODEL_OUTPUT_0_SIZE] = {
// EXP-NEXT:   2.00000000000000000e+00, -1.00000000000000000e+00, 1.00000000000000000e+00, 0.00000000000000000e+00, 6.00000000000000000e+00, -2.00000000000000000e+00, 3.00000000000000000e+00, 0.00000000000000000e+00,
// EXP-NEXT: };
// EXP-NEXT: static const double expected_1[MODEL_OUTPUT_1_SIZE] = {
// EXP-NEXT:   2.00000000000000000e+00, -1.00000000000000000e+00, 6.00000000000000000e+00, -2.00000000000000000e+00,
// EXP-NEXT: };
// EXP-NEXT: static const double expected_2[MODEL_OUTPUT_2_SIZE] = {
// EXP-NEXT:   1.00000000000000000e+00, -2.00000000000000000e+00, 1.00000000000000000e+00, -2.00000000000000000e+00, 3.00000000000000000e+00, -4.00000000000000000e+00, 3.00000000000000000e+00, -4.00000000000000000e+00,
// EXP-NEXT: };
// EXP-LABEL: // ----- FILE: main.cpp
// EXP: OUTPUT_0_T *output_0 = nullptr;
// EXP-NEXT: OUTPUT_1_T *output_1 = nullptr;
// EXP-NEXT: OUTPUT_2_T *output_2 = nullptr;
// EXP-NEXT: model_forward(input_0_data, &output_0, &output_1, &output_2);
// EXP: if (!close(expected_2[k], v))
// EXP: std::printf("%s\n", ok ? "PASS" : "FAIL");
// EXP: // ----- FILE: dnn/include/kernels/cpp/elemwise.hpp
// EXP: // ----- FILE: dnn/include/kernels/cpp/concat.hpp

// Without any kernel call, forward.cpp still gets the cpp library's
// mem_info; a constant output is copied out of its weight array.
// CONST-LABEL: // ----- FILE: dnn/src/forward.cpp
// CONST: #include "parameters/shape_value.h"
// CONST: static std::int64_t output_buffer_1[2];
// CONST-NEXT: extern "C" void model_forward(const float *input_0, float **output_0, std::int64_t **output_1) {
// CONST:   *output_0 = reinterpret_cast<float *>(mem + 0);
// CONST-NEXT:   std::memcpy(output_buffer_1, shape_value, sizeof output_buffer_1);
// CONST-NEXT:   *output_1 = output_buffer_1;
// CONST-NEXT: }
// CONST: // ----- FILE: dnn/include/utils/cpp/mem_info.hpp

// A weight computed at run time: the layer header has its mem_info as
// W<k> (k: its place among the weights), the call reads it from the arena.
// ARENAW-LABEL: // ----- FILE: dnn/include/layers/dense.h
// ARENAW: #define DENSE_W0_MEM_OFFSET 64
// ARENAW: static constexpr aidge_cpp::MemInfo DENSE_W0_MEM{
// ARENAW-LABEL: // ----- FILE: dnn/src/forward.cpp
// ARENAW: aidge_cpp::fullyconnected_forward(mem, DENSE_IN0_MEM, DENSE_OUT_MEM, DENSE_PARAMS, aidge_cpp::ArenaArray{mem, DENSE_W0_MEM}, nullptr);

// A kernel with static_params: the layer header still defines the
// constexpr params aggregate, and the call names it as the template
// argument instead of passing it.
// STATIC-LABEL: // ----- FILE: dnn/include/layers/pw.h
// STATIC: static constexpr aidge_cpp::ConvParams PW_PARAMS{PW_BATCH, PW_IN_DEPTH,
// STATIC-LABEL: // ----- FILE: dnn/src/forward.cpp
// STATIC: aidge_cpp::convolution_blocked_forward<PW_PARAMS>(mem, PW_IN0_MEM, PW_OUT_MEM, pw_weights, nullptr);
