//===- ArrayLiterals.cpp - The initializer of a C++ array -----------------===//

#include "ArrayLiterals.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/raw_ostream.h"
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

using namespace mlir;

namespace {
/// Longest literal: "-2.2250738585072014e-308" or "(-9223372036854775807 - 1)".
constexpr size_t kMaxLiteral = 32;

/// `v` as a float literal; `suffix` is "f" for float. The shortest form may
/// be an integer ("-0", "3"), which needs a ".0" to be a float literal.
template <typename T> char *writeReal(char *at, T v, const char *suffix) {
  if (std::isnan(v))
    return std::copy_n("NAN", 3, at);
  if (std::isinf(v)) {
    if (v < 0)
      *at++ = '-';
    return std::copy_n("INFINITY", 8, at);
  }
  char *end = std::to_chars(at, at + kMaxLiteral, v).ptr;
  if (std::find_if(at, end, [](char c) { return c == '.' || c == 'e'; }) == end)
    end = std::copy_n(".0", 2, end);
  return std::copy(suffix, suffix + std::strlen(suffix), end);
}

/// The integer of `width` bytes at `data`, as a literal of its type.
char *writeInteger(char *at, const char *data, unsigned width, bool isUnsigned) {
  uint64_t bits = 0;
  std::memcpy(&bits, data, width); // little-endian
  if (isUnsigned) { // "u": a uint64_t above INT64_MAX is no signed literal
    at = std::to_chars(at, at + kMaxLiteral, bits).ptr;
    *at++ = 'u';
    return at;
  }
  unsigned shift = 64 - 8 * width;
  int64_t v = static_cast<int64_t>(bits << shift) >> shift; // sign-extend
  if (v == std::numeric_limits<int64_t>::min()) // its negation is no int64_t
    return std::copy_n("(-9223372036854775807 - 1)", 26, at);
  return std::to_chars(at, at + kMaxLiteral, v).ptr;
}
} // namespace

namespace {
/// What writeArrayLiterals writes: `count` elements of one type at `bytes`.
struct Literals {
  bool isF32, isF64, isUnsigned;
  size_t width;
  bool splat;
  ArrayRef<char> bytes;

  /// The lines of elements [first, end); `first` starts a line.
  void writeLines(raw_ostream &os, int64_t first, int64_t end) const;
};

constexpr int64_t kPerLine = 8;

void Literals::writeLines(raw_ostream &os, int64_t first, int64_t end) const {
  char line[3 + kPerLine * (kMaxLiteral + 2)];
  for (; first < end; first += kPerLine) {
    char *at = std::copy_n("\n  ", 3, line);
    for (int64_t i = first, last = std::min(end, first + kPerLine); i < last; ++i) {
      if (i != first)
        *at++ = ' ';
      const char *data = bytes.data() + (splat ? 0 : i * width);
      if (isF32) {
        float v;
        std::memcpy(&v, data, 4);
        at = writeReal(at, v, "f");
      } else if (isF64) {
        double v;
        std::memcpy(&v, data, 8);
        at = writeReal(at, v, "");
      } else {
        at = writeInteger(at, data, width, isUnsigned);
      }
      *at++ = ',';
    }
    os.write(line, at - line);
  }
}
} // namespace

bool mlir::aidge::writeArrayLiterals(raw_ostream &os, Type element,
                                     ArrayRef<char> bytes, int64_t count) {
  bool isF32 = element.isF32(), isF64 = element.isF64();
  auto integer = dyn_cast<IntegerType>(element);
  unsigned bits = element.isIntOrFloat() ? element.getIntOrFloatBitWidth() : 0;
  if (!isF32 && !isF64 && !(integer && llvm::is_contained({8u, 16u, 32u, 64u}, bits)))
    return false;
  size_t width = bits / 8;
  bool splat = bytes.size() == width;
  if (!splat && bytes.size() != count * width)
    return false;
  Literals literals{isF32, isF64, integer && integer.isUnsigned(), width, splat, bytes};

  // Shortest float literals cost ~30 ns each, most of an export's time:
  // chunks of whole lines are formatted on the context's threads, a batch
  // while the previous one is written (the write(2) copies cost as much
  // again), in order, in two sets of reused buffers.
  constexpr int64_t kChunk = 1 << 15; // a multiple of kPerLine
  MLIRContext *context = element.getContext();
  int64_t chunks = llvm::divideCeil(count, kChunk);
  if (!context->isMultithreadingEnabled() || chunks == 1) {
    literals.writeLines(os, 0, count);
    return true;
  }
  llvm::ThreadPoolInterface &pool = context->getThreadPool();
  int64_t perBatch = pool.getMaxConcurrency();
  int64_t batches = llvm::divideCeil(chunks, perBatch);
  std::vector<std::string> texts(2 * perBatch);
  llvm::ThreadPoolTaskGroup group[2] = {llvm::ThreadPoolTaskGroup(pool),
                                        llvm::ThreadPoolTaskGroup(pool)};
  auto chunksOf = [&](int64_t batch) {
    return std::min(perBatch, chunks - batch * perBatch);
  };
  auto launch = [&](int64_t batch) {
    for (int64_t k = 0; k < chunksOf(batch); ++k)
      group[batch % 2].async([&, batch, k] {
        int64_t first = (batch * perBatch + k) * kChunk;
        std::string &text = texts[(batch % 2) * perBatch + k];
        text.clear();
        llvm::raw_string_ostream stream(text);
        literals.writeLines(stream, first, std::min(count, first + kChunk));
      });
  };
  launch(0);
  for (int64_t batch = 0; batch < batches; ++batch) {
    if (batch + 1 < batches)
      launch(batch + 1);
    group[batch % 2].wait();
    for (int64_t k = 0; k < chunksOf(batch); ++k)
      os << texts[(batch % 2) * perBatch + k];
  }
  return true;
}

std::string mlir::aidge::getArrayExtent(StringRef size, int64_t count) {
  return count > 0 ? size.str() : "1 /* zero-size */";
}
