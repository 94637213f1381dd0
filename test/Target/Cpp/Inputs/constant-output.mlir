// A graph with no kernel call: its first output is its input, its second
// folded to a constant.
#x = #aidge.mem_info<size = 16, stride = 16, length = 1, count = 1, offset = 0, cont_offset = 0, cont_size = 16, wrap_offset = 0, wrap_size = 0, reuse = none>
aidge_export.arena @main_graph_mem size = 16 align = 16
aidge_export.graph @main_graph arena @main_graph_mem {
  aidge_export.input "x"[0] : tensor<4xf32> at #x
  aidge_export.output "y"[0] : tensor<4xf32> at #x
  aidge_export.output "shape"[1] : tensor<2xi64> constant @shape_value
}
aidge_export.weight @shape_value = dense<[2, 2]> : tensor<2xi64> align = 16
