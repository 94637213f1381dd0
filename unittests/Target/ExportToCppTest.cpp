//===- ExportToCppTest.cpp - Renderers of external kernels ----------------===//

#include "aidge/ExportLib/ExportLib.h"
#include "aidge/InitAllDialects.h"
#include "aidge/Target/Cpp/ExportToCpp.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include <gtest/gtest.h>
#include <map>

using namespace mlir;
using namespace mlir::aidge;

namespace {
/// A relu of library `ext_lib` whose kernel is external, next to a cpp one.
constexpr const char *kModule = R"mlir(
#x = #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 16, wrap_offset = 0, wrap_size = 0, reuse = none>
#y = #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 16, cont_offset = 16, cont_size = 16, wrap_offset = 16, wrap_size = 0, reuse = none>
module {
  aidge_export.arena @mem size = 32 align = 16
  aidge_export.graph @model arena @mem {
    aidge_export.input "x"[0] : tensor<4xf32> at #x
    aidge_export.kernel "act" "ext_relu_forward" {lib = "ext_lib", kernel = "ext_relu", step = 1 : i64, params_type = "", param_names = ["size"], params = [4], inputs = [#x], outputs = [#y], weights = [], headers = ["kernels/ext_relu.hpp"]}
    aidge_export.output "y"[0] : tensor<4xf32> at #y
  }
}
)mlir";

class ExportToCppTest : public ::testing::Test {
protected:
  void SetUp() override {
    DialectRegistry registry;
    registerAllDialects(registry);
    context.appendDialectRegistry(registry);
    context.loadAllAvailableDialects();
    ExportLib &lib = ExportLibRegistry::get().getOrCreate("ext_lib");
    if (!lib.lookupKernel("ext_relu")) {
      KernelDescriptor kernel{"ext_relu", "ext_relu_forward",
                              {"kernels/ext_relu.hpp"}, {"size"}};
      kernel.external = true;
      lib.registerImpl("relu", ImplSpec::uniform(IOSpec{"f32"}), kernel);
    }
    module = parseSourceString<ModuleOp>(kModule, &context);
    ASSERT_TRUE(module);
    sink.stream = [this](StringRef path, ExportFileSink::Contents contents) {
      llvm::raw_string_ostream os(files[path.str()]);
      return contents(os);
    };
    sink.copy = [this](StringRef path, StringRef) {
      files[path.str()] = "<copied>";
      return success();
    };
  }

  MLIRContext context;
  OwningOpRef<ModuleOp> module;
  ExportFileSink sink;
  std::map<std::string, std::string> files;
};
} // namespace

TEST_F(ExportToCppTest, RendererEmitsTheCall) {
  ExportOptions options;
  KernelSymbols seen;
  options.renderers["ext_relu"] = [&](aidge_export::KernelOp kernel,
                                      const KernelSymbols &symbols)
      -> FailureOr<RenderedKernel> {
    seen = symbols;
    RenderedKernel rendered;
    rendered.includes = {"kernels/ext_relu.hpp"};
    rendered.forward = "ext_relu_forward(mem + ACT_IN0_MEM.cont_offset,\n"
                       "                 mem + ACT_OUT_MEM.cont_offset, ACT_SIZE);";
    rendered.files = {{"dnn/include/kernels/ext_relu.hpp", "// kernel\n"}};
    return rendered;
  };
  ASSERT_TRUE(succeeded(exportToCpp(*module, sink, options)));

  EXPECT_EQ(seen.layerHeader, "layers/act.h");
  EXPECT_EQ(seen.arena, "mem");
  EXPECT_EQ(seen.inputs, std::vector<std::string>{"ACT_IN0_MEM"});
  EXPECT_EQ(seen.outputs, std::vector<std::string>{"ACT_OUT_MEM"});
  ASSERT_EQ(seen.params.size(), 1u);
  EXPECT_EQ(seen.params[0].second, "ACT_SIZE");
  EXPECT_EQ(seen.paramsStruct, "");

  const std::string &forward = files["dnn/src/forward.cpp"];
  EXPECT_NE(forward.find("#include \"layers/act.h\"\n#include \"kernels/ext_relu.hpp\"\n"),
            std::string::npos);
  EXPECT_NE(forward.find("  // act\n  ext_relu_forward(mem + ACT_IN0_MEM.cont_offset,\n"
                         "                   mem + ACT_OUT_MEM.cont_offset, ACT_SIZE);\n"),
            std::string::npos)
      << forward;
  EXPECT_EQ(files["dnn/include/kernels/ext_relu.hpp"], "// kernel\n");
  // The layer header declares the symbols but leaves the kernel's headers
  // to the renderer; nothing of the external library is copied.
  const std::string &layer = files["dnn/include/layers/act.h"];
  EXPECT_NE(layer.find("#define ACT_SIZE 4\n"), std::string::npos);
  EXPECT_NE(layer.find("ACT_OUT_MEM{"), std::string::npos);
  EXPECT_EQ(layer.find("ext_relu.hpp"), std::string::npos);
}

TEST_F(ExportToCppTest, MissingRendererIsAnError) {
  std::string message;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    message = diag.str();
    return success();
  });
  EXPECT_TRUE(failed(exportToCpp(*module, sink)));
  EXPECT_EQ(message, "kernel 'ext_relu' of library 'ext_lib' is external and "
                     "the export has no renderer for it");
}

TEST_F(ExportToCppTest, RendererFailureStopsTheExport) {
  ExportOptions options;
  options.renderers["ext_relu"] = [](aidge_export::KernelOp kernel,
                                     const KernelSymbols &)
      -> FailureOr<RenderedKernel> {
    return kernel.emitError("template failed");
  };
  ScopedDiagnosticHandler handler(&context, [](Diagnostic &) { return success(); });
  EXPECT_TRUE(failed(exportToCpp(*module, sink, options)));
  EXPECT_EQ(files.count("dnn/src/forward.cpp"), 0u);
}
