"""``ExportNode`` and ``ExportNodeCpp``: a node of the graph as the
attribute dictionary export templates are rendered with (aidge_core's
``export_utils.node_export``)."""

import contextvars
from pathlib import Path
from typing import Dict, List, Optional

from . import code_generation, data_conversion

# Where batch, channels, height and width are in a tensor's stored dims, per
# data format and rank ("default" is ONNX's channels-first order). Missing
# axes count 1, as in Aidge's get_batch/get_chan/get_height/get_width.
_CHANNELS_FIRST = {1: {"c": 0}, 2: {"n": 0, "c": 1}, 3: {"n": 0, "c": 1, "w": 2},
                   4: {"n": 0, "c": 1, "h": 2, "w": 3}, 5: {"n": 0, "c": 1, "h": 3, "w": 4}}
_AXES = {
    "default": _CHANNELS_FIRST,
    "nchw": _CHANNELS_FIRST,
    "ncdhw": _CHANNELS_FIRST,
    "ncw": _CHANNELS_FIRST,
    "nhwc": {4: {"n": 0, "h": 1, "w": 2, "c": 3}, 3: {"n": 0, "w": 1, "c": 2}},
    "nwc": {3: {"n": 0, "w": 1, "c": 2}},
    "ndhwc": {5: {"n": 0, "h": 2, "w": 3, "c": 4}},
    "chwn": {4: {"c": 0, "h": 1, "w": 2, "n": 3}},
    "chw": {3: {"c": 0, "h": 1, "w": 2}},
    "hwc": {3: {"h": 0, "w": 1, "c": 2}},
}


# Stored order of each format with a fixed rank, as dimensions of the default
# order (lib/Dialect/Aidge/IR/DataFormat.cpp): _core.Tensor.dims are in the
# default order, Aidge's (and the arena's) in the stored one.
_STORED_ORDER = {"nchw": (0, 1, 2, 3), "nhwc": (0, 2, 3, 1), "ncw": (0, 1, 2), "chw": (0, 1, 2),
                 "nwc": (0, 2, 1), "hwc": (1, 2, 0), "ncdhw": (0, 1, 2, 3, 4),
                 "ndhwc": (0, 2, 3, 4, 1), "chwn": (1, 2, 3, 0)}


def get_dims(tensor) -> List[int]:
    """The tensor's dims in the order it is stored (Aidge's ``tensor.dims``)."""
    order = _STORED_ORDER.get(tensor.format)
    if order is None:
        return list(tensor.dims)
    return [tensor.dims[d] for d in order]


def _axis(tensor, axis: str) -> int:
    by_rank = _AXES.get(tensor.format)
    if by_rank is None:
        raise RuntimeError(f"unknown data format '{tensor.format}' of tensor '{tensor.name}'")
    dims = get_dims(tensor)
    if not dims:
        return 1
    if len(dims) not in by_rank:
        raise RuntimeError(f"tensor '{tensor.name}' of rank {len(dims)} cannot be in format "
                           f"'{tensor.format}'")
    index = by_rank[len(dims)].get(axis)
    return 1 if index is None else dims[index]


def get_batch(tensor) -> int:
    return _axis(tensor, "n")


def get_chan(tensor) -> int:
    return _axis(tensor, "c")


def get_height(tensor) -> int:
    return _axis(tensor, "h")


def get_width(tensor) -> int:
    return _axis(tensor, "w")


def _size(tensor) -> int:
    size = 1
    for d in tensor.dims:
        size *= d
    return size


#: The graph scheduler_export is exporting: where an ExportNode built by an
#: Aidge-style ``__init__(self, node, mem_info)`` finds its node's consumers.
exported_graph: contextvars.ContextVar = contextvars.ContextVar("exported_graph", default=None)


def _consumers(graph, node, index: int) -> list:
    """The nodes of ``graph`` reading output ``index`` of ``node``, which may
    be a node of a copy of ``graph`` (the export renders from one): by name."""
    return [n for n in graph.nodes()
            if any(t.kind == "activation" and t.producer.name == node.name
                   and t.producer_index == index for t in n.inputs)]


_MEM_FIELDS = ("size", "offset", "stride", "length", "cont_size", "cont_offset",
               "wrap_offset", "wrap_size")


class ExportNode:
    """A node and the ``attributes`` its templates are rendered with.

    Keys (lists have one entry per input or output):

    - every attribute of the operator, under its Python-style name
      (``kernel_shape``, ``strides``, ...);
    - ``node``, ``name``, ``nb_in``, ``nb_out``;
    - ``in_name`` (``<producer>_output_<k>`` for an activation,
      ``<name>_input_<i>`` for a graph input or a weight), ``in_node`` (the
      producing node or None), ``in_dims``, ``in_size`` (elements),
      ``in_dformat``, ``in_batch``, ``in_chan``, ``in_height``, ``in_width``
      (per data format), ``in_dtype`` (Aidge name), ``in_cdtype`` (C++ type);
    - ``out_name`` (``<name>_output_<k>``), ``out_node`` (the nodes reading
      each output, None when the graph is not known), ``out_dims``, ``out_size``, ``out_dformat``,
      ``out_batch``, ``out_chan``, ``out_height``, ``out_width``,
      ``out_dtype``, ``out_cdtype``;
    - ``mem_info`` (True when the outputs are placed), ``mem_info_size``,
      ``mem_info_offset``, ``mem_info_stride``, ``mem_info_length``,
      ``mem_info_cont_size``, ``mem_info_cont_offset``,
      ``mem_info_wrap_offset``, ``mem_info_wrap_size`` (bytes, per output;
      None when not placed).
    """

    def __init__(self, node, mem_info: Optional[List[dict]] = None,
                 conversion_map: Dict[str, str] = data_conversion.datatype_converter_aidge2c,
                 graph=None):
        """``mem_info``: the plan of each output (default: the node's);
        ``graph``: the node's graph, for ``out_node`` (default: the one
        scheduler_export is exporting)."""
        self.node = node
        if graph is None:
            graph = exported_graph.get()
        if mem_info is None:
            mem_info = node.mem_info
        if not node.name:
            raise RuntimeError(f"empty node name is not allowed for export (node of type {node.type})")
        attributes = dict(node.attributes)
        attributes.update({"node": node, "name": node.name,
                           "nb_in": len(node.inputs), "nb_out": len(node.outputs)})
        self.attributes = attributes

        def convert(dtype):
            return data_conversion.aidge2export_type(dtype, conversion_map)

        ins = node.inputs
        attributes["in_name"] = [
            f"{t.producer.name}_output_{t.producer_index}" if t.kind == "activation"
            else f"{node.name}_input_{i}" for i, t in enumerate(ins)]
        attributes["in_node"] = [t.producer if t.kind == "activation" else None for t in ins]
        self._describe("in", ins, convert)

        outs = node.outputs
        attributes["out_name"] = [f"{node.name}_output_{i}" for i in range(len(outs))]
        attributes["out_node"] = [_consumers(graph, node, i) if graph is not None else None
                                  for i in range(len(outs))]
        self._describe("out", outs, convert)

        attributes["mem_info"] = bool(mem_info)
        for field in _MEM_FIELDS:
            attributes["mem_info_" + field] = [None] * len(outs)
        if mem_info:
            if len(mem_info) != len(outs):
                raise RuntimeError(f"node {node.name} ({node.type}) has {len(outs)} outputs but "
                                   f"{len(mem_info)} mem_info entries")
            for i, (info, tensor) in enumerate(zip(mem_info, outs)):
                self._place(i, info, tensor)

    def _describe(self, prefix: str, tensors, convert) -> None:
        a = self.attributes
        a[prefix + "_dims"] = [get_dims(t) for t in tensors]
        a[prefix + "_size"] = [_size(t) for t in tensors]
        a[prefix + "_dformat"] = [t.format for t in tensors]
        a[prefix + "_dtype"] = [t.dtype for t in tensors]
        a[prefix + "_cdtype"] = [convert(t.dtype) for t in tensors]
        a[prefix + "_batch"] = [get_batch(t) for t in tensors]
        a[prefix + "_chan"] = [get_chan(t) for t in tensors]
        a[prefix + "_height"] = [get_height(t) for t in tensors]
        a[prefix + "_width"] = [get_width(t) for t in tensors]

    def _place(self, index: int, info: dict, tensor) -> None:
        """Aidge's defaults: size and offset are mandatory, a missing stride
        is the size, a missing length the tensor's size, the contiguous part
        the whole buffer, no wrap."""
        for field in ("size", "offset"):
            if field not in info:
                raise RuntimeError(f"mem_info of output {index} of node {self.node.name}: "
                                   f"'{field}' is mandatory")
        defaults = {"stride": info["size"], "length": _size(tensor), "cont_size": info["size"],
                    "cont_offset": info["offset"], "wrap_offset": 0, "wrap_size": 0}
        for field in _MEM_FIELDS:
            self.attributes["mem_info_" + field][index] = info.get(field, defaults.get(field))


class ExportNodeCpp(ExportNode):
    """An ExportNode rendered from Jinja2 templates into C++.

    Set on the subclass:

    - ``config_template``: the template of the layer's configuration
      header, written to ``<config_path>/<name>.<config_extension>``
      (``""``: none);
    - ``forward_template``: the template of the layer's call in
      ``model_forward``;
    - ``include_list``: further headers ``forward.cpp`` includes;
    - ``kernels_to_copy``: kernel files copied to ``kernels_path`` and
      included.

    Paths in the export are relative to its ``dnn`` folder.
    """

    config_template: Optional[str] = None
    forward_template: Optional[str] = None
    include_list: Optional[List[str]] = None
    kernels_to_copy: Optional[List[str]] = None
    kernels_path: str = "include/kernels"
    config_path: str = "include/layers"
    config_extension: str = "h"

    def _require(self, field: str):
        value = getattr(self, field)
        if value is None:
            raise ValueError(f"{type(self).__name__}.{field} is not set")
        return value

    def _template(self, field: str) -> str:
        path = self._require(field)
        if not Path(path).is_file():
            raise FileNotFoundError(f"{type(self).__name__}.{field}: no template file '{path}'")
        return path

    def export(self, export_folder) -> List[str]:
        """Copies the kernels and writes the configuration header into
        ``export_folder``; returns the headers ``forward.cpp`` includes."""
        config_template = self._require("config_template")
        include_list = self._require("include_list")
        kernels = self._require("kernels_to_copy")
        folder = Path(export_folder)
        includes = list(include_list)
        for kernel in kernels:
            if not Path(kernel).is_file():
                raise FileNotFoundError(f"{type(self).__name__}.kernels_to_copy: no kernel file '{kernel}'")
            code_generation.copy_file(kernel, folder / self.kernels_path)
            includes.append(f"{self.kernels_path}/{Path(kernel).name}")
        if config_template != "":
            self._template("config_template")
            config = f"{self.config_path}/{self.attributes['name']}.{self.config_extension}"
            self._render(lambda: code_generation.generate_file(
                folder / config, config_template, **self.attributes), "config_template")
            includes.append(config)
        return includes

    def forward(self) -> List[str]:
        """The layer's call in ``model_forward``, rendered from
        ``forward_template``."""
        template = self._template("forward_template")
        return [self._render(lambda: code_generation.generate_str(template, **self.attributes),
                             "forward_template")]

    def _render(self, render, field: str):
        try:
            return render()
        except Exception as error:
            raise RuntimeError(f"{type(self).__name__}.{field}: cannot render it for node "
                               f"{self.attributes['name']} ({self.node.type}): {error}") from error
