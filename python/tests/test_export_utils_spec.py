"""IOSpec / ImplSpec: Aidge's constructors, the dict form aidge_mlir._core
takes, and the errors of a bad spec."""

import pytest

from aidge_mlir.export_utils import ImplSpec, IOSpec


def test_uniform_spec_applies_to_every_input_and_output():
    io = IOSpec("float32", "nhwc")
    spec = ImplSpec(io)
    assert spec.inputs == [io] and spec.outputs == [io]
    assert spec.to_dict() == {
        "inputs": [{"dtype": "float32", "format": "nhwc", "min_dims": [], "max_dims": []}],
        "outputs": [{"dtype": "float32", "format": "nhwc", "min_dims": [], "max_dims": []}],
        "attrs": {}, "priority": 0}


def test_inputs_outputs_attrs_priority_round_trip():
    spec = ImplSpec([IOSpec("float32", "default", dims=[(1, 1), (1, -1)]), IOSpec()],
                    IOSpec("int8"), attrs={"group": 1, "ceil_mode": False,
                                           "pads": "array<i64: 0, 0>"}, priority=3)
    data = spec.to_dict()
    assert data["inputs"][0] == {"dtype": "float32", "format": "default",
                                 "min_dims": [1, 1], "max_dims": [1, -1]}
    assert data["inputs"][1] == {"dtype": "any", "format": "any", "min_dims": [], "max_dims": []}
    assert data["outputs"] == [{"dtype": "int8", "format": "any", "min_dims": [], "max_dims": []}]
    assert data["attrs"] == {"group": "1 : i64", "ceil_mode": "false", "pads": "array<i64: 0, 0>"}
    assert data["priority"] == 3
    assert ImplSpec.from_dict(data) == spec
    assert hash(ImplSpec.from_dict(data)) == hash(spec)
    assert ImplSpec(IOSpec("float32")) != ImplSpec(IOSpec("float32"), priority=1)


def test_empty_spec_accepts_anything():
    assert ImplSpec().to_dict() == {"inputs": [], "outputs": [], "attrs": {}, "priority": 0}


@pytest.mark.parametrize("make, error, message", [
    (lambda: IOSpec("float33"), ValueError,
     "IOSpec: unknown dtype 'float33'; expected one of any, float64, float32, float16, "
     "bfloat16, bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64"),
    (lambda: IOSpec("float32", "nhcw"), ValueError,
     "IOSpec: unknown format 'nhcw'; expected one of any, default, nchw, nhwc, chwn, ncw, nwc, "
     "chw, hwc, ncdhw, ndhwc"),
    (lambda: IOSpec(dims=[3]), ValueError,
     "IOSpec: dims must be (min, max) pairs of integers, got 3"),
    (lambda: IOSpec(dims=[(4, 2)]), ValueError, "IOSpec: dims range (4, 2) is empty or negative"),
    (lambda: IOSpec.from_dict({"min_dims": [1], "max_dims": []}), ValueError,
     "IOSpec: min_dims [1] and max_dims [] differ in rank"),
    (lambda: ImplSpec("float32"), TypeError,
     "ImplSpec: inputs must be an IOSpec or a list of IOSpec, got str"),
    (lambda: ImplSpec(IOSpec(), [IOSpec(), None]), TypeError,
     "ImplSpec: outputs must be an IOSpec or a list of IOSpec, got NoneType"),
    (lambda: ImplSpec(IOSpec(), attrs={"alpha": 0.5}), TypeError,
     "ImplSpec: attribute 'alpha' must be MLIR attribute text, an int or a bool, got float"),
    (lambda: ImplSpec(IOSpec(), priority="high"), TypeError,
     "ImplSpec: priority must be an int, got str"),
])
def test_bad_spec_errors(make, error, message):
    with pytest.raises(error) as raised:
        make()
    assert str(raised.value) == message
