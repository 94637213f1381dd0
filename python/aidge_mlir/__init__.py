"""aidge-mlir from Python: ONNX models as aidge graphs, the export pipeline,
export libraries and the C++ export (see docs/python.md)."""

from ._core import *  # noqa: F401,F403
from ._core import Error  # noqa: F401
