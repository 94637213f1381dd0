#!/usr/bin/python3
"""Writes a synthetic ONNX graph of about N ops for the compiler-scaling benchmark.

  /usr/bin/python3 bench/scaling/gen_graph.py N OUT.onnx

A chain of two kinds of block on a 1x4x8x8 float tensor, alternating:

  residual  Conv3x3 Relu Conv3x3, Add of the block input, Relu   (5 ops)
  branch    Conv1x1 and Conv3x3 of the same input, Add, Relu     (4 ops)

so the graph has fan-out, joins and long-lived values like a real CNN,
with small tensors: the weights (148 floats a conv) do not dominate the
compile time. Weights are random but seeded: the file depends on N only.
"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

CHANNELS, SIZE = 4, 8


class Builder:
    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)
        self.nodes, self.inits, self.count = [], [], 0

    def name(self, prefix):
        self.count += 1
        return f"{prefix}{self.count}"

    def op(self, kind, inputs, **attrs):
        out = self.name("t")
        self.nodes.append(helper.make_node(kind, inputs, [out], name=self.name(kind.lower()), **attrs))
        return out

    def conv(self, x, k):
        w, b = self.name("w"), self.name("b")
        weight = self.rng.standard_normal((CHANNELS, CHANNELS, k, k)).astype(np.float32) * 0.3
        bias = self.rng.standard_normal(CHANNELS).astype(np.float32) * 0.1
        self.inits += [numpy_helper.from_array(weight, w), numpy_helper.from_array(bias, b)]
        return self.op("Conv", [x, w, b], kernel_shape=[k, k], pads=[k // 2] * 4)

    def residual(self, x):
        y = self.conv(self.op("Relu", [self.conv(x, 3)]), 3)
        return self.op("Relu", [self.op("Add", [y, x])])

    def branch(self, x):
        return self.op("Relu", [self.op("Add", [self.conv(x, 1), self.conv(x, 3)])])


def make(num_ops):
    g = Builder(seed=num_ops)
    x = "input"
    while len(g.nodes) < num_ops:
        x = g.residual(x) if len(g.nodes) % 9 == 0 else g.branch(x)
    shape = [1, CHANNELS, SIZE, SIZE]
    graph = helper.make_graph(
        g.nodes, "scaling", [helper.make_tensor_value_info("input", TensorProto.FLOAT, shape)],
        [helper.make_tensor_value_info(x, TensorProto.FLOAT, shape)], g.inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    model = make(int(sys.argv[1]))
    onnx.save(model, sys.argv[2])
    print(f"{sys.argv[2]}: {len(model.graph.node)} ops")
