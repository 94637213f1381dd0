//===- Passes.td - aidge graph transformations -------------*- tablegen -*-===//

#ifndef AIDGE_DIALECT_AIDGE_TRANSFORMS_PASSES_TD
#define AIDGE_DIALECT_AIDGE_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def AidgeFuse : Pass<"aidge-fuse", "func::FuncOp"> {
  let summary = "Fuse operator chains into the ops that export kernels run";
  let description = [{
    Aidge's metaops as rewrites, each exact (batch-norm folding up to float
    rounding):
    - a constant zero `aidge.pad` of the spatial dimensions into the pads of
      the `aidge.conv` it feeds, or of an `aidge.avg_pool` whose own padding
      cells count (`count_include_pad` or no own pads, no `ceil_mode`);
    - `aidge.batch_norm` into the weights and bias of the `aidge.conv` or
      `aidge.fc` that feeds only it, when those are constants;
    - `aidge.matmul` of a 2-D operand by a 2-D constant, followed by an
      `aidge.add` of a constant that broadcasts to its result, into
      `aidge.fc`;
    - `aidge.relu`, `aidge.clip` and `aidge.leaky_relu` into the
      `activation` of the conv, fc, pool or arithmetic op that feeds only
      them;
    - no-op `aidge.reshape`/`aidge.flatten`/`aidge.identity` chains away.
  }];
  let dependentDialects = ["::mlir::aidge::AidgeDialect"];
}

def AidgeMatchImpl : Pass<"aidge-match-impl", "ModuleOp"> {
  let summary = "Choose an export-library implementation for every op";
  let description = [{
    For each op, computes the spec it requires (element types, data formats
    and shapes of its operands and results), scores every implementation
    the export library registers for its type (Aidge's `get_best_match`) and
    annotates the op with the best one as `aidge.impl`. When the best one
    wants another data format or a wider float type, the op is adapted:
    transposes (format) and casts (f16/bf16 to f32) are inserted around it,
    the fewest possible (Aidge's `get_best_adaptation`). Transposes of
    constants are folded into the constants; back-to-back transposes cancel
    and transposes move across element-wise ops and concatenations, so a CNN
    keeps at most one transpose at each graph boundary.

    An op that no implementation can take gets an error naming it, the spec
    it requires and the specs the library has for its type.
  }];
  let options = [
    Option<"libName", "lib", "std::string", /*default=*/"\"cpp\"",
           "Export library to match against">,
    ListOption<"libFiles", "export-lib", "std::string",
               "JSON export-library descriptions to load first">,
    Option<"inputFormat", "input-format", "std::string", /*default=*/"\"default\"",
           "Data format of the graph's 3-D/4-D inputs (default keeps the model's)">,
    Option<"outputFormat", "output-format", "std::string", /*default=*/"\"default\"",
           "Data format of the graph's 3-D/4-D results (default keeps the model's)">,
  ];
  let dependentDialects = ["::mlir::aidge::AidgeDialect",
                           "::mlir::func::FuncDialect"];
}

def AidgeSchedule : Pass<"aidge-schedule", "func::FuncOp"> {
  let summary = "Fix the order in which the ops run";
  let description = [{
    Gives every op that runs a kernel its step, `aidge.step = N` (from 1;
    graph inputs are written at step 0), and moves the ops into that order.
    `order=topological` keeps the order of the IR; `order=memory` picks, of
    the ops ready to run, the one that leaves the least live memory (it
    frees what its operands held when they die with it), so that branches
    are finished before others start; it is kept only if its live-set peak
    is below the topological order's.
  }];
  let options = [
    Option<"order", "order", "std::string", /*default=*/"\"topological\"",
           "topological or memory">,
  ];
}

def AidgePlanMemory : Pass<"aidge-plan-memory", "ModuleOp"> {
  let summary = "Place every activation in one arena";
  let description = [{
    Gives every tensor an op writes, and every graph input, its place in one
    arena, as `aidge.mem = #aidge.mem_info<...>` (Aidge's mem_info); weights
    stay out. The function and the module get `aidge.peak_bytes`, the arena
    size. Steps come from `--aidge-schedule` (or the IR order).

    Tensors that may share memory form a space: a result over an operand of
    an element-wise op that dies there (`inplace`), a reshape-like view at
    its operand's bytes (`alias`), with `wrapping` a channels-last conv or
    pool of one image over the input it reads row by row, keeping the
    protected margin its kernel, stride and padding need (`wrap`), with
    `concat-in-place` the inputs of a concatenation written into their
    slices of its result (`concat`). Spaces are then packed first-fit over
    their lifetimes: in order of allocation (`stack`, Aidge's), largest
    first (`greedy-by-size`), or both keeping the smaller peak (`best`,
    which also tries them without `wrapping` and `concat-in-place`, and
    never ends above the plan without them). A conv or pool whose kernel
    writes output rows before it has read the input rows they need (its
    descriptor's `outputMayWrapInput` is false: the `cpp_fast` library's
    Winograd convolution) takes no ring.
  }];
  let options = [
    Option<"strategy", "strategy", "std::string", /*default=*/"\"best\"",
           "stack, greedy-by-size or best">,
    Option<"inplace", "inplace", "bool", /*default=*/"true",
           "Write element-wise results over operands that die there">,
    Option<"wrapping", "wrapping", "bool", /*default=*/"false",
           "Let windowed ops write over the input they read">,
    Option<"concatInPlace", "concat-in-place", "bool", /*default=*/"false",
           "Let producers write into their slice of a concatenation">,
    Option<"align", "align", "int64_t", /*default=*/"16",
           "Alignment of every space, in bytes">,
  ];
}

def AidgeVerifyMemory : Pass<"aidge-verify-memory", "ModuleOp"> {
  let summary = "Check a memory plan byte by byte";
  let description = [{
    Recomputes the bytes of every planned tensor (strides and wrap-around
    included) and fails, naming both tensors, when two tensors live at the
    same step share a byte in a way the op writing the newer one does not
    make safe, or when a tensor lies outside the arena. It trusts only the
    `aidge.mem` attributes, not the planner.
  }];
}

def AidgeMemoryReport : Pass<"aidge-memory-report", "ModuleOp"> {
  let summary = "Write memory_info.json, .txt and .svg of a memory plan";
  let options = [
    Option<"dir", "dir", "std::string", /*default=*/"\"\"",
           "Directory to write the report into">,
  ];
}

#endif // AIDGE_DIALECT_AIDGE_TRANSFORMS_PASSES_TD
