"""scheduler_export end to end: a Python export library overriding one op
of `cpp`, and user-written memory managers, built and run."""

import math
import re

import numpy as np
import onnx.numpy_helper
import pytest

import aidge_mlir
from aidge_mlir.export_utils import get_dims, scheduler_export

from export_utils_support import ROOT, TEST_DATA, build_and_run, scheduled_graph
import mylib


def test_python_library_overrides_max_pooling(tmp_path):
    scheduler = scheduled_graph("mylib")
    kernels = {n.name: n.impl["kernel"] for n in scheduler.get_static_scheduling()}
    # mylib's kernel wins over cpp's max pooling; the rest stays cpp's.
    assert kernels["pool1"] == kernels["pool2"] == "MaxPool_MaxPooling2D"
    assert kernels["conv1"] == "conv_blocked2d" and kernels["gap"] == "global_average_pool2d"

    export = tmp_path / "export"
    scheduler_export(scheduler, export, export_lib=mylib.MyLib, test_mode=True,
                     test_data=TEST_DATA)

    kernel = ROOT / "examples" / "python_lib" / "kernels" / "my_max_pool.hpp"
    assert (export / "dnn/include/kernels/my_max_pool.hpp").read_text() == kernel.read_text()
    config = (export / "dnn/include/layers/pool2.h").read_text()
    assert "#define POOL2_CHANNELS 16\n#define POOL2_IN_HEIGHT 16\n" in config
    forward = (export / "dnn/src/forward.cpp").read_text()
    assert '#include "kernels/my_max_pool.hpp"' in forward
    assert '#include "layers/pool1.h"' in forward
    assert forward.count("mylib::max_pool_nhwc<") == 2
    # The pools read their input where the convolution before them wrote it.
    conv1 = scheduler.graph.node("conv1").mem_info[0]["cont_offset"]
    assert (f"const float *conv1_output_0 = reinterpret_cast<const float *>(mem + {conv1});"
            in forward)
    assert "aidge_cpp::pooling_forward" not in forward

    run = build_and_run(export)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "PASS" in run.stdout


def naive_memory_manager(scheduler, gap=16):
    """Every tensor in a buffer of its own, in schedule order, `gap` bytes
    apart: no reuse at all."""
    offset, plan = 0, {}

    def place(tensor):
        nonlocal offset
        dims = get_dims(tensor) or [1]
        size = dims[-1] * np.dtype(tensor.dtype).itemsize
        length = dims[-2] if len(dims) > 1 else 1
        count = math.prod(dims[:-2])
        info = {"size": size, "offset": offset, "stride": size, "length": length,
                "count": count, "cont_offset": offset, "cont_size": size * length * count,
                "wrap_offset": offset, "wrap_size": 0}
        offset += size * length * count + gap
        return info

    for tensor in scheduler.graph.inputs():
        plan[tensor.name] = [place(tensor)]
    for node in scheduler.get_static_scheduling():
        plan[node] = [place(t) for t in node.outputs]
    return offset, plan


def test_user_memory_manager_is_honoured(tmp_path):
    scheduler = scheduled_graph("mylib")
    inputs = [onnx.numpy_helper.to_array(onnx.load_tensor(str(TEST_DATA / "input_0.pb")))]
    outputs = [onnx.numpy_helper.to_array(onnx.load_tensor(str(TEST_DATA / "output_0.pb")))]
    export = tmp_path / "export"
    scheduler_export(scheduler, export, export_lib=mylib.MyLib,
                     memory_manager=naive_memory_manager, memory_manager_args={"gap": 32},
                     test_mode=True, test_data=(inputs, outputs))

    peak, plan = naive_memory_manager(scheduler, gap=32)
    graph = scheduler.graph
    for node, infos in plan.items():
        if not isinstance(node, str):
            assert graph.node(node.name).mem_info == [dict(i, reuse="none") for i in infos]
    forward_hpp = (export / "dnn/include/forward.hpp").read_text()
    assert f"#define MODEL_ARENA_SIZE {peak}\n" in forward_hpp
    conv2 = (export / "dnn/include/layers/conv2.h").read_text()
    offset = plan[graph.node("conv2")][0]["offset"]
    assert f"#define CONV2_OUT_MEM_OFFSET {offset}\n" in conv2
    pool1 = plan[graph.node("pool1")][0]["offset"]
    assert (f"float *pool1_output_0 = reinterpret_cast<float *>(mem + POOL1_OUTPUT_0_MEM_CONT_OFFSET);"
            in (export / "dnn/src/forward.cpp").read_text())
    assert f"#define POOL1_OUTPUT_0_MEM_CONT_OFFSET {pool1}\n" in (
        export / "dnn/include/layers/pool1.h").read_text()

    run = build_and_run(export)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "PASS" in run.stdout


def test_wrong_memory_plan_is_rejected(tmp_path):
    def overlapping(scheduler):
        peak, plan = naive_memory_manager(scheduler)
        # pool1's output over conv1's, which pool1 is still reading.
        conv1 = next(k for k in plan if not isinstance(k, str) and k.name == "conv1")
        pool1 = next(k for k in plan if not isinstance(k, str) and k.name == "pool1")
        shifted = dict(plan[pool1][0])
        for field in ("offset", "cont_offset", "wrap_offset"):
            shifted[field] = plan[conv1][0][field]
        plan[pool1] = [shifted]
        return peak, plan

    scheduler = scheduled_graph("mylib")
    with pytest.raises(aidge_mlir.Error) as raised:
        scheduler_export(scheduler, tmp_path / "export", export_lib=mylib.MyLib,
                         memory_manager=overlapping)
    assert str(raised.value) == (
        "error: loc(\"pool1\"): memory plan: 'conv1' and 'pool1' are live at step 3 and share "
        "bytes [24608, 32800)\nnote: loc(fused[\"conv1\", \"bn1\", \"relu1\"]): 'conv1' is "
        "written here")
    assert not (tmp_path / "export").exists()
