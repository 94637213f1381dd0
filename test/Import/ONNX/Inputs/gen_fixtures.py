#!/usr/bin/python3
"""Writes the small single-op ONNX models of the importer tests.

One model per case, named <case>.onnx, next to this script (or into the
directory given as the only argument). Each model has one node under test,
named (e.g. "conv0"), fed by graph inputs with static float32 shapes and by
constants given as initializers or as Constant nodes. Weights are random but
seeded per case, so rerunning writes byte-identical files.

Cases at opset <= 17 are checked with onnx.checker and shape-inferred (the
inferred output shapes are written into the graph outputs); onnx 1.12 does
not know opsets 18 to 21, so those cases give their output shapes by hand and
are not checked.

Run with /usr/bin/python3 (it has onnx and numpy).
"""
import os
import sys
import zlib

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

FLOAT = TensorProto.FLOAT
INT32 = TensorProto.INT32
INT64 = TensorProto.INT64
INT64_MAX = np.iinfo(np.int64).max
INT64_MIN = np.iinfo(np.int64).min

# Highest default-domain opset that the local onnx knows and can check.
CHECKABLE_OPSET = onnx.defs.onnx_opset_version()
# IR version each opset requires (onnx/helper.py VERSION_TABLE), for the
# opsets newer than the local onnx.
IR_FOR_NEW_OPSET = {18: 8, 19: 9, 20: 9, 21: 10}


def ir_version_for(opset):
    if opset in IR_FOR_NEW_OPSET:
        return IR_FOR_NEW_OPSET[opset]
    if opset < 7:
        # IR version 3 covers opsets 1 to 7; the table only lists the
        # opsets that an onnx release shipped with.
        return 3
    return helper.find_min_ir_version_for([helper.make_opsetid("", opset)])


class Case:
    """Collects the pieces of one model."""

    def __init__(self, name, opset):
        self.name = name
        self.opset = opset
        self.rng = np.random.default_rng(zlib.crc32(name.encode()))
        self.nodes, self.inputs, self.outputs, self.inits = [], [], [], []
        self.const_count = 0

    # Graph inputs and outputs.
    def input(self, name, shape, elem=FLOAT):
        self.inputs.append(helper.make_tensor_value_info(name, elem, shape))
        return name

    def output(self, name, shape=None, elem=FLOAT):
        """shape None: filled in by shape inference (opset <= 17 only)."""
        self.outputs.append((name, elem, shape))
        return name

    # Constants.
    def init(self, name, array):
        self.inits.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def weight(self, name, shape, scale=0.5):
        data = (self.rng.standard_normal(shape) * scale).astype(np.float32)
        return self.init(name, data)

    def const(self, name, array):
        """A Constant node with a `value` tensor attribute."""
        array = np.asarray(array)
        self.const_count += 1
        self.nodes.append(helper.make_node(
            "Constant", [], [name], name=f"const{self.const_count - 1}",
            value=numpy_helper.from_array(array, name)))
        return name

    def node(self, op, inputs, outputs, name, **attrs):
        self.nodes.append(helper.make_node(op, inputs, outputs, name=name, **attrs))
        return outputs[0] if len(outputs) == 1 else outputs

    def build(self):
        outputs = [helper.make_tensor_value_info(n, e, s if s is not None else None)
                   for n, e, s in self.outputs]
        ir_version = ir_version_for(self.opset)
        inputs = list(self.inputs)
        if ir_version < 4:
            # Before IR version 4 every initializer is a graph input too.
            inputs += [helper.make_tensor_value_info(t.name, t.data_type, t.dims)
                       for t in self.inits]
        graph = helper.make_graph(self.nodes, self.name, inputs, outputs,
                                  initializer=self.inits)
        model = helper.make_model(
            graph, producer_name="aidge-mlir gen_fixtures.py",
            opset_imports=[helper.make_opsetid("", self.opset)],
            ir_version=ir_version)
        if self.opset <= CHECKABLE_OPSET:
            inferred = onnx.shape_inference.infer_shapes(model, strict_mode=True,
                                                         data_prop=True)
            known = {vi.name: vi for vi in list(inferred.graph.value_info)
                     + list(inferred.graph.output)}
            for out, (name, elem, shape) in zip(model.graph.output, self.outputs):
                if shape is not None:
                    continue
                vi = known.get(name)
                dims = vi.type.tensor_type.shape.dim if vi is not None else None
                if (vi is None or not vi.type.tensor_type.HasField("shape")
                        or any(not d.HasField("dim_value") for d in dims)):
                    raise SystemExit(f"{self.name}: no static shape inferred for "
                                     f"output '{name}'; give it by hand")
                out.CopyFrom(vi)
            onnx.checker.check_model(model, full_check=True)
        else:
            for name, _, shape in self.outputs:
                if shape is None:
                    raise SystemExit(f"{self.name}: opset {self.opset} output "
                                     f"'{name}' needs a hand-given shape")
        return model


CASES = []


def case(name, opset):
    def register(fn):
        CASES.append((name, opset, fn))
        return fn
    return register


X4 = [1, 3, 8, 8]

# --- Conv -------------------------------------------------------------------

@case("conv1d_o11", 11)
def _(c):
    c.input("x", [1, 3, 16])
    c.node("Conv", ["x", c.weight("w", [4, 3, 3]), c.weight("b", [4], 0.1)], ["y"],
           "conv0", strides=[2], pads=[1, 1], kernel_shape=[3])
    c.output("y")

@case("conv1d_dilations_nobias_o13", 13)
def _(c):
    c.input("x", [1, 2, 16])
    c.node("Conv", ["x", c.weight("w", [3, 2, 3])], ["y"], "conv0",
           dilations=[2], pads=[0, 2])
    c.output("y")

@case("conv2d_o7", 7)
def _(c):
    c.input("x", X4)
    c.node("Conv", ["x", c.weight("w", [4, 3, 3, 3]), c.weight("b", [4], 0.1)],
           ["y"], "conv0")
    c.output("y")

@case("conv2d_nobias_o11", 11)
def _(c):
    c.input("x", X4)
    c.node("Conv", ["x", c.weight("w", [4, 3, 3, 3])], ["y"], "conv0",
           kernel_shape=[3, 3])
    c.output("y")

@case("conv2d_pads_o11", 11)
def _(c):
    c.input("x", X4)
    c.node("Conv", ["x", c.weight("w", [4, 3, 3, 3]), c.weight("b", [4], 0.1)],
           ["y"], "conv0", pads=[1, 1, 1, 1])
    c.output("y")

@case("conv2d_asym_pads_o11", 11)
def _(c):
    c.input("x", X4)
    c.node("Conv", ["x", c.weight("w", [4, 3, 3, 3]), c.weight("b", [4], 0.1)],
           ["y"], "conv0", pads=[0, 1, 2, 1])
    c.output("y")

@case("conv2d_strides_dilations_o11", 11)
def _(c):
    c.input("x", [1, 3, 9, 9])
    c.node("Conv", ["x", c.weight("w", [4, 3, 3, 3]), c.weight("b", [4], 0.1)],
           ["y"], "conv0", strides=[2, 2], dilations=[2, 2], pads=[2, 2, 2, 2])
    c.output("y")

@case("conv2d_rect_kernel_o13", 13)
def _(c):
    c.input("x", X4)
    c.node("Conv", ["x", c.weight("w", [2, 3, 1, 3])], ["y"], "conv0",
           strides=[1, 2], pads=[0, 1, 0, 1])
    c.output("y")

@case("conv2d_group_o11", 11)
def _(c):
    c.input("x", [1, 4, 8, 8])
    c.node("Conv", ["x", c.weight("w", [6, 2, 3, 3]), c.weight("b", [6], 0.1)],
           ["y"], "conv0", group=2, pads=[1, 1, 1, 1])
    c.output("y")

@case("conv2d_depthwise_o13", 13)
def _(c):
    c.input("x", X4)
    c.node("Conv", ["x", c.weight("w", [3, 1, 3, 3]), c.weight("b", [3], 0.1)],
           ["y"], "conv0", group=3, pads=[1, 1, 1, 1])
    c.output("y")

@case("conv2d_depthwise_multiplier_o13", 13)
def _(c):
    c.input("x", X4)
    c.node("Conv", ["x", c.weight("w", [6, 1, 3, 3])], ["y"], "conv0",
           group=3, strides=[2, 2])
    c.output("y")

@case("conv2d_autopad_same_upper_o11", 11)
def _(c):
    c.input("x", X4)
    # Stride 2 on an even size: the total padding (1) is odd, extra at the end.
    c.node("Conv", ["x", c.weight("w", [4, 3, 3, 3]), c.weight("b", [4], 0.1)],
           ["y"], "conv0", auto_pad="SAME_UPPER", strides=[2, 2])
    c.output("y")

@case("conv2d_autopad_same_lower_o11", 11)
def _(c):
    c.input("x", X4)
    c.node("Conv", ["x", c.weight("w", [4, 3, 4, 4])], ["y"], "conv0",
           auto_pad="SAME_LOWER")
    c.output("y")

@case("conv2d_autopad_valid_o13", 13)
def _(c):
    c.input("x", X4)
    c.node("Conv", ["x", c.weight("w", [4, 3, 3, 3]), c.weight("b", [4], 0.1)],
           ["y"], "conv0", auto_pad="VALID", strides=[2, 2])
    c.output("y")

# --- ConvTranspose ----------------------------------------------------------

@case("convtranspose2d_o7", 7)
def _(c):
    c.input("x", [1, 3, 4, 4])
    c.node("ConvTranspose", ["x", c.weight("w", [3, 2, 3, 3])], ["y"], "convt0")
    c.output("y")

@case("convtranspose2d_strides_pads_o11", 11)
def _(c):
    c.input("x", [1, 3, 4, 4])
    c.node("ConvTranspose", ["x", c.weight("w", [3, 4, 3, 3]), c.weight("b", [4], 0.1)],
           ["y"], "convt0", strides=[2, 2], pads=[1, 1, 1, 1], output_padding=[1, 1])
    c.output("y")

@case("convtranspose2d_group_o13", 13)
def _(c):
    c.input("x", [1, 4, 4, 4])
    c.node("ConvTranspose", ["x", c.weight("w", [4, 3, 2, 2]), c.weight("b", [6], 0.1)],
           ["y"], "convt0", group=2, strides=[2, 2], pads=[0, 1, 0, 1])
    c.output("y")

@case("convtranspose2d_dilations_o11", 11)
def _(c):
    c.input("x", [1, 2, 5, 5])
    c.node("ConvTranspose", ["x", c.weight("w", [2, 3, 3, 3])], ["y"], "convt0",
           dilations=[2, 2], strides=[1, 2], output_padding=[0, 1])
    c.output("y")

@case("convtranspose3d_o11", 11)
def _(c):
    c.input("x", [1, 4, 3, 4, 2])
    c.node("ConvTranspose", ["x", c.weight("w", [4, 2, 2, 2, 3]), c.weight("b", [4], 0.1)],
           ["y"], "convt0", group=2, strides=[2, 1, 3], dilations=[1, 2, 1],
           pads=[1, 0, 1, 0, 1, 1], output_padding=[1, 0, 0])
    c.output("y")

# --- Gemm / MatMul ----------------------------------------------------------

@case("gemm_o7", 7)
def _(c):
    c.input("a", [2, 4])
    c.node("Gemm", ["a", c.weight("b", [4, 3]), c.weight("c", [3], 0.1)], ["y"], "gemm0")
    c.output("y")

@case("gemm_o9_transB", 9)
def _(c):
    c.input("a", [2, 4])
    c.node("Gemm", ["a", c.weight("b", [3, 4]), c.weight("c", [2, 3], 0.1)], ["y"],
           "gemm0", transB=1)
    c.output("y")

@case("gemm_o11", 11)
def _(c):
    c.input("a", [2, 4])
    c.node("Gemm", ["a", c.weight("b", [4, 3]), c.weight("c", [3], 0.1)], ["y"], "gemm0")
    c.output("y")

@case("gemm_transA_transB_alpha_beta_o11", 11)
def _(c):
    c.input("a", [4, 2])
    c.node("Gemm", ["a", c.weight("b", [3, 4]), c.weight("c", [2, 3], 0.1)], ["y"],
           "gemm0", transA=1, transB=1, alpha=0.5, beta=2.0)
    c.output("y")

@case("gemm_noC_o11", 11)
def _(c):
    c.input("a", [2, 4])
    c.node("Gemm", ["a", c.weight("b", [3, 4])], ["y"], "gemm0", transB=1, alpha=2.0)
    c.output("y")

@case("gemm_C_column_bcast_o13", 13)
def _(c):
    c.input("a", [2, 4])
    c.node("Gemm", ["a", c.weight("b", [4, 3]), c.weight("c", [2, 1], 0.1)], ["y"],
           "gemm0", beta=0.5)
    c.output("y")

@case("gemm_C_scalar_o13", 13)
def _(c):
    c.input("a", [2, 4])
    c.input("b", [4, 3])
    c.node("Gemm", ["a", "b", c.init("c", np.array(0.25, np.float32))], ["y"], "gemm0")
    c.output("y")

@case("matmul_2d_o13", 13)
def _(c):
    c.input("a", [2, 4])
    c.node("MatMul", ["a", c.weight("b", [4, 3])], ["y"], "matmul0")
    c.output("y")

@case("matmul_batched_3d_o13", 13)
def _(c):
    c.input("a", [2, 3, 4])
    c.input("b", [2, 4, 5])
    c.node("MatMul", ["a", "b"], ["y"], "matmul0")
    c.output("y")

@case("matmul_bcast_4d_2d_o13", 13)
def _(c):
    c.input("a", [1, 2, 3, 4])
    c.node("MatMul", ["a", c.weight("b", [4, 5])], ["y"], "matmul0")
    c.output("y")

@case("matmul_bcast_batch_o9", 9)
def _(c):
    c.input("a", [2, 1, 3, 4])
    c.input("b", [3, 4, 2])
    c.node("MatMul", ["a", "b"], ["y"], "matmul0")
    c.output("y")

@case("matmul_1d_2d_o13", 13)
def _(c):
    c.input("a", [4])
    c.node("MatMul", ["a", c.weight("b", [4, 3])], ["y"], "matmul0")
    c.output("y")

@case("matmul_2d_1d_o13", 13)
def _(c):
    c.input("a", [3, 4])
    c.node("MatMul", ["a", c.weight("b", [4])], ["y"], "matmul0")
    c.output("y")

@case("matmul_1d_1d_o13", 13)
def _(c):
    c.input("a", [4])
    c.input("b", [4])
    c.node("MatMul", ["a", "b"], ["y"], "matmul0")
    c.output("y")

@case("matmul_3d_1d_o7", 7)
def _(c):
    c.input("a", [2, 3, 4])
    c.node("MatMul", ["a", c.weight("b", [4])], ["y"], "matmul0")
    c.output("y")

# --- Pooling ----------------------------------------------------------------

@case("maxpool_o7", 7)
def _(c):
    c.input("x", X4)
    c.node("MaxPool", ["x"], ["y"], "maxpool0", kernel_shape=[2, 2], strides=[2, 2])
    c.output("y")

@case("maxpool_pads_o11", 11)
def _(c):
    c.input("x", X4)
    c.node("MaxPool", ["x"], ["y"], "maxpool0", kernel_shape=[3, 3], pads=[1, 1, 1, 1])
    c.output("y")

@case("maxpool_asym_pads_strides_o12", 12)
def _(c):
    c.input("x", X4)
    c.node("MaxPool", ["x"], ["y"], "maxpool0", kernel_shape=[3, 2],
           strides=[2, 1], pads=[0, 1, 1, 0])
    c.output("y")

@case("maxpool_dilations_o12", 12)
def _(c):
    c.input("x", X4)
    c.node("MaxPool", ["x"], ["y"], "maxpool0", kernel_shape=[2, 2], dilations=[2, 2])
    c.output("y")

@case("maxpool_ceil_mode_o10", 10)
def _(c):
    c.input("x", [1, 3, 7, 7])
    c.node("MaxPool", ["x"], ["y"], "maxpool0", kernel_shape=[2, 2], strides=[2, 2],
           ceil_mode=1)
    c.output("y")

@case("maxpool_autopad_same_upper_o11", 11)
def _(c):
    c.input("x", [1, 3, 7, 7])
    c.node("MaxPool", ["x"], ["y"], "maxpool0", kernel_shape=[3, 3], strides=[2, 2],
           auto_pad="SAME_UPPER")
    c.output("y")

@case("maxpool1d_o11", 11)
def _(c):
    c.input("x", [1, 3, 10])
    c.node("MaxPool", ["x"], ["y"], "maxpool0", kernel_shape=[3], strides=[2], pads=[1, 1])
    c.output("y")

@case("maxpool3d_o12", 12)
def _(c):
    c.input("x", [1, 2, 4, 6, 5])
    c.node("MaxPool", ["x"], ["y"], "maxpool0", kernel_shape=[2, 3, 3], strides=[1, 2, 2],
           pads=[1, 0, 1, 0, 0, 1])
    c.output("y")

@case("maxpool_indices_o12", 12)
def _(c):
    c.input("x", [1, 3, 7, 7])
    c.node("MaxPool", ["x"], ["y", "z"], "maxpool0", kernel_shape=[3, 3], strides=[2, 2],
           storage_order=1)
    c.output("y")
    c.output("z", elem=INT64)

@case("maxpool_bad_storage_order_o12", 12)
def _(c):
    c.input("x", [1, 3, 7, 7])
    c.node("MaxPool", ["x"], ["y", "z"], "maxpool0", kernel_shape=[3, 3], storage_order=2)
    c.output("y", [1, 3, 5, 5])
    c.output("z", [1, 3, 5, 5], elem=INT64)

@case("avgpool3d_include_pad_o11", 11)
def _(c):
    c.input("x", [1, 2, 4, 6, 5])
    c.node("AveragePool", ["x"], ["y"], "avgpool0", kernel_shape=[2, 3, 3], strides=[1, 2, 2],
           pads=[1, 0, 1, 0, 0, 1], count_include_pad=1)
    c.output("y")

@case("avgpool_o7", 7)
def _(c):
    c.input("x", X4)
    c.node("AveragePool", ["x"], ["y"], "avgpool0", kernel_shape=[2, 2], strides=[2, 2])
    c.output("y")

@case("avgpool_pads_exclude_pad_o11", 11)
def _(c):
    c.input("x", X4)
    c.node("AveragePool", ["x"], ["y"], "avgpool0", kernel_shape=[3, 3], strides=[2, 2],
           pads=[1, 1, 1, 1], count_include_pad=0)
    c.output("y")

@case("avgpool_pads_include_pad_o11", 11)
def _(c):
    c.input("x", X4)
    c.node("AveragePool", ["x"], ["y"], "avgpool0", kernel_shape=[3, 3], strides=[2, 2],
           pads=[1, 1, 1, 1], count_include_pad=1)
    c.output("y")

@case("avgpool_ceil_mode_o10", 10)
def _(c):
    c.input("x", [1, 3, 7, 7])
    c.node("AveragePool", ["x"], ["y"], "avgpool0", kernel_shape=[3, 3], strides=[2, 2],
           ceil_mode=1)
    c.output("y")

@case("avgpool_ceil_mode_pads_o13", 13)
def _(c):
    c.input("x", [1, 3, 6, 6])
    c.node("AveragePool", ["x"], ["y"], "avgpool0", kernel_shape=[3, 3], strides=[2, 2],
           pads=[1, 1, 1, 1], ceil_mode=1, count_include_pad=1)
    c.output("y")

@case("globalavgpool_o7", 7)
def _(c):
    c.input("x", X4)
    c.node("GlobalAveragePool", ["x"], ["y"], "gap0")
    c.output("y")

@case("globalmaxpool_o13", 13)
def _(c):
    c.input("x", X4)
    c.node("GlobalMaxPool", ["x"], ["y"], "gmp0")
    c.output("y")

# --- Activations and elementwise unary ops ----------------------------------

def unary(name, opset, op, shape=(1, 3, 8, 8), **attrs):
    @case(name, opset)
    def _(c):
        c.input("x", list(shape))
        c.node(op, ["x"], ["y"], op.lower() + "0", **attrs)
        c.output("y")

unary("relu_o7", 7, "Relu")
unary("relu_o14", 14, "Relu")
unary("leakyrelu_o7", 7, "LeakyRelu")
unary("leakyrelu_alpha_o16", 16, "LeakyRelu", alpha=0.2)
unary("sigmoid_o13", 13, "Sigmoid")
unary("tanh_o13", 13, "Tanh")
unary("hardsigmoid_o7", 7, "HardSigmoid", alpha=0.25, beta=0.4)
unary("hardsigmoid_default_o13", 13, "HardSigmoid")
unary("hardswish_o14", 14, "HardSwish")
unary("erf_o13", 13, "Erf")
unary("exp_o13", 13, "Exp")
unary("sqrt_o13", 13, "Sqrt")
unary("abs_o13", 13, "Abs")
unary("neg_o13", 13, "Neg")
unary("identity_o13", 13, "Identity")
unary("identity_o16", 16, "Identity", shape=(2, 5))

# --- Clip -------------------------------------------------------------------

@case("clip_attrs_o7", 7)
def _(c):
    c.input("x", X4)
    c.node("Clip", ["x"], ["y"], "clip0", min=-0.5, max=0.5)
    c.output("y")

@case("clip_attrs_max_only_o10", 10)
def _(c):
    c.input("x", X4)
    c.node("Clip", ["x"], ["y"], "clip0", max=6.0)
    c.output("y")

@case("clip_inputs_o11", 11)
def _(c):
    c.input("x", X4)
    c.node("Clip", ["x", c.init("min", np.array(0.0, np.float32)),
                    c.init("max", np.array(6.0, np.float32))], ["y"], "clip0")
    c.output("y")

@case("clip_max_only_o11", 11)
def _(c):
    c.input("x", X4)
    c.node("Clip", ["x", "", c.init("max", np.array(1.0, np.float32))], ["y"], "clip0")
    c.output("y")

@case("clip_min_only_o12", 12)
def _(c):
    c.input("x", X4)
    c.node("Clip", ["x", c.const("min", np.array(-1.0, np.float32))], ["y"], "clip0")
    c.output("y")

@case("clip_const_nodes_o13", 13)
def _(c):
    c.input("x", X4)
    c.node("Clip", ["x", c.const("min", np.array(-0.25, np.float32)),
                    c.const("max", np.array(0.75, np.float32))], ["y"], "clip0")
    c.output("y")

@case("clip_empty_min_o13", 13)
def _(c):
    c.input("x", X4)
    c.node("Clip", ["x", "", c.const("max", np.array(6.0, np.float32))], ["y"], "clip0")
    c.output("y")

@case("clip_no_bounds_o13", 13)
def _(c):
    c.input("x", X4)
    c.node("Clip", ["x"], ["y"], "clip0")
    c.output("y")

# --- Softmax ----------------------------------------------------------------

@case("softmax_default_o7", 7)
def _(c):
    c.input("x", [2, 5])
    c.node("Softmax", ["x"], ["y"], "softmax0")
    c.output("y")

@case("softmax_axis1_4d_o11", 11)
def _(c):
    # Before opset 13 Softmax coerces to 2-D: [1, 3*4*5], normalised over
    # all of dims 1..3 together.
    c.input("x", [1, 3, 4, 5])
    c.node("Softmax", ["x"], ["y"], "softmax0", axis=1)
    c.output("y")

@case("softmax_axis_neg1_o11", 11)
def _(c):
    c.input("x", [2, 3, 4])
    c.node("Softmax", ["x"], ["y"], "softmax0", axis=-1)
    c.output("y")

@case("softmax_axis_neg1_o13", 13)
def _(c):
    c.input("x", [1, 3, 4, 5])
    c.node("Softmax", ["x"], ["y"], "softmax0", axis=-1)
    c.output("y")

@case("softmax_axis1_o13", 13)
def _(c):
    c.input("x", [1, 3, 4, 5])
    c.node("Softmax", ["x"], ["y"], "softmax0", axis=1)
    c.output("y")

# --- Binary elementwise -----------------------------------------------------

@case("add_o7", 7)
def _(c):
    c.input("a", X4)
    c.input("b", X4)
    c.node("Add", ["a", "b"], ["y"], "add0")
    c.output("y")

@case("add_bcast_o14", 14)
def _(c):
    c.input("a", [1, 3, 4, 4])
    c.node("Add", ["a", c.weight("b", [3, 1, 1])], ["y"], "add0")
    c.output("y")

@case("add_bcast_both_o13", 13)
def _(c):
    c.input("a", [2, 1, 4])
    c.input("b", [3, 1])
    c.node("Add", ["a", "b"], ["y"], "add0")
    c.output("y")

@case("sub_scalar_o14", 14)
def _(c):
    c.input("a", X4)
    c.node("Sub", ["a", c.init("b", np.array(0.5, np.float32))], ["y"], "sub0")
    c.output("y")

@case("sub_scalar_lhs_o7", 7)
def _(c):
    c.input("b", [2, 3])
    c.node("Sub", [c.init("a", np.array(1.0, np.float32)), "b"], ["y"], "sub0")
    c.output("y")

@case("mul_rank_mismatch_o14", 14)
def _(c):
    c.input("a", [2, 3, 4])
    c.node("Mul", ["a", c.weight("b", [4])], ["y"], "mul0")
    c.output("y")

@case("mul_o7", 7)
def _(c):
    c.input("a", [2, 3, 4])
    c.input("b", [2, 3, 4])
    c.node("Mul", ["a", "b"], ["y"], "mul0")
    c.output("y")

@case("div_bcast_o14", 14)
def _(c):
    c.input("a", [2, 1, 4])
    c.node("Div", ["a", c.init("b", np.array([[2.0], [4.0], [8.0]], np.float32))],
           ["y"], "div0")
    c.output("y")

@case("div_o13", 13)
def _(c):
    c.input("a", X4)
    c.input("b", X4)
    c.node("Div", ["a", "b"], ["y"], "div0")
    c.output("y")

@case("pow_scalar_o15", 15)
def _(c):
    c.input("a", X4)
    c.node("Pow", ["a", c.init("b", np.array(2.0, np.float32))], ["y"], "pow0")
    c.output("y")

@case("pow_bcast_o7", 7)
def _(c):
    c.input("a", [2, 3])
    c.node("Pow", ["a", c.init("b", np.array([1.0, 2.0, 3.0], np.float32))], ["y"], "pow0")
    c.output("y")

@case("pow_o13", 13)
def _(c):
    c.input("a", [2, 3])
    c.input("b", [2, 3])
    c.node("Pow", ["a", "b"], ["y"], "pow0")
    c.output("y")

@case("max_binary_o13", 13)
def _(c):
    c.input("a", X4)
    c.node("Max", ["a", c.weight("b", [8])], ["y"], "max0")
    c.output("y")

@case("max_variadic_o13", 13)
def _(c):
    c.input("a", [2, 3, 4])
    c.input("b", [3, 1])
    c.input("c", [4])
    c.node("Max", ["a", "b", "c"], ["y"], "max0")
    c.output("y")

@case("max_single_o8", 8)
def _(c):
    c.input("a", [2, 3])
    c.node("Max", ["a"], ["y"], "max0")
    c.output("y")

@case("min_binary_o12", 12)
def _(c):
    c.input("a", [2, 3])
    c.input("b", [2, 3])
    c.node("Min", ["a", "b"], ["y"], "min0")
    c.output("y")

@case("min_variadic_o8", 8)
def _(c):
    c.input("a", [2, 3, 4])
    c.node("Min", ["a", c.weight("b", [1, 3, 1]), c.init("c", np.array(0.0, np.float32))],
           ["y"], "min0")
    c.output("y")

# --- BatchNormalization -----------------------------------------------------

def batchnorm(name, opset, out_shape=None, **attrs):
    """out_shape: for opsets that ONNX's shape inference does not cover."""
    @case(name, opset)
    def _(c):
        c.input("x", X4)
        scale = c.init("scale", (1.0 + 0.1 * c.rng.standard_normal(3)).astype(np.float32))
        bias = c.init("bias", (0.1 * c.rng.standard_normal(3)).astype(np.float32))
        mean = c.init("mean", (0.1 * c.rng.standard_normal(3)).astype(np.float32))
        var = c.init("var", (0.5 + c.rng.random(3)).astype(np.float32))
        outputs = ["y", "running_mean", "running_var"] if attrs.get("training_mode") else ["y"]
        c.node("BatchNormalization", ["x", scale, bias, mean, var], outputs, "bn0", **attrs)
        c.output("y", out_shape)
        for name in outputs[1:]:
            c.output(name, [3])

batchnorm("batchnorm_o7", 7, epsilon=1e-3, momentum=0.9, spatial=1)
batchnorm("batchnorm_o9", 9, epsilon=1e-5)
batchnorm("batchnorm_o14", 14, epsilon=1e-5, momentum=0.9, training_mode=0)
batchnorm("batchnorm_o15", 15)
batchnorm("batchnorm_training_o15", 15, epsilon=1e-2, momentum=0.75, training_mode=1)

# --- Concat / Transpose / Reshape / Flatten ---------------------------------

@case("concat_axis1_o13", 13)
def _(c):
    c.input("a", [1, 2, 4, 4])
    c.input("b", [1, 3, 4, 4])
    c.node("Concat", ["a", "b"], ["y"], "concat0", axis=1)
    c.output("y")

@case("concat_neg_axis_o11", 11)
def _(c):
    c.input("a", [2, 3])
    c.node("Concat", ["a", c.weight("b", [2, 2]), c.const("c", np.ones((2, 1), np.float32))],
           ["y"], "concat0", axis=-1)
    c.output("y")

@case("concat_3inputs_o7", 7)
def _(c):
    c.input("a", [2, 3])
    c.input("b", [1, 3])
    c.input("c", [3, 3])
    c.node("Concat", ["a", "b", "c"], ["y"], "concat0", axis=0)
    c.output("y")

@case("transpose_perm_o13", 13)
def _(c):
    c.input("x", [1, 2, 3, 4])
    c.node("Transpose", ["x"], ["y"], "transpose0", perm=[0, 2, 3, 1])
    c.output("y")

@case("transpose_default_o7", 7)
def _(c):
    c.input("x", [2, 3, 4])
    c.node("Transpose", ["x"], ["y"], "transpose0")
    c.output("y")

@case("reshape_o7", 7)
def _(c):
    c.input("x", [2, 3, 4])
    c.node("Reshape", ["x", c.init("shape", np.array([0, -1], np.int64))], ["y"], "reshape0")
    c.output("y")

@case("reshape_const_o13", 13)
def _(c):
    c.input("x", [1, 3, 8, 8])
    c.node("Reshape", ["x", c.const("shape", np.array([0, 3, -1, 4], np.int64))],
           ["y"], "reshape0")
    c.output("y")

@case("reshape_allowzero0_o14", 14)
def _(c):
    c.input("x", [2, 3, 4])
    c.node("Reshape", ["x", c.init("shape", np.array([0, 0, 2, -1], np.int64))], ["y"],
           "reshape0", allowzero=0)
    c.output("y")

@case("reshape_allowzero0_o21", 21)
def _(c):
    c.input("x", [2, 3, 4])
    c.node("Reshape", ["x", c.init("shape", np.array([-1, 0], np.int64))], ["y"],
           "reshape0", allowzero=0)
    c.output("y", [8, 3])

def flatten(name, opset, axis, shape=(2, 3, 4, 5)):
    @case(name, opset)
    def _(c):
        c.input("x", list(shape))
        c.node("Flatten", ["x"], ["y"], "flatten0", axis=axis)
        c.output("y")

flatten("flatten_axis0_o13", 13, 0)
flatten("flatten_axis1_o7", 7, 1)
flatten("flatten_axis2_o13", 13, 2)
flatten("flatten_axis_neg1_o11", 11, -1)

# --- Squeeze / Unsqueeze ----------------------------------------------------

@case("squeeze_axes_attr_o7", 7)
def _(c):
    c.input("x", [1, 3, 1, 4])
    c.node("Squeeze", ["x"], ["y"], "squeeze0", axes=[0, 2])
    c.output("y")

@case("squeeze_neg_axes_attr_o11", 11)
def _(c):
    c.input("x", [2, 3, 1])
    c.node("Squeeze", ["x"], ["y"], "squeeze0", axes=[-1])
    c.output("y")

@case("squeeze_no_axes_o11", 11)
def _(c):
    c.input("x", [1, 3, 1, 4])
    c.node("Squeeze", ["x"], ["y"], "squeeze0")
    c.output("y", [3, 4])

@case("squeeze_axes_input_o13", 13)
def _(c):
    c.input("x", [1, 3, 1, 4])
    c.node("Squeeze", ["x", c.init("axes", np.array([0, -2], np.int64))], ["y"], "squeeze0")
    c.output("y")

@case("squeeze_no_axes_o13", 13)
def _(c):
    c.input("x", [1, 3, 1, 4])
    c.node("Squeeze", ["x"], ["y"], "squeeze0")
    c.output("y", [3, 4])

@case("squeeze_axes_input_o21", 21)
def _(c):
    c.input("x", [1, 3, 4])
    c.node("Squeeze", ["x", c.const("axes", np.array([0], np.int64))], ["y"], "squeeze0")
    c.output("y", [3, 4])

@case("unsqueeze_axes_attr_o7", 7)
def _(c):
    c.input("x", [3, 4])
    c.node("Unsqueeze", ["x"], ["y"], "unsqueeze0", axes=[0, 3])
    c.output("y")

@case("unsqueeze_neg_axes_attr_o11", 11)
def _(c):
    c.input("x", [3, 4])
    c.node("Unsqueeze", ["x"], ["y"], "unsqueeze0", axes=[-1, 0])
    c.output("y")

@case("unsqueeze_axes_input_o13", 13)
def _(c):
    c.input("x", [3, 4])
    c.node("Unsqueeze", ["x", c.const("axes", np.array([1, -1], np.int64))], ["y"],
           "unsqueeze0")
    c.output("y")

@case("unsqueeze_axes_init_o13", 13)
def _(c):
    c.input("x", [3])
    c.node("Unsqueeze", ["x", c.init("axes", np.array([0], np.int64))], ["y"], "unsqueeze0")
    c.output("y")

# --- Pad --------------------------------------------------------------------

@case("pad_attrs_o7", 7)
def _(c):
    # Pad-2 (attributes pads/mode/value) is still the Pad of opsets 7 to 10.
    c.input("x", [1, 3, 4, 4])
    c.node("Pad", ["x"], ["y"], "pad0", pads=[0, 0, 1, 2, 0, 0, 2, 1], value=0.5)
    c.output("y")

@case("pad_attrs_reflect_o10", 10)
def _(c):
    c.input("x", [1, 3, 4, 4])
    c.node("Pad", ["x"], ["y"], "pad0", pads=[0, 0, 1, 1, 0, 0, 1, 1], mode="reflect")
    c.output("y")

@case("pad_constant_o11", 11)
def _(c):
    c.input("x", [1, 3, 4, 4])
    c.node("Pad", ["x", c.init("pads", np.array([0, 0, 1, 2, 0, 0, 2, 1], np.int64)),
                   c.init("value", np.array(0.5, np.float32))], ["y"], "pad0",
           mode="constant")
    c.output("y")

@case("pad_constant_default_o13", 13)
def _(c):
    c.input("x", [1, 3, 4, 4])
    c.node("Pad", ["x", c.const("pads", np.array([0, 0, 1, 1, 0, 0, 1, 1], np.int64))],
           ["y"], "pad0")
    c.output("y")

@case("pad_reflect_o11", 11)
def _(c):
    c.input("x", [1, 3, 4, 4])
    c.node("Pad", ["x", c.init("pads", np.array([0, 0, 2, 1, 0, 0, 1, 2], np.int64))],
           ["y"], "pad0", mode="reflect")
    c.output("y")

@case("pad_edge_o11", 11)
def _(c):
    c.input("x", [1, 3, 4, 4])
    c.node("Pad", ["x", c.const("pads", np.array([0, 0, 1, 3, 0, 0, 2, 0], np.int64))],
           ["y"], "pad0", mode="edge")
    c.output("y")

@case("pad_axes_o18", 18)
def _(c):
    c.input("x", [1, 3, 4, 4])
    c.node("Pad", ["x", c.init("pads", np.array([1, 2, 3, 0], np.int64)),
                   c.init("value", np.array(-1.0, np.float32)),
                   c.init("axes", np.array([2, -1], np.int64))], ["y"], "pad0",
           mode="constant")
    c.output("y", [1, 3, 8, 6])

@case("pad_axes_reflect_o18", 18)
def _(c):
    c.input("x", [1, 3, 4, 4])
    c.node("Pad", ["x", c.const("pads", np.array([1, 1], np.int64)), "",
                   c.const("axes", np.array([3], np.int64))], ["y"], "pad0",
           mode="reflect")
    c.output("y", [1, 3, 4, 6])

# --- Slice ------------------------------------------------------------------

@case("slice_attrs_o7", 7)
def _(c):
    c.input("x", [4, 6])
    c.node("Slice", ["x"], ["y"], "slice0", starts=[1, 0], ends=[3, 4], axes=[0, 1])
    c.output("y")

@case("slice_attrs_no_axes_o9", 9)
def _(c):
    c.input("x", [4, 6, 5])
    c.node("Slice", ["x"], ["y"], "slice0", starts=[1, -4], ends=[1000, -1])
    c.output("y", [3, 3, 5])

@case("slice_inputs_o10", 10)
def _(c):
    c.input("x", [4, 6])
    c.node("Slice", ["x", c.init("starts", np.array([0, 1], np.int64)),
                     c.init("ends", np.array([4, 6], np.int64)),
                     c.init("axes", np.array([0, 1], np.int64)),
                     c.init("steps", np.array([2, 2], np.int64))], ["y"], "slice0")
    c.output("y")

@case("slice_no_axes_steps_o10", 10)
def _(c):
    c.input("x", [4, 6])
    c.node("Slice", ["x", c.init("starts", np.array([1], np.int64)),
                     c.init("ends", np.array([3], np.int64))], ["y"], "slice0")
    c.output("y")

@case("slice_neg_axes_o11", 11)
def _(c):
    c.input("x", [2, 4, 6])
    c.node("Slice", ["x", c.init("starts", np.array([-3], np.int64)),
                     c.init("ends", np.array([INT64_MAX], np.int64)),
                     c.init("axes", np.array([-1], np.int64))], ["y"], "slice0")
    c.output("y")

@case("slice_neg_steps_o13", 13)
def _(c):
    # Reverse dim 1 completely (start -1, end INT64_MIN) and take every second
    # element of dim 2 backwards from index 4.
    c.input("x", [2, 4, 6])
    c.node("Slice", ["x", c.const("starts", np.array([-1, 4], np.int64)),
                     c.const("ends", np.array([INT64_MIN, 0], np.int64)),
                     c.const("axes", np.array([1, 2], np.int64)),
                     c.const("steps", np.array([-1, -2], np.int64))], ["y"], "slice0")
    c.output("y")

@case("slice_clamped_ends_o13", 13)
def _(c):
    c.input("x", [1, 3, 8, 8])
    c.node("Slice", ["x", c.init("starts", np.array([2, -100], np.int64)),
                     c.init("ends", np.array([INT64_MAX, 5], np.int64)),
                     c.init("axes", np.array([2, 3], np.int64)),
                     c.init("steps", np.array([3, 1], np.int64))], ["y"], "slice0")
    c.output("y")

@case("slice_empty_axes_name_o13", 13)
def _(c):
    c.input("x", [4, 6])
    c.node("Slice", ["x", c.init("starts", np.array([1, 1], np.int64)),
                     c.init("ends", np.array([-1, -1], np.int64)), "",
                     c.init("steps", np.array([1, 2], np.int64))], ["y"], "slice0")
    c.output("y")

# --- Split ------------------------------------------------------------------

@case("split_attr_o7", 7)
def _(c):
    c.input("x", [2, 6])
    c.node("Split", ["x"], ["y0", "y1"], "split0", axis=1, split=[2, 4])
    c.output("y0")
    c.output("y1")

@case("split_attr_o11", 11)
def _(c):
    c.input("x", [1, 6, 4, 4])
    c.node("Split", ["x"], ["y0", "y1", "y2"], "split0", axis=1, split=[1, 2, 3])
    c.output("y0")
    c.output("y1")
    c.output("y2")

@case("split_equal_neg_axis_o11", 11)
def _(c):
    c.input("x", [2, 3, 6])
    c.node("Split", ["x"], ["y0", "y1"], "split0", axis=-1)
    c.output("y0")
    c.output("y1")

@case("split_input_o13", 13)
def _(c):
    c.input("x", [1, 6, 4, 4])
    c.node("Split", ["x", c.init("split", np.array([4, 2], np.int64))], ["y0", "y1"],
           "split0", axis=1)
    c.output("y0")
    c.output("y1")

@case("split_equal_o13", 13)
def _(c):
    c.input("x", [6, 2])
    c.node("Split", ["x"], ["y0", "y1", "y2"], "split0")
    c.output("y0")
    c.output("y1")
    c.output("y2")

@case("split_num_outputs_o18", 18)
def _(c):
    # 8 into 3: ceil(8/3) = 3, 3, then 2.
    c.input("x", [1, 8, 4])
    c.node("Split", ["x"], ["y0", "y1", "y2"], "split0", axis=1, num_outputs=3)
    c.output("y0", [1, 3, 4])
    c.output("y1", [1, 3, 4])
    c.output("y2", [1, 2, 4])

@case("split_input_o18", 18)
def _(c):
    c.input("x", [1, 8, 4])
    c.node("Split", ["x", c.const("split", np.array([5, 3], np.int64))], ["y0", "y1"],
           "split0", axis=-2)
    c.output("y0", [1, 5, 4])
    c.output("y1", [1, 3, 4])

# --- Gather -----------------------------------------------------------------

@case("gather_axis0_o13", 13)
def _(c):
    c.input("x", [5, 4])
    c.node("Gather", ["x", c.init("indices", np.array([0, 2, 4], np.int64))], ["y"],
           "gather0", axis=0)
    c.output("y")

@case("gather_axis1_2d_indices_o11", 11)
def _(c):
    c.input("x", [2, 5, 3])
    c.node("Gather", ["x", c.init("indices", np.array([[0, 1], [4, 3]], np.int64))],
           ["y"], "gather0", axis=1)
    c.output("y")

@case("gather_scalar_o13", 13)
def _(c):
    c.input("x", [5, 4])
    c.node("Gather", ["x", c.const("indices", np.array(3, np.int64))], ["y"], "gather0")
    c.output("y")

@case("gather_neg_index_o13", 13)
def _(c):
    c.input("x", [2, 5])
    c.node("Gather", ["x", c.init("indices", np.array([-1, 0], np.int64))], ["y"],
           "gather0", axis=1)
    c.output("y")

@case("gather_int32_indices_o7", 7)
def _(c):
    c.input("x", [4, 3])
    c.node("Gather", ["x", c.init("indices", np.array([3, 1], np.int32))], ["y"], "gather0")
    c.output("y")

# --- Reductions -------------------------------------------------------------

@case("reducemean_axes_attr_o13", 13)
def _(c):
    c.input("x", X4)
    c.node("ReduceMean", ["x"], ["y"], "reducemean0", axes=[2, 3])
    c.output("y")

@case("reducemean_nokeep_o13", 13)
def _(c):
    c.input("x", X4)
    c.node("ReduceMean", ["x"], ["y"], "reducemean0", axes=[-1], keepdims=0)
    c.output("y")

@case("reducemean_all_o11", 11)
def _(c):
    c.input("x", [2, 3, 4])
    c.node("ReduceMean", ["x"], ["y"], "reducemean0", keepdims=0)
    c.output("y")

@case("reducemax_axes_attr_o13", 13)
def _(c):
    c.input("x", X4)
    c.node("ReduceMax", ["x"], ["y"], "reducemax0", axes=[1])
    c.output("y")

@case("reducemax_all_keep_o7", 7)
def _(c):
    c.input("x", [2, 3, 4])
    c.node("ReduceMax", ["x"], ["y"], "reducemax0")
    c.output("y")

@case("reducesum_axes_attr_o11", 11)
def _(c):
    c.input("x", X4)
    c.node("ReduceSum", ["x"], ["y"], "reducesum0", axes=[0, 1], keepdims=0)
    c.output("y")

@case("reducesum_axes_input_o13", 13)
def _(c):
    c.input("x", X4)
    c.node("ReduceSum", ["x", c.init("axes", np.array([-2, -1], np.int64))], ["y"],
           "reducesum0", keepdims=1)
    c.output("y")

@case("reducesum_axes_input_nokeep_o13", 13)
def _(c):
    c.input("x", [2, 3, 4])
    c.node("ReduceSum", ["x", c.const("axes", np.array([1], np.int64))], ["y"],
           "reducesum0", keepdims=0)
    c.output("y")

@case("reducesum_all_o13", 13)
def _(c):
    c.input("x", [2, 3, 4])
    c.node("ReduceSum", ["x"], ["y"], "reducesum0", keepdims=0)
    c.output("y")

@case("reducemean_axes_input_o18", 18)
def _(c):
    c.input("x", X4)
    c.node("ReduceMean", ["x", c.init("axes", np.array([2, 3], np.int64))], ["y"],
           "reducemean0")
    c.output("y", [1, 3, 1, 1])

@case("reducemean_all_o18", 18)
def _(c):
    c.input("x", [2, 3, 4])
    c.node("ReduceMean", ["x"], ["y"], "reducemean0", keepdims=0)
    c.output("y", [])

@case("reducemax_axes_input_nokeep_o18", 18)
def _(c):
    c.input("x", X4)
    c.node("ReduceMax", ["x", c.const("axes", np.array([-1], np.int64))], ["y"],
           "reducemax0", keepdims=0)
    c.output("y", [1, 3, 8])

@case("reducesum_axes_input_o18", 18)
def _(c):
    c.input("x", [2, 3, 4])
    c.node("ReduceSum", ["x", c.init("axes", np.array([0], np.int64))], ["y"],
           "reducesum0", keepdims=1)
    c.output("y", [1, 3, 4])

@case("convtranspose1d_o11", 11)
def _(c):
    c.input("x", [1, 2, 5])
    c.node("ConvTranspose", ["x", c.weight("w", [2, 3, 3]), c.weight("b", [3], 0.1)],
           ["y"], "convt0", strides=[2], pads=[1, 1], output_padding=[1])
    c.output("y")

@case("convtranspose1d_output_shape_o11", 11)
def _(c):
    c.input("x", [1, 2, 5])
    c.node("ConvTranspose", ["x", c.weight("w", [2, 4, 3])], ["y"], "convt0",
           strides=[2], output_shape=[10], auto_pad="SAME_UPPER")
    c.output("y")

@case("reducemax_axes_input_o20", 20)
def _(c):
    c.input("x", [2, 3, 4])
    c.node("ReduceMax", ["x", c.init("axes", np.array([1, 2], np.int64))], ["y"],
           "reducemax0")
    c.output("y", [2, 1, 1])

# --- Resize -----------------------------------------------------------------

SCALES2 = np.array([1, 1, 2, 2], np.float32)
EMPTY_F = np.array([], np.float32)

@case("resize_nearest_o10", 10)
def _(c):
    c.input("x", [1, 3, 4, 4])
    c.node("Resize", ["x", c.init("scales", SCALES2)], ["y"], "resize0", mode="nearest")
    c.output("y")

@case("resize_linear_o10", 10)
def _(c):
    c.input("x", [1, 3, 4, 4])
    c.node("Resize", ["x", c.const("scales", np.array([1, 1, 2, 1.5], np.float32))],
           ["y"], "resize0", mode="linear")
    c.output("y")

def resize_nearest_o11(name, nearest_mode, opset=11, scales=SCALES2, out=None):
    @case(name, opset)
    def _(c):
        c.input("x", [1, 3, 4, 4])
        c.node("Resize", ["x", c.init("roi", EMPTY_F), c.init("scales", scales)], ["y"],
               "resize0", mode="nearest", nearest_mode=nearest_mode,
               coordinate_transformation_mode="asymmetric")
        c.output("y", out)

resize_nearest_o11("resize_nearest_floor_o11", "floor")
resize_nearest_o11("resize_nearest_ceil_o11", "ceil")
resize_nearest_o11("resize_nearest_round_prefer_floor_o11", "round_prefer_floor",
                   scales=np.array([1, 1, 1.5, 1.5], np.float32))
resize_nearest_o11("resize_nearest_round_prefer_ceil_o13", "round_prefer_ceil", opset=13,
                   scales=np.array([1, 1, 1.5, 1.5], np.float32))

@case("resize_nearest_defaults_o11", 11)
def _(c):
    # mode nearest, half_pixel, round_prefer_floor are the defaults.
    c.input("x", [1, 3, 4, 4])
    c.node("Resize", ["x", c.const("roi", EMPTY_F), c.const("scales", SCALES2)], ["y"],
           "resize0")
    c.output("y")

def resize_linear(name, opset, ctm, scales=SCALES2):
    @case(name, opset)
    def _(c):
        c.input("x", [1, 3, 4, 4])
        c.node("Resize", ["x", c.init("roi", EMPTY_F), c.init("scales", scales)], ["y"],
               "resize0", mode="linear", coordinate_transformation_mode=ctm)
        c.output("y")

resize_linear("resize_linear_half_pixel_o11", 11, "half_pixel")
resize_linear("resize_linear_align_corners_o11", 11, "align_corners")
resize_linear("resize_linear_asymmetric_o11", 11, "asymmetric")
resize_linear("resize_linear_pytorch_half_pixel_o13", 13, "pytorch_half_pixel",
              scales=np.array([1, 1, 0.5, 0.5], np.float32))

@case("resize_sizes_nearest_o11", 11)
def _(c):
    c.input("x", [1, 3, 4, 4])
    c.node("Resize", ["x", c.init("roi", EMPTY_F), c.init("scales", EMPTY_F),
                      c.init("sizes", np.array([1, 3, 8, 6], np.int64))], ["y"],
           "resize0", mode="nearest", coordinate_transformation_mode="asymmetric",
           nearest_mode="floor")
    c.output("y")

@case("resize_scales_empty_roi_o13", 13)
def _(c):
    c.input("x", [1, 3, 4, 4])
    c.node("Resize", ["x", "", c.init("scales", SCALES2)], ["y"], "resize0",
           mode="linear", coordinate_transformation_mode="half_pixel")
    c.output("y")

@case("resize_sizes_linear_o13", 13)
def _(c):
    c.input("x", [1, 3, 4, 4])
    c.node("Resize", ["x", "", "", c.const("sizes", np.array([1, 3, 7, 9], np.int64))],
           ["y"], "resize0", mode="linear", coordinate_transformation_mode="align_corners")
    c.output("y")

@case("resize_sizes_nearest_o13", 13)
def _(c):
    c.input("x", [1, 3, 4, 4])
    c.node("Resize", ["x", c.init("roi", EMPTY_F), c.init("scales", EMPTY_F),
                      c.init("sizes", np.array([1, 3, 2, 8], np.int64))], ["y"],
           "resize0", mode="nearest", nearest_mode="round_prefer_ceil",
           coordinate_transformation_mode="half_pixel")
    c.output("y")

@case("resize_cubic_o13", 13)
def _(c):
    c.input("x", [1, 3, 4, 4])
    c.node("Resize", ["x", "", c.init("scales", np.array([1, 1, 2, 1.5], np.float32))],
           ["y"], "resize0", mode="cubic", cubic_coeff_a=-0.5, exclude_outside=1)
    c.output("y")

@case("resize_tf_crop_and_resize_o13", 13)
def _(c):
    c.input("x", [1, 3, 4, 4])
    roi = np.array([0, 0, 0.4, 0.6, 1, 1, 1.2, 1.7], np.float32)
    c.node("Resize", ["x", c.const("roi", roi), "",
                      c.init("sizes", np.array([1, 3, 3, 3], np.int64))], ["y"],
           "resize0", mode="linear", coordinate_transformation_mode="tf_crop_and_resize",
           extrapolation_value=10.0)
    c.output("y")

@case("resize_tf_crop_and_resize_scales_o13", 13)
def _(c):
    c.input("x", [1, 3, 4, 8])
    roi = np.array([0, 0, 0.25, 0, 1, 1, 0.75, 0.5], np.float32)
    c.node("Resize", ["x", c.init("roi", roi),
                      c.init("scales", np.array([1, 1, 2, 1.5], np.float32))], ["y"],
           "resize0", mode="nearest", coordinate_transformation_mode="tf_crop_and_resize")
    c.output("y")

@case("resize_tf_half_pixel_for_nn_o11", 11)
def _(c):
    c.input("x", [1, 3, 4, 4])
    c.node("Resize", ["x", c.init("roi", EMPTY_F), c.init("scales", EMPTY_F),
                      c.init("sizes", np.array([1, 3, 3, 2], np.int64))], ["y"],
           "resize0", mode="nearest", coordinate_transformation_mode="tf_half_pixel_for_nn")
    c.output("y")

@case("resize_nearest_o18", 18)
def _(c):
    c.input("x", [1, 3, 4, 4])
    c.node("Resize", ["x", "", c.init("scales", SCALES2)], ["y"], "resize0",
           mode="nearest", nearest_mode="floor",
           coordinate_transformation_mode="asymmetric")
    c.output("y", [1, 3, 8, 8])

# --- Cast -------------------------------------------------------------------

@case("cast_f32_to_i32_o13", 13)
def _(c):
    c.input("x", [2, 3])
    c.node("Cast", ["x"], ["y"], "cast0", to=INT32)
    c.output("y", elem=INT32)

@case("cast_f32_to_i64_o9", 9)
def _(c):
    c.input("x", [2, 3])
    c.node("Cast", ["x"], ["y"], "cast0", to=INT64)
    c.output("y", elem=INT64)

@case("cast_i32_to_f32_o13", 13)
def _(c):
    c.input("x", [2, 3], INT32)
    c.node("Cast", ["x"], ["y"], "cast0", to=FLOAT)
    c.output("y")

@case("cast_i64_to_f32_o7", 7)
def _(c):
    c.input("x", [2, 3], INT64)
    c.node("Cast", ["x"], ["y"], "cast0", to=FLOAT)
    c.output("y")

@case("cast_f32_to_i64_o21", 21)
def _(c):
    c.input("x", [2, 3])
    c.node("Cast", ["x"], ["y"], "cast0", to=INT64)
    c.output("y", [2, 3], INT64)

@case("cast_fold_f32_to_bool_o13", 13)
def _(c):
    # Cast of a constant folds at import. To bool, every value but +/-0 is
    # true (no truncation toward zero first).
    c.input("x", [5])
    c.const("c", np.array([0.5, 0.0, -2.0, -0.25, -0.0], np.float32))
    c.node("Cast", ["c"], ["b"], "cast0", to=TensorProto.BOOL)
    c.node("Cast", ["b"], ["f"], "cast1", to=FLOAT)
    c.node("Add", ["x", "f"], ["y"], "add0")
    c.output("y")

# --- Constants and small subgraphs ------------------------------------------

@case("constant_add_o13", 13)
def _(c):
    c.input("x", [2, 3])
    c.node("Add", ["x", c.const("bias", np.array([0.5, -1.0, 2.0], np.float32))], ["y"],
           "add0")
    c.output("y")

@case("constant_value_float_add_o13", 13)
def _(c):
    # Constant with the value_float attribute (opset 12+).
    c.input("x", [2, 3])
    c.nodes.append(helper.make_node("Constant", [], ["k"], name="const0",
                                    value_float=3.0))
    c.node("Add", ["x", "k"], ["y"], "add0")
    c.output("y")

@case("constant_value_ints_reshape_o13", 13)
def _(c):
    # Constant with the value_ints attribute (opset 12+) feeding Reshape.
    c.input("x", [2, 3, 4])
    c.nodes.append(helper.make_node("Constant", [], ["shape"], name="const0",
                                    value_ints=[6, 4]))
    c.node("Reshape", ["x", "shape"], ["y"], "reshape0")
    c.output("y", [6, 4])

@case("flatten_pattern_o13", 13)
def _(c):
    # What torch.onnx.export emits for x.view(x.size(0), -1) without
    # constant folding.
    c.input("x", [1, 3, 8, 8])
    c.node("Shape", ["x"], ["shape"], "shape0")
    c.node("Gather", ["shape", c.const("index0", np.array(0, np.int64))], ["batch"],
           "gather0", axis=0)
    c.node("Unsqueeze", ["batch", c.const("axes0", np.array([0], np.int64))],
           ["batch1"], "unsqueeze0")
    c.node("Concat", ["batch1", c.init("minus1", np.array([-1], np.int64))], ["newshape"],
           "concat0", axis=0)
    c.node("Reshape", ["x", "newshape"], ["y"], "reshape0")
    c.output("y", [1, 192])

@case("flatten_pattern_o11", 11)
def _(c):
    # The same at opset 11 (Unsqueeze takes an axes attribute).
    c.input("x", [2, 4, 3])
    c.node("Shape", ["x"], ["shape"], "shape0")
    c.node("Gather", ["shape", c.const("index0", np.array(0, np.int64))], ["batch"],
           "gather0", axis=0)
    c.node("Unsqueeze", ["batch"], ["batch1"], "unsqueeze0", axes=[0])
    c.node("Concat", ["batch1", c.const("minus1", np.array([-1], np.int64))],
           ["newshape"], "concat0", axis=0)
    c.node("Reshape", ["x", "newshape"], ["y"], "reshape0")
    c.output("y", [2, 12])

@case("constantofshape_o13", 13)
def _(c):
    c.input("x", [2, 3])
    c.node("ConstantOfShape", [c.init("shape", np.array([2, 3], np.int64))], ["fill"],
           "constantofshape0",
           value=numpy_helper.from_array(np.array([1.5], np.float32), "value"))
    c.node("Add", ["x", "fill"], ["y"], "add0")
    c.output("y")

@case("constantofshape_default_o9", 9)
def _(c):
    # No value attribute: float32 zeros.
    c.input("x", [3, 2])
    c.node("ConstantOfShape", [c.const("shape", np.array([3, 2], np.int64))], ["fill"],
           "constantofshape0")
    c.node("Mul", ["x", "fill"], ["y"], "mul0")
    c.output("y")

@case("conv_relu_o13", 13)
def _(c):
    c.input("x", X4)
    c.node("Conv", ["x", c.weight("w", [4, 3, 3, 3]), c.weight("b", [4], 0.1)],
           ["conv_out"], "conv0", pads=[1, 1, 1, 1])
    c.node("Relu", ["conv_out"], ["y"], "relu0")
    c.output("y")


# --- Legacy forms (opsets 1 to 6) -------------------------------------------
# What changed before opset 7: broadcasting only with broadcast=1, aligned at
# `axis`; is_test; Reshape's shape, Pad's paddings and Cast's type name as
# attributes; Concat's default axis; Split's sizes as an optional input.
# consumed_inputs (opsets 1 to 5) is ignored.

@case("add_legacy_axis_o6", 6)
def _(c):
    # B's two dimensions line up with A's dimensions 1 and 2.
    c.input("a", [2, 3, 4, 5])
    c.input("b", [3, 4])
    c.node("Add", ["a", "b"], ["y"], "add0", broadcast=1, axis=1)
    c.output("y", [2, 3, 4, 5])

@case("sub_legacy_suffix_o6", 6)
def _(c):
    c.input("a", [2, 3, 4, 5])
    c.node("Sub", ["a", c.weight("b", [4, 5])], ["y"], "sub0", broadcast=1)
    c.output("y", [2, 3, 4, 5])

@case("mul_legacy_one_element_o6", 6)
def _(c):
    # A one-element B broadcasts whatever the axis says.
    c.input("a", [2, 3, 4, 5])
    c.node("Mul", ["a", c.init("b", np.full((1, 1), 3.0, np.float32))], ["y"], "mul0",
           broadcast=1, axis=3)
    c.output("y", [2, 3, 4, 5])

@case("div_legacy_axis0_o1", 1)
def _(c):
    c.input("a", [2, 3, 4])
    c.input("b", [2])
    c.node("Div", ["a", "b"], ["y"], "div0", broadcast=1, axis=0, consumed_inputs=[0, 0])
    c.output("y", [2, 3, 4])

@case("pow_legacy_axis_o6", 6)
def _(c):
    c.input("x", [2, 3, 4])
    c.input("e", [3])
    c.node("Pow", ["x", "e"], ["y"], "pow0", broadcast=1, axis=1)
    c.output("y", [2, 3, 4])

@case("add_legacy_fold_o6", 6)
def _(c):
    # Folded at import: [[0, 1, 2], [3, 4, 5]] + [10, 20] along axis 0.
    a = c.const("a", np.arange(6, dtype=np.float32).reshape(2, 3))
    b = c.const("b", np.array([10, 20], np.float32))
    c.input("x", [2, 3])
    c.node("Add", [a, b], ["s"], "add0", broadcast=1, axis=0)
    c.node("Add", ["x", "s"], ["y"], "add1")
    c.output("y", [2, 3])

@case("gemm_legacy_broadcast_o6", 6)
def _(c):
    c.input("x", [2, 3])
    c.node("Gemm", ["x", c.weight("w", [4, 3]), c.weight("c", [4], 0.1)], ["y"], "gemm0",
           broadcast=1, transB=1)
    c.output("y", [2, 4])

batchnorm("batchnorm_is_test_o6", 6, epsilon=1e-3, is_test=1)
batchnorm("batchnorm_consumed_inputs_o1", 1, out_shape=X4, consumed_inputs=[0, 0, 0, 1, 1],
          is_test=1)

@case("dropout_is_test_o6", 6)
def _(c):
    c.input("x", [2, 3])
    c.node("Dropout", ["x"], ["y"], "dropout0", is_test=1, ratio=0.3)
    c.output("y", [2, 3])

@case("dropout_no_is_test_o1", 1)
def _(c):
    # No is_test: inference, as ONNX's version converter reads it.
    c.input("x", [2, 3])
    c.node("Dropout", ["x"], ["y"], "dropout0")
    c.output("y", [2, 3])

@case("dropout_mask_o13", 13)
def _(c):
    c.input("x", [2, 3])
    c.node("Dropout", ["x"], ["y", "mask"], "dropout0")
    c.output("y", [2, 3])
    c.output("mask", [2, 3], elem=TensorProto.BOOL)

@case("reshape_attr_o4", 4)
def _(c):
    c.input("x", [2, 3, 4])
    c.node("Reshape", ["x"], ["y"], "reshape0", shape=[0, -1])
    c.output("y", [2, 12])

@case("reshape_attr_fold_o1", 1)
def _(c):
    k = c.const("k", np.arange(6, dtype=np.float32).reshape(2, 3))
    c.input("x", [3, 2])
    c.node("Reshape", [k], ["r"], "reshape0", shape=[3, 2], consumed_inputs=[0])
    c.node("Add", ["x", "r"], ["y"], "add0")
    c.output("y", [3, 2])

@case("pad_paddings_o1", 1)
def _(c):
    c.input("x", [1, 3, 4, 4])
    c.node("Pad", ["x"], ["y"], "pad0", paddings=[0, 0, 1, 2, 0, 0, 2, 1], mode="reflect")
    c.output("y", [1, 3, 7, 7])

@case("concat_default_axis_o3", 3)
def _(c):
    c.input("a", [2, 3])
    c.input("b", [2, 2])
    c.node("Concat", ["a", "b"], ["y"], "concat0")
    c.output("y", [2, 5])

@case("concat_default_axis_fold_o1", 1)
def _(c):
    a = c.const("a", np.array([[1, 2]], np.float32))
    b = c.const("b", np.array([[3, 4, 5]], np.float32))
    c.input("x", [1, 5])
    c.node("Concat", [a, b], ["k"], "concat0")
    c.node("Add", ["x", "k"], ["y"], "add0")
    c.output("y", [1, 5])

@case("split_input_o1", 1)
def _(c):
    c.input("x", [2, 6])
    c.node("Split", ["x", c.init("split", np.array([2, 4], np.int64))], ["y0", "y1"],
           "split0", axis=1)
    c.output("y0", [2, 2])
    c.output("y1", [2, 4])

@case("cast_type_name_o5", 5)
def _(c):
    c.input("x", [2, 3])
    c.node("Cast", ["x"], ["y"], "cast0", to="INT32")
    c.output("y", [2, 3], INT32)

@case("cast_type_name_fold_o1", 1)
def _(c):
    k = c.const("k", np.array([1.5, -2.5, 3.0], np.float32))
    c.input("x", [3], INT64)
    c.node("Cast", [k], ["t"], "cast0", to="INT64")
    c.node("Add", ["x", "t"], ["y"], "add0")
    c.output("y", [3], INT64)

@case("avgpool_pads_o1", 1)
def _(c):
    # Padding never counts in the average before count_include_pad (7).
    c.input("x", [1, 3, 4, 4])
    c.node("AveragePool", ["x"], ["y"], "avgpool0", kernel_shape=[3, 3], pads=[1, 1, 1, 1])
    c.output("y", [1, 3, 4, 4])

@case("max_variadic_o6", 6)
def _(c):
    c.input("a", [2, 3])
    c.input("b", [2, 3])
    c.input("c", [2, 3])
    c.node("Max", ["a", "b", "c"], ["y"], "max0")
    c.output("y", [2, 3])

@case("clip_attr_min_o1", 1)
def _(c):
    c.input("x", [2, 3])
    c.node("Clip", ["x"], ["y"], "clip0", min=-1.0, consumed_inputs=[0])
    c.output("y", [2, 3])

@case("relu_consumed_inputs_o1", 1)
def _(c):
    c.input("x", [2, 3])
    c.node("Relu", ["x"], ["y"], "relu0", consumed_inputs=[0])
    c.output("y", [2, 3])


# --- Inputs with symbolic or zero dimensions --------------------------------

def dynamic_models():
    """dynamic_input: N x 3 x 8 x 8; zero_dim_input: 0 x 3 x 8 x 8."""
    models = {}
    for name, dim0 in (("dynamic_input", "N"), ("zero_dim_input", 0)):
        c = Case(name, 13)
        c.input("input", [dim0, 3, 8, 8])
        c.node("Conv", ["input", c.weight("w", [4, 3, 3, 3]), c.weight("b", [4], 0.1)],
               ["conv_out"], "conv0", pads=[1, 1, 1, 1])
        c.node("Relu", ["conv_out"], ["output"], "relu0")
        c.output("output", [dim0, 4, 8, 8])
        models[name] = c.build()
    return models


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(outdir, exist_ok=True)
    names = [n for n, _, _ in CASES]
    dups = {n for n in names if names.count(n) > 1}
    if dups:
        raise SystemExit(f"duplicate case names: {sorted(dups)}")
    models = {}
    for name, opset, fn in CASES:
        c = Case(name, opset)
        fn(c)
        try:
            models[name] = c.build()
        except onnx.checker.ValidationError as e:
            raise SystemExit(f"{name}: onnx.checker failed: {e}")
        except onnx.shape_inference.InferenceError as e:
            raise SystemExit(f"{name}: shape inference failed: {e}")
    models.update(dynamic_models())
    for name, model in models.items():
        data = model.SerializeToString()
        if len(data) >= 20 * 1024:
            raise SystemExit(f"{name}: {len(data)} bytes, over 20 KB")
        path = os.path.join(outdir, name + ".onnx")
        with open(path, "wb") as f:
            f.write(data)
        print(f"{path}  ({len(data)} bytes, opset "
              f"{model.opset_import[0].version})")
    print(f"{len(models)} models")


if __name__ == "__main__":
    main()
