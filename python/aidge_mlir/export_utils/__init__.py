"""Aidge's ``aidge_core.export_utils`` on aidge-mlir: export libraries
written in Python, ExportNode templates and ``scheduler_export``
(docs/python.md)."""

from .code_generation import copy_file, generate_file, generate_str
from .data_conversion import aidge2c, aidge2export_type, datatype_converter_aidge2c
from .export_registry import ExportLib
from .impl_spec import ImplSpec, IOSpec
from .mem_info import generate_optimized_memory_info
from .node_export import (ExportNode, ExportNodeCpp, get_batch, get_chan, get_dims, get_height,
                          get_width)
from .scheduler_export import scheduler_export

__all__ = ["ExportLib", "ExportNode", "ExportNodeCpp", "IOSpec", "ImplSpec", "aidge2c",
           "aidge2export_type", "copy_file", "datatype_converter_aidge2c", "generate_file",
           "generate_optimized_memory_info", "generate_str", "get_batch", "get_chan", "get_dims",
           "get_height", "get_width", "scheduler_export"]
