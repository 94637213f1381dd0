"""ExportNode's attribute dictionary on known nodes of the bundled model,
and Aidge's batch/channels/height/width per data format."""

from collections import namedtuple

import pytest

from aidge_mlir.export_utils import (ExportNode, datatype_converter_aidge2c, get_batch, get_chan,
                                     get_dims, get_height, get_width)

from export_utils_support import scheduled_graph


@pytest.fixture(scope="module")
def graph():
    scheduler = scheduled_graph()
    scheduler.graph.run_pipeline("aidge-plan-memory")
    return scheduler.graph


def test_max_pool_attributes(graph):
    pool = graph.node("pool1")
    a = ExportNode(pool, graph=graph).attributes
    assert a["node"] == pool and a["name"] == "pool1"
    assert (a["nb_in"], a["nb_out"]) == (1, 1)
    # Channels last after --aidge-match-impl: dims as stored, as Aidge's.
    assert a["in_name"] == ["conv1_output_0"] and a["in_node"] == [graph.node("conv1")]
    assert a["in_dims"] == [[1, 32, 32, 8]] and a["in_dformat"] == ["nhwc"]
    assert a["in_size"] == [8192]
    assert (a["in_batch"], a["in_chan"], a["in_height"], a["in_width"]) == ([1], [8], [32], [32])
    assert (a["in_dtype"], a["in_cdtype"]) == (["float32"], ["float"])
    assert a["out_name"] == ["pool1_output_0"] and a["out_node"] == [[graph.node("conv2")]]
    assert a["out_dims"] == [[1, 16, 16, 8]] and a["out_size"] == [2048]
    assert (a["out_chan"], a["out_height"], a["out_width"]) == ([8], [16], [16])
    assert (a["out_dtype"], a["out_cdtype"]) == (["float32"], ["float"])
    # Operator attributes under their Python names.
    assert a["kernel_shape"] == [2, 2] and a["strides"] == [2, 2] and a["pads"] == [0, 0, 0, 0]
    # The plan: a line of 8 floats per pixel, 16 pixels a line.
    plan = pool.mem_info[0]
    assert a["mem_info"] is True
    assert (a["mem_info_size"], a["mem_info_stride"], a["mem_info_length"]) == ([32], [32], [16])
    assert a["mem_info_cont_size"] == [8192] and a["mem_info_wrap_size"] == [0]
    assert a["mem_info_offset"] == [plan["offset"]]
    assert a["mem_info_cont_offset"] == [plan["cont_offset"]]
    assert a["mem_info_wrap_offset"] == [plan["wrap_offset"]]


def test_weights_are_inputs_of_their_node(graph):
    a = ExportNode(graph.node("fc")).attributes
    assert a["out_node"] == [None]  # no graph given
    assert a["in_name"] == ["flatten_output_0", "fc_input_1", "fc_input_2"]
    assert a["in_node"] == [graph.node("flatten"), None, None]
    assert a["in_dims"] == [[1, 16], [10, 16], [10]]
    assert a["in_chan"] == [16, 16, 10] and a["in_height"] == [1, 1, 1]
    assert a["trans_b"] is True


def test_aidge_defaults_of_a_partial_mem_info(graph):
    a = ExportNode(graph.node("pool1"), [{"size": 2048, "offset": 64}]).attributes
    assert a["mem_info_stride"] == [2048] and a["mem_info_length"] == [2048]
    assert a["mem_info_cont_size"] == [2048] and a["mem_info_cont_offset"] == [64]
    assert a["mem_info_wrap_offset"] == [0] and a["mem_info_wrap_size"] == [0]


Tensor = namedtuple("Tensor", "name dims format")


@pytest.mark.parametrize("dims, dformat, stored, nchw", [
    ([2, 3, 5, 7], "default", [2, 3, 5, 7], (2, 3, 5, 7)),
    ([2, 3, 5, 7], "nhwc", [2, 5, 7, 3], (2, 3, 5, 7)),
    ([2, 3, 5, 7], "chwn", [3, 5, 7, 2], (2, 3, 5, 7)),
    ([2, 3, 7], "nwc", [2, 7, 3], (2, 3, 1, 7)),
    ([2, 3, 7], "ncw", [2, 3, 7], (2, 3, 1, 7)),
    ([3, 5, 7], "chw", [3, 5, 7], (1, 3, 5, 7)),
    ([3, 5, 7], "hwc", [5, 7, 3], (1, 3, 5, 7)),
    ([2, 3, 4, 5, 7], "ndhwc", [2, 4, 5, 7, 3], (2, 3, 5, 7)),
    ([2, 3], "default", [2, 3], (2, 3, 1, 1)),
    ([3], "default", [3], (1, 3, 1, 1)),
])
def test_batch_chan_height_width_per_format(dims, dformat, stored, nchw):
    tensor = Tensor("t", dims, dformat)
    assert get_dims(tensor) == stored
    assert (get_batch(tensor), get_chan(tensor), get_height(tensor), get_width(tensor)) == nchw


def test_conversion_map_is_aidge_seed():
    assert datatype_converter_aidge2c == {
        "float64": "double", "float32": "float", "float16": "half_float::half",
        "int8": "int8_t", "int16": "int16_t", "int32": "int32_t", "int64": "int64_t",
        "uint8": "uint8_t", "uint16": "uint16_t", "uint32": "uint32_t", "uint64": "uint64_t"}
