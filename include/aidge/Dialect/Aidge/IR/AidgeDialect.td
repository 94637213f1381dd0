//===- AidgeDialect.td - The aidge graph dialect -----------*- tablegen -*-===//

#ifndef AIDGE_DIALECT_AIDGE_IR_AIDGEDIALECT_TD
#define AIDGE_DIALECT_AIDGE_IR_AIDGEDIALECT_TD

include "mlir/IR/OpBase.td"

def Aidge_Dialect : Dialect {
  let name = "aidge";
  let summary = "Neural-network graph operators, as imported from ONNX.";
  let description = [{
    The `aidge` dialect holds a neural network as a dataflow graph of
    operators on statically shaped, ranked tensors, in the operator set of
    Eclipse Aidge. It is the input of the export flow: implementation
    matching, scheduling, memory planning and lowering all work on it.

    The IR is kept normalized so that passes never re-derive ONNX defaults:
    every attribute is explicit, axes are non-negative and sorted, pads are
    explicit (`auto_pad` is resolved at import), Slice bounds are clamped to
    the input. Weights and constants are `aidge.producer` ops, normally
    holding `dense_resource` blobs so that large models print compactly.
    Each op's location is the ONNX node name, so diagnostics name the node.
  }];
  let cppNamespace = "::mlir::aidge";
  let useDefaultAttributePrinterParser = 1;
  let hasConstantMaterializer = 1;
  let hasOperationAttrVerify = 1;
}

#endif // AIDGE_DIALECT_AIDGE_IR_AIDGEDIALECT_TD
