#!/usr/bin/python3
"""Cast models with ONNX test data sets, written to OUTDIR/<name>/:
model.onnx and test_data_set_0/{input_0,output_0}.pb, the expected output
computed by numpy (astype: float to integer truncates toward zero).

  f32_to_i32 f32_to_i64 f32_to_i8 f32_to_u8   from float, values in range
  i64_to_f32 i32_to_f32 i32_to_i64            from integers
  f32_i64_f32                                 float -> int64 -> float
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto as T
from onnx import helper, numpy_helper

NUMPY = {T.FLOAT: np.float32, T.INT32: np.int32, T.INT64: np.int64,
         T.INT8: np.int8, T.UINT8: np.uint8}


def write(out, name, x, src, targets):
    data = os.path.join(out, name, "test_data_set_0")
    os.makedirs(data, exist_ok=True)
    nodes, y, prev = [], x, "x"
    for i, to in enumerate(targets):
        nxt = "y" if i == len(targets) - 1 else f"t{i}"
        nodes.append(helper.make_node("Cast", [prev], [nxt], name=f"cast{i}", to=to))
        y, prev = y.astype(NUMPY[to]), nxt
    graph = helper.make_graph(nodes, name, [helper.make_tensor_value_info("x", src, x.shape)],
                              [helper.make_tensor_value_info("y", targets[-1], y.shape)])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(out, name, "model.onnx"))
    onnx.save_tensor(numpy_helper.from_array(x, "x"), os.path.join(data, "input_0.pb"))
    onnx.save_tensor(numpy_helper.from_array(y, "y"), os.path.join(data, "output_0.pb"))


def main():
    out = sys.argv[1]
    rng = np.random.default_rng(20240607)
    f = (rng.standard_normal((3, 4, 5)) * 50).astype(np.float32)
    write(out, "f32_to_i32", f, T.FLOAT, [T.INT32])
    write(out, "f32_to_i64", f, T.FLOAT, [T.INT64])
    write(out, "f32_to_i8", np.clip(f, -127, 127), T.FLOAT, [T.INT8])
    write(out, "f32_to_u8", np.abs(np.clip(f, -255, 255)), T.FLOAT, [T.UINT8])
    write(out, "i64_to_f32", rng.integers(-1000, 1000, (2, 70)), T.INT64, [T.FLOAT])
    write(out, "i32_to_f32", rng.integers(-1000, 1000, (7,)).astype(np.int32),
          T.INT32, [T.FLOAT])
    write(out, "i32_to_i64", rng.integers(-1000, 1000, (2, 3)).astype(np.int32),
          T.INT32, [T.INT64])
    write(out, "f32_i64_f32", f, T.FLOAT, [T.INT64, T.FLOAT])


if __name__ == "__main__":
    main()
