#!/usr/bin/python3
"""Writes the corpus of bad ONNX models of invalid-models.test.

Into invalid/ next to this script (or the directory given as the only
argument). Seeded: rerunning writes byte-identical files. None of these are
passed to onnx.checker; most would fail it on purpose.

Run with /usr/bin/python3 (it has onnx and numpy).
"""
import os
import sys
import warnings

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

FLOAT = TensorProto.FLOAT
OPSET = 13
PRODUCER = "aidge-mlir gen_invalid.py"


def model(nodes, inputs, outputs, inits=(), opset=OPSET, extra_opsets=(), name="g"):
    graph = helper.make_graph(nodes, name, inputs, outputs, initializer=list(inits))
    return helper.make_model(
        graph, producer_name=PRODUCER, ir_version=7,
        opset_imports=[helper.make_opsetid("", opset)] + list(extra_opsets))


def vi(name, shape, elem=FLOAT):
    return helper.make_tensor_value_info(name, elem, shape)


def weight(rng, name, shape):
    return numpy_helper.from_array(
        (rng.standard_normal(shape) * 0.5).astype(np.float32), name)


def conv_model(rng):
    """A valid Conv+Relu model with a few hundred bytes of weights."""
    return model(
        [helper.make_node("Conv", ["x", "w", "b"], ["c"], name="conv0", pads=[1, 1, 1, 1]),
         helper.make_node("Relu", ["c"], ["y"], name="relu0")],
        [vi("x", [1, 3, 8, 8])], [vi("y", [1, 4, 8, 8])],
        [weight(rng, "w", [4, 3, 3, 3]), weight(rng, "b", [4])])


def varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def key(field, wire_type):
    return varint((field << 3) | wire_type)


def length_delimited(field, payload):
    return key(field, 2) + varint(len(payload)) + payload


def wrong_field_type():
    """ModelProto with ir_version, an opset_import and field 7 (graph, a
    message) encoded as a varint instead of a length-delimited message."""
    opset = length_delimited(1, b"") + key(2, 0) + varint(OPSET)  # OperatorSetIdProto
    return (key(1, 0) + varint(7)                         # ir_version = 7
            + length_delimited(2, PRODUCER.encode())      # producer_name
            + key(7, 0) + varint(1)                       # graph as varint 1
            + length_delimited(8, opset))                 # opset_import


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "invalid")
    os.makedirs(outdir, exist_ok=True)
    rng = np.random.default_rng(0)
    files = {}

    files["random_bytes"] = np.random.default_rng(1234).bytes(512)

    valid = conv_model(rng).SerializeToString()
    files["truncated"] = valid[:len(valid) // 2]

    files["empty_file"] = b""

    # 'O' (0x4f) reads as field 9 with wire type 7, which does not exist, so
    # no protobuf parser gets past the first byte.
    files["text_file"] = (b"Oops: this is not an ONNX model.\n"
                          b"It is a plain text file with a .onnx name.\n")

    files["wrong_field_type"] = wrong_field_type()

    files["empty_graph"] = model([], [], [], name="empty")

    files["unsupported_op"] = model(
        [helper.make_node("Relu", ["boxes_in"], ["boxes"], name="relu0"),
         helper.make_node("NonMaxSuppression", ["boxes", "scores"], ["selected"],
                          name="nms0"),
         helper.make_node("Cast", ["selected"], ["y"], name="cast0", to=FLOAT)],
        [vi("boxes_in", [1, 6, 4]), vi("scores", [1, 1, 6])],
        [vi("y", None)], opset=11)

    files["unsupported_opset"] = model(
        [helper.make_node("Relu", ["x"], ["y"], name="relu0")],
        [vi("x", [1, 3, 8, 8])], [vi("y", [1, 3, 8, 8])], opset=22)

    files["unsupported_attr"] = model(
        [helper.make_node("Conv", ["x", "w"], ["y"], name="conv0", auto_pad="BOGUS")],
        [vi("x", [1, 3, 8, 8])], [vi("y", None)], [weight(rng, "w", [4, 3, 3, 3])])

    files["dangling_edge"] = model(
        [helper.make_node("Add", ["x", "nowhere"], ["y"], name="add0")],
        [vi("x", [2, 3])], [vi("y", [2, 3])])

    bad_init = onnx.TensorProto(name="w", data_type=FLOAT, dims=[4, 4],
                                raw_data=np.arange(10, dtype=np.uint8).tobytes())
    files["bad_initializer_size"] = model(
        [helper.make_node("MatMul", ["x", "w"], ["y"], name="matmul0")],
        [vi("x", [2, 4])], [vi("y", [2, 4])], [bad_init])

    external = onnx.TensorProto(name="w", data_type=FLOAT, dims=[4, 3, 3, 3],
                                data_location=onnx.TensorProto.EXTERNAL)
    for k, v in (("location", "weights.bin"), ("offset", "0"), ("length", "432")):
        entry = external.external_data.add()
        entry.key, entry.value = k, v
    files["missing_external_data"] = model(
        [helper.make_node("Conv", ["x", "w"], ["y"], name="conv0")],
        [vi("x", [1, 3, 8, 8])], [vi("y", [1, 4, 6, 6])], [external])

    files["duplicate_output"] = model(
        [helper.make_node("Relu", ["x"], ["t"], name="relu0"),
         helper.make_node("Sigmoid", ["x"], ["t"], name="sigmoid0"),
         helper.make_node("Neg", ["t"], ["y"], name="neg0")],
        [vi("x", [2, 3])], [vi("y", [2, 3])])

    files["bad_rank_conv"] = model(
        [helper.make_node("Conv", ["x", "w"], ["y"], name="conv0")],
        [vi("x", [1, 3, 8, 8])], [vi("y", None)], [weight(rng, "w", [4, 3, 3])])

    files["custom_domain"] = model(
        [helper.make_node("Relu", ["x"], ["r"], name="relu0"),
         helper.make_node("FancyOp", ["r"], ["y"], name="fancy0", domain="com.example")],
        [vi("x", [2, 3])], [vi("y", [2, 3])],
        extra_opsets=[helper.make_opsetid("com.example", 1)])

    # tf_crop_and_resize needs a constant roi of a start and an end per dim.
    sizes = numpy_helper.from_array(np.array([1, 1, 3, 3], np.int64), "sizes")
    files["resize_roi_size"] = model(
        [helper.make_node("Resize", ["x", "roi", "", "sizes"], ["y"], name="resize0",
                          mode="linear", coordinate_transformation_mode="tf_crop_and_resize")],
        [vi("x", [1, 1, 4, 4])], [vi("y", [1, 1, 3, 3])],
        [numpy_helper.from_array(np.array([0.2, 0.8], np.float32), "roi"), sizes])
    files["resize_roi_input"] = model(
        [helper.make_node("Resize", ["x", "roi", "", "sizes"], ["y"], name="resize0",
                          mode="linear", coordinate_transformation_mode="tf_crop_and_resize")],
        [vi("x", [1, 1, 4, 4]), vi("roi", [8])], [vi("y", [1, 1, 3, 3])], [sizes])

    # Legacy (opset < 7) forms that have no aidge equivalent or are malformed.
    files["legacy_broadcast_bad_axis"] = model(
        [helper.make_node("Add", ["a", "b"], ["y"], name="add0", broadcast=1, axis=1)],
        [vi("a", [2, 3]), vi("b", [3, 4])], [vi("y", [2, 3])], opset=6)

    files["legacy_broadcast_bad_axis_fold"] = model(
        [helper.make_node("Constant", [], ["a"], name="const0",
                          value=numpy_helper.from_array(np.ones((2, 3), np.float32), "a")),
         helper.make_node("Constant", [], ["b"], name="const1",
                          value=numpy_helper.from_array(np.ones((3,), np.float32), "b")),
         helper.make_node("Add", ["a", "b"], ["y"], name="add0", broadcast=1, axis=-1)],
        [], [vi("y", [2, 3])], opset=6)

    files["legacy_batchnorm_training"] = model(
        [helper.make_node("BatchNormalization", ["x", "s", "b", "m", "v"], ["y"],
                          name="bn0", is_test=0)],
        [vi("x", [1, 3, 4, 4])], [vi("y", [1, 3, 4, 4])],
        [weight(rng, n, [3]) for n in "sbmv"], opset=6)

    files["legacy_dropout_training"] = model(
        [helper.make_node("Dropout", ["x"], ["y"], name="dropout0", is_test=0)],
        [vi("x", [2, 3])], [vi("y", [2, 3])], opset=6)

    files["legacy_reshape_no_shape"] = model(
        [helper.make_node("Reshape", ["x"], ["y"], name="reshape0")],
        [vi("x", [2, 3])], [vi("y", [6])], opset=4)

    files["legacy_split_no_axis"] = model(
        [helper.make_node("Split", ["x"], ["y0", "y1"], name="split0")],
        [vi("x", [2, 4])], [vi("y0", [2, 2]), vi("y1", [2, 2])], opset=1)

    files["legacy_cast_bad_type_name"] = model(
        [helper.make_node("Cast", ["x"], ["y"], name="cast0", to="REAL")],
        [vi("x", [2, 3])], [vi("y", [2, 3])], opset=5)

    files["legacy_cast_bad_type_name_fold"] = model(
        [helper.make_node("Constant", [], ["k"], name="const0",
                          value=numpy_helper.from_array(np.ones((3,), np.float32), "k")),
         helper.make_node("Cast", ["k"], ["y"], name="cast0", to="REAL")],
        [], [vi("y", [3])], opset=5)

    files["concat_no_axis_fold"] = model(
        [helper.make_node("Constant", [], ["k"], name="const0",
                          value=numpy_helper.from_array(np.ones((3,), np.float32), "k")),
         helper.make_node("Concat", ["k", "k"], ["y"], name="concat0")],
        [], [vi("y", [6])], opset=4)

    # Erf came with opset 9.
    files["op_before_its_opset"] = model(
        [helper.make_node("Erf", ["x"], ["y"], name="erf0")],
        [vi("x", [2, 3])], [vi("y", [2, 3])], opset=8)

    # Transposed convolutions go up to 3-D, their weight as ranked as the
    # input.
    files["convtranspose_4d"] = model(
        [helper.make_node("ConvTranspose", ["x", "w"], ["y"], name="convt0")],
        [vi("x", [1, 2, 3, 3, 3, 3])], [vi("y", None)],
        [weight(rng, "w", [2, 1, 2, 2, 2, 2])])
    files["bad_rank_convtranspose"] = model(
        [helper.make_node("ConvTranspose", ["x", "w"], ["y"], name="convt0")],
        [vi("x", [1, 2, 3, 3, 3])], [vi("y", None)], [weight(rng, "w", [2, 1, 2, 2])])

    files["batchnorm_training_rank1"] = model(
        [helper.make_node("BatchNormalization", ["x", "s", "b", "m", "v"], ["y"],
                          name="bn0", training_mode=1)],
        [vi("x", [3])], [vi("y", [3])],
        [weight(rng, n, [3]) for n in "sbmv"], opset=15)

    for name, content in files.items():
        data = content if isinstance(content, bytes) else content.SerializeToString()
        path = os.path.join(outdir, name + ".onnx")
        with open(path, "wb") as f:
            f.write(data)
        parses = True
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            try:
                onnx.ModelProto().ParseFromString(data)
            except Exception:  # DecodeError, or "not all data was converted"
                parses = False
        print(f"{path}  ({len(data)} bytes, protobuf {'parses' if parses else 'does not parse'})")


if __name__ == "__main__":
    main()
