//===- aidge-translate.cpp - Translations in and out of aidge IR ----------===//

#include "aidge/Import/ONNX/ImportONNX.h"
#include "aidge/Target/Cpp/ExportToCpp.h"

#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

/// `--list-onnx-ops` prints the importer's table (op type, first opset of
/// the op, whether it is only folded) so that docs and the conformance
/// sweep read the one source of truth.
static int listONNXOps() {
  for (const mlir::aidge::SupportedONNXOp &op : mlir::aidge::getSupportedONNXOps())
    llvm::outs() << op.opType << " " << op.sinceVersion
                 << (op.foldOnly ? " fold-only" : "") << "\n";
  return 0;
}

int main(int argc, char **argv) {
  if (argc == 2 && llvm::StringRef(argv[1]) == "--list-onnx-ops")
    return listONNXOps();
  mlir::aidge::registerImportONNXTranslation();
  mlir::aidge::registerToCppTranslation();
  return mlir::failed(
      mlir::mlirTranslateMain(argc, argv, "aidge translation driver\n"));
}
