// Compares the weights of exact-weights.mlir, as g++ read them back from
// their literals, with the bit patterns the module holds.
#include "parameters/f32_bits.h"
#include "parameters/f32_nan.h"
#include "parameters/f64_bits.h"
#include "parameters/i64_values.h"
#include "parameters/i8_values.h"
#include "parameters/u64_values.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>

template <typename T, typename Bits, size_t N>
static int compare(const char *name, const T (&values)[N], const Bits (&bits)[N]) {
  static_assert(sizeof(T) == sizeof(Bits), "one pattern per value");
  int errors = 0;
  for (size_t i = 0; i < N; ++i)
    if (std::memcmp(&values[i], &bits[i], sizeof(T)) != 0) {
      std::printf("%s[%zu] differs\n", name, i);
      ++errors;
    }
  return errors;
}

int main() {
  static const std::uint32_t f32[] = {
      0x3DCCCCCD, 0x80000000, 0x00000000, 0x00000001, 0x007FFFFF, 0x00800000,
      0x7F7FFFFF, 0xFF7FFFFF, 0x3EAAAAAB, 0x7F800000, 0xFF800000, 0x4B800001,
      0x3F800000, 0x3F800001, 0x501502F9, 0xBF800000, 0x3C23D70A};
  static const std::uint64_t f64[] = {
      0x3FB999999999999A, 0x8000000000000000, 0x0000000000000001,
      0x7FEFFFFFFFFFFFFF, 0x3FD5555555555555, 0xFFF0000000000000,
      0x4340000000000001};
  static const std::int8_t i8[] = {-128, 127, -1, 0};
  static const std::int64_t i64[] = {std::numeric_limits<std::int64_t>::min(),
                                     std::numeric_limits<std::int64_t>::max(), -1};
  static const std::uint64_t u64[] = {std::numeric_limits<std::uint64_t>::max(),
                                      std::uint64_t(1) << 63, 0};
  int errors = compare("f32_bits", f32_bits, f32) + compare("f64_bits", f64_bits, f64) +
               compare("i8_values", i8_values, i8) +
               compare("i64_values", i64_values, i64) +
               compare("u64_values", u64_values, u64);
  // A NaN's payload is not kept: any NaN is exact.
  if (!std::isnan(f32_nan[0]) || !std::isnan(f32_nan[1])) {
    std::printf("f32_nan is not NaN\n");
    ++errors;
  }
  std::printf(errors ? "FAIL\n" : "exact\n");
  return errors != 0;
}
