//===- ProjectFiles.h - The files around the network ------------*- C++ -*-===//

#ifndef AIDGE_LIB_TARGET_CPP_PROJECTFILES_H
#define AIDGE_LIB_TARGET_CPP_PROJECTFILES_H

#include "mlir/Support/LLVM.h"
#include <string>
#include <vector>

namespace mlir::aidge {

struct ProjectTensor {
  std::vector<double> values;
  /// Written as integer literals (an integer tensor).
  bool integer = false;
};

/// data/inputs.h: the input main.cpp runs on by default.
std::string sampleInputHeader(ArrayRef<ProjectTensor> inputs);
/// data/expected.h: reference outputs (none: main.cpp prints instead).
std::string expectedOutputHeader(ArrayRef<ProjectTensor> outputs);
/// main.cpp for a network of that many inputs and outputs.
std::string mainSource(unsigned numInputs, unsigned numOutputs);
/// The build files; with `layerCmp`, also the AIDGE_CMP build (`make cmp`,
/// CMake option AIDGE_CMP) of an export with layer references.
std::string makefile(bool layerCmp);
std::string cmakeLists(bool layerCmp);

/// The reference values of one output of a layer (aidge-export
/// --layer-ref), in stored order, as the C array `array` of `type`.
struct LayerReference {
  std::string array, type;
  std::vector<double> values;
};
/// dnn/include/layer_ref/<layer>.h: the reference arrays of a layer.
std::string layerReferenceHeader(StringRef layer,
                                 ArrayRef<LayerReference> outputs);

} // namespace mlir::aidge

#endif // AIDGE_LIB_TARGET_CPP_PROJECTFILES_H
