// aidge-mlir cpp export library: basic types and limits shared by every
// kernel. Header-only, C++14, standard library only.
#ifndef AIDGE_CPP_UTILS_TYPEDEFS_HPP
#define AIDGE_CPP_UTILS_TYPEDEFS_HPP

#include <cstdint>

namespace aidge_cpp {

static_assert(sizeof(float) == 4, "the cpp export library needs 32-bit floats");

/// The element type of every float kernel.
using float32 = float;

/// Highest rank of the N-D kernels (elemwise, transpose, pad).
constexpr int kMaxRank = 6;

/// Highest rank of a matmul operand (batch dims + the two matrix dims).
constexpr int kMaxMatMulRank = 4;

/// Capacity of ConcatParams::axis_sizes. Define AIDGE_CPP_MAX_CONCAT_INPUTS
/// before the first include to change it.
#ifndef AIDGE_CPP_MAX_CONCAT_INPUTS
#define AIDGE_CPP_MAX_CONCAT_INPUTS 64
#endif
constexpr int kMaxConcatInputs = AIDGE_CPP_MAX_CONCAT_INPUTS;

/// Elements that kernels process at once: stack scratch buffers of this
/// many elements stand in for tensors whose elements are not consecutive,
/// and hold accumulators (a kernel uses at most 5 such buffers, 1.25 KiB of
/// stack for floats at the default 64). Define AIDGE_CPP_CHUNK before the
/// first include to change it.
#ifndef AIDGE_CPP_CHUNK
#define AIDGE_CPP_CHUNK 64
#endif
constexpr long kChunk = AIDGE_CPP_CHUNK;

} // namespace aidge_cpp

#endif // AIDGE_CPP_UTILS_TYPEDEFS_HPP
