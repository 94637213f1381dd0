//===- InterpreterTest.cpp - The reference interpreter's API --------------===//
//
// What the ONNX node tests cannot show: data formats (the same conv in the
// default and the channels-last layout), fused activations, the values API,
// and every error the interpreter reports.
//
//===----------------------------------------------------------------------===//

#include "aidge/InitAllDialects.h"
#include "aidge/Reference/Interpreter.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Parser/Parser.h"

#include "gtest/gtest.h"

#include <cmath>

using namespace mlir;
using namespace mlir::aidge;

namespace {
class InterpreterTest : public ::testing::Test {
protected:
  InterpreterTest() {
    DialectRegistry registry;
    registerAllDialects(registry);
    context.appendDialectRegistry(registry);
    context.loadAllAvailableDialects();
    context.allowUnregisteredDialects();
  }

  /// The outputs of the one function of `source` on `inputs` (each input's
  /// type is its argument's); empty when the evaluation failed, with its
  /// diagnostics in `errors`.
  std::vector<std::vector<double>> run(StringRef source,
                                       std::vector<std::vector<double>> inputs) {
    module = parseSourceString<ModuleOp>(source, &context);
    EXPECT_TRUE(module);
    auto func = *module->getOps<func::FuncOp>().begin();
    std::vector<reference::Tensor> tensors;
    for (auto [arg, values] : llvm::zip(func.getArguments(), inputs))
      tensors.push_back({cast<RankedTensorType>(arg.getType()), values});
    ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diagnostic) {
      errors += diagnostic.str() + "\n";
      return success();
    });
    FailureOr<reference::Evaluation> evaluation = reference::evaluate(func, tensors);
    std::vector<std::vector<double>> outputs;
    if (succeeded(evaluation))
      for (const reference::Tensor &output : evaluation->outputs)
        outputs.push_back(output.values);
    return outputs;
  }

  MLIRContext context;
  OwningOpRef<ModuleOp> module;
  std::string errors;
};

// A 1x1 convolution (out0 = c0 + 2 c1 + 10, out1 = 3 c0 + 4 c1 + 20) of a
// 1x2x1x2 input, and the same in the channels-last format: stored values
// are [n][h][w][c], the weight [m][kh][kw][c].
TEST_F(InterpreterTest, ConvReadsThroughTheDataFormat) {
  std::vector<double> nchw = {1, 2, 3, 4}; // c0 = {1, 2}, c1 = {3, 4}
  auto planar = run(R"mlir(
func.func @f(%x: tensor<1x2x1x2xf32>) -> tensor<1x2x1x2xf32> {
  %w = aidge.producer dense<[[[[1.0]], [[2.0]]], [[[3.0]], [[4.0]]]]> : tensor<2x2x1x1xf32>
  %b = aidge.producer dense<[10.0, 20.0]> : tensor<2xf32>
  %y = aidge.conv %x, %w, %b {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x1x2xf32>, tensor<2x2x1x1xf32>, tensor<2xf32>) -> tensor<1x2x1x2xf32>
  return %y : tensor<1x2x1x2xf32>
})mlir",
                    {nchw});
  ASSERT_EQ(planar.size(), 1u) << errors;
  EXPECT_EQ(planar[0], (std::vector<double>{17, 20, 35, 42}));

  std::vector<double> nhwc = {1, 3, 2, 4};
  auto channelsLast = run(R"mlir(
func.func @f(%x: tensor<1x1x2x2xf32, #aidge<format nhwc>>) -> tensor<1x1x2x2xf32, #aidge<format nhwc>> {
  %w = aidge.producer dense<[[[[1.0, 2.0]]], [[[3.0, 4.0]]]]> : tensor<2x1x1x2xf32, #aidge<format nhwc>>
  %b = aidge.producer dense<[10.0, 20.0]> : tensor<2xf32>
  %y = aidge.conv %x, %w, %b {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x1x2x2xf32, #aidge<format nhwc>>, tensor<2x1x1x2xf32, #aidge<format nhwc>>, tensor<2xf32>) -> tensor<1x1x2x2xf32, #aidge<format nhwc>>
  return %y : tensor<1x1x2x2xf32, #aidge<format nhwc>>
})mlir",
                          {nhwc});
  ASSERT_EQ(channelsLast.size(), 1u) << errors;
  EXPECT_EQ(channelsLast[0], (std::vector<double>{17, 35, 20, 42}));
}

// A transpose to the channels-last format keeps the values of the default
// order; element-wise ops then work on the stored order.
TEST_F(InterpreterTest, TransposeChangesOnlyTheStoredOrder) {
  auto outputs = run(R"mlir(
func.func @f(%x: tensor<1x2x1x2xf32>) -> tensor<1x1x2x2xf32, #aidge<format nhwc>> {
  %t = aidge.transpose %x {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x2x1x2xf32>) -> tensor<1x1x2x2xf32, #aidge<format nhwc>>
  %y = aidge.neg %t : tensor<1x1x2x2xf32, #aidge<format nhwc>>
  return %y : tensor<1x1x2x2xf32, #aidge<format nhwc>>
})mlir",
                     {{1, 2, 3, 4}});
  ASSERT_EQ(outputs.size(), 1u) << errors;
  EXPECT_EQ(outputs[0], (std::vector<double>{-1, -3, -2, -4}));
}

// Fused activations apply to the op's result.
TEST_F(InterpreterTest, FusedActivations) {
  auto outputs = run(R"mlir(
func.func @f(%a: tensor<4xf32>, %b: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<1x2xf32>) {
  %relu = aidge.add %a, %b {activation = #aidge.activation<kind = relu>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %clip = aidge.mul %a, %b {activation = #aidge.activation<kind = clip, min = -1.0 : f32, max = 6.0 : f32>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %m = aidge.reshape %a : tensor<4xf32> -> tensor<2x2xf32>
  %row = aidge.reshape %b : tensor<4xf32> -> tensor<1x4xf32>
  %r2 = aidge.slice %row {starts = array<i64: 0, 0>, ends = array<i64: 1, 2>, steps = array<i64: 1, 1>} : (tensor<1x4xf32>) -> tensor<1x2xf32>
  %fc = aidge.fc %r2, %m {activation = #aidge.activation<kind = leaky_relu, alpha = 0.5 : f32>, alpha = 1.0 : f32, beta = 1.0 : f32, trans_a = false, trans_b = true} : (tensor<1x2xf32>, tensor<2x2xf32>) -> tensor<1x2xf32>
  return %relu, %clip, %fc : tensor<4xf32>, tensor<4xf32>, tensor<1x2xf32>
})mlir",
                     {{1, -2, 3, -4}, {-3, 1, 4, 2}});
  ASSERT_EQ(outputs.size(), 3u) << errors;
  EXPECT_EQ(outputs[0], (std::vector<double>{0, 0, 7, 0}));
  EXPECT_EQ(outputs[1], (std::vector<double>{-1, -1, 6, -1}));
  // [-3, 1] x [[1, -2], [3, -4]]^T = [-5, -13], then leaky_relu 0.5.
  EXPECT_EQ(outputs[2], (std::vector<double>{-2.5, -6.5}));
}

// Results are rounded to their element type: f32, wrapping integers.
TEST_F(InterpreterTest, ResultsHaveTheirElementType) {
  auto outputs = run(R"mlir(
func.func @f(%x: tensor<2xf32>, %i: tensor<2xi8>) -> (tensor<2xf32>, tensor<2xi8>, tensor<2xi1>) {
  %third = aidge.producer dense<3.0> : tensor<2xf32>
  %d = aidge.div %x, %third : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %s = aidge.add %i, %i : (tensor<2xi8>, tensor<2xi8>) -> tensor<2xi8>
  %b = aidge.cast %x : tensor<2xf32> to tensor<2xi1>
  return %d, %s, %b : tensor<2xf32>, tensor<2xi8>, tensor<2xi1>
})mlir",
                     {{1, 0}, {100, -3}});
  ASSERT_EQ(outputs.size(), 3u) << errors;
  EXPECT_EQ(outputs[0][0], static_cast<double>(1.0f / 3.0f));
  EXPECT_EQ(outputs[1], (std::vector<double>{-56, -6}));
  EXPECT_EQ(outputs[2], (std::vector<double>{1, 0}));
  EXPECT_EQ(reference::roundToElementType(IntegerType::get(&context, 8, IntegerType::Unsigned), -1), 255);
  EXPECT_EQ(reference::roundToElementType(Float16Type::get(&context), 65520), INFINITY);
}

// Tensors convert to and from dense constants, whatever the element type.
TEST_F(InterpreterTest, TensorsRoundTripThroughConstants) {
  for (Type element : {Type(Float32Type::get(&context)), Type(BFloat16Type::get(&context)),
                       Type(IntegerType::get(&context, 64)), Type(IntegerType::get(&context, 1))}) {
    reference::Tensor tensor{RankedTensorType::get({3}, element), {1, 0, 1}};
    std::optional<reference::Tensor> back =
        reference::getTensor(reference::getElementsAttr(tensor));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->values, tensor.values);
  }
}

//===----------------------------------------------------------------------===//
// Errors
//===----------------------------------------------------------------------===//

TEST_F(InterpreterTest, OpOfAnotherDialect) {
  EXPECT_TRUE(run(R"mlir(
func.func @f(%x: tensor<2xf32>) -> tensor<2xf32> {
  %y = "test.op"(%x) : (tensor<2xf32>) -> tensor<2xf32>
  return %y : tensor<2xf32>
})mlir",
                  {{1, 2}})
                  .empty());
  EXPECT_EQ(errors, "'test.op' op cannot be evaluated by the reference interpreter\n");
}

TEST_F(InterpreterTest, IntegerDivisionByZero) {
  EXPECT_TRUE(run(R"mlir(
func.func @f(%x: tensor<2xi32>) -> tensor<2xi32> {
  %z = aidge.producer dense<[1, 0]> : tensor<2xi32>
  %y = aidge.div %x, %z : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  return %y : tensor<2xi32>
})mlir",
                  {{7, 7}})
                  .empty());
  EXPECT_EQ(errors, "'aidge.div' op divides an integer by zero at element 1\n");
}

TEST_F(InterpreterTest, GatherIndexOutOfRange) {
  auto outputs = run(R"mlir(
func.func @f(%x: tensor<3xf32>) -> tensor<2xf32> {
  %i = aidge.producer dense<[-3, 3]> : tensor<2xi64>
  %y = aidge.gather %x, %i {axis = 0 : i64} : (tensor<3xf32>, tensor<2xi64>) -> tensor<2xf32>
  return %y : tensor<2xf32>
})mlir",
                     {{1, 2, 3}});
  EXPECT_TRUE(outputs.empty());
  EXPECT_EQ(errors, "'aidge.gather' op index 3 (element 1 of the indices) is "
                    "out of range [-3, 3)\n");
}

TEST_F(InterpreterTest, CastOutOfRange) {
  EXPECT_TRUE(run(R"mlir(
func.func @f(%x: tensor<2xf32>) -> tensor<2xui8> {
  %y = aidge.cast %x : tensor<2xf32> to tensor<2xui8>
  return %y : tensor<2xui8>
})mlir",
                  {{255, NAN}})
                  .empty());
  EXPECT_EQ(errors, "'aidge.cast' op casts element 1 (nan) to 'ui8', which "
                    "cannot hold it\n");
}

TEST_F(InterpreterTest, UncomputableType) {
  EXPECT_TRUE(run(R"mlir(
func.func @f(%x: tensor<2xf32>) -> tensor<2xcomplex<f32>> {
  %c = aidge.producer dense<(1.0, 2.0)> : tensor<2xcomplex<f32>>
  %y = aidge.identity %c : tensor<2xcomplex<f32>>
  return %y : tensor<2xcomplex<f32>>
})mlir",
                  {{1, 2}})
                  .empty());
  EXPECT_EQ(errors, "'aidge.producer' op has a result of type "
                    "'tensor<2xcomplex<f32>>', which the reference interpreter "
                    "cannot compute\n");
}

TEST_F(InterpreterTest, UncomputableInput) {
  EXPECT_TRUE(run(R"mlir(
func.func @f(%x: tensor<2xcomplex<f32>>) -> tensor<2xcomplex<f32>> {
  return %x : tensor<2xcomplex<f32>>
})mlir",
                  {{1, 2}})
                  .empty());
  EXPECT_EQ(errors, "input 0 has type 'tensor<2xcomplex<f32>>', which the "
                    "reference interpreter cannot compute\n");
}

TEST_F(InterpreterTest, SeveralBlocks) {
  EXPECT_TRUE(run(R"mlir(
func.func @f() {
  "test.br"()[^next] : () -> ()
^next:
  return
})mlir",
                  {})
                  .empty());
  EXPECT_EQ(errors, "the reference interpreter evaluates functions of one "
                    "block only\n");
}

TEST_F(InterpreterTest, UnreadableConstant) {
  EXPECT_TRUE(run(R"mlir(
func.func @f() -> tensor<2xf32> {
  %c = aidge.producer dense_resource<released> : tensor<2xf32>
  return %c : tensor<2xf32>
})mlir",
                  {})
                  .empty());
  EXPECT_EQ(errors, "'aidge.producer' op has a value the reference interpreter "
                    "cannot read\n");
}

TEST_F(InterpreterTest, WrongInputs) {
  StringRef source = R"mlir(
func.func @f(%x: tensor<2xf32>) -> tensor<2xf32> {
  return %x : tensor<2xf32>
})mlir";
  EXPECT_TRUE(run(source, {}).empty());
  EXPECT_EQ(errors, "expects 1 inputs to evaluate, got 0\n");
  errors.clear();
  EXPECT_TRUE(run(source, {{1, 2, 3}}).empty());
  EXPECT_EQ(errors, "input 0 has 3 values, expected 2\n");
}
} // namespace
