"""A Python ExportLib in the C++ registry: its specs next to the inherited
ones, and the queries scoring them as --aidge-match-impl does."""

import aidge_mlir
from aidge_mlir.export_utils import ImplSpec, IOSpec

from export_utils_support import MODEL, scheduled_graph
import mylib

POOL_SPEC = ImplSpec(IOSpec("float32", "nhwc"),
                     attrs={"pads": "array<i64: 0, 0, 0, 0>", "dilations": "array<i64: 1, 1>"},
                     priority=1)


def test_registered_class_and_spec():
    assert mylib.MyLib._export_node_registry == {"MaxPooling2D": [(POOL_SPEC, mylib.MaxPool)]}
    assert mylib.MyLib.get_export_node(POOL_SPEC) is mylib.MaxPool
    assert mylib.MyLib.get_export_node(POOL_SPEC, "Conv2D") is None
    assert aidge_mlir.kernel("mylib", "MaxPool_MaxPooling2D")["external"] is True


def test_available_specs_are_inherited_then_own():
    graph = aidge_mlir.load_onnx(str(MODEL))
    pool = graph.node("pool1")
    specs = mylib.MyLib.get_available_impl_specs(pool)
    cpp = [ImplSpec.from_dict(d) for d in aidge_mlir.impl_specs("cpp", "MaxPooling2D")]
    assert specs == cpp + [POOL_SPEC]
    # Other types are cpp's.
    conv = graph.node("conv1")
    assert mylib.MyLib.get_available_impl_specs(conv) == [
        ImplSpec.from_dict(d) for d in aidge_mlir.impl_specs("cpp", "Conv2D")]


def test_queries_on_an_unmatched_and_a_matched_pool():
    graph = aidge_mlir.load_onnx(str(MODEL))
    pool = graph.node("pool1")
    assert mylib.MyLib.get_required_spec(pool) == ImplSpec(
        IOSpec("float32", "default", [(1, 1), (8, 8), (32, 32), (32, 32)]),
        IOSpec("float32", "default", [(1, 1), (8, 8), (16, 16), (16, 16)]))
    # Channels first as imported: only with transposes.
    assert mylib.MyLib.get_best_match(pool) is None
    spec, adaptations = mylib.MyLib.get_best_adaptation(pool)
    assert spec == POOL_SPEC
    assert [(a["where"], a["kind"], a["from"], a["to"]) for a in adaptations] == [
        ("input", "transpose", "default", "nhwc"), ("output", "transpose", "default", "nhwc")]
    matched = scheduled_graph("mylib").graph.node("pool1")
    assert mylib.MyLib.get_best_match(matched) == POOL_SPEC
    assert mylib.MyLib.get_export_node(mylib.MyLib.get_best_match(matched)) is mylib.MaxPool
