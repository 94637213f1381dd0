//===- ProjectFiles.h - The files around the network ------------*- C++ -*-===//

#ifndef AIDGE_LIB_TARGET_CPP_PROJECTFILES_H
#define AIDGE_LIB_TARGET_CPP_PROJECTFILES_H

#include "mlir/Support/LLVM.h"
#include <string>
#include <vector>

namespace mlir::aidge {

struct ProjectTensor {
  std::vector<double> values;
};

/// data/inputs.h: the input main.cpp runs on by default.
std::string sampleInputHeader(ArrayRef<ProjectTensor> inputs);
/// data/expected.h: reference outputs (none: main.cpp prints instead).
std::string expectedOutputHeader(ArrayRef<ProjectTensor> outputs);
/// main.cpp for a network of that many inputs and outputs.
std::string mainSource(unsigned numInputs, unsigned numOutputs);
std::string makefile();
std::string cmakeLists();

} // namespace mlir::aidge

#endif // AIDGE_LIB_TARGET_CPP_PROJECTFILES_H
