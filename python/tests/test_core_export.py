"""export_cpp of aidge_mlir._core: the C++ translation, with kernels of a
Python library rendered by Python callables in the same export."""
import subprocess

import numpy as np
import pytest
from onnx import TensorProto, helper, numpy_helper

import aidge_mlir
from aidge_mlir import Error
from conftest import write_model

KERNEL = """#pragma once
#include <cstddef>
inline void py_relu_forward(const float *in, float *out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    out[i] = in[i] > 0.0f ? in[i] : 0.0f;
}
"""


def render_relu(node):
    """The call of py_relu, from the names the translation gives it."""
    symbols = node.export_symbols
    arena, (x,), (y,) = symbols["arena"], symbols["inputs"], symbols["outputs"]
    assert (node.type, symbols["layer_header"]) == ("ReLU", "layers/act.h")
    forward = (
        f"py_relu_forward(reinterpret_cast<const float *>({arena} + {x}_CONT_OFFSET),\n"
        f"                reinterpret_cast<float *>({arena} + {y}_CONT_OFFSET),\n"
        f"                {y}_CONT_SIZE / sizeof(float));")
    return {"includes": ["kernels/py_relu.hpp"], "forward": forward,
            "files": {"dnn/include/kernels/py_relu.hpp": KERNEL}}


@pytest.fixture
def relu_softmax(tmp_path):
    """x (1x8) -> Relu "act" -> Softmax "sm" -> y, with a test data set."""
    path = write_model(
        tmp_path / "model.onnx",
        [helper.make_node("Relu", ["x"], ["h"], name="act"),
         helper.make_node("Softmax", ["h"], ["y"], name="sm", axis=1)],
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 8])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 8])])
    x = np.linspace(-2, 2, 8, dtype=np.float32).reshape(1, 8)
    e = np.exp(np.maximum(x, 0).astype(np.float64))
    y = (e / e.sum()).astype(np.float32)
    data = tmp_path / "test_data_set_0"
    data.mkdir()
    (data / "input_0.pb").write_bytes(numpy_helper.from_array(x).SerializeToString())
    (data / "output_0.pb").write_bytes(numpy_helper.from_array(y).SerializeToString())
    return path, str(data)


@pytest.fixture
def planned(relu_softmax):
    aidge_mlir.create_export_lib("pytest_render", base="cpp")
    aidge_mlir.register_impl("pytest_render", "ReLU", {"priority": 5},
                             {"name": "py_relu", "external": True})
    graph = aidge_mlir.load_onnx(relu_softmax[0])
    graph.run_pipeline("aidge-export-pipeline{lib=pytest_render lower=false}")
    return graph, relu_softmax[1]


def test_external_renderer_export_builds_and_matches(planned, tmp_path):
    graph, data = planned
    out = tmp_path / "export"
    aidge_mlir.export_cpp(graph, str(out), renderers={"py_relu": render_relu},
                          test_data=data)
    forward = (out / "dnn/src/forward.cpp").read_text()
    assert '#include "kernels/py_relu.hpp"' in forward
    assert "  py_relu_forward(reinterpret_cast<const float *>(mem + ACT_IN0_MEM_CONT_OFFSET)," in forward
    assert "aidge_cpp::softmax_forward(mem, SM_IN0_MEM, SM_OUT_MEM, SM_PARAMS);" in forward
    # The Makefile builds with -Wall -Wextra -Werror.
    assert "WARNINGS = -Wall -Wextra -Werror" in (out / "Makefile").read_text()
    subprocess.run(["make", "-s", "-C", str(out)], check=True)
    run = subprocess.run([str(out / "model")], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.splitlines()[-1] == "PASS"
    # The graph itself is not lowered by the export.
    assert graph.node("act").mlir_name == "aidge.relu"


def test_lowered_nodes_have_export_symbols(planned):
    graph, _ = planned
    assert graph.node("sm").export_symbols is None
    graph.run_pipeline("aidge-lower-to-export")
    symbols = graph.node("sm").export_symbols
    assert symbols["params_struct"] == "SM_PARAMS"
    assert symbols["params"] == {"outer": "SM_OUTER", "axis_size": "SM_AXIS_SIZE",
                                 "inner": "SM_INNER"}
    # An external kernel gets no params aggregate: its type is cpp's.
    assert graph.node("act").export_symbols["params_struct"] == ""


def test_missing_renderer(planned, tmp_path):
    graph, _ = planned
    with pytest.raises(Error) as info:
        aidge_mlir.export_cpp(graph, str(tmp_path / "x"))
    assert str(info.value) == (
        "error: loc(\"act\"): kernel 'py_relu' of library 'pytest_render' is "
        "external and the export has no renderer for it")


def test_renderer_raises(planned, tmp_path):
    graph, _ = planned

    def broken(node):
        raise ValueError("no template")
    with pytest.raises(Error) as info:
        aidge_mlir.export_cpp(graph, str(tmp_path / "x"), renderers={"py_relu": broken})
    assert str(info.value).startswith(
        "renderer of kernel 'py_relu' raised ValueError: no template")


@pytest.mark.parametrize("result, message", [
    ("text", "renderer of kernel 'py_relu' returned <class 'str'>, not a dict"),
    ({}, "renderer of kernel 'py_relu' returned no 'forward'"),
    ({"forward": "f();", "include": []},
     "renderer of kernel 'py_relu' returned unknown key 'include' (expected "
     "includes, forward, files)"),
    ({"forward": 3}, "renderer of kernel 'py_relu' returned a dict of the wrong "
     "types (includes: list[str], forward: str, files: dict[str, str])"),
])
def test_renderer_bad_result(planned, tmp_path, result, message):
    graph, _ = planned
    with pytest.raises(Error) as info:
        aidge_mlir.export_cpp(graph, str(tmp_path / "x"),
                              renderers={"py_relu": lambda node: result})
    assert str(info.value) == message


def test_export_needs_a_plan(relu_model, tmp_path):
    graph = aidge_mlir.load_onnx(relu_model)
    with pytest.raises(Error) as info:
        aidge_mlir.export_cpp(graph, str(tmp_path / "x"))
    assert str(info.value) == (
        "error: has no memory plan; run --aidge-plan-memory")


def test_bad_test_data(planned, tmp_path):
    graph, _ = planned
    with pytest.raises(Error) as info:
        aidge_mlir.export_cpp(graph, str(tmp_path / "x"),
                              renderers={"py_relu": render_relu},
                              test_data=str(tmp_path / "none"))
    assert str(info.value) == (
        f"error: no input_0.pb or output_0.pb in test data directory "
        f"'{tmp_path / 'none'}'")


def test_export_of_cpp_only_graph(small_cnn, tmp_path):
    graph = aidge_mlir.load_onnx(small_cnn)
    graph.run_pipeline("aidge-export-pipeline{lib=cpp}")
    aidge_mlir.export_cpp(graph, str(tmp_path / "cnn"))
    assert (tmp_path / "cnn/dnn/include/layers/conv1.h").exists()
