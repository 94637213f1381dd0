"""Graph, Node, Tensor and Scheduler of aidge_mlir._core."""
import pytest

import aidge_mlir
from aidge_mlir import Error


def test_load_onnx_nodes_in_ir_order(small_cnn):
    graph = aidge_mlir.load_onnx(small_cnn)
    assert [(n.name, n.type) for n in graph.nodes()] == [
        ("conv1", "Conv2D"), ("bn1", "BatchNorm2D"), ("relu1", "ReLU"),
        ("pool1", "MaxPooling2D"), ("conv2", "Conv2D"), ("relu2", "ReLU"),
        ("pool2", "MaxPooling2D"), ("conv3", "ConvDepthWise2D"),
        ("relu3", "ReLU"), ("gap", "GlobalAveragePooling"),
        ("flatten", "Flatten"), ("fc", "FC"), ("softmax", "Softmax")]


def test_node_fields(small_cnn):
    graph = aidge_mlir.load_onnx(small_cnn)
    conv = graph.node("conv1")
    assert conv.mlir_name == "aidge.conv"
    assert conv.attributes == {"dilations": [1, 1], "group": 1,
                               "pads": [1, 1, 1, 1], "strides": [1, 1]}
    x, w, b = conv.inputs
    assert (x.name, x.dims, x.dtype, x.kind, x.producer) == (
        "input", [1, 3, 32, 32], "float32", "input", None)
    assert (w.name, w.dims, w.kind, w.producer) == (
        "conv1.weight", [8, 3, 3, 3], "param", None)
    assert b.kind == "param"
    (out,) = conv.outputs
    assert (out.dims, out.kind, out.producer, out.producer_index) == (
        [1, 8, 32, 32], "activation", conv, 0)
    assert conv.impl is None and conv.mem_info is None
    bn = graph.node("bn1")
    assert bn.inputs[0].producer == conv
    assert graph.node("pool1").attributes["ceil_mode"] is False
    assert graph.node("fc").attributes["trans_b"] is True
    assert graph.node("bn1").attributes["epsilon"] == pytest.approx(1e-5)


def test_graph_inputs_outputs(small_cnn):
    graph = aidge_mlir.load_onnx(small_cnn)
    (x,) = graph.inputs()
    (y,) = graph.outputs()
    assert (x.name, x.dims, x.kind) == ("input", [1, 3, 32, 32], "input")
    assert (y.dims, y.dtype, y.producer.name) == ([1, 10], "float32", "softmax")


def test_input_shapes_fix_dynamic_dims(dynamic_model):
    graph = aidge_mlir.load_onnx(dynamic_model, input_shapes={"x": [2, 3]})
    assert graph.inputs()[0].dims == [2, 3]
    assert graph.node("act").outputs[0].dims == [2, 3]


def test_dynamic_dims_without_input_shapes(dynamic_model):
    with pytest.raises(Error) as info:
        aidge_mlir.load_onnx(dynamic_model)
    assert str(info.value) == (
        "error: graph input 'x' has a symbolic dimension; fix its "
        "shape with --input-shape=x:<d0>x<d1>x...")


def test_bad_input_shapes(relu_model):
    with pytest.raises(Error) as info:
        aidge_mlir.load_onnx(relu_model, input_shapes={"x": [1, 0]})
    assert str(info.value) == (
        "input_shapes: dimension '0' of input 'x' is not a positive integer")
    with pytest.raises(Error) as info:
        aidge_mlir.load_onnx(relu_model, input_shapes={"y": [1, 4]})
    assert "'y', which is not a graph input" in str(info.value)


def test_load_onnx_bad_path(tmp_path):
    with pytest.raises(Error) as info:
        aidge_mlir.load_onnx(str(tmp_path / "missing.onnx"))
    assert str(info.value) == (
        f"cannot read {tmp_path / 'missing.onnx'}: No such file or directory")


def test_load_onnx_not_a_model(tmp_path):
    path = tmp_path / "garbage.onnx"
    path.write_bytes(b"\x01\x02not protobuf")
    with pytest.raises(Error) as info:
        aidge_mlir.load_onnx(str(path))
    assert str(info.value) == (
        "error: input is not a valid ONNX model (protobuf parsing failed)")
    assert issubclass(Error, Exception)


def test_str_round_trips_through_parse_mlir(relu_model):
    graph = aidge_mlir.load_onnx(relu_model)
    text = str(graph)
    assert "aidge.relu" in text
    again = aidge_mlir.parse_mlir(text)
    assert [n.name for n in again.nodes()] == ["act"]
    assert str(again) == text


def test_parse_mlir_error():
    with pytest.raises(Error) as info:
        aidge_mlir.parse_mlir("module { foo }")
    assert str(info.value) == (
        "<parse_mlir>:1:10: error: custom op 'foo' is unknown (tried "
        "'builtin.foo' as well)\nmodule { foo }\n         ^")


def test_node_lookup_error(relu_model):
    graph = aidge_mlir.load_onnx(relu_model)
    with pytest.raises(Error) as info:
        graph.node("nope")
    assert str(info.value) == "no node named 'nope' in the graph"


def test_run_pipeline_updates_live_nodes(small_cnn):
    graph = aidge_mlir.load_onnx(small_cnn)
    conv = graph.node("conv1")
    graph.run_pipeline("aidge-fuse,aidge-match-impl{lib=cpp}")
    # Fused into conv1 by aidge-fuse.
    assert conv.attributes["activation"] == {"kind": "relu"}
    assert conv.impl["lib"] == "cpp" and conv.impl["kernel"] == "conv_blocked2d"
    assert conv.impl["spec"]["inputs"][0] == {
        "dtype": "float32", "format": "nhwc", "min_dims": [], "max_dims": []}
    assert "relu1" not in [n.name for n in graph.nodes()]
    assert graph.node("conv1_to_nhwc").type == "Transpose"


def test_run_pipeline_builtin_module_form(relu_model):
    graph = aidge_mlir.load_onnx(relu_model)
    graph.run_pipeline("builtin.module(aidge-match-impl{lib=cpp})")
    assert graph.node("act").impl["kernel"] == "relu"


def test_run_pipeline_unknown_pass(relu_model):
    graph = aidge_mlir.load_onnx(relu_model)
    with pytest.raises(Error) as info:
        graph.run_pipeline("aidge-bogus")
    assert str(info.value) == (
        "invalid pipeline 'aidge-bogus': MLIR Textual PassPipeline Parser:1:1: "
        "error: 'aidge-bogus' does not refer to a registered pass or pass "
        "pipeline\naidge-bogus\n^")


def test_run_pipeline_bad_option(relu_model):
    graph = aidge_mlir.load_onnx(relu_model)
    with pytest.raises(Error) as info:
        graph.run_pipeline("aidge-fuse{x=1}")
    assert str(info.value).startswith(
        "invalid pipeline 'aidge-fuse{x=1}': <Pass-Options-Parser>: no such "
        "option x")


def test_failing_pass_leaves_graph_unchanged(relu_model):
    graph = aidge_mlir.load_onnx(relu_model)
    before = str(graph)
    with pytest.raises(Error) as info:
        graph.run_pipeline("aidge-match-impl{lib=nolib}")
    assert str(info.value).startswith(
        "error: unknown export library 'nolib' (known: cpp")
    assert str(graph) == before


def test_rejected_node_is_named(tmp_path):
    from conftest import write_model
    from onnx import TensorProto, helper
    path = write_model(
        tmp_path / "erf.onnx",
        [helper.make_node("Erf", ["x"], ["y"], name="my_erf")],
        [helper.make_tensor_value_info("x", TensorProto.INT32, [4])],
        [helper.make_tensor_value_info("y", TensorProto.INT32, [4])])
    with pytest.raises(Error) as info:
        aidge_mlir.load_onnx(path)
    assert str(info.value) == (
        "error: loc(\"my_erf\"): Erf node 'my_erf' (opset 13): 'aidge.erf' op "
        "operand #0 must be statically shaped tensor of floating-point values, "
        "but got 'tensor<4xi32>'")


def test_clone_is_independent(relu_model):
    graph = aidge_mlir.load_onnx(relu_model)
    copy = graph.clone()
    copy.run_pipeline("aidge-match-impl{lib=cpp}")
    assert copy.node("act").impl is not None
    assert graph.node("act").impl is None


def test_scheduler(small_cnn):
    graph = aidge_mlir.load_onnx(small_cnn)
    scheduler = aidge_mlir.Scheduler(graph)
    with pytest.raises(Error) as info:
        scheduler.get_static_scheduling()
    assert str(info.value) == (
        "the graph has no schedule: call generate_scheduling() first")
    scheduler.generate_scheduling()
    order = [n.name for n in scheduler.get_static_scheduling()]
    assert order == [n.name for n in graph.nodes()]
    assert scheduler.graph.node("conv1") == graph.node("conv1")
    scheduler.generate_scheduling(order="memory")
    assert len(scheduler.get_static_scheduling()) == 13


def test_scheduler_bad_order(relu_model):
    scheduler = aidge_mlir.Scheduler(aidge_mlir.load_onnx(relu_model))
    with pytest.raises(Error) as info:
        scheduler.generate_scheduling(order="random")
    assert str(info.value) == (
        "unknown scheduling order 'random' (expected topological or memory)")


def test_lowered_graph_nodes_are_kernels(small_cnn):
    graph = aidge_mlir.load_onnx(small_cnn)
    graph.run_pipeline("aidge-export-pipeline{lib=cpp}")
    nodes = graph.nodes()
    assert {n.mlir_name for n in nodes} == {"aidge_export.kernel"}
    assert "conv1" in [n.name for n in nodes]
