"""Shared fixtures of the aidge_mlir tests: the example model and tiny
models written with onnx.helper."""
import os
import pathlib

import onnx
import pytest
from onnx import TensorProto, helper

ROOT = pathlib.Path(__file__).resolve().parents[2]
SMALL_CNN = str(ROOT / "examples" / "small_cnn.onnx")


@pytest.fixture
def small_cnn():
    return SMALL_CNN


def write_model(path, nodes, inputs, outputs, initializers=()):
    graph = helper.make_graph(nodes, "tiny", inputs, outputs, list(initializers))
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.save(model, str(path))
    return str(path)


@pytest.fixture
def relu_model(tmp_path):
    """x (1x4, float) -> Relu "act" -> y."""
    return write_model(
        tmp_path / "relu.onnx",
        [helper.make_node("Relu", ["x"], ["y"], name="act")],
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4])])


@pytest.fixture
def dynamic_model(tmp_path):
    """x (N x 3, float, N symbolic) -> Relu "act" -> y."""
    return write_model(
        tmp_path / "dynamic.onnx",
        [helper.make_node("Relu", ["x"], ["y"], name="act")],
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 3])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 3])])
