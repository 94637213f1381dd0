//===- ExportLib.h - Export libraries: op type -> implementations -*- C++ -*-===//
//
// An export library (Aidge's ExportLib) maps each op type to the
// implementations it has, each an ImplSpec (what it accepts) and a kernel
// descriptor (what the export emits to call it). Libraries live in a
// process-wide registry: the built-in `cpp` one, those a compiler that links
// aidge-mlir registers in C++, and those loaded from JSON descriptions.
//
//   ExportLib &lib = ExportLibRegistry::get().getOrCreate("mylib");
//   lib.registerImpl("relu", ImplSpec::uniform(IOSpec{"f32"}),
//                    KernelDescriptor{"my_relu", "my_relu_forward",
//                                     {"kernels/my_relu.hpp"}, {"size"}});
//
// Op types are aidge op names without the dialect prefix ("conv"), or the
// full name of an op of another dialect (Aidge's register_generic). A fused
// op (Aidge's metaops) is its base op with its `activation` attribute, so a
// library targets e.g. conv+relu with `attrs = {activation = ...}`.
//
//===----------------------------------------------------------------------===//

#ifndef AIDGE_EXPORTLIB_EXPORTLIB_H
#define AIDGE_EXPORTLIB_EXPORTLIB_H

#include "aidge/Dialect/Aidge/IR/AidgeDialect.h"
#include "mlir/IR/Operation.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace mlir::aidge {

/// What an implementation accepts for one input or output (Aidge's IOSpec).
struct IOSpec {
  /// MLIR spelling of the element type ("f32", "i8"), or "any".
  std::string dtype = "any";
  DataFormat format = DataFormat::any;
  /// Per-dimension bounds; -1 in maxDims means unbounded. Fix the rank.
  std::vector<int64_t> minDims, maxDims;
};

/// Extra scoring of an op (Aidge's ImplSpec funcs): nullopt rejects the
/// implementation, a number adds to its priority.
using ImplScoreFn = std::function<std::optional<int64_t>(Operation *)>;

/// What an implementation accepts (Aidge's ImplSpec).
struct ImplSpec {
  /// One IOSpec per operand; the last one is reused for further operands,
  /// and none at all accepts anything.
  std::vector<IOSpec> inputs, outputs;
  /// Attribute values the op must have: name and MLIR attribute text.
  std::vector<std::pair<std::string, std::string>> attrs;
  int64_t priority = 0;
  ImplScoreFn score;

  /// The same IOSpec for every input and output.
  static ImplSpec uniform(IOSpec io, int64_t priority = 0);
};

/// How the export lays out a constant operand for a kernel, once, at export
/// time: the generated code never re-lays weights. A kernel that wants its
/// weights packed cannot take them computed at run time.
enum class WeightPacking {
  /// As the op stores it.
  none,
  /// The output channels (dimension 0 as stored; of a transposed FC weight,
  /// its columns) per group, in blocks of 16 padded with zeros, each block
  /// holding for every other index its 16 channels consecutively:
  /// [group][block][kernel...][in][16] (the blocked convolution of the cpp
  /// library, utils/cpp/blocking.hpp).
  outputBlocks,
  /// Taps before channels: [kernel...][channels] (a depthwise weight).
  tapsMajor,
  /// A 3x3 kernel [out][3][3][in] (stored like the input) transformed for
  /// Winograd's F(4x4, 3x3), U = G g G^T per output and input channel, the
  /// output channels in blocks of 16 padded with zeros: [block][36][in][16]
  /// (the Winograd convolution of the `cpp_fast` library).
  winograd4x4,
};

/// How the export calls an implementation.
struct KernelDescriptor {
  /// Unique in its library, e.g. "conv2d_nhwc"; the IR names it.
  std::string name;
  /// The C++ function the generated forward calls.
  std::string entryPoint;
  /// Library files the kernel includes, relative to the library's root;
  /// copied into the export when the kernel is used.
  std::vector<std::string> headers;
  /// The configuration values the kernel takes (dims, attributes, memory
  /// info), by name.
  std::vector<std::string> config;
  /// How each input operand, when a constant, is packed (none past the
  /// end).
  std::vector<WeightPacking> packing = {};
  /// Emitted by a renderer the export is given (ExportOptions::renderers),
  /// not by the C++ translation: the kernels of Python export libraries.
  bool external = false;
  /// Whether the memory planner may wrap the op's output over the rows of
  /// its input already consumed (a ring): false for a kernel that writes
  /// several output rows before it has read every input row they need.
  bool outputMayWrapInput = true;
  /// The kernel also comes as a template on its parameters,
  /// `entry<PARAMS>(mem, ...)`, for libraries that specialise kernels.
  bool specialisable = false;
};

struct Implementation {
  ImplSpec spec;
  KernelDescriptor kernel;
};

class ExportLib {
public:
  explicit ExportLib(StringRef name) : name(name.str()) {}

  StringRef getName() const { return name; }

  /// Appends an implementation of `opType` (Aidge's ExportLib.register).
  void registerImpl(StringRef opType, ImplSpec spec, KernelDescriptor kernel);
  /// Replaces all implementations of `opType` with this one.
  void overrideOp(StringRef opType, ImplSpec spec, KernelDescriptor kernel);
  /// Copies every implementation and setting of `base` into this library.
  void extend(const ExportLib &base);

  ArrayRef<Implementation> getImpls(StringRef opType) const;
  const Implementation *lookupKernel(StringRef kernelName) const;
  std::vector<std::string> getOpTypes() const;

  /// Directory the header and static-file paths are relative to.
  std::string rootDir;
  /// Files every export with this library gets (utils headers), relative to
  /// rootDir.
  std::vector<std::string> staticFiles;
  /// Section for weights and the arena, when the target wants one.
  std::optional<std::string> memSection;
  /// Whether exports call the specialisable kernels through their template
  /// on the layer's constexpr parameters: the shapes fold into the code
  /// (faster), at the cost of code per layer.
  bool specialiseKernels = false;

private:
  std::string name;
  llvm::StringMap<std::vector<Implementation>> impls;
};

/// The process-wide set of export libraries.
class ExportLibRegistry {
public:
  /// The registry, with the built-in libraries registered.
  static ExportLibRegistry &get();

  /// The library `name`, created empty when new (to be filled or extended).
  ExportLib &getOrCreate(StringRef name);
  ExportLib *lookup(StringRef name);
  std::vector<std::string> getNames() const;

private:
  ExportLibRegistry() = default;
  mutable std::mutex mutex;
  llvm::StringMap<std::unique_ptr<ExportLib>> libs;
};

/// Registers the built-in `cpp` library into `registry`.
void registerCppExportLib(ExportLibRegistry &registry);
/// Registers the built-in `cpp_fast` library, `cpp` plus the kernels that
/// trade weight and stack memory for speed (Winograd convolution), into
/// `registry`, which has `cpp` already.
void registerCppFastExportLib(ExportLibRegistry &registry);

/// Loads a JSON library description (see docs/export-libraries.md) into the
/// registry; `context` checks its types and attributes. Returns the
/// library's name, or an error naming the offending entry.
llvm::Expected<std::string> loadExportLibFile(StringRef path,
                                              MLIRContext *context);

/// The op type an operation is registered under.
std::string getOpType(Operation *op);

/// `spec` as an attribute, for annotations and diagnostics; fails when its
/// types or attributes do not parse.
FailureOr<ImplSpecAttr> getImplSpecAttr(const ImplSpec &spec,
                                        MLIRContext *context);

} // namespace mlir::aidge

#endif // AIDGE_EXPORTLIB_EXPORTLIB_H
