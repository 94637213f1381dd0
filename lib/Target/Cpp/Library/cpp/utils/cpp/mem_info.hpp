// aidge-mlir cpp export library: where a tensor lies in the activation arena.
//
// A tensor planned by --aidge-plan-memory is `count` lines of `length` slots
// of `size` bytes; slots are `stride` bytes apart (stride > size when the
// tensor is interleaved into a concatenation), the first at `cont_offset`.
// Bytes at or past `cont_size` (counted from cont_offset along the plane,
// gaps between slots included) continue at `wrap_offset` (a ring buffer),
// at element granularity. All fields are bytes. Element `i` of a tensor is
// its i-th element in stored row-major order.
#ifndef AIDGE_CPP_UTILS_MEM_INFO_HPP
#define AIDGE_CPP_UTILS_MEM_INFO_HPP

#include <cstring>

#include "utils/cpp/activation_utils.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

/// Field order: {size, stride, length, count, cont_offset, cont_size,
/// wrap_offset, wrap_size} (the `offset` of #aidge.mem_info equals
/// cont_offset and is left out).
struct MemInfo {
  long size;
  long stride;
  long length;
  long count;
  long cont_offset;
  long cont_size;
  long wrap_offset;
  long wrap_size;
};

/// A tensor whose elements are consecutive from cont_offset on: element i
/// is at `(T *)(mem + cont_offset) + i`.
constexpr bool is_plain(const MemInfo &m) {
  return m.stride == m.size && m.wrap_size == 0;
}

/// Elements of type T in one slot.
template <typename T> constexpr long slot_elements(const MemInfo &m) {
  return m.size / static_cast<long>(sizeof(T));
}

/// Elements of type T in the tensor: count * length * size / sizeof(T).
template <typename T> constexpr long num_elements(const MemInfo &m) {
  return m.count * m.length * slot_elements<T>(m);
}

namespace detail {
/// Byte of element `index` along the plane, before wrapping.
template <typename T> inline long plane_byte(const MemInfo &m, long index) {
  const long e = slot_elements<T>(m);
  return (index / e) * m.stride + (index % e) * static_cast<long>(sizeof(T));
}
/// Offset in the arena of the plane byte `byte`.
inline long arena_byte(const MemInfo &m, long byte) {
  return byte < m.cont_size ? m.cont_offset + byte
                            : m.wrap_offset + (byte - m.cont_size);
}
} // namespace detail

/// Address of the index-th element (stored row-major order) of the tensor.
template <typename T>
inline T *at(unsigned char *mem, const MemInfo &m, long index) {
  return reinterpret_cast<T *>(
      mem + detail::arena_byte(m, detail::plane_byte<T>(m, index)));
}
template <typename T>
inline const T *at(const unsigned char *mem, const MemInfo &m, long index) {
  return reinterpret_cast<const T *>(
      mem + detail::arena_byte(m, detail::plane_byte<T>(m, index)));
}

/// Address of the index-th element, and in `n` (on entry the most elements
/// wanted, >= 1) how many elements from it on lie consecutively in memory
/// (at least 1): up to the end of its slot unless slots are contiguous, and
/// up to the wrap-around point.
template <typename T>
inline T *run(unsigned char *mem, const MemInfo &m, long index, long &n) {
  if (is_plain(m))
    return reinterpret_cast<T *>(mem + m.cont_offset) + index;
  const long sz = static_cast<long>(sizeof(T));
  const long e = slot_elements<T>(m);
  const long within = index % e;
  const long byte = (index / e) * m.stride + within * sz;
  if (m.stride != m.size && n > e - within)
    n = e - within;
  if (byte < m.cont_size) {
    const long before = (m.cont_size - byte + sz - 1) / sz;
    if (n > before)
      n = before;
    return reinterpret_cast<T *>(mem + m.cont_offset + byte);
  }
  return reinterpret_cast<T *>(mem + m.wrap_offset + (byte - m.cont_size));
}
template <typename T>
inline const T *run(const unsigned char *mem, const MemInfo &m, long index,
                    long &n) {
  return run<T>(const_cast<unsigned char *>(mem), m, index, n);
}

/// T, not deduced from an argument: a kernel's element types come from its
/// template arguments (float by default), so that `nullptr` can stand for
/// an optional constant operand.
template <typename T> struct ExactlyT { using type = T; };
template <typename T> using Exactly = typename ExactlyT<T>::type;

/// A weight operand computed at run time (a plain tensor of the arena),
/// where a kernel takes its weights as a `const T *` array.
struct ArenaArray {
  const unsigned char *mem;
  const MemInfo &m;
  template <typename T> operator const T *() const {
    return reinterpret_cast<const T *>(mem + m.cont_offset);
  }
};

/// Read-only view of a tensor: in the arena through its MemInfo, or a plain
/// array (weights, constants).
template <typename T> class In {
public:
  In(const unsigned char *arena, const MemInfo &m)
      : mem_(arena), m_(&m),
        plain_(is_plain(m) ? reinterpret_cast<const T *>(arena + m.cont_offset)
                           : nullptr) {}
  explicit In(const T *data) : mem_(nullptr), m_(nullptr), plain_(data) {}

  /// Element i.
  T operator[](long i) const { return plain_ ? plain_[i] : *at<T>(mem_, *m_, i); }

  /// Elements [i, i + n): where they are when consecutive in memory, else
  /// copied to `scratch` (room for n elements).
  const T *load(long i, long n, T *scratch) const {
    if (plain_)
      return plain_ + i;
    long k = n;
    const T *p = run<T>(mem_, *m_, i, k);
    if (k >= n)
      return p;
    for (long done = 0;;) {
      std::memcpy(scratch + done, p, static_cast<std::size_t>(k) * sizeof(T));
      done += k;
      if (done >= n)
        return scratch;
      k = n - done;
      p = run<T>(mem_, *m_, i + done, k);
    }
  }

  /// Pointer to element 0 when the tensor is plain, else null.
  const T *plain() const { return plain_; }

private:
  const unsigned char *mem_;
  const MemInfo *m_;
  const T *plain_;
};

/// Writable view of a tensor in the arena.
template <typename T> class Out {
public:
  Out(unsigned char *arena, const MemInfo &m)
      : mem_(arena), m_(&m),
        plain_(is_plain(m) ? reinterpret_cast<T *>(arena + m.cont_offset)
                           : nullptr) {}

  void set(long i, T v) const {
    if (plain_)
      plain_[i] = v;
    else
      *at<T>(mem_, *m_, i) = v;
  }
  T get(long i) const { return plain_ ? plain_[i] : *at<T>(mem_, *m_, i); }

  /// Where to write elements [i, i + n): in the arena when consecutive,
  /// else `scratch`; then call flush() with the same arguments.
  T *store(long i, long n, T *scratch) const {
    if (plain_)
      return plain_ + i;
    long k = n;
    T *p = run<T>(mem_, *m_, i, k);
    return k >= n ? p : scratch;
  }
  void flush(long i, long n, const T *p, const T *scratch) const {
    if (p != scratch)
      return;
    for (long done = 0; done < n;) {
      long k = n - done;
      T *d = run<T>(mem_, *m_, i + done, k);
      std::memcpy(d, scratch + done, static_cast<std::size_t>(k) * sizeof(T));
      done += k;
    }
  }

  T *plain() const { return plain_; }

private:
  unsigned char *mem_;
  const MemInfo *m_;
  T *plain_;
};

/// Copies n elements from element i of `src` to element j of `dst`
/// (memmove per consecutive run: a copy onto itself is harmless).
template <typename T>
inline void copy_elements(const In<T> &src, long i, const Out<T> &dst, long j,
                          long n) {
  if (src.plain() && dst.plain()) {
    if (n > 0 && dst.plain() + j != src.plain() + i)
      std::memmove(dst.plain() + j, src.plain() + i,
                   static_cast<std::size_t>(n) * sizeof(T));
    return;
  }
  T scratch[kChunk];
  while (n > 0) {
    const long k = n < kChunk ? n : kChunk;
    const T *s = src.load(i, k, scratch);
    T *d = dst.store(j, k, scratch);
    if (d != s)
      std::memmove(d, s, static_cast<std::size_t>(k) * sizeof(T));
    dst.flush(j, k, d, scratch);
    i += k;
    j += k;
    n -= k;
  }
}

/// Copies the num_elements<T>(m) elements of `src` (stored row-major order)
/// into the tensor `m` of the arena: how a graph input gets there.
template <typename T>
inline void write_tensor(unsigned char *mem, const MemInfo &m, const T *src) {
  copy_elements(In<T>(src), 0, Out<T>(mem, m), 0, num_elements<T>(m));
}

/// Copies the tensor `m` of the arena to `dst` (num_elements<T>(m)
/// elements, stored row-major order): how a graph result that is not plain
/// leaves it.
template <typename T>
inline void read_tensor(const unsigned char *mem, const MemInfo &m, T *dst) {
  const long n = num_elements<T>(m);
  for (long i = 0; i < n;) {
    long k = n - i;
    const T *p = run<T>(mem, m, i, k);
    std::memcpy(dst + i, p, static_cast<std::size_t>(k) * sizeof(T));
    i += k;
  }
}

/// Helpers of the kernels.
namespace detail {
/// acc += sum over c < n of x[base + c] * w[c], in order of c.
inline float dot_in(const In<float> &x, long base, const float *w, long n,
                    float acc) {
  float scratch[kChunk];
  for (long c0 = 0; c0 < n; c0 += kChunk) {
    const long k = n - c0 < kChunk ? n - c0 : kChunk;
    const float *xp = x.load(base + c0, k, scratch);
    const float *wp = w + c0;
    for (long c = 0; c < k; ++c)
      acc += xp[c] * wp[c];
  }
  return acc;
}

/// First and one-past-last kernel index k such that
/// `start + k * dilation` lies in [0, size).
inline void window_range(long start, long dilation, long kernel, long size,
                         long &k_begin, long &k_end) {
  k_begin = 0;
  while (k_begin < kernel && start + k_begin * dilation < 0)
    ++k_begin;
  k_end = kernel;
  while (k_end > k_begin && start + (k_end - 1) * dilation >= size)
    --k_end;
}

/// One axis of a window at output position `o`: its first input cell `i0`
/// (before the taps' offsets) and the kernel taps [k0, k1) that fall inside
/// the input [0, size). Shared by the convolution and pooling kernels.
struct WindowAxis {
  long i0, k0, k1;
};
inline WindowAxis window_axis(long o, long stride, long pad_begin,
                              long dilation, long kernel, long size) {
  WindowAxis a;
  a.i0 = o * stride - pad_begin;
  window_range(a.i0, dilation, kernel, size, a.k0, a.k1);
  return a;
}

/// Calls f(iz, iy, ix, tap) for every tap of the window (az, ay, ax) that
/// lies inside the input, in (kz, ky, kx) order: the input cell and the tap
/// index (kz * kernel_h + ky) * kernel_w + kx. P: ConvParams or PoolParams
/// (their dilation_* and kernel_h/w fields).
template <typename P, typename F>
inline void for_each_tap(const P &p, const WindowAxis &az, const WindowAxis &ay,
                         const WindowAxis &ax, F f) {
  for (long kz = az.k0; kz < az.k1; ++kz)
    for (long ky = ay.k0; ky < ay.k1; ++ky)
      for (long kx = ax.k0; kx < ax.k1; ++kx)
        f(az.i0 + kz * p.dilation_d, ay.i0 + ky * p.dilation_h,
          ax.i0 + kx * p.dilation_w, (kz * p.kernel_h + ky) * p.kernel_w + kx);
}

/// acc += sum over k < n of a[ai + k*as] * b[bi + k*bs], in order of k.
inline float dot(const In<float> &a, long ai, long as, const In<float> &b,
                 long bi, long bs, long n, float acc) {
  if (as == 1 && bs == 1) {
    float sa[kChunk], sb[kChunk];
    for (long k0 = 0; k0 < n; k0 += kChunk) {
      const long c = n - k0 < kChunk ? n - k0 : kChunk;
      const float *ap = a.load(ai + k0, c, sa);
      const float *bp = b.load(bi + k0, c, sb);
      for (long k = 0; k < c; ++k)
        acc += ap[k] * bp[k];
    }
    return acc;
  }
  for (long k = 0; k < n; ++k)
    acc += a[ai + k * as] * b[bi + k * bs];
  return acc;
}

/// One matrix product: for m < M, n < N,
///   y[yi + m*N + n] = act(alpha * sum over k < K (in order) of
///                         A(m, k) * B(k, n)  [+ beta * C(m, n)])
/// with A(m, k) = a[ai + m*am + k*ak], B(k, n) = b[bi + k*bk + n*bn] and,
/// when c is not null, C(m, n) = c[(c_rows == 1 ? 0 : m) * c_cols +
/// (c_cols == 1 ? 0 : n)].
inline void gemm(const In<float> &a, long ai, long am, long ak,
                 const In<float> &b, long bi, long bk, long bn,
                 const Out<float> &y, long yi, long M, long N, long K,
                 float alpha, float beta, const float *c, long c_rows,
                 long c_cols, const ActivationParams &act) {
  float acc[kChunk], bs[kChunk], ys[kChunk];
  for (long m = 0; m < M; ++m) {
    for (long n0 = 0; n0 < N; n0 += kChunk) {
      const long nn = N - n0 < kChunk ? N - n0 : kChunk;
      if (bn == 1 && bk != 1) {
        for (long j = 0; j < nn; ++j)
          acc[j] = 0.0f;
        for (long k = 0; k < K; ++k) {
          const float av = a[ai + m * am + k * ak];
          const float *bp = b.load(bi + k * bk + n0, nn, bs);
          for (long j = 0; j < nn; ++j)
            acc[j] += av * bp[j];
        }
      } else {
        for (long j = 0; j < nn; ++j)
          acc[j] = dot(a, ai + m * am, ak, b, bi + (n0 + j) * bn, bk, K, 0.0f);
      }
      const long o = yi + m * N + n0;
      float *yp = y.store(o, nn, ys);
      for (long j = 0; j < nn; ++j) {
        float v = alpha * acc[j];
        if (c)
          v += beta * c[(c_rows == 1 ? 0 : m) * c_cols +
                        (c_cols == 1 ? 0 : n0 + j)];
        yp[j] = activate(v, act);
      }
      y.flush(o, nn, yp, ys);
    }
  }
}
} // namespace detail

} // namespace aidge_cpp

#endif // AIDGE_CPP_UTILS_MEM_INFO_HPP
