#!/usr/bin/python3
"""Models the reference interpreter must refuse, written to OUTDIR:

  cast_i8.onnx + cast_i8_data/   Cast float -> int8 of 1000 (no int8 holds it)
  div_zero.onnx                  int32 x / 0
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

out = sys.argv[1]
os.makedirs(os.path.join(out, "cast_i8_data"), exist_ok=True)

cast = helper.make_graph(
    [helper.make_node("Cast", ["x"], ["y"], to=TensorProto.INT8, name="Cast_0")],
    "cast", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4])],
    [helper.make_tensor_value_info("y", TensorProto.INT8, [1, 4])])
onnx.save(helper.make_model(cast, opset_imports=[helper.make_opsetid("", 13)]),
          os.path.join(out, "cast_i8.onnx"))
onnx.save_tensor(numpy_helper.from_array(np.array([[1, 2, 1000, 3]], np.float32)),
                 os.path.join(out, "cast_i8_data", "input_0.pb"))

div = helper.make_graph(
    [helper.make_node("Div", ["x", "zero"], ["y"], name="Div_0")],
    "div", [helper.make_tensor_value_info("x", TensorProto.INT32, [2])],
    [helper.make_tensor_value_info("y", TensorProto.INT32, [2])],
    [numpy_helper.from_array(np.array([1, 0], np.int32), "zero")])
onnx.save(helper.make_model(div, opset_imports=[helper.make_opsetid("", 13)]),
          os.path.join(out, "div_zero.onnx"))
