"""`mylib`: an export library written in Python (docs/python.md).

It extends the built-in `cpp` library and replaces its max pooling with its
own kernel (kernels/my_max_pool.hpp) rendered from Jinja2 templates; every
other op keeps its `cpp` implementation.
"""

from pathlib import Path

from aidge_mlir.export_utils import ExportLib, ExportNodeCpp, ImplSpec, IOSpec

ROOT = Path(__file__).resolve().parent


class MyLib(ExportLib):
    _name = "mylib"


# float32, channels last, without padding or dilation: the max pools the
# kernel computes. Priority 1 puts it before cpp's max pooling, which other
# max pools still get.
@MyLib.register("MaxPooling2D",
                ImplSpec(IOSpec("float32", "nhwc"),
                         attrs={"pads": "array<i64: 0, 0, 0, 0>",
                                "dilations": "array<i64: 1, 1>"},
                         priority=1))
class MaxPool(ExportNodeCpp):
    config_template = str(ROOT / "templates" / "max_pool_config.jinja")
    forward_template = str(ROOT / "templates" / "max_pool_forward.jinja")
    include_list = []
    kernels_to_copy = [str(ROOT / "kernels" / "my_max_pool.hpp")]
