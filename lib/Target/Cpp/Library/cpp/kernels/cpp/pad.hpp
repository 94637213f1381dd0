// aidge-mlir cpp export library: N-D padding (and cropping).
#ifndef AIDGE_CPP_KERNELS_PAD_HPP
#define AIDGE_CPP_KERNELS_PAD_HPP

#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

enum class PadMode {
  constant, // fill with value
  reflect,  // mirror without repeating the edge
  edge      // repeat the edge
};

/// Field order: {mode, value, rank, in_dims, begins, ends}: rank 1 to 6;
/// output dim d is begins[d] + in_dims[d] + ends[d]; a negative pad crops.
/// value: the constant mode's fill (converted to T). Entries past rank are
/// ignored.
struct PadParams {
  PadMode mode;
  double value;
  int rank;
  int in_dims[kMaxRank];
  int begins[kMaxRank];
  int ends[kMaxRank];
};

namespace detail {
/// Input coordinate read by output coordinate `o` along a dim of `n` with
/// `begin` padding, or -1 for the constant.
inline long pad_source(long o, long begin, long n, PadMode mode) {
  long s = o - begin;
  if (s >= 0 && s < n)
    return s;
  switch (mode) {
  case PadMode::constant:
    return -1;
  case PadMode::edge:
    return s < 0 ? 0 : n - 1;
  case PadMode::reflect: {
    if (n == 1)
      return 0;
    const long period = 2 * (n - 1);
    s %= period;
    if (s < 0)
      s += period;
    return s < n ? s : period - s;
  }
  }
  return -1;
}
} // namespace detail

/// out[o_0]...[o_{r-1}] = in[s_0]...[s_{r-1}], s_d = o_d - begins[d] when
/// inside the input, else per mode: constant -> value, edge -> clamped,
/// reflect -> mirrored (numpy 'reflect', repeating as needed). Any element
/// type T.
template <typename T = float>
inline void pad_forward(unsigned char *mem, const MemInfo &in,
                        const MemInfo &out, const PadParams &p) {
  const In<T> x(mem, in);
  const Out<T> y(mem, out);
  const int r = p.rank;
  const T value = static_cast<T>(p.value);
  long OD[kMaxRank], IS[kMaxRank];
  long s = 1, total = 1;
  for (int d = r - 1; d >= 0; --d) {
    IS[d] = s;
    s *= p.in_dims[d];
    OD[d] = static_cast<long>(p.begins[d]) + p.in_dims[d] + p.ends[d];
    total *= OD[d];
  }
  if (total <= 0)
    return;
  const long L = OD[r - 1], n = p.in_dims[r - 1], b = p.begins[r - 1];
  // Output columns [c0, c1) read input columns [c0 - b, c1 - b).
  long c0 = b < 0 ? 0 : b, c1 = n + b < L ? n + b : L;
  if (c1 < c0)
    c1 = c0;
  long idx[kMaxRank] = {};
  T ys[kChunk];
  for (long o = 0;; o += L) {
    // Source of the outer coordinates.
    long base = 0;
    bool fill = false;
    for (int d = 0; d < r - 1; ++d) {
      const long sd = detail::pad_source(idx[d], p.begins[d], p.in_dims[d], p.mode);
      if (sd < 0) {
        fill = true;
        break;
      }
      base += sd * IS[d];
    }
    for (long j = 0; j < L;) {
      if (!fill && j >= c0 && j < c1) {
        copy_elements(x, base + j - b, y, o + j, c1 - j);
        j = c1;
        continue;
      }
      long e = !fill && j < c0 ? c0 : L;
      if (e - j > kChunk)
        e = j + kChunk;
      T *yp = y.store(o + j, e - j, ys);
      for (long t = j; t < e; ++t) {
        const long st = fill ? -1 : detail::pad_source(t, b, n, p.mode);
        yp[t - j] = st < 0 ? value : x[base + st];
      }
      y.flush(o + j, e - j, yp, ys);
      j = e;
    }
    int k = r - 2;
    for (; k >= 0; --k) {
      if (++idx[k] < OD[k])
        break;
      idx[k] = 0;
    }
    if (k < 0)
      return;
  }
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_PAD_HPP
