"""Every misuse of the export_utils API fails with a message saying what is
wrong and where."""

from pathlib import Path

import pytest

import aidge_mlir
from aidge_mlir import _core
from aidge_mlir.export_utils import (ExportLib, ExportNode, ExportNodeCpp, ImplSpec, IOSpec,
                                     scheduler_export)

from export_utils_support import ROOT, scheduled_graph
import mylib

F32 = ImplSpec(IOSpec("float32"))


class ErrorsLib(ExportLib):
    _name = "errors_lib"


class Unnamed(ExportLib):
    pass


class Node(ExportNodeCpp):
    pass


def raised(error, action):
    with pytest.raises(error) as info:
        action()
    return str(info.value)


@ErrorsLib.register(["ReLU", "Sigmoid"], F32)
class Activation(ExportNodeCpp):
    pass


@ErrorsLib.register("Tanh", F32)
class Tanh(ExportNodeCpp):
    pass


def test_register_a_list_of_op_types_registers_each():
    assert ErrorsLib._export_node_registry["ReLU"] == [(F32, Activation)]
    assert ErrorsLib._export_node_registry["Sigmoid"] == [(F32, Activation)]
    # In the C++ registry after cpp's own implementations.
    assert ImplSpec.from_dict(_core.impl_specs("errors_lib", "ReLU")[-1]) == F32
    assert ImplSpec.from_dict(_core.impl_specs("errors_lib", "Sigmoid")[-1]) == F32


@pytest.mark.parametrize("op_type, shown", [(("ReLU",), "('ReLU',)"), ([], "[]"),
                                            (["ReLU", 3], "['ReLU', 3]")])
def test_register_op_type_must_be_a_str_or_a_list_of_str(op_type, shown):
    assert raised(TypeError, lambda: ErrorsLib.register(op_type, F32)) == (
        f"ErrorsLib.register: op_type must be a str or a non-empty list of str, got {shown}")


def test_register_unknown_op_type():
    assert raised(ValueError, lambda: ErrorsLib.register("Frobnicate", F32)) == (
        "ErrorsLib.register: unknown op type 'Frobnicate' (neither an Aidge operator type such as "
        "Conv2D nor an op such as conv or aidge.conv).\nHint: a metaop (a fused op) uses "
        "register_metaop, another dialect's op register_generic.")
    assert raised(ValueError, lambda: ErrorsLib.register_generic("mydialect.myop", F32)) == (
        "ErrorsLib.register_generic: unknown op type 'mydialect.myop' (neither an Aidge operator "
        "type such as Conv2D nor an op such as conv or aidge.conv).\nHint: a metaop (a fused "
        "op) uses register_metaop, another dialect's op register_generic.")


def test_register_needs_an_implementation_spec():
    assert raised(TypeError, lambda: ErrorsLib.register("ReLU", IOSpec("float32"))) == (
        "ErrorsLib.register: spec must be an ImplSpec, got IOSpec")


def test_register_needs_a_named_library():
    assert raised(ValueError, lambda: Unnamed.register("ReLU", F32)) == (
        "Unnamed does not define the attribute _name")


def test_register_takes_export_node_classes():
    assert raised(TypeError, lambda: ErrorsLib.register("ReLU", F32)(object)) == (
        "ErrorsLib.register: registers ExportNode subclasses, got <class 'object'>")


def test_register_metaop_needs_an_activation():
    assert raised(ValueError, lambda: ErrorsLib.register_metaop("Conv2D", F32)) == (
        "ErrorsLib.register_metaop('Conv2D'): a metaop is its base op with an 'activation' "
        "attribute; constrain it in the spec, e.g. "
        "attrs={'activation': '#aidge.activation<kind = relu>'}")


def test_register_generic_needs_a_dialect_op_name():
    assert raised(ValueError, lambda: ErrorsLib.register_generic("MyOp", F32)) == (
        "ErrorsLib.register_generic('MyOp'): a generic op type is the full name of another "
        "dialect's op, e.g. 'mydialect.myop'")


def test_get_export_node_with_a_spec_of_several_types_needs_the_type():
    assert ErrorsLib.get_export_node(F32, "ReLU") is Activation
    assert ErrorsLib.get_export_node(ImplSpec(IOSpec("int8"))) is None
    assert raised(ValueError, lambda: ErrorsLib.get_export_node(F32)) == (
        f"ErrorsLib.get_export_node: {F32} is registered for ReLU, Sigmoid, Tanh; give op_type")


@pytest.fixture(scope="module")
def pool():
    """The first max pooling of the bundled model, planned."""
    scheduler = scheduled_graph()
    graph = scheduler.graph
    graph.run_pipeline("aidge-plan-memory")
    return graph.node("pool1")


@pytest.mark.parametrize("field", ["config_template", "include_list", "kernels_to_copy"])
def test_export_needs_every_template_field(pool, tmp_path, field):
    fields = {"config_template": "", "include_list": [], "kernels_to_copy": []}
    del fields[field]
    node_class = type("Incomplete", (ExportNodeCpp,), fields)
    assert raised(ValueError, lambda: node_class(pool).export(tmp_path)) == (
        f"Incomplete.{field} is not set")


def test_forward_needs_a_forward_template(pool):
    assert raised(ValueError, lambda: Node(pool).forward()) == "Node.forward_template is not set"


def test_missing_template_and_kernel_files(pool, tmp_path):
    missing = type("Missing", (ExportNodeCpp,), {
        "config_template": "nowhere.jinja", "forward_template": "nowhere.jinja",
        "include_list": [], "kernels_to_copy": []})
    assert raised(FileNotFoundError, lambda: missing(pool).export(tmp_path)) == (
        "Missing.config_template: no template file 'nowhere.jinja'")
    assert raised(FileNotFoundError, lambda: missing(pool).forward()) == (
        "Missing.forward_template: no template file 'nowhere.jinja'")
    missing.config_template = ""
    missing.kernels_to_copy = ["nowhere.hpp"]
    assert raised(FileNotFoundError, lambda: missing(pool).export(tmp_path)) == (
        "Missing.kernels_to_copy: no kernel file 'nowhere.hpp'")


def test_template_naming_an_unknown_attribute(pool, tmp_path):
    template = tmp_path / "bad.jinja"
    template.write_text("{{ no_such_attribute }}")
    bad = type("Bad", (ExportNodeCpp,), {"forward_template": str(template)})
    assert raised(RuntimeError, lambda: bad(pool).forward()) == (
        "Bad.forward_template: cannot render it for node pool1 (MaxPooling2D): "
        "'no_such_attribute' is undefined")


def test_mem_info_needs_size_and_offset(pool):
    assert raised(RuntimeError, lambda: ExportNode(pool, [{"size": 32}])) == (
        "mem_info of output 0 of node pool1: 'offset' is mandatory")
    assert raised(RuntimeError, lambda: ExportNode(pool, [{"size": 1, "offset": 0}] * 2)) == (
        "node pool1 (MaxPooling2D) has 1 outputs but 2 mem_info entries")


def test_scheduler_export_misuse(tmp_path):
    scheduler = scheduled_graph()
    assert raised(TypeError, lambda: scheduler_export(scheduler, tmp_path, export_lib="mylib")) \
        == "scheduler_export: export_lib must be an ExportLib subclass, got 'mylib'"
    assert raised(ValueError, lambda: scheduler_export(scheduler, tmp_path, test_mode=True)) == (
        "scheduler_export: test_mode needs test_data (an ONNX test data set directory, or a "
        "pair (inputs, expected_outputs) of lists of numpy arrays)")
    assert raised(RuntimeError, lambda: scheduler_export(scheduler, tmp_path,
                                                         export_lib=mylib.MyLib)) == (
        "Operator conv1_to_nhwc[Transpose] is implemented by export library 'cpp', not 'mylib'")
    assert raised(FileNotFoundError, lambda: scheduler_export(
        scheduler, tmp_path, test_data=tmp_path / "none")) == (
        f"scheduler_export: test_data '{tmp_path / 'none'}' is not a directory")
    assert raised(TypeError, lambda: scheduler_export(scheduler, tmp_path, test_data=3)) == (
        "scheduler_export: test_data must be an ONNX test data set directory or a pair "
        "(inputs, expected_outputs) of lists of numpy arrays")


def test_scheduler_export_of_an_unmatched_graph(tmp_path):
    graph = aidge_mlir.load_onnx(str(ROOT / "examples" / "small_cnn.onnx"))
    scheduler = aidge_mlir.Scheduler(graph)
    scheduler.generate_scheduling()
    assert raised(RuntimeError, lambda: scheduler_export(scheduler, tmp_path)) == (
        "Operator conv1[Conv2D] doesn't have an implementation: run "
        "aidge-match-impl{lib=cpp} before scheduling")
