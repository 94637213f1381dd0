//===- aidge-translate.cpp - Translations in and out of aidge IR ----------===//

#include "aidge/Import/ONNX/ImportONNX.h"

#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"

int main(int argc, char **argv) {
  mlir::aidge::registerImportONNXTranslation();
  return mlir::failed(
      mlir::mlirTranslateMain(argc, argv, "aidge translation driver\n"));
}
