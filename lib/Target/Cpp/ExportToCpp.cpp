//===- ExportToCpp.cpp - Write the C++ export of an aidge_export module ---===//
//
// The export tree, as Aidge's export lays it out:
//   dnn/include/forward.hpp          model_forward and the I/O constants
//   dnn/src/forward.cpp              the arena and the kernel calls
//   dnn/include/layers/<layer>.h     per-layer #defines, mem_info, params
//   dnn/include/parameters/<w>.h     weights as static const arrays
//   dnn/include/{kernels,utils}/...  the library files the calls use
//   main.cpp, data/, Makefile, CMakeLists.txt
//
//===----------------------------------------------------------------------===//

#include "aidge/Target/Cpp/ExportToCpp.h"

#include "ArrayLiterals.h"
#include "ProjectFiles.h"

#include "aidge/Dialect/Aidge/IR/ConstantData.h"
#include "aidge/Dialect/AidgeExport/IR/AidgeExportDialect.h"
#include "aidge/ExportLib/ExportLib.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ToolOutputFile.h"
#include <cmath>
#include <cstring>
#include <set>

using namespace mlir;
using namespace mlir::aidge;
namespace ae = mlir::aidge_export;

namespace {
std::string upper(StringRef name) { return StringRef(name).upper(); }

void writeMemInfo(raw_ostream &os, StringRef prefix, MemInfoAttr mem) {
  os << llvm::formatv("#define {0}_MEM_SIZE {1}\n", prefix, mem.getSize())
     << llvm::formatv("#define {0}_MEM_STRIDE {1}\n", prefix, mem.getStride())
     << llvm::formatv("#define {0}_MEM_LENGTH {1}\n", prefix, mem.getLength())
     << llvm::formatv("#define {0}_MEM_COUNT {1}\n", prefix, mem.getCount())
     << llvm::formatv("#define {0}_MEM_OFFSET {1}\n", prefix, mem.getOffset())
     << llvm::formatv("#define {0}_MEM_CONT_OFFSET {1}\n", prefix, mem.getContOffset())
     << llvm::formatv("#define {0}_MEM_CONT_SIZE {1}\n", prefix, mem.getContSize())
     << llvm::formatv("#define {0}_MEM_WRAP_OFFSET {1}\n", prefix, mem.getWrapOffset())
     << llvm::formatv("#define {0}_MEM_WRAP_SIZE {1}\n", prefix, mem.getWrapSize())
     << llvm::formatv("static constexpr aidge_cpp::MemInfo {0}_MEM{{{0}_MEM_SIZE, "
                      "{0}_MEM_STRIDE, {0}_MEM_LENGTH, {0}_MEM_COUNT, "
                      "{0}_MEM_CONT_OFFSET, {0}_MEM_CONT_SIZE, "
                      "{0}_MEM_WRAP_OFFSET, {0}_MEM_WRAP_SIZE};\n",
                      prefix);
}

std::string paramValue(Attribute value) {
  if (auto integer = dyn_cast<IntegerAttr>(value))
    return std::to_string(integer.getInt());
  if (auto real = dyn_cast<FloatAttr>(value))
    return llvm::formatv("{0:e9}f", real.getValueAsDouble()).str();
  return cast<StringAttr>(value).str();
}

/// dnn/include/layers/<layer>.h; an external kernel's own headers are its
/// renderer's to include.
std::string layerHeader(ae::KernelOp kernel, const KernelSymbols &symbols,
                        bool external) {
  std::string text;
  llvm::raw_string_ostream os(text);
  std::string name = upper(kernel.getName());
  os << "// Layer " << kernel.getName() << ": " << kernel.getKernel() << " of library "
     << kernel.getLib() << ", step " << kernel.getStep() << ".\n"
     << "#ifndef LAYER_" << name << "_H\n#define LAYER_" << name << "_H\n\n"
     << "#include \"utils/cpp/mem_info.hpp\"\n";
  if (!external)
    for (Attribute header : kernel.getHeaders())
      os << "#include \"" << cast<StringAttr>(header).getValue() << "\"\n";
  os << "\n";
  SmallVector<std::string> fields;
  for (auto [param, value] : llvm::zip_equal(symbols.params, kernel.getParams())) {
    os << "#define " << param.second << " " << paramValue(value) << "\n";
    fields.push_back(param.second);
  }
  auto memPrefix = [](StringRef constant) { return constant.drop_back(4); };
  for (auto [symbol, mem] : llvm::zip_equal(symbols.inputs, kernel.getInputs()))
    if (auto info = dyn_cast<MemInfoAttr>(mem))
      writeMemInfo(os, memPrefix(symbol), info);
  for (auto [symbol, mem] : llvm::zip_equal(symbols.outputs, kernel.getOutputs()))
    writeMemInfo(os, memPrefix(symbol), cast<MemInfoAttr>(mem));
  for (auto [i, weight] : llvm::enumerate(kernel.getWeights()))
    if (auto info = dyn_cast<MemInfoAttr>(weight))
      writeMemInfo(os, name + "_W" + std::to_string(i), info);
  if (!symbols.paramsStruct.empty()) {
    os << "static constexpr " << kernel.getParamsType() << " "
       << symbols.paramsStruct << "{";
    llvm::interleaveComma(fields, os);
    os << "};\n";
  }
  os << "\n#endif // LAYER_" << name << "_H\n";
  return text;
}

/// The call of one kernel in model_forward. Kernels that take a list of
/// operands get a local array of mem_info pointers.
std::string kernelCall(ae::KernelOp kernel, const KernelSymbols &symbols) {
  std::string name = upper(kernel.getName());
  SmallVector<std::string> args{"mem"}, arrays;
  auto addList = [&](ArrayRef<std::string> list, bool asArray, StringRef suffix) {
    if (!asArray) {
      llvm::append_range(args, list);
      return;
    }
    std::string array = name + "_" + suffix.str();
    std::string decl = "    static const aidge_cpp::MemInfo *const " + array + "[] = {";
    for (auto [i, item] : llvm::enumerate(list))
      decl += (i ? ", &" : "&") + item;
    arrays.push_back(decl + "};\n");
    args.push_back(array);
  };
  SmallVector<std::string> inputs;
  for (const std::string &input : symbols.inputs)
    inputs.push_back(input.empty() ? "aidge_cpp::MemInfo{}" : input);
  addList(inputs, kernel->hasAttr("inputs_as_array"), "INS");
  addList(symbols.outputs, kernel->hasAttr("outputs_as_array"), "OUTS");
  SmallVector<std::string> templateArgs;
  if (!symbols.paramsStruct.empty())
    (kernel.getStaticParams() ? templateArgs : args)
        .push_back(symbols.paramsStruct);
  llvm::append_range(args, symbols.weights);
  if (std::optional<ArrayAttr> types = kernel.getTemplateArgs())
    for (Attribute type : *types)
      templateArgs.push_back(cast<StringAttr>(type).str());
  std::string entry = kernel.getEntry().str();
  if (!templateArgs.empty())
    entry += "<" + llvm::join(templateArgs, ", ") + ">";
  std::string call = entry + "(" + llvm::join(args, ", ") + ");\n";
  std::string text = "  // " + kernel.getName().str() + "\n";
  if (arrays.empty())
    return text + "  " + call;
  text += "  {\n";
  for (const std::string &array : arrays)
    text += array;
  return text + "    " + call + "  }\n";
}

/// dnn/include/parameters/<weight>.h
LogicalResult writeWeightHeader(raw_ostream &os, ae::WeightOp weight) {
  auto type = cast<ShapedType>(weight.getValue().getType());
  std::optional<std::string> elementType = ae::getCppType(type.getElementType());
  std::optional<ArrayRef<char>> bytes = getConstantData(weight.getValue());
  if (!elementType || !bytes)
    return weight.emitError("cannot write weight of type ") << type;
  std::string guard = "PARAMETERS_" + upper(weight.getSymName()) + "_H";
  os << "#ifndef " << guard << "\n#define " << guard
     << "\n\n#include <cmath>\n#include <cstdint>\n\n";
  os << "// " << type << "\n";
  os << "alignas(" << weight.getAlignment() << ") static const " << *elementType
     << " " << weight.getSymName() << "["
     << getArrayExtent(std::to_string(type.getNumElements()), type.getNumElements())
     << "]";
  if (auto section = weight.getSection())
    os << " __attribute__((section(\"" << *section << "\")))";
  os << " = {";
  if (!writeArrayLiterals(os, type.getElementType(), *bytes, type.getNumElements()))
    return weight.emitError("cannot write weight of type ") << type;
  os << "\n};\n\n#endif // " << guard << "\n";
  return success();
}

/// A graph input or output: in the arena at `mem`, or (an output only) the
/// weight named `constant`.
struct Boundary {
  std::string name, type;
  int64_t elements;
  MemInfoAttr mem;
  SmallVector<int64_t> shape;
  std::string constant;

  bool isPlain() const {
    return mem && mem.getStride() == mem.getSize() && mem.getWrapSize() == 0;
  }
};

FailureOr<Boundary> getBoundary(Operation *op, StringRef name, Type type,
                                MemInfoAttr mem, StringRef constant = "") {
  auto tensor = cast<RankedTensorType>(type);
  std::optional<std::string> element = ae::getCppType(tensor.getElementType());
  if (!element)
    return op->emitError("cannot export a graph input or output of type ") << type;
  return Boundary{name.str(), *element, tensor.getNumElements(), mem,
                  llvm::to_vector(tensor.getShape()), constant.str()};
}

/// The aidge_cpp::MemInfo initializer of `mem`.
std::string memInfoFields(MemInfoAttr mem) {
  return llvm::formatv("{0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}", mem.getSize(),
                       mem.getStride(), mem.getLength(), mem.getCount(),
                       mem.getContOffset(), mem.getContSize(),
                       mem.getWrapOffset(), mem.getWrapSize());
}

std::string joinInts(ArrayRef<int64_t> values) {
  std::string text;
  llvm::interleave(values, [&](int64_t v) { text += std::to_string(v); },
                   [&] { text += ", "; });
  return text;
}
} // namespace

/// Whether the library says the kernel is emitted by a renderer.
static bool isExternal(ae::KernelOp kernel) {
  ExportLib *lib = ExportLibRegistry::get().lookup(kernel.getLib());
  const Implementation *impl = lib ? lib->lookupKernel(kernel.getKernel()) : nullptr;
  return impl && impl->kernel.external;
}

KernelSymbols mlir::aidge::getKernelSymbols(ae::KernelOp kernel) {
  KernelSymbols symbols;
  std::string name = upper(kernel.getName());
  symbols.layerHeader = ("layers/" + kernel.getName() + ".h").str();
  for (auto [i, mem] : llvm::enumerate(kernel.getInputs()))
    symbols.inputs.push_back(isa<MemInfoAttr>(mem)
                                 ? name + "_IN" + std::to_string(i) + "_MEM"
                                 : std::string());
  for (auto [i, mem] : llvm::enumerate(kernel.getOutputs()))
    symbols.outputs.push_back(name + (i ? "_OUT" + std::to_string(i) : "_OUT") +
                              "_MEM");
  for (Attribute param : kernel.getParamNames()) {
    StringRef paramName = cast<StringAttr>(param).getValue();
    symbols.params.emplace_back(paramName.str(), name + "_" + upper(paramName));
  }
  // The aggregate's type comes with the library's own kernel headers, which
  // an external kernel does not include.
  if (!kernel.getParamsType().empty() && !isExternal(kernel))
    symbols.paramsStruct = name + "_PARAMS";
  for (auto [i, weight] : llvm::enumerate(kernel.getWeights())) {
    if (auto symbol = dyn_cast<FlatSymbolRefAttr>(weight))
      symbols.weights.push_back(symbol.getValue().str());
    else if (isa<MemInfoAttr>(weight))
      symbols.weights.push_back("aidge_cpp::ArenaArray{mem, " + name + "_W" +
                                std::to_string(i) + "_MEM}");
    else
      symbols.weights.push_back(cast<StringAttr>(weight).str());
  }
  return symbols;
}

/// The values of a dense or dense_resource tensor as doubles.
static std::optional<std::vector<double>> getValues(Attribute attr) {
  auto elements = dyn_cast<ElementsAttr>(attr);
  if (!elements)
    return std::nullopt;
  Type type = elements.getElementType();
  std::optional<std::vector<char>> bytes = getConstantBytes(elements);
  if (!bytes || !(type.isF32() || type.isF64() || type.isInteger()))
    return std::nullopt;
  unsigned width = std::max<unsigned>(type.getIntOrFloatBitWidth() / 8, 1);
  std::vector<double> values;
  for (size_t at = 0; at + width <= bytes->size(); at += width) {
    if (type.isF32()) {
      float v;
      std::memcpy(&v, bytes->data() + at, 4);
      values.push_back(v);
    } else if (type.isF64()) {
      double v;
      std::memcpy(&v, bytes->data() + at, 8);
      values.push_back(v);
    } else {
      int64_t v = 0;
      std::memcpy(&v, bytes->data() + at, width); // little-endian
      if (!type.isUnsignedInteger() && width < 8 && (v >> (width * 8 - 1)) & 1)
        v -= int64_t(1) << (width * 8);
      values.push_back(static_cast<double>(v));
    }
  }
  return values;
}

/// Writes dnn/include/layer_ref/<layer>.h from the `aidge.reference` of
/// `kernel` (one tensor per output, set by aidge-export --layer-ref) and
/// returns the AIDGE_CMP checks that follow its call.
static FailureOr<std::string> writeLayerReference(ae::KernelOp kernel,
                                                  ArrayAttr references,
                                                  const ExportFileSink &sink) {
  if (references.size() != kernel.getOutputs().size())
    return kernel.emitError("has ")
           << references.size() << " aidge.reference tensors for "
           << kernel.getOutputs().size() << " outputs";
  std::string name = kernel.getName().str();
  SmallVector<LayerReference> outputs;
  std::string checks = "#ifdef AIDGE_CMP\n";
  for (auto [i, reference] : llvm::enumerate(references)) {
    auto elements = dyn_cast<ElementsAttr>(reference);
    std::optional<std::string> type =
        elements ? ae::getCppType(elements.getElementType()) : std::nullopt;
    std::optional<std::vector<double>> values = getValues(reference);
    auto mem = cast<MemInfoAttr>(kernel.getOutputs()[i]);
    int64_t bytes = mem.getCount() * mem.getLength() * mem.getSize();
    if (!type || !values ||
        (int64_t)values->size() * elements.getElementType().getIntOrFloatBitWidth() !=
            bytes * 8)
      return kernel.emitError("aidge.reference[")
             << i << "] does not hold the values of output " << i;
    std::string output = i ? name + "_out" + std::to_string(i) : name;
    std::string macro = upper(name) + (i ? "_OUT" + std::to_string(i) : "_OUT");
    outputs.push_back(LayerReference{output + "_ref", *type, std::move(*values)});
    checks += llvm::formatv("  aidge_cpp::cmp_layer<{0}>(\"{1}\", mem, {2}_MEM, {1}_ref);\n",
                            *type, output, macro);
  }
  if (failed(sink.write(("dnn/include/layer_ref/" + name + ".h"),
                        layerReferenceHeader(name, outputs))))
    return failure();
  return checks + "#endif\n";
}

/// main.cpp, data/, Makefile, CMakeLists.txt. The sample inputs and
/// expected outputs come from the module's `aidge_export.inputs` and
/// `aidge_export.expected` (arrays of dense tensors), when set; otherwise
/// the inputs are a fixed pseudo-random pattern in [-1, 1) (integers in
/// [-8, 8) for an integer input).
static LogicalResult writeProjectFiles(ModuleOp module, ArrayRef<Boundary> inputs,
                                       ArrayRef<Boundary> outputs, bool layerCmp,
                                       const ExportFileSink &sink) {
  std::vector<ProjectTensor> samples, expected;
  auto given = module->getAttrOfType<ArrayAttr>("aidge_export.inputs");
  for (auto [i, input] : llvm::enumerate(inputs)) {
    ProjectTensor tensor;
    tensor.integer = StringRef(input.type).contains("int");
    if (given && i < given.size()) {
      std::optional<std::vector<double>> values = getValues(given[i]);
      if (!values || (int64_t)values->size() != input.elements)
        return module.emitError("aidge_export.inputs[")
               << i << "] does not hold the " << input.elements
               << " values of input '" << input.name << "'";
      tensor.values = *values;
    } else {
      // Integers in [-8, 8) for an integer input.
      uint32_t state = 0x12345678u + i;
      for (int64_t k = 0; k < input.elements; ++k) {
        state = state * 1664525u + 1013904223u;
        double value = (state >> 8) / double(1 << 23) - 1.0;
        tensor.values.push_back(tensor.integer ? std::floor(value * 8) : value);
      }
    }
    samples.push_back(std::move(tensor));
  }
  if (auto reference = module->getAttrOfType<ArrayAttr>("aidge_export.expected")) {
    for (auto [i, output] : llvm::enumerate(outputs)) {
      std::optional<std::vector<double>> values =
          i < reference.size() ? getValues(reference[i]) : std::nullopt;
      if (!values || (int64_t)values->size() != output.elements)
        return module.emitError("aidge_export.expected[")
               << i << "] does not hold the " << output.elements
               << " values of output '" << output.name << "'";
      expected.push_back(ProjectTensor{*values});
    }
  }
  if (failed(sink.write("data/inputs.h", sampleInputHeader(samples))) ||
      failed(sink.write("data/expected.h", expectedOutputHeader(expected))) ||
      failed(sink.write("main.cpp", mainSource(inputs.size(), outputs.size()))) ||
      failed(sink.write("Makefile", makefile(layerCmp))) ||
      failed(sink.write("CMakeLists.txt", cmakeLists(layerCmp))))
    return failure();
  return success();
}

static std::string forwardHeader(int64_t arena, ArrayRef<Boundary> inputs,
                                 ArrayRef<Boundary> outputs) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "// The exported network: model_forward and its inputs and outputs.\n"
     << "#ifndef DNN_FORWARD_HPP\n#define DNN_FORWARD_HPP\n\n#include <cstdint>\n\n"
     << "#define MODEL_ARENA_SIZE " << arena << "\n"
     << "#define MODEL_NB_INPUTS " << inputs.size() << "\n"
     << "#define MODEL_NB_OUTPUTS " << outputs.size() << "\n";
  auto describe = [&](StringRef kind, ArrayRef<Boundary> list) {
    for (auto [i, b] : llvm::enumerate(list)) {
      std::string prefix = "MODEL_" + upper(kind) + "_" + std::to_string(i);
      os << "#define " << prefix << "_NAME \"" << b.name << "\"\n"
         << "#define " << prefix << "_SIZE " << b.elements << "\n"
         << "#define " << prefix << "_RANK " << b.shape.size() << "\n"
         << "#define " << prefix << "_DIMS {" << joinInts(b.shape) << "}\n"
         << "typedef " << b.type << " " << prefix.substr(6) << "_T;\n";
    }
  };
  describe("input", inputs);
  describe("output", outputs);
  os << "\n// Runs the network. Inputs are read in the stored order of their\n"
     << "// tensors; outputs are pointers into the arena (valid until the\n"
     << "// next call).\nextern \"C\" void model_forward(";
  SmallVector<std::string> params;
  for (auto [i, b] : llvm::enumerate(inputs))
    params.push_back("const " + b.type + " *input_" + std::to_string(i));
  for (auto [i, b] : llvm::enumerate(outputs))
    params.push_back(b.type + " **output_" + std::to_string(i));
  os << llvm::join(params, ", ") << ");\n\n#endif // DNN_FORWARD_HPP\n";
  return text;
}

using IncludeSet =
    llvm::SetVector<std::string, std::vector<std::string>, std::set<std::string>>;

/// The call of an external kernel, from its renderer; writes the files it
/// returns and collects its includes.
static FailureOr<std::string> renderKernel(ae::KernelOp kernel,
                                           const KernelSymbols &symbols,
                                           const ExportOptions &options,
                                           const ExportFileSink &sink,
                                           IncludeSet &includes) {
  auto renderer = options.renderers.find(kernel.getKernel());
  if (renderer == options.renderers.end())
    return kernel.emitError() << "kernel '" << kernel.getKernel() << "' of library '"
                              << kernel.getLib()
                              << "' is external and the export has no renderer "
                                 "for it";
  FailureOr<RenderedKernel> call = renderer->getValue()(kernel, symbols);
  if (failed(call))
    return failure();
  for (const auto &[path, contents] : call->files)
    if (failed(sink.write(path, contents)))
      return failure();
  includes.insert(call->includes.begin(), call->includes.end());
  std::string text = "  // " + kernel.getName().str() + "\n";
  for (StringRef line : llvm::split(StringRef(call->forward).rtrim(), '\n'))
    text += "  " + line.str() + "\n";
  return text;
}

LogicalResult mlir::aidge::exportToCpp(ModuleOp module, const ExportFileSink &sink,
                                       const ExportOptions &options) {
  auto graphs = llvm::to_vector(module.getOps<ae::GraphOp>());
  if (graphs.size() != 1)
    return module.emitError("expected one aidge_export.graph to export, found ")
           << graphs.size() << "; run --aidge-lower-to-export";
  ae::GraphOp graph = graphs.front();
  auto arena = SymbolTable::lookupNearestSymbolFrom<ae::ArenaOp>(graph, graph.getArenaAttr());
  if (!arena)
    return graph.emitError("names no aidge_export.arena");

  SmallVector<Boundary> inputs, outputs;
  // `compared`: the layers with reference activations (--layer-ref).
  llvm::SetVector<StringRef> headers, layers, weights, compared;
  // What renderers asked forward.cpp to include.
  IncludeSet rendered;
  std::string calls;
  for (Operation &op : graph.getBody().front()) {
    if (auto input = dyn_cast<ae::InputOp>(op)) {
      FailureOr<Boundary> b = getBoundary(input, input.getName(), input.getType(),
                                          input.getMem());
      if (failed(b))
        return failure();
      inputs.push_back(*b);
    } else if (auto output = dyn_cast<ae::OutputOp>(op)) {
      FailureOr<Boundary> b = getBoundary(
          output, output.getName(), output.getType(), output.getMemAttr(),
          output.getConstant() ? *output.getConstant() : "");
      if (failed(b))
        return failure();
      if (!b->constant.empty())
        weights.insert(*output.getConstant());
      outputs.push_back(*b);
    } else if (auto kernel = dyn_cast<ae::KernelOp>(op)) {
      if (kernel.getNoop()) {
        calls += "  // " + kernel.getName().str() + ": already in place\n";
        continue;
      }
      KernelSymbols symbols = getKernelSymbols(kernel);
      bool external = isExternal(kernel);
      layers.insert(kernel.getName());
      for (Attribute weight : kernel.getWeights())
        if (auto symbol = dyn_cast<FlatSymbolRefAttr>(weight))
          weights.insert(symbol.getValue());
      if (external) {
        FailureOr<std::string> call =
            renderKernel(kernel, symbols, options, sink, rendered);
        if (failed(call))
          return failure();
        calls += *call;
      } else {
        for (Attribute header : kernel.getHeaders())
          headers.insert(cast<StringAttr>(header).getValue());
        calls += kernelCall(kernel, symbols);
      }
      if (auto references = kernel->getAttrOfType<ArrayAttr>("aidge.reference")) {
        FailureOr<std::string> checks = writeLayerReference(kernel, references, sink);
        if (failed(checks))
          return failure();
        calls += *checks;
        compared.insert(kernel.getName());
      }
      if (failed(sink.write("dnn/include/" + symbols.layerHeader,
                            layerHeader(kernel, symbols, external))))
        return failure();
    }
  }

  // forward.cpp
  std::string forward;
  llvm::raw_string_ostream os(forward);
  os << "// Generated by aidge-mlir: the network, one kernel call per layer.\n"
     << "#include \"forward.hpp\"\n\n"
     // write_tensor and read_tensor, even when every call is a noop.
     << "#include \"utils/cpp/mem_info.hpp\"\n";
  for (StringRef layer : layers)
    os << "#include \"layers/" << layer << ".h\"\n";
  for (const std::string &include : rendered)
    os << "#include \"" << include << "\"\n";
  for (StringRef weight : weights)
    os << "#include \"parameters/" << weight << ".h\"\n";
  if (!compared.empty()) {
    os << "#ifdef AIDGE_CMP\n#include \"utils/cpp/aidge_cmp.hpp\"\n";
    for (StringRef layer : compared)
      os << "#include \"layer_ref/" << layer << ".h\"\n";
    os << "#endif\n";
  }
  os << "\n// Every activation lives here, at the offsets the memory plan chose.\n"
     << "alignas(" << arena.getAlignment() << ") static unsigned char mem["
     << getArrayExtent("MODEL_ARENA_SIZE", arena.getSize()) << "]";
  if (auto section = arena.getSection())
    os << " __attribute__((section(\"" << *section << "\")))";
  os << ";\n\n";
  for (auto [i, b] : llvm::enumerate(outputs))
    if (!b.isPlain())
      os << "static " << b.type << " output_buffer_" << i << "["
         << getArrayExtent(std::to_string(b.elements), b.elements) << "];\n";
  SmallVector<std::string> params;
  for (auto [i, b] : llvm::enumerate(inputs))
    params.push_back("const " + b.type + " *input_" + std::to_string(i));
  for (auto [i, b] : llvm::enumerate(outputs))
    params.push_back(b.type + " **output_" + std::to_string(i));
  os << "extern \"C\" void model_forward(" << llvm::join(params, ", ") << ") {\n";
  for (auto [i, b] : llvm::enumerate(inputs)) {
    std::string prefix = "INPUT_" + std::to_string(i);
    os << "  {\n    static constexpr aidge_cpp::MemInfo " << prefix << "_MEM{"
       << memInfoFields(b.mem)
       << "};\n    aidge_cpp::write_tensor(mem, " << prefix << "_MEM, input_" << i
       << ");\n  }\n";
  }
  os << calls;
  if (inputs.empty() && calls.empty()) // a graph folded to constants
    os << "  (void)mem;\n";
  if (!compared.empty())
    os << "#ifdef AIDGE_CMP\n  aidge_cpp::cmp_done(" << compared.size()
       << ");\n#endif\n";
  for (auto [i, b] : llvm::enumerate(outputs)) {
    if (!b.constant.empty()) {
      // A copy, so that the caller cannot write over the constant.
      os << "  std::memcpy(output_buffer_" << i << ", " << b.constant
         << ", sizeof output_buffer_" << i << ");\n  *output_" << i
         << " = output_buffer_" << i << ";\n";
      continue;
    }
    if (b.isPlain()) {
      os << "  *output_" << i << " = reinterpret_cast<" << b.type << " *>(mem + "
         << b.mem.getContOffset() << ");\n";
      continue;
    }
    os << "  {\n    static constexpr aidge_cpp::MemInfo OUTPUT_MEM{"
       << memInfoFields(b.mem)
       << "};\n    aidge_cpp::read_tensor(mem, OUTPUT_MEM, output_buffer_" << i
       << ");\n    *output_" << i << " = output_buffer_" << i << ";\n  }\n";
  }
  os << "}\n";
  if (failed(sink.write("dnn/src/forward.cpp", forward)) ||
      failed(sink.write("dnn/include/forward.hpp",
                        forwardHeader(arena.getSize(), inputs, outputs))))
    return failure();

  for (ae::WeightOp weight : module.getOps<ae::WeightOp>()) {
    if (!weights.contains(weight.getSymName()))
      continue;
    if (failed(sink.stream(("dnn/include/parameters/" + weight.getSymName() + ".h").str(),
                           [&](raw_ostream &os) { return writeWeightHeader(os, weight); })))
      return failure();
  }

  if (failed(writeProjectFiles(module, inputs, outputs, !compared.empty(), sink)))
    return failure();

  // Library files: the kernels used, and each library's static files;
  // forward.cpp itself moves inputs and outputs with cpp's mem_info, even
  // when no kernel runs (a graph of views).
  ExportLib *cpp = ExportLibRegistry::get().lookup("cpp");
  llvm::SetVector<StringRef> libs;
  libs.insert("cpp");
  for (ae::KernelOp kernel : graph.getOps<ae::KernelOp>())
    libs.insert(kernel.getLib());
  auto copyFile = [&](const ExportLib &lib, StringRef file) -> LogicalResult {
    SmallString<256> source(file);
    if (!llvm::sys::path::is_absolute(file)) {
      source = lib.rootDir;
      llvm::sys::path::append(source, file);
    }
    std::string destination =
        llvm::sys::path::is_absolute(file)
            ? ("include/" + lib.getName() + "/" + llvm::sys::path::filename(file)).str()
            : file.str();
    return sink.copy("dnn/include/" + destination, source);
  };
  for (StringRef name : libs) {
    ExportLib *lib = ExportLibRegistry::get().lookup(name);
    if (!lib)
      return graph.emitError() << "export library '" << name << "' is not registered";
    for (const std::string &file : lib->staticFiles)
      if (failed(copyFile(*lib, file)))
        return failure();
  }
  for (StringRef header : headers)
    if (failed(copyFile(*cpp, header)))
      return failure();
  if (!compared.empty() && failed(copyFile(*cpp, "utils/cpp/aidge_cmp.hpp")))
    return failure();
  return success();
}

ExportFileSink mlir::aidge::getDirectorySink(StringRef dir) {
  std::string root = dir.str();
  auto prepare = [root](StringRef path) -> std::string {
    SmallString<256> full(root);
    llvm::sys::path::append(full, path);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(full));
    return std::string(full);
  };
  ExportFileSink sink;
  sink.stream = [prepare](StringRef path,
                          ExportFileSink::Contents contents) -> LogicalResult {
    std::string full = prepare(path);
    std::error_code error;
    llvm::raw_fd_ostream os(full, error);
    if (error) {
      llvm::errs() << "error: cannot write " << full << ": " << error.message() << "\n";
      return failure();
    }
    // A file's default buffer is its block (4 KiB): one write(2) for every
    // 300 weights.
    os.SetBufferSize(1 << 20);
    if (failed(contents(os)))
      return failure();
    os.close();
    if (os.has_error()) {
      llvm::errs() << "error: cannot write " << full << ": " << os.error().message()
                   << "\n";
      os.clear_error();
      return failure();
    }
    return success();
  };
  sink.copy = [prepare](StringRef path, StringRef source) -> LogicalResult {
    std::string full = prepare(path);
    if (std::error_code error = llvm::sys::fs::copy_file(source, full)) {
      llvm::errs() << "error: cannot copy " << source << " to " << full << ": "
                   << error.message() << "\n";
      return failure();
    }
    return success();
  };
  return sink;
}
