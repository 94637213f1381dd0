"""The export-library registry of aidge_mlir._core: the same libraries and
the same scoring as --aidge-match-impl."""
import pytest

import aidge_mlir
from aidge_mlir import Error

F32 = {"dtype": "float32", "format": "any", "min_dims": [], "max_dims": []}


def relu_kernel(name="py_relu", external=True):
    return {"name": name, "entry_point": name + "_forward",
            "headers": ["kernels/" + name + ".hpp"], "config": [],
            "external": external}


@pytest.fixture
def pylib():
    aidge_mlir.create_export_lib("pytest_lib", base="cpp")
    return "pytest_lib"


def test_cpp_is_registered():
    assert "cpp" in aidge_mlir.export_lib_names()


def test_impl_specs_of_cpp():
    (spec,) = aidge_mlir.impl_specs("cpp", "ReLU")
    assert spec == {"inputs": [F32], "outputs": [F32], "attrs": {},
                    "priority": 0}
    # Aidge type, op name and full op name name the same op.
    assert aidge_mlir.impl_specs("cpp", "relu") == [spec]
    assert aidge_mlir.impl_specs("cpp", "aidge.relu") == [spec]


def test_create_extends_base(pylib):
    assert pylib in aidge_mlir.export_lib_names()
    assert aidge_mlir.impl_specs(pylib, "Conv2D") == aidge_mlir.impl_specs(
        "cpp", "Conv2D")
    # Created again: afresh, without what was registered before.
    aidge_mlir.register_impl(pylib, "ReLU", {"priority": 1}, relu_kernel())
    aidge_mlir.create_export_lib(pylib, base="cpp")
    assert len(aidge_mlir.impl_specs(pylib, "ReLU")) == 1


def test_registered_impl_takes_part_in_match_impl(pylib, small_cnn):
    spec = {"inputs": [{"dtype": "float32"}], "outputs": [{"dtype": "float32"}],
            "priority": 5}
    aidge_mlir.register_impl(pylib, "ReLU", spec, relu_kernel())
    specs = aidge_mlir.impl_specs(pylib, "ReLU")
    assert specs[1] == {"inputs": [F32], "outputs": [F32], "attrs": {},
                        "priority": 5}
    assert aidge_mlir.kernel(pylib, "py_relu") == relu_kernel()
    graph = aidge_mlir.load_onnx(small_cnn)
    relu = graph.node("relu1")
    assert aidge_mlir.best_match(pylib, relu) == (specs[1], "py_relu")
    graph.run_pipeline(f"aidge-match-impl{{lib={pylib}}}")
    assert relu.impl == {"lib": pylib, "kernel": "py_relu", "spec": specs[1]}


def test_aidge_type_restricts_to_that_type(pylib, small_cnn):
    nhwc = {"dtype": "float32", "format": "nhwc"}
    spec = {"inputs": [nhwc, nhwc, {"dtype": "float32"}], "outputs": [nhwc],
            "priority": 9}
    aidge_mlir.register_impl(pylib, "ConvDepthWise2D", spec,
                             relu_kernel("py_dw"))
    # The cpp convolutions (12: 1-D to 3-D plain, depthwise, and their
    # packed-weight variants) are registered for every conv.
    assert len(aidge_mlir.impl_specs(pylib, "ConvDepthWise2D")) == 13
    assert len(aidge_mlir.impl_specs(pylib, "Conv2D")) == 12
    graph = aidge_mlir.load_onnx(small_cnn)
    graph.run_pipeline(f"aidge-match-impl{{lib={pylib}}}")
    assert graph.node("conv3").impl["kernel"] == "py_dw"
    assert graph.node("conv2").impl["kernel"] == "conv_blocked2d"


def test_best_adaptation_lists_transposes(small_cnn):
    graph = aidge_mlir.load_onnx(small_cnn)
    conv = graph.node("conv1")
    # The cpp convolutions are channels-last: only an adaptation fits.
    assert aidge_mlir.best_match("cpp", conv) is None
    spec, kernel, adaptations = aidge_mlir.best_adaptation("cpp", conv)
    assert kernel == "conv_blocked2d"
    assert spec["inputs"][0]["format"] == "nhwc"
    assert adaptations == [
        {"where": "input", "index": 0, "kind": "transpose", "from": "default",
         "to": "nhwc"},
        {"where": "input", "index": 1, "kind": "transpose", "from": "default",
         "to": "nhwc"},
        {"where": "output", "index": 0, "kind": "transpose", "from": "default",
         "to": "nhwc"}]
    relu_spec, relu_kernel_name, none = aidge_mlir.best_adaptation(
        "cpp", graph.node("relu1"))
    assert (relu_kernel_name, none) == ("relu", [])


def test_required_spec(small_cnn):
    graph = aidge_mlir.load_onnx(small_cnn)
    required = aidge_mlir.required_spec(graph.node("fc"))
    assert required["inputs"][0] == {"dtype": "float32", "format": "default",
                                     "min_dims": [1, 16], "max_dims": [1, 16]}
    assert required["outputs"][0]["min_dims"] == [1, 10]


def test_no_fit_is_none(pylib, small_cnn):
    aidge_mlir.create_export_lib("pytest_empty")
    graph = aidge_mlir.load_onnx(small_cnn)
    assert aidge_mlir.best_match("pytest_empty", graph.node("relu1")) is None
    assert aidge_mlir.best_adaptation("pytest_empty", graph.node("relu1")) is None
    with pytest.raises(Error) as info:
        graph.run_pipeline("aidge-match-impl{lib=pytest_empty}")
    assert str(info.value).startswith(
        'error: loc("conv1"): export library \'pytest_empty\' has no '
        "implementation of 'conv'\n")


@pytest.mark.parametrize("call, message", [
    (lambda: aidge_mlir.impl_specs("nolib", "ReLU"),
     "unknown export library 'nolib' (known: "),
    (lambda: aidge_mlir.create_export_lib("x", base="nolib"),
     "unknown export library 'nolib' (known: "),
    (lambda: aidge_mlir.impl_specs("cpp", "Frobnicate"),
     "unknown op type 'Frobnicate' (neither an Aidge operator type such as "
     "Conv2D nor an op such as conv or aidge.conv)"),
    (lambda: aidge_mlir.create_export_lib("cpp"),
     "export library 'cpp' is built in; extend it with "
     "create_export_lib(name, base='cpp')"),
    (lambda: aidge_mlir.register_impl("cpp", "ReLU", {}, relu_kernel()),
     "export library 'cpp' is built in; register into a library extending it"),
    (lambda: aidge_mlir.kernel("cpp", "nope"),
     "export library 'cpp' has no kernel named 'nope'"),
])
def test_registry_errors(call, message):
    with pytest.raises(Error) as info:
        call()
    assert str(info.value).startswith(message)


@pytest.mark.parametrize("spec, kernel, message", [
    ({"inputs": [{"dtype": "float33"}]}, relu_kernel(),
     "unknown dtype 'float33' (known: any, float32, float16, bfloat16, "
     "float64, bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64)"),
    ({"inputs": [{"format": "nxyz"}]}, relu_kernel(),
     "unknown data format 'nxyz' (expected any, default, nchw, nhwc, ncw, "
     "nwc, chw, hwc, ncdhw, ndhwc or chwn)"),
    ({"inputs": [{"min_dims": [1], "max_dims": []}]}, relu_kernel(),
     "min_dims and max_dims must have the same length"),
    ({"input": []}, relu_kernel(),
     "unknown key 'input' in a spec (expected inputs, outputs, attrs, priority)"),
    ({"priority": "high"}, relu_kernel(),
     "'priority' has the wrong type: <class 'str'>"),
    ({}, {"entry_point": "f"}, "a kernel needs a name"),
    ({}, {"name": "k", "header": []},
     "unknown key 'header' in a kernel (expected name, entry_point, headers, "
     "config, external)"),
    ({}, {"name": "relu"},
     "export library 'pytest_lib' already has a kernel named 'relu'"),
])
def test_bad_specs(pylib, spec, kernel, message):
    with pytest.raises(Error) as info:
        aidge_mlir.register_impl(pylib, "ReLU", spec, kernel)
    assert str(info.value) == message


def test_bad_spec_attr_text(pylib):
    with pytest.raises(Error) as info:
        aidge_mlir.register_impl(pylib, "ReLU", {"attrs": {"alpha": "1.0 : nope"}},
                                 relu_kernel())
    assert "error: expected non-function type" in str(info.value)
