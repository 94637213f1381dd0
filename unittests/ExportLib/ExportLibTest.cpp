//===- ExportLibTest.cpp - The C++ export-library registration API --------===//
//
// What another MLIR compiler does: register its own library (or override one
// op of a built-in one) in C++, then run the matching pass.
//
//===----------------------------------------------------------------------===//

#include "aidge/Dialect/Aidge/IR/AidgeOps.h"
#include "aidge/Dialect/Aidge/Transforms/Passes.h"
#include "aidge/ExportLib/ExportLib.h"
#include "aidge/InitAllDialects.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace mlir::aidge;

namespace {
constexpr const char *kModel = R"mlir(
func.func @f(%x: tensor<1x4x3x3xf32>, %w: tensor<4x1x1x1xf32>) -> tensor<1x4x3x3xf32> {
  %c = aidge.conv %x, %w {dilations = array<i64: 1, 1>, group = 4 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x3x3xf32>, tensor<4x1x1x1xf32>) -> tensor<1x4x3x3xf32>
  %r = aidge.relu %c : tensor<1x4x3x3xf32>
  return %r : tensor<1x4x3x3xf32>
}
)mlir";

class ExportLibTest : public ::testing::Test {
protected:
  ExportLibTest() {
    DialectRegistry registry;
    registerAllDialects(registry);
    context.appendDialectRegistry(registry);
    context.loadAllAvailableDialects();
  }

  /// Runs the matching pass with `lib` and returns the kernel chosen per op
  /// type, or an empty map when the pass failed.
  std::map<std::string, std::string> match(StringRef lib) {
    OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(kModel, &context);
    EXPECT_TRUE(module);
    PassManager pm(&context);
    pm.addPass(createAidgeMatchImpl(AidgeMatchImplOptions{lib.str()}));
    std::map<std::string, std::string> kernels;
    if (failed(pm.run(*module)))
      return kernels;
    module->walk([&](Operation *op) {
      if (auto impl = op->getAttrOfType<ImplAttr>("aidge.impl"))
        if (!isa<TransposeOp>(op))
          kernels[getOpType(op)] = impl.getKernel().str();
    });
    return kernels;
  }

  MLIRContext context;
};

TEST_F(ExportLibTest, CppLibraryIsRegistered) {
  ExportLib *cpp = ExportLibRegistry::get().lookup("cpp");
  ASSERT_NE(cpp, nullptr);
  EXPECT_FALSE(cpp->getImpls("conv").empty());
  EXPECT_NE(cpp->lookupKernel("conv_depthwise2d"), nullptr);
  auto kernels = match("cpp");
  EXPECT_EQ(kernels["conv"], "conv_depthwise2d");
  EXPECT_EQ(kernels["relu"], "relu");
}

// A library of its own, scored by a C++ function (Aidge's ImplSpec funcs):
// the kernel only takes 3x3 feature maps, and says so by rejecting others.
TEST_F(ExportLibTest, OwnLibraryWithScoreFunction) {
  ExportLib &lib = ExportLibRegistry::get().getOrCreate("test_own");
  lib.extend(*ExportLibRegistry::get().lookup("cpp"));
  ImplSpec small;
  small.inputs = {IOSpec{"f32", DataFormat::default_, {}, {}}, IOSpec{}};
  small.outputs = {IOSpec{"f32", DataFormat::default_, {}, {}}};
  small.score = [](Operation *op) -> std::optional<int64_t> {
    auto type = cast<RankedTensorType>(op->getOperand(0).getType());
    if (type.getDimSize(2) == 3 && type.getDimSize(3) == 3)
      return 10;
    return std::nullopt;
  };
  lib.registerImpl("conv", small,
                   KernelDescriptor{"conv_small", "small_conv", {}, {}});
  auto kernels = match("test_own");
  EXPECT_EQ(kernels["conv"], "conv_small");
}

// Overriding one op replaces every implementation of that type only.
TEST_F(ExportLibTest, OverrideOneOp) {
  ExportLib &lib = ExportLibRegistry::get().getOrCreate("test_override");
  lib.extend(*ExportLibRegistry::get().lookup("cpp"));
  lib.overrideOp("relu", ImplSpec::uniform(IOSpec{"f32", DataFormat::any, {}, {}}),
                 KernelDescriptor{"fast_relu", "fast_relu", {}, {}});
  EXPECT_EQ(lib.getImpls("relu").size(), 1u);
  auto kernels = match("test_override");
  EXPECT_EQ(kernels["relu"], "fast_relu");
  EXPECT_EQ(kernels["conv"], "conv_depthwise2d");
  // The library it was copied from is unchanged.
  EXPECT_EQ(match("cpp")["relu"], "relu");
}

// A library that lacks an op type fails the pass (with a diagnostic).
TEST_F(ExportLibTest, MissingOpTypeFails) {
  ExportLib &lib = ExportLibRegistry::get().getOrCreate("test_partial");
  lib.registerImpl("relu", ImplSpec::uniform(IOSpec{}),
                   KernelDescriptor{"relu", "relu", {}, {}});
  std::string message;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    message = diag.str();
    return success();
  });
  EXPECT_TRUE(match("test_partial").empty());
  EXPECT_EQ(message, "export library 'test_partial' has no implementation of 'conv'");
}
} // namespace
