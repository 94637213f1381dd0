//===- ArrayLiterals.h - The initializer of a C++ array ---------*- C++ -*-===//
//
// Weights are most of an export's text and of its compile time, so they
// are written by one fast, exact routine rather than by formatv.
//
//===----------------------------------------------------------------------===//

#ifndef AIDGE_LIB_TARGET_CPP_ARRAYLITERALS_H
#define AIDGE_LIB_TARGET_CPP_ARRAYLITERALS_H

#include "mlir/IR/Types.h"
#include "mlir/Support/LLVM.h"
#include <string>

namespace mlir::aidge {

/// Writes `count` elements of type `element` (f32, f64 or an 8/16/32/64-bit
/// integer) as the comma-terminated literals of a C++ initializer, eight a
/// line. `bytes` holds them row-major and little-endian, or holds one
/// element (a splat) that is repeated. Floats are the shortest decimal that
/// reads back to the same bits (std::to_chars), NAN or INFINITY (<cmath>)
/// for the non-finite ones; integers are exact for every value of their
/// type, unsigned ones with a "u". Returns false for an element type it
/// cannot write or bytes that do not fit `count`.
bool writeArrayLiterals(raw_ostream &os, Type element, ArrayRef<char> bytes,
                        int64_t count);

/// The extent to declare a C++ array of `count` elements with: `size` (a
/// macro or a number that equals `count`), or 1 for a zero-size tensor,
/// since C++ has no zero-length arrays; its one element is never read.
std::string getArrayExtent(StringRef size, int64_t count);

} // namespace mlir::aidge

#endif // AIDGE_LIB_TARGET_CPP_ARRAYLITERALS_H
