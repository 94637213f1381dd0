#!/usr/bin/python3
"""Writes examples/small_cnn.onnx, a small CIFAR-sized image classifier.

input 1x3x32x32
  conv1 (3->8, 3x3, pad 1) -> bn1 -> relu1 -> pool1 (max 2x2)
  conv2 (8->16, 3x3, pad 1) -> relu2 -> pool2 (max 2x2)
  conv3 (depthwise, 16 groups, 3x3, pad 1) -> relu3
  gap -> flatten -> fc (16->10) -> softmax
output 1x10

Weights are random but look trained-ish: Kaiming-normal (std sqrt(2/fan_in)),
small biases, plausible BatchNorm running statistics. Seeded, so rerunning
writes the same bytes. Opset 13, checked with onnx.checker.

Run with /usr/bin/python3 (it has onnx and numpy):
  /usr/bin/python3 examples/gen_small_cnn.py [OUT.onnx]
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(2024)
inits = []


def param(name, array):
    inits.append(numpy_helper.from_array(np.asarray(array, np.float32), name))
    return name


def kaiming(name, shape):
    fan_in = int(np.prod(shape[1:]))
    return param(name, rng.standard_normal(shape) * np.sqrt(2.0 / fan_in))


def small_bias(name, n):
    return param(name, rng.uniform(-0.05, 0.05, n))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "small_cnn.onnx")
    N = helper.make_node
    nodes = [
        N("Conv", ["input", kaiming("conv1.weight", [8, 3, 3, 3]),
                   small_bias("conv1.bias", 8)], ["conv1_out"], name="conv1",
          kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
        N("BatchNormalization",
          ["conv1_out", param("bn1.weight", 1.0 + 0.1 * rng.standard_normal(8)),
           param("bn1.bias", 0.05 * rng.standard_normal(8)),
           param("bn1.running_mean", 0.2 * rng.standard_normal(8)),
           param("bn1.running_var", rng.uniform(0.5, 2.0, 8))],
          ["bn1_out"], name="bn1", epsilon=1e-5, momentum=0.9),
        N("Relu", ["bn1_out"], ["relu1_out"], name="relu1"),
        N("MaxPool", ["relu1_out"], ["pool1_out"], name="pool1",
          kernel_shape=[2, 2], strides=[2, 2]),
        N("Conv", ["pool1_out", kaiming("conv2.weight", [16, 8, 3, 3]),
                   small_bias("conv2.bias", 16)], ["conv2_out"], name="conv2",
          kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
        N("Relu", ["conv2_out"], ["relu2_out"], name="relu2"),
        N("MaxPool", ["relu2_out"], ["pool2_out"], name="pool2",
          kernel_shape=[2, 2], strides=[2, 2]),
        N("Conv", ["pool2_out", kaiming("conv3.weight", [16, 1, 3, 3]),
                   small_bias("conv3.bias", 16)], ["conv3_out"], name="conv3",
          kernel_shape=[3, 3], pads=[1, 1, 1, 1], group=16),
        N("Relu", ["conv3_out"], ["relu3_out"], name="relu3"),
        N("GlobalAveragePool", ["relu3_out"], ["gap_out"], name="gap"),
        N("Flatten", ["gap_out"], ["flatten_out"], name="flatten", axis=1),
        # fc.weight is [out, in] as in PyTorch, hence transB.
        N("Gemm", ["flatten_out", kaiming("fc.weight", [10, 16]), small_bias("fc.bias", 10)],
          ["fc_out"], name="fc", transB=1),
        N("Softmax", ["fc_out"], ["output"], name="softmax", axis=1),
    ]
    graph = helper.make_graph(
        nodes, "small_cnn",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 3, 32, 32])],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 10])],
        initializer=inits)
    model = helper.make_model(graph, producer_name="aidge-mlir gen_small_cnn.py",
                              opset_imports=[helper.make_opsetid("", 13)], ir_version=7)
    onnx.checker.check_model(model, full_check=True)
    data = model.SerializeToString()
    assert len(data) < 50 * 1024, len(data)
    with open(out, "wb") as f:
        f.write(data)
    print(f"{out}  ({len(data)} bytes)")


if __name__ == "__main__":
    main()
