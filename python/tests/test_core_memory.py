"""The memory planner and the plan checker of aidge_mlir._core."""
import copy

import pytest

import aidge_mlir
from aidge_mlir import Error

KEYS = {"size", "offset", "stride", "length", "count", "cont_offset",
        "cont_size", "wrap_offset", "wrap_size", "reuse"}


@pytest.fixture
def matched(small_cnn):
    graph = aidge_mlir.load_onnx(small_cnn)
    graph.run_pipeline("aidge-fuse,aidge-match-impl{lib=cpp},aidge-schedule")
    return graph


def test_plan_memory_is_the_planners(matched):
    peak, plan = aidge_mlir.plan_memory(matched)
    expected = matched.clone()
    expected.run_pipeline("aidge-plan-memory")
    assert (peak, plan) == aidge_mlir.memory_plan(expected)
    assert peak == 45056
    assert set(plan["conv1"][0]) == KEYS
    assert plan["input"] == [{"size": 128, "offset": 0, "stride": 128,
                              "length": 32, "count": 3, "cont_offset": 0,
                              "cont_size": 12288, "wrap_offset": 0,
                              "wrap_size": 0, "reuse": "none"}]
    # Planned on a copy: the graph itself is left alone.
    assert matched.node("conv1").mem_info is None


def test_plan_memory_options(matched):
    stack, _ = aidge_mlir.plan_memory(matched, strategy="stack")
    best, _ = aidge_mlir.plan_memory(matched, strategy="best")
    assert best <= stack
    with pytest.raises(Error) as info:
        aidge_mlir.plan_memory(matched, strategy="fastest")
    assert str(info.value) == (
        "error: unknown memory strategy 'fastest' (expected stack, "
        "greedy-by-size or best)")


def test_set_memory_plan_writes_the_attributes(matched):
    peak, plan = aidge_mlir.plan_memory(matched)
    aidge_mlir.set_memory_plan(matched, peak, plan)
    assert matched.node("conv1").mem_info == plan["conv1"]
    assert aidge_mlir.memory_plan(matched) == (peak, plan)
    assert "aidge.peak_bytes = 45056" in str(matched)
    assert "aidge.arena_align = 16" in str(matched)


def test_set_memory_plan_alone_is_enough_to_export(matched, tmp_path):
    # No planner run on the graph: the plan and its alignment come from
    # Python, and the arena is declared with that alignment.
    peak, plan = aidge_mlir.plan_memory(matched)
    aidge_mlir.set_memory_plan(matched, peak, plan, align=64)
    assert "aidge.arena_align = 64" in str(matched)
    aidge_mlir.export_cpp(matched, str(tmp_path / "x"))
    forward = (tmp_path / "x" / "dnn" / "src" / "forward.cpp").read_text()
    assert "alignas(64) static unsigned char mem[" in forward


@pytest.mark.parametrize("align", [0, -16, 24])
def test_set_memory_plan_align_must_be_a_power_of_two(matched, align):
    peak, plan = aidge_mlir.plan_memory(matched)
    with pytest.raises(Error) as info:
        aidge_mlir.set_memory_plan(matched, peak, plan, align=align)
    assert str(info.value) == f"align must be a power of two, got {align}"
    assert matched.node("conv1").mem_info is None


def test_overlapping_plan_is_rejected(matched):
    peak, plan = aidge_mlir.plan_memory(matched)
    bad = copy.deepcopy(plan)
    # conv2 written over pool1, which conv2 still reads.
    for key in ("offset", "cont_offset", "wrap_offset"):
        bad["conv2"][0][key] = plan["pool1"][0]["offset"]
    with pytest.raises(Error) as info:
        aidge_mlir.set_memory_plan(matched, peak, bad)
    assert str(info.value).endswith(
        "memory plan: 'pool1' and 'conv2' are live at step 4 and share bytes "
        "[32768, 40960)\nnote: loc(\"pool1\"): 'pool1' is written here")
    # Rejected plans are not written.
    assert matched.node("conv2").mem_info is None


def test_plan_outside_the_arena_is_rejected(matched):
    peak, plan = aidge_mlir.plan_memory(matched)
    with pytest.raises(Error) as info:
        aidge_mlir.set_memory_plan(matched, 100, plan)
    assert str(info.value).startswith(
        "error: memory plan: 'input' lies outside the arena of 100 bytes\n")


@pytest.mark.parametrize("edit, message", [
    (lambda p: p.pop("fc"), "the memory plan has no mem_info for 'fc'"),
    (lambda p: p.update(ghost=p["fc"]),
     "the memory plan names 'ghost', which is neither a node nor a graph input"),
    (lambda p: p["fc"].append(p["fc"][0]),
     "mem_info of 'fc' has 2 entries, for 1 outputs"),
    (lambda p: p["fc"][0].pop("size"), "mem_info of 'fc' has no 'size'"),
    (lambda p: p["fc"][0].update(size="big"),
     "mem_info of 'fc': 'size' is not an integer"),
    (lambda p: p["fc"][0].update(reuse="often"),
     "mem_info of 'fc': unknown reuse 'often' (expected none, inplace, "
     "alias, wrap or concat)"),
])
def test_malformed_plans(matched, edit, message):
    peak, plan = aidge_mlir.plan_memory(matched)
    edit(plan)
    with pytest.raises(Error) as info:
        aidge_mlir.set_memory_plan(matched, peak, plan)
    assert str(info.value) == message


def test_memory_plan_of_unplanned_graph(matched):
    with pytest.raises(Error) as info:
        aidge_mlir.memory_plan(matched)
    assert str(info.value) == "the graph has no memory plan"
