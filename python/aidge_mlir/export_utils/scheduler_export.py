"""``scheduler_export``: the C++ export of a scheduled graph (aidge_core's
``export_utils.scheduler_export``), in one project where the ops matched to
a Python implementation are rendered from their ExportNode templates and the
others by the C++ translation (``aidge_mlir._core.export_cpp``)."""

import shutil
import tempfile
from pathlib import Path
from typing import Callable, Dict, List, Optional

from .. import _core
from .data_conversion import aidge2c
from .export_registry import ExportLib
from .mem_info import generate_optimized_memory_info
from .node_export import ExportNode, exported_graph


def _include(path: str) -> str:
    """A header path relative to the export's dnn/ folder, as forward.cpp
    (in dnn/src, compiled with -Idnn/include) includes it."""
    return path[len("include/"):] if path.startswith("include/") else f"../{path}"


def _input_pointers(export_node: ExportNode, plan: Dict[str, List[dict]]) -> List[str]:
    """Declarations of the node's inputs under their ExportNode names
    (``<producer>_output_<k>``, ``<node>_input_<i>``) as pointers into the
    arena, where ``plan`` put them: Aidge's forward templates take them from
    their producers' templates, and C++-rendered producers declare none."""
    node = export_node.node
    lines = []
    for name, tensor in zip(export_node.attributes["in_name"], node.inputs):
        if tensor.kind == "param":
            raise RuntimeError(f"node {node.name} ({node.type}): weight input '{tensor.name}' is "
                               f"not supported by Python-rendered kernels")
        info = (plan[tensor.producer.name][tensor.producer_index] if tensor.kind == "activation"
                else plan[tensor.name][0])
        if info.get("stride", info["size"]) != info["size"] or info.get("wrap_size", 0) != 0:
            raise RuntimeError(f"node {node.name} ({node.type}): input '{tensor.name}' is not "
                               f"contiguous in the memory plan (stride or wrap-around); a "
                               f"Python-rendered kernel reads it through a plain pointer")
        ctype = aidge2c(tensor.dtype)
        lines.append(f"const {ctype} *{name} = reinterpret_cast<const {ctype} *>"
                     f"(mem + {info.get('cont_offset', info['offset'])});")
    return lines


def _renderer(node_class: type, graph, plan: Dict[str, List[dict]],
              files: Dict[str, str]) -> Callable:
    """The ``_core.export_cpp`` renderer of the nodes matched to
    ``node_class``: its includes and its block of model_forward; the files
    it renders (in a scratch dnn/ folder) go to ``files``."""
    def render(node) -> dict:
        token = exported_graph.set(graph)
        try:
            export_node = node_class(node, node.mem_info)
        finally:
            exported_graph.reset(token)
        with tempfile.TemporaryDirectory() as dnn:
            includes = export_node.export(Path(dnn))
            forward = "".join(export_node.forward())
            files.update({f"dnn/{p.relative_to(dnn).as_posix()}": p.read_text()
                          for p in sorted(Path(dnn).rglob("*")) if p.is_file()})
        # A block of its own: the input names may be declared again by
        # another Python-rendered node.
        body = _input_pointers(export_node, plan) + forward.rstrip("\n").split("\n")
        block = "".join(f"  {line}\n" if line else "\n" for line in body)
        return {"includes": [_include(p) for p in includes], "forward": f"{{\n{block}}}\n"}
    return render


def _by_name(mem_info: Dict) -> Dict[str, List[dict]]:
    """A memory manager's plan keyed by node name (it may key by Node)."""
    return {key if isinstance(key, str) else key.name: value for key, value in mem_info.items()}


def _test_data_dir(test_data, inputs_only: bool, scratch: Path) -> str:
    """An ONNX test data set directory holding ``test_data``: a directory
    (``input_<i>.pb``, ``output_<i>.pb``) or a pair (inputs, expected
    outputs) of lists of numpy arrays; only its inputs with ``inputs_only``
    (the export then prints its outputs instead of comparing them)."""
    import onnx.numpy_helper

    scratch.mkdir()
    if isinstance(test_data, (str, Path)):
        source = Path(test_data)
        if not source.is_dir():
            raise FileNotFoundError(f"scheduler_export: test_data '{source}' is not a directory")
        for pb in sorted(source.glob("input_*.pb")) + (
                [] if inputs_only else sorted(source.glob("output_*.pb"))):
            shutil.copy(pb, scratch / pb.name)
        return str(scratch)
    try:
        inputs, outputs = test_data
    except (TypeError, ValueError):
        raise TypeError("scheduler_export: test_data must be an ONNX test data set directory or "
                        "a pair (inputs, expected_outputs) of lists of numpy arrays") from None
    for kind, arrays in (("input", inputs), ("output", [] if inputs_only else outputs)):
        for i, array in enumerate(arrays):
            tensor = onnx.numpy_helper.from_array(array)
            (scratch / f"{kind}_{i}.pb").write_bytes(tensor.SerializeToString())
    return str(scratch)


def scheduler_export(scheduler, export_folder_path, export_lib: Optional[type] = None,
                     memory_manager: Optional[Callable] = None,
                     memory_manager_args: Optional[dict] = None, test_mode: bool = False,
                     test_data=None) -> None:
    """Writes the C++ export of ``scheduler.graph``, in the scheduler's
    static order, to ``export_folder_path``.

    - ``export_lib``: the ExportLib subclass every node was matched against
      (``aidge-match-impl{lib=<_name>}``); None: the built-in ``cpp``.
      Nodes matched to one of its Python implementations are rendered
      from their ExportNode templates, the others by the C++ translation.
    - ``memory_manager``: ``(scheduler, **memory_manager_args) -> (peak_mem,
      mem_info)``; default ``generate_optimized_memory_info``. Its plan is
      written into the graph and checked byte by byte (an Error names what
      is wrong).
    - ``test_data``: an ONNX test data set directory, or a pair (inputs,
      expected_outputs) of lists of numpy arrays; its inputs are embedded.
    - ``test_mode``: ``main.cpp`` compares the outputs with the expected
      ones of ``test_data`` and exits 1 on a mismatch.
    """
    if export_lib is not None and not (isinstance(export_lib, type)
                                       and issubclass(export_lib, ExportLib)):
        raise TypeError(f"scheduler_export: export_lib must be an ExportLib subclass, "
                        f"got {export_lib!r}")
    if test_mode and test_data is None:
        raise ValueError("scheduler_export: test_mode needs test_data (an ONNX test data set "
                         "directory, or a pair (inputs, expected_outputs) of lists of numpy "
                         "arrays)")
    lib = export_lib._name if export_lib is not None else "cpp"
    graph = scheduler.graph
    for node in scheduler.get_static_scheduling():
        if node.impl is None:
            raise RuntimeError(f"Operator {node.name}[{node.type}] doesn't have an "
                               f"implementation: run aidge-match-impl{{lib={lib}}} before "
                               f"scheduling")
        if node.impl["lib"] != lib:
            raise RuntimeError(f"Operator {node.name}[{node.type}] is implemented by export "
                               f"library '{node.impl['lib']}', not '{lib}'")

    folder = Path(export_folder_path)
    with tempfile.TemporaryDirectory() as scratch:
        data = None
        if test_data is not None:
            data = _test_data_dir(test_data, not test_mode, Path(scratch) / "test_data")
        manager = memory_manager or generate_optimized_memory_info
        peak_mem, mem_info = manager(scheduler, **(memory_manager_args or {}))
        plan = _by_name(mem_info)
        _core.set_memory_plan(graph, peak_mem, plan)
        renderers, files = {}, {}
        if export_lib is not None:
            renderers = {kernel: _renderer(node_class, graph, plan, files)
                         for kernel, (_, _, node_class) in export_lib._kernels.items()}
        _core.export_cpp(graph, str(folder), renderers=renderers, test_data=data)
    # Written after the translation: a node's config header (Aidge's
    # include/layers/<name>.h) replaces the default layer header the
    # translation writes for it at the same path.
    for path, contents in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(contents)
    if export_lib is not None:
        for source, destination in export_lib.static_files.items():
            (folder / destination).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, folder / destination)
