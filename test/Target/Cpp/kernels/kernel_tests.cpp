// Tests of the header-only kernels of the cpp export library
// (lib/Target/Cpp/Library/cpp): every kernel is compared with a
// straightforward reference on seeded random data, for several shapes and
// attributes, with its tensors laid out in the arena
//   (a) plainly,
//   (b) with a strided output (stride > size, as in a concatenation slice),
//   (c) wrapped (cont_size shorter than the tensor, the rest at wrap_offset),
//       output and inputs, and strided + wrapped,
//   (d) in place where the kernel allows it,
// plus real rings of chained windowed ops (outputs wrapping over the rows
// of their inputs already consumed, with Aidge's protected margin). Every
// case also checks that no byte outside the output changed.
//
// Prints one line per case and a summary per kernel; exits 1 on any
// mismatch. Written in C++14.

#include "kernels/cpp/activation.hpp"
#include "kernels/cpp/batchnorm.hpp"
#include "kernels/cpp/cast.hpp"
#include "kernels/cpp/concat.hpp"
#include "kernels/cpp/conv_transpose.hpp"
#include "kernels/cpp/convolution.hpp"
#include "kernels/cpp/convolution_blocked.hpp"
#include "kernels/cpp/convolution_depthwise.hpp"
#include "kernels/cpp/convolution_winograd.hpp"
#include "kernels/cpp/elemwise.hpp"
#include "kernels/cpp/fullyconnected.hpp"
#include "kernels/cpp/gather.hpp"
#include "kernels/cpp/matmul.hpp"
#include "kernels/cpp/pad.hpp"
#include "kernels/cpp/pooling.hpp"
#include "kernels/cpp/reduce.hpp"
#include "kernels/cpp/reshape.hpp"
#include "kernels/cpp/resize.hpp"
#include "kernels/cpp/slice.hpp"
#include "kernels/cpp/softmax.hpp"
#include "kernels/cpp/split.hpp"
#include "kernels/cpp/transpose.hpp"
#include "utils/cpp/activation_utils.hpp"
#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using aidge_cpp::MemInfo;

namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();

//===----------------------------------------------------------------------===//
// Random data, results
//===----------------------------------------------------------------------===//

std::mt19937 rng(20240607u);

float urand(float lo, float hi) {
  return std::uniform_real_distribution<float>(lo, hi)(rng);
}
long irand(long lo, long hi) { // inclusive
  return std::uniform_int_distribution<long>(lo, hi)(rng);
}
std::vector<float> rand_vec(long n, float lo = -1.0f, float hi = 1.0f) {
  std::vector<float> v(static_cast<std::size_t>(n));
  for (float &x : v)
    x = urand(lo, hi);
  return v;
}
template <typename T> std::vector<T> rand_ints(long n) {
  std::vector<T> v(static_cast<std::size_t>(n));
  for (T &x : v)
    x = static_cast<T>(irand(-100, 100));
  return v;
}

std::map<std::string, std::pair<int, int>> stats; // kernel -> passed, failed

void record(const std::string &kernel, const std::string &desc, bool ok,
            const std::string &why) {
  if (ok) {
    ++stats[kernel].first;
    std::printf("PASS %s: %s\n", kernel.c_str(), desc.c_str());
  } else {
    ++stats[kernel].second;
    std::printf("FAIL %s: %s: %s\n", kernel.c_str(), desc.c_str(), why.c_str());
  }
}

// The absolute floor of close(): 1e-6 for results that cancel to about
// zero, raised by AbsFloor where a kernel rounds differently by design.
float g_abs_floor = 1e-6f;

/// Raises the absolute floor of close() while it lives.
struct AbsFloor {
  float saved;
  explicit AbsFloor(float floor) : saved(g_abs_floor) { g_abs_floor = floor; }
  ~AbsFloor() { g_abs_floor = saved; }
};

// Relative tolerance 1e-5 (with the absolute floor above); NaN matches
// NaN, infinities must be equal.
bool close(float got, float want) {
  if (std::isnan(want))
    return std::isnan(got);
  if (std::isinf(want))
    return got == want;
  return std::fabs(got - want) <= 1e-5f * std::fabs(want) + g_abs_floor;
}
template <typename T> bool close(T got, T want) { return got == want; }

template <typename T> double as_double(T v) { return static_cast<double>(v); }

long product(const std::vector<long> &d) {
  long p = 1;
  for (long x : d)
    p *= x;
  return p;
}

std::string dims_str(const std::vector<long> &d) {
  std::ostringstream s;
  s << "[";
  for (std::size_t i = 0; i < d.size(); ++i)
    s << (i ? "x" : "") << d[i];
  s << "]";
  return s.str();
}

//===----------------------------------------------------------------------===//
// Layouts
//===----------------------------------------------------------------------===//

enum Kind { PLAIN, STRIDED, WRAPPED, STRIDED_WRAPPED };

const char *kind_name(Kind k) {
  switch (k) {
  case PLAIN:
    return "plain";
  case STRIDED:
    return "strided";
  case WRAPPED:
    return "wrapped";
  case STRIDED_WRAPPED:
    return "strided+wrapped";
  }
  return "?";
}

/// Geometry in elements: `count` lines of `length` slots of `slot` elements.
struct Geo {
  long slot, length, count;
  long elems() const { return slot * length * count; }
};

/// Aidge's geometry of a tensor: the innermost dim, the next one, the rest.
Geo geo_dims(const std::vector<long> &d) {
  if (d.empty())
    return Geo{1, 1, 1};
  Geo g{d.back(), d.size() >= 2 ? d[d.size() - 2] : 1, 1};
  for (std::size_t i = 0; i + 2 < d.size(); ++i)
    g.count *= d[i];
  return g;
}
/// Channels-last image [N][H][W][C]: slots of C, lines of W, N*H lines.
Geo geo_nhwc(long n, long h, long w, long c) { return Geo{c, w, n * h}; }

long align_up(long v, long a) { return (v + a - 1) / a * a; }

/// Places tensors one after the other (16 sentinel bytes apart).
struct Placer {
  long cursor = 16;

  MemInfo place(Geo g, Kind k, long es) {
    const long size = g.slot * es, slots = g.length * g.count;
    const long start = align_up(cursor, 16);
    MemInfo m{};
    m.size = size;
    m.length = g.length;
    m.count = g.count;
    if (k == WRAPPED && g.elems() < 2)
      k = PLAIN;
    switch (k) {
    case PLAIN:
      m.stride = size;
      m.cont_offset = start;
      m.cont_size = size * slots;
      m.wrap_offset = start;
      m.wrap_size = 0;
      cursor = start + m.cont_size + 16;
      break;
    case STRIDED: {
      const long gap = irand(1, 3) * es;
      m.stride = size + gap;
      m.cont_offset = start + irand(0, gap / es) * es;
      m.cont_size = m.stride * slots;
      m.wrap_offset = start;
      m.wrap_size = 0;
      cursor = m.cont_offset + m.cont_size + 16;
      break;
    }
    case WRAPPED:
    case STRIDED_WRAPPED: {
      // The tensor in a ring of `ring` bytes, cut at an arbitrary element:
      // its first cont_size bytes end the ring, the rest starts it.
      m.stride = size + (k == STRIDED_WRAPPED ? irand(1, 3) * es : 0);
      const long plane = m.stride * slots;
      const long ring = plane + irand(0, 3) * es;
      const long cut = irand(1, plane / es - 1) * es;
      m.cont_offset = start + ring - cut;
      m.cont_size = cut;
      m.wrap_offset = start;
      m.wrap_size = plane - cut;
      cursor = start + ring + 16;
      break;
    }
    }
    return m;
  }
};

/// A 16-byte aligned arena filled with a byte pattern.
struct Arena {
  std::vector<std::max_align_t> store;
  unsigned char *mem;
  long bytes;
  explicit Arena(long b)
      : store(static_cast<std::size_t>(b) / sizeof(std::max_align_t) + 2),
        mem(reinterpret_cast<unsigned char *>(store.data())), bytes(b) {
    for (long i = 0; i < bytes; ++i)
      mem[i] = static_cast<unsigned char>(0xA5 ^ (i * 7));
  }
};

/// Checks `out` against `want` and that every byte not in `out` equals
/// `before` (when not null) and lies in the arena.
template <typename T>
bool check_output(const Arena &a, const MemInfo &out, const std::vector<T> &want,
                  const std::vector<unsigned char> *before, std::string &why) {
  const long n = static_cast<long>(want.size());
  if (aidge_cpp::num_elements<T>(out) != n) {
    why = "test bug: output MemInfo has " +
          std::to_string(aidge_cpp::num_elements<T>(out)) + " elements, want " +
          std::to_string(n);
    return false;
  }
  std::vector<char> mark(static_cast<std::size_t>(a.bytes), 0);
  for (long i = 0; i < n; ++i) {
    const long off =
        reinterpret_cast<const unsigned char *>(aidge_cpp::at<T>(a.mem, out, i)) -
        a.mem;
    if (off < 0 || off + static_cast<long>(sizeof(T)) > a.bytes) {
      why = "element " + std::to_string(i) + " outside the arena";
      return false;
    }
    for (long b = 0; b < static_cast<long>(sizeof(T)); ++b) {
      if (mark[static_cast<std::size_t>(off + b)]) {
        why = "test bug: output elements overlap";
        return false;
      }
      mark[static_cast<std::size_t>(off + b)] = 1;
    }
  }
  for (long i = 0; i < n; ++i) {
    const T got = *aidge_cpp::at<T>(a.mem, out, i);
    if (!close(got, want[static_cast<std::size_t>(i)])) {
      std::ostringstream s;
      s.precision(9);
      s << "element " << i << ": got " << as_double(got) << ", want "
        << as_double(want[static_cast<std::size_t>(i)]);
      why = s.str();
      return false;
    }
  }
  if (before) {
    for (long b = 0; b < a.bytes; ++b)
      if (!mark[static_cast<std::size_t>(b)] &&
          a.mem[b] != (*before)[static_cast<std::size_t>(b)]) {
        why = "byte " + std::to_string(b) + " outside the output was written";
        return false;
      }
  }
  return true;
}

using KernelFn = std::function<void(unsigned char *, const std::vector<MemInfo> &,
                                    const MemInfo &)>;

/// One layout of the operands of a case.
struct Layout {
  Kind in, out;
  int inplace; // the output is input #inplace (same MemInfo), or -1
};

std::string layout_str(const Layout &l) {
  if (l.inplace >= 0)
    return std::string("in-place on input ") + std::to_string(l.inplace) + " (" +
           kind_name(l.in) + ")";
  return std::string("in=") + kind_name(l.in) + " out=" + kind_name(l.out);
}

const std::vector<Layout> kLayouts = {
    {PLAIN, PLAIN, -1},   {PLAIN, STRIDED, -1},        {PLAIN, WRAPPED, -1},
    {WRAPPED, PLAIN, -1}, {WRAPPED, WRAPPED, -1},      {STRIDED, STRIDED_WRAPPED, -1},
};
const std::vector<Layout> kInplaceLayouts = {
    {PLAIN, PLAIN, 0}, {WRAPPED, WRAPPED, 0}, {STRIDED, STRIDED, 0}};

/// Runs `fn` with `inputs` (of geometries `geos`) laid out as `l`, the output
/// of geometry `out_geo`, and checks the output against `want`.
template <typename T>
void run_case(const std::string &kernel, const std::string &desc,
              const std::vector<std::vector<T>> &inputs,
              const std::vector<Geo> &geos, Geo out_geo, const Layout &l,
              const std::vector<T> &want, const KernelFn &fn) {
  const std::string full = desc + " " + layout_str(l);
  Placer pl;
  std::vector<MemInfo> ins;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (geos[i].elems() != static_cast<long>(inputs[i].size())) {
      record(kernel, full, false, "test bug: input geometry");
      return;
    }
    ins.push_back(pl.place(geos[i], l.in, static_cast<long>(sizeof(T))));
  }
  const MemInfo out =
      l.inplace >= 0 ? ins[static_cast<std::size_t>(l.inplace)]
                     : pl.place(out_geo, l.out, static_cast<long>(sizeof(T)));
  Arena a(pl.cursor + 16);
  for (std::size_t i = 0; i < inputs.size(); ++i)
    for (std::size_t j = 0; j < inputs[i].size(); ++j)
      *aidge_cpp::at<T>(a.mem, ins[i], static_cast<long>(j)) = inputs[i][j];
  const std::vector<unsigned char> before(a.mem, a.mem + a.bytes);
  fn(a.mem, ins, out);
  std::string why;
  const bool ok = check_output(a, out, want, &before, why);
  record(kernel, full, ok, why);
}

template <typename T>
void run_layouts(const std::string &kernel, const std::string &desc,
                 const std::vector<std::vector<T>> &inputs,
                 const std::vector<Geo> &geos, Geo out_geo,
                 const std::vector<T> &want, const KernelFn &fn,
                 bool inplace = false) {
  for (const Layout &l : kLayouts)
    run_case(kernel, desc, inputs, geos, out_geo, l, want, fn);
  if (inplace)
    for (const Layout &l : kInplaceLayouts)
      run_case(kernel, desc, inputs, geos, out_geo, l, want, fn);
}

//===----------------------------------------------------------------------===//
// References
//===----------------------------------------------------------------------===//

float ref_act(float v, const aidge_cpp::ActivationParams &a) {
  switch (a.kind) {
  case aidge_cpp::Activation::none:
    return v;
  case aidge_cpp::Activation::relu:
    return std::max(v, 0.0f);
  case aidge_cpp::Activation::clip:
    return std::min(std::max(v, a.min), a.max);
  case aidge_cpp::Activation::leaky_relu:
    return v >= 0.0f ? v : a.alpha * v;
  }
  return v;
}

constexpr aidge_cpp::ActivationParams kNone{aidge_cpp::Activation::none, -kInf, kInf, 0.0f};
constexpr aidge_cpp::ActivationParams kRelu{aidge_cpp::Activation::relu, -kInf, kInf, 0.0f};
constexpr aidge_cpp::ActivationParams kClip{aidge_cpp::Activation::clip, -0.2f, 0.3f, 0.0f};
constexpr aidge_cpp::ActivationParams kLeaky{aidge_cpp::Activation::leaky_relu, -kInf, kInf, 0.1f};

const char *act_name(const aidge_cpp::ActivationParams &a) {
  switch (a.kind) {
  case aidge_cpp::Activation::none:
    return "none";
  case aidge_cpp::Activation::relu:
    return "relu";
  case aidge_cpp::Activation::clip:
    return "clip";
  case aidge_cpp::Activation::leaky_relu:
    return "leaky_relu";
  }
  return "?";
}

std::vector<float> ref_conv(const std::vector<float> &x, const std::vector<float> &w,
                            const std::vector<float> *bias,
                            const aidge_cpp::ConvParams &p) {
  const long cin = p.in_channels / p.group, cout = p.out_channels / p.group;
  std::vector<float> y(static_cast<std::size_t>(p.batch * p.out_depth * p.out_height *
                                                p.out_width * p.out_channels));
  for (long n = 0; n < p.batch; ++n)
    for (long oz = 0; oz < p.out_depth; ++oz)
      for (long oy = 0; oy < p.out_height; ++oy)
        for (long ox = 0; ox < p.out_width; ++ox)
          for (long m = 0; m < p.out_channels; ++m) {
            const long g = m / cout;
            float acc = bias ? (*bias)[static_cast<std::size_t>(m)] : 0.0f;
            for (long kz = 0; kz < p.kernel_d; ++kz) {
              const long iz = oz * p.stride_d - p.pad_front + kz * p.dilation_d;
              if (iz < 0 || iz >= p.in_depth)
                continue;
              for (long ky = 0; ky < p.kernel_h; ++ky) {
                const long iy = oy * p.stride_h - p.pad_top + ky * p.dilation_h;
                if (iy < 0 || iy >= p.in_height)
                  continue;
                for (long kx = 0; kx < p.kernel_w; ++kx) {
                  const long ix = ox * p.stride_w - p.pad_left + kx * p.dilation_w;
                  if (ix < 0 || ix >= p.in_width)
                    continue;
                  for (long c = 0; c < cin; ++c)
                    acc += x[static_cast<std::size_t>(
                               (((n * p.in_depth + iz) * p.in_height + iy) *
                                    p.in_width +
                                ix) *
                                   p.in_channels +
                               g * cin + c)] *
                           w[static_cast<std::size_t>(
                               (((m * p.kernel_d + kz) * p.kernel_h + ky) * p.kernel_w +
                                kx) *
                                   cin +
                               c)];
                }
              }
            }
            y[static_cast<std::size_t>(
                (((n * p.out_depth + oz) * p.out_height + oy) * p.out_width + ox) *
                    p.out_channels +
                m)] = ref_act(acc, p.act);
          }
  return y;
}

std::vector<float> ref_pool(const std::vector<float> &x, const aidge_cpp::PoolParams &p) {
  std::vector<float> y(static_cast<std::size_t>(p.batch * p.out_depth * p.out_height *
                                                p.out_width * p.channels));
  for (long n = 0; n < p.batch; ++n)
    for (long oz = 0; oz < p.out_depth; ++oz)
      for (long oy = 0; oy < p.out_height; ++oy)
        for (long ox = 0; ox < p.out_width; ++ox)
          for (long c = 0; c < p.channels; ++c) {
            float acc = p.kind == aidge_cpp::PoolKind::max ? -kInf : 0.0f;
            long cells = 0, padded_cells = 0;
            for (long kz = 0; kz < p.kernel_d; ++kz)
              for (long ky = 0; ky < p.kernel_h; ++ky)
                for (long kx = 0; kx < p.kernel_w; ++kx) {
                  const long iz = oz * p.stride_d - p.pad_front + kz * p.dilation_d;
                  const long iy = oy * p.stride_h - p.pad_top + ky * p.dilation_h;
                  const long ix = ox * p.stride_w - p.pad_left + kx * p.dilation_w;
                  if (iz >= -p.pad_front && iz < p.in_depth + p.pad_back &&
                      iy >= -p.pad_top && iy < p.in_height + p.pad_bottom &&
                      ix >= -p.pad_left && ix < p.in_width + p.pad_right)
                    ++padded_cells;
                  if (iz < 0 || iz >= p.in_depth || iy < 0 || iy >= p.in_height ||
                      ix < 0 || ix >= p.in_width)
                    continue;
                  ++cells;
                  const float v = x[static_cast<std::size_t>(
                      (((n * p.in_depth + iz) * p.in_height + iy) * p.in_width + ix) *
                          p.channels +
                      c)];
                  if (p.kind == aidge_cpp::PoolKind::max)
                    acc = std::max(acc, v);
                  else
                    acc += v;
                }
            float v = acc;
            if (p.kind == aidge_cpp::PoolKind::avg) {
              const long d = p.count_include_pad ? padded_cells : cells;
              v = d > 0 ? acc / static_cast<float>(d) : 0.0f;
            }
            y[static_cast<std::size_t>(
                (((n * p.out_depth + oz) * p.out_height + oy) * p.out_width + ox) *
                    p.channels +
                c)] = ref_act(v, p.act);
          }
  return y;
}

/// Output size of a window op; with ceil_mode, drops a last window that
/// would start in the end padding.
constexpr int out_size(int in, int k, int s, int d, int pb, int pe, bool ceil_mode) {
  const int span = (k - 1) * d + 1, room = in + pb + pe - span;
  int o = (ceil_mode ? (room + s - 1) / s : room / s) + 1;
  if (ceil_mode && (o - 1) * s >= in + pb)
    --o;
  return o;
}

//===----------------------------------------------------------------------===//
// at() and run()
//===----------------------------------------------------------------------===//

void test_mem_info() {
  // 3 floats a slot, slots 20 bytes apart, 2x2 slots, from byte 100; plane
  // bytes from 50 on continue at byte 8.
  const MemInfo m{12, 20, 2, 2, 100, 50, 8, 30};
  unsigned char buf[256] = {};
  struct Want {
    long index, offset;
  };
  const Want wants[] = {{0, 100}, {2, 108}, {3, 120}, {4, 124},
                        {7, 144}, {8, 148}, {9, 18},  {11, 26}};
  bool ok = true;
  std::string why;
  for (const Want &w : wants) {
    const long got =
        reinterpret_cast<unsigned char *>(aidge_cpp::at<float>(buf, m, w.index)) - buf;
    if (got != w.offset) {
      ok = false;
      why = "at(" + std::to_string(w.index) + ") = " + std::to_string(got) +
            ", want " + std::to_string(w.offset);
    }
  }
  long n = 3;
  float *p = aidge_cpp::run<float>(buf, m, 6, n);
  if (reinterpret_cast<unsigned char *>(p) - buf != 140 || n != 3) {
    ok = false;
    why = "run(6) wrong";
  }
  n = 100;
  p = aidge_cpp::run<float>(buf, m, 1, n);
  if (reinterpret_cast<unsigned char *>(p) - buf != 104 || n != 2) {
    ok = false;
    why = "run(1) wrong";
  }
  // Contiguous slots, cut inside a slot: elements 0..4 before the cut.
  const MemInfo w{12, 12, 2, 2, 64, 20, 4, 28};
  n = 100;
  p = aidge_cpp::run<float>(buf, w, 1, n);
  if (reinterpret_cast<unsigned char *>(p) - buf != 68 || n != 4) {
    ok = false;
    why = "run(wrapped, 1) wrong";
  }
  n = 100;
  p = aidge_cpp::run<float>(buf, w, 5, n);
  if (reinterpret_cast<unsigned char *>(p) - buf != 4 || n != 100) {
    ok = false;
    why = "run(wrapped, 5) wrong";
  }
  if (aidge_cpp::num_elements<float>(m) != 12 || aidge_cpp::is_plain(m) ||
      !aidge_cpp::is_plain(MemInfo{12, 12, 2, 2, 0, 48, 0, 0})) {
    ok = false;
    why = "num_elements / is_plain wrong";
  }
  record("mem_info", "at() and run() on a strided, wrapped tensor", ok, why);

  // write_tensor / read_tensor through every layout.
  for (Kind k : {PLAIN, STRIDED, WRAPPED, STRIDED_WRAPPED}) {
    Placer pl;
    const MemInfo t = pl.place(Geo{5, 3, 4}, k, 4);
    Arena a(pl.cursor + 16);
    const std::vector<float> v = rand_vec(60);
    const std::vector<unsigned char> before(a.mem, a.mem + a.bytes);
    aidge_cpp::write_tensor(a.mem, t, v.data());
    std::string w;
    bool good = check_output(a, t, v, &before, w);
    std::vector<float> back(60, 0.0f);
    aidge_cpp::read_tensor(static_cast<const unsigned char *>(a.mem), t, back.data());
    if (good && back != v) {
      good = false;
      w = "read_tensor differs";
    }
    record("mem_info", std::string("write_tensor/read_tensor ") + kind_name(k), good, w);
  }
}

//===----------------------------------------------------------------------===//
// Convolutions
//===----------------------------------------------------------------------===//

constexpr aidge_cpp::ConvParams conv_params(int n, int h, int w, int c, int m, int kh, int kw,
                                  int sh, int sw, int dh, int dw, int pt, int pl,
                                  int pb, int pr, int g,
                                  const aidge_cpp::ActivationParams &act) {
  return aidge_cpp::ConvParams{n,
                               1,
                               h,
                               w,
                               c,
                               1,
                               out_size(h, kh, sh, dh, pt, pb, false),
                               out_size(w, kw, sw, dw, pl, pr, false),
                               m,
                               1,
                               1,
                               1,
                               0,
                               0,
                               kh,
                               kw,
                               sh,
                               sw,
                               dh,
                               dw,
                               pt,
                               pl,
                               pb,
                               pr,
                               g,
                               act};
}

/// A 2-D convolution or pool (ConvParams, PoolParams) made 3-D: depth `d`,
/// kernel_d `kd`, stride_d `sd`, dilation_d `dd`, pads `pf` and `pk` in
/// front and back.
template <typename Params>
Params with_depth(Params p, int d, int kd, int sd, int dd, int pf, int pk,
                  bool ceil_mode) {
  p.in_depth = d;
  p.out_depth = out_size(d, kd, sd, dd, pf, pk, ceil_mode);
  p.kernel_d = kd;
  p.stride_d = sd;
  p.dilation_d = dd;
  p.pad_front = pf;
  p.pad_back = pk;
  return p;
}

std::string conv_desc(const aidge_cpp::ConvParams &p, bool bias) {
  std::ostringstream s;
  s << "N" << p.batch << " ";
  if (p.in_depth != 1 || p.kernel_d != 1)
    s << "depth " << p.in_depth << "->" << p.out_depth << " k" << p.kernel_d << " s"
      << p.stride_d << " d" << p.dilation_d << " pads" << p.pad_front << ","
      << p.pad_back << "; ";
  s << p.in_height << "x" << p.in_width << "x"
    << p.in_channels << "->" << p.out_height << "x" << p.out_width << "x"
    << p.out_channels << " k" << p.kernel_h << "x" << p.kernel_w << " s"
    << p.stride_h << "," << p.stride_w << " d" << p.dilation_h << ","
    << p.dilation_w << " pads" << p.pad_top << "," << p.pad_left << ","
    << p.pad_bottom << "," << p.pad_right << " g" << p.group << " "
    << act_name(p.act) << (bias ? "" : " nobias");
  return s.str();
}

/// `w` seen as [groups * rows][cols] re-laid as the export packs it
/// (lib/Conversion/AidgeToExport/WeightPacking.h):
/// [groups][ceil(rows / block)][cols][block], padded with zeros.
std::vector<float> pack_blocks(const std::vector<float> &w, long groups, long rows,
                               long cols, long block) {
  const long blocks = (rows + block - 1) / block;
  std::vector<float> packed(static_cast<std::size_t>(groups * blocks * cols * block),
                            0.0f);
  for (long g = 0; g < groups; ++g)
    for (long r = 0; r < rows; ++r)
      for (long c = 0; c < cols; ++c)
        packed[static_cast<std::size_t>(((g * blocks + r / block) * cols + c) * block +
                                        r % block)] =
            w[static_cast<std::size_t>((g * rows + r) * cols + c)];
  return packed;
}

/// The 3x3 weights w [M][C][3][3] transformed as the export does for
/// convolution_winograd_forward (U = G g G^T, computed in double) and
/// packed [ceil(M / kOutBlock)][36][C][kOutBlock], padded with zeros.
std::vector<float> pack_winograd(const std::vector<float> &w, long M, long C) {
  static const double G[6][3] = {{1.0 / 4, 0, 0},
                                 {-1.0 / 6, -1.0 / 6, -1.0 / 6},
                                 {-1.0 / 6, 1.0 / 6, -1.0 / 6},
                                 {1.0 / 24, 1.0 / 12, 1.0 / 6},
                                 {1.0 / 24, -1.0 / 12, 1.0 / 6},
                                 {0, 0, 1}};
  const long B = aidge_cpp::kOutBlock, blocks = (M + B - 1) / B;
  std::vector<float> packed(static_cast<std::size_t>(blocks * 36 * C * B), 0.0f);
  for (long m = 0; m < M; ++m)
    for (long c = 0; c < C; ++c) {
      // The op stores w[m][ky][kx][c] (channels last, as ref_conv reads).
      auto g = [&](long ky, long kx) {
        return static_cast<double>(w[static_cast<std::size_t>(((m * 3 + ky) * 3 + kx) * C + c)]);
      };
      for (long i = 0; i < 6; ++i)
        for (long j = 0; j < 6; ++j) {
          double u = 0;
          for (long a = 0; a < 3; ++a)
            for (long b = 0; b < 3; ++b)
              u += G[i][a] * g(a, b) * G[j][b];
          packed[static_cast<std::size_t>((((m / B) * 36 + i * 6 + j) * C + c) * B + m % B)] =
              static_cast<float>(u);
        }
    }
  return packed;
}

/// The convolution kernels, which all compute the same function; the last
/// three on weights packed at export time.
enum class ConvKernel { generic, depthwise, blocked, depthwise_packed, winograd };

const char *kernel_name(ConvKernel k) {
  switch (k) {
  case ConvKernel::generic:
    return "convolution_forward";
  case ConvKernel::depthwise:
    return "convolution_depthwise_forward";
  case ConvKernel::blocked:
    return "convolution_blocked_forward";
  case ConvKernel::depthwise_packed:
    return "convolution_depthwise_packed_forward";
  case ConvKernel::winograd:
    return "convolution_winograd_forward";
  }
  return "?";
}

/// The weights `w` as the op stores them, packed for kernel `k` when it
/// takes them packed.
std::vector<float> conv_weights(ConvKernel k, const aidge_cpp::ConvParams &p,
                                const std::vector<float> &w) {
  const long taps = static_cast<long>(p.kernel_d) * p.kernel_h * p.kernel_w;
  const long cin = p.in_channels / p.group, M = p.out_channels;
  switch (k) {
  case ConvKernel::blocked:
    return pack_blocks(w, p.group, M / p.group, taps * cin, aidge_cpp::kOutBlock);
  case ConvKernel::depthwise_packed:
    return pack_blocks(w, 1, M, taps, M);
  case ConvKernel::winograd:
    return pack_winograd(w, M, cin);
  default:
    return w;
  }
}

/// Runs kernel `k` on weights `w` (conv_weights).
void run_conv(ConvKernel k, unsigned char *mem, const MemInfo &in, const MemInfo &out,
              const aidge_cpp::ConvParams &p, const float *w, const float *bias) {
  switch (k) {
  case ConvKernel::generic:
    return aidge_cpp::convolution_forward(mem, in, out, p, w, bias);
  case ConvKernel::depthwise:
    return aidge_cpp::convolution_depthwise_forward(mem, in, out, p, w, bias);
  case ConvKernel::blocked:
    return aidge_cpp::convolution_blocked_forward(mem, in, out, p, w, bias);
  case ConvKernel::depthwise_packed:
    return aidge_cpp::convolution_depthwise_packed_forward(mem, in, out, p, w, bias);
  case ConvKernel::winograd:
    return aidge_cpp::convolution_winograd_forward(mem, in, out, p, w, bias);
  }
}

/// The same through the packed kernels' specialisations for P (as cpp_fast
/// exports call them), p == P.
template <const aidge_cpp::ConvParams &P>
void run_static_conv(ConvKernel k, unsigned char *mem, const MemInfo &in,
                     const MemInfo &out, const aidge_cpp::ConvParams &p,
                     const float *w, const float *bias) {
  switch (k) {
  case ConvKernel::blocked:
    return aidge_cpp::convolution_blocked_forward<P>(mem, in, out, w, bias);
  case ConvKernel::depthwise_packed:
    return aidge_cpp::convolution_depthwise_packed_forward<P>(mem, in, out, w, bias);
  case ConvKernel::winograd:
    return aidge_cpp::convolution_winograd_forward<P>(mem, in, out, w, bias);
  default:
    return run_conv(k, mem, in, out, p, w, bias);
  }
}

using ConvRunner = void (*)(ConvKernel, unsigned char *, const MemInfo &,
                            const MemInfo &, const aidge_cpp::ConvParams &,
                            const float *, const float *);

void test_conv(ConvKernel kernel, const aidge_cpp::ConvParams &p, bool with_bias,
               bool inplace = false, ConvRunner run = run_conv,
               const char *suffix = "") {
  const long cin = p.in_channels / p.group;
  const std::vector<float> x = rand_vec(static_cast<long>(p.batch) * p.in_depth *
                                        p.in_height * p.in_width * p.in_channels);
  const std::vector<float> w = rand_vec(static_cast<long>(p.out_channels) *
                                        p.kernel_d * p.kernel_h * p.kernel_w * cin);
  const std::vector<float> b = rand_vec(p.out_channels);
  const std::vector<float> want = ref_conv(x, w, with_bias ? &b : nullptr, p);
  const float *bias = with_bias ? b.data() : nullptr;
  // NDHWC rows are (n, d, h) lines, as NHWC ones with N*D images.
  const std::vector<float> packed = conv_weights(kernel, p, w);
  const std::string name = std::string(kernel_name(kernel)) + suffix;
  run_layouts<float>(
      name.c_str(), conv_desc(p, with_bias), {x},
      {geo_nhwc(p.batch * p.in_depth, p.in_height, p.in_width, p.in_channels)},
      geo_nhwc(p.batch * p.out_depth, p.out_height, p.out_width, p.out_channels), want,
      [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
        run(kernel, mem, ins[0], out, p, packed.data(), bias);
      },
      inplace);
}

// Specialisations of the packed kernels for constexpr params, as cpp_fast
// exports call them: a blocked layer with tiles clipped at the borders and
// a partial block, strided with pairs of blocks; a packed depthwise layer
// with border columns, a stride of 2 along the width, asymmetric padding
// and a partial vector; a Winograd layer of
// several chunks with clipped tiles. Each also runs through the run-time
// params in test_convs.
constexpr aidge_cpp::ConvParams kStaticFirst =
    conv_params(1, 9, 30, 3, 8, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1, kClip);
constexpr aidge_cpp::ConvParams kStaticStrided =
    conv_params(2, 9, 17, 66, 48, 3, 3, 2, 2, 1, 1, 1, 1, 0, 0, 1, kClip);
constexpr aidge_cpp::ConvParams kStaticDepthwise =
    conv_params(2, 5, 29, 37, 37, 3, 3, 1, 2, 1, 1, 1, 0, 1, 2, 37, kLeaky);
constexpr aidge_cpp::ConvParams kStaticWinograd =
    conv_params(2, 9, 11, 37, 20, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, kClip);

void test_static_convs() {
  test_conv(ConvKernel::blocked, kStaticFirst, true, false,
            run_static_conv<kStaticFirst>, "<P>");
  test_conv(ConvKernel::blocked, kStaticStrided, true, false,
            run_static_conv<kStaticStrided>, "<P>");
  test_conv(ConvKernel::depthwise_packed, kStaticDepthwise, true, false,
            run_static_conv<kStaticDepthwise>, "<P>");
  test_conv(ConvKernel::blocked, kStaticDepthwise, false, false,
            run_static_conv<kStaticDepthwise>, "<P>");
  const AbsFloor floor(5e-4f);
  test_conv(ConvKernel::winograd, kStaticWinograd, true, false,
            run_static_conv<kStaticWinograd>, "<P>");
}

void test_convs() {
  using aidge_cpp::ConvParams;
  const std::vector<ConvParams> convs = {
      conv_params(1, 8, 8, 3, 16, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, kRelu),
      conv_params(2, 7, 9, 4, 6, 3, 2, 2, 1, 1, 2, 0, 1, 1, 0, 2, kNone),
      conv_params(1, 6, 6, 8, 8, 3, 3, 1, 1, 2, 2, 2, 2, 2, 2, 4, kClip),
      conv_params(1, 1, 12, 5, 7, 1, 3, 1, 2, 1, 1, 0, 1, 0, 2, 1, kLeaky), // 1-D
      conv_params(1, 5, 5, 70, 3, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, kNone),
      conv_params(1, 4, 4, 2, 70, 2, 2, 2, 2, 1, 1, 0, 0, 1, 1, 1, kRelu),
      conv_params(1, 6, 6, 6, 6, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 6, kNone),
      // 3-D (NDHWC): padded, strided and dilated depth; grouped.
      with_depth(conv_params(2, 5, 4, 3, 4, 3, 2, 1, 2, 1, 1, 1, 0, 1, 1, 1, kRelu),
                 5, 3, 2, 1, 1, 1, false),
      with_depth(conv_params(1, 4, 5, 4, 6, 2, 3, 1, 1, 1, 2, 0, 1, 0, 1, 2, kNone),
                 7, 2, 1, 3, 0, 2, false),
      // Wide rows and many channels, for the blocked kernel's tiles of
      // pixels (spanning rows) and pairs of channel blocks with a partial
      // last block.
      conv_params(1, 5, 31, 20, 37, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, kRelu),
      conv_params(2, 9, 17, 66, 48, 3, 3, 2, 2, 1, 1, 1, 1, 0, 0, 1, kClip),
      conv_params(1, 1, 45, 9, 33, 1, 5, 1, 1, 1, 3, 0, 6, 0, 6, 1, kNone), // 1-D
      conv_params(1, 7, 7, 40, 40, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 2, kLeaky),
      // A MobileNet's first layer: 3 channels whose taps run as one row,
      // tiles of pixels crossing the padded left and right borders, and a
      // partial block of 8 output channels.
      conv_params(1, 9, 30, 3, 8, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1, kClip),
  };
  for (std::size_t i = 0; i < convs.size(); ++i)
    for (ConvKernel k : {ConvKernel::generic, ConvKernel::blocked})
      test_conv(k, convs[i], i != 1);

  const std::vector<ConvParams> dws = {
      conv_params(1, 8, 8, 16, 16, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 16, kRelu),
      conv_params(2, 7, 6, 3, 6, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1, 3, kNone),
      conv_params(1, 5, 9, 70, 70, 3, 3, 1, 2, 2, 1, 2, 1, 2, 1, 70, kClip),
      conv_params(1, 1, 10, 4, 4, 1, 5, 1, 1, 1, 2, 0, 4, 0, 4, 4, kLeaky), // 1-D
      conv_params(1, 5, 5, 2, 130, 2, 2, 1, 1, 1, 1, 0, 0, 1, 1, 2, kNone),
      with_depth(conv_params(1, 4, 4, 18, 36, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 18, kClip),
                 6, 3, 2, 2, 2, 1, false), // 3-D
      // Wide rows, for the packed kernel's register tiles (8, 4, 2 and 1
      // pixels of 16 and 8 channels) between border columns: 8 channels
      // (one vector), 24 (a pair and one), 37 (5 past the last vector) and
      // 3 (none); strides 1 and 2, asymmetric and no padding, dilation.
      conv_params(1, 6, 31, 8, 8, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 8, kRelu),
      conv_params(1, 7, 30, 24, 24, 3, 3, 2, 2, 1, 1, 0, 1, 1, 0, 24, kClip),
      conv_params(2, 5, 29, 37, 37, 3, 3, 1, 2, 1, 1, 1, 0, 1, 2, 37, kLeaky),
      conv_params(1, 6, 27, 16, 16, 3, 3, 1, 1, 2, 2, 2, 2, 2, 2, 16, kNone),
      conv_params(1, 5, 23, 8, 8, 3, 5, 2, 1, 1, 3, 0, 0, 0, 0, 8, kRelu),
      conv_params(1, 4, 26, 3, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 3, kNone),
      conv_params(1, 3, 5, 40, 40, 3, 3, 1, 1, 1, 1, 1, 3, 1, 3, 40, kNone), // no interior
      with_depth(conv_params(1, 3, 19, 16, 16, 3, 3, 1, 2, 1, 1, 1, 1, 1, 1, 16, kRelu),
                 5, 3, 1, 1, 1, 1, false), // 3-D
  };
  for (std::size_t i = 0; i < dws.size(); ++i)
    for (ConvKernel k :
         {ConvKernel::depthwise, ConvKernel::depthwise_packed, ConvKernel::blocked})
      test_conv(k, dws[i], i != 1);
  // Winograd F(4x4, 3x3): one and several chunks of input channels (37:
  // a partial one), tiles clipped at the bottom and right (6x6, 9x11),
  // groups of 8, 4, 2 and 1 tiles (15 = 8 + 4 + 2 + 1), one block of
  // channels and pairs with a partial last one, asymmetric and no
  // padding, batches. Its transforms
  // (constants up to 8 and 1/24) round differently from the direct sum:
  // an absolute floor of 5e-4 on sums of up to 576 products of values in
  // [-1, 1] (results up to about 15; a wrong tap or point is off by ~1).
  {
    const AbsFloor floor(5e-4f);
    const std::vector<ConvParams> winos = {
        conv_params(1, 12, 20, 8, 16, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, kRelu),
        conv_params(1, 6, 6, 12, 40, 3, 3, 1, 1, 1, 1, 0, 0, 0, 0, 1, kNone),
        conv_params(2, 9, 11, 37, 20, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, kClip),
        conv_params(1, 17, 30, 16, 33, 3, 3, 1, 1, 1, 1, 1, 0, 2, 1, 1, kLeaky),
        conv_params(1, 28, 28, 64, 32, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, kRelu),
        conv_params(1, 5, 5, 8, 3, 3, 3, 1, 1, 1, 1, 2, 2, 2, 2, 1, kNone),
        conv_params(1, 14, 14, 32, 64, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, kNone),
        conv_params(1, 3, 3, 9, 16, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, kRelu),
    };
    for (std::size_t i = 0; i < winos.size(); ++i)
      test_conv(ConvKernel::winograd, winos[i], i != 1);
  }
  // A 1x1 depthwise convolution reads only the pixel it writes, so it may
  // run in place: each tile reads all its input before writing.
  for (ConvKernel k : {ConvKernel::depthwise, ConvKernel::depthwise_packed})
    test_conv(k, conv_params(1, 3, 21, 24, 24, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 24, kRelu),
              true, /*inplace=*/true);
}

//===----------------------------------------------------------------------===//
// Transposed convolution
//===----------------------------------------------------------------------===//

/// The output size of a transposed convolution along one axis, as ONNX:
/// stride*(in-1) + output_padding + (k-1)*dilation + 1 - pads.
int transposed_size(int in, int k, int s, int d, int pb, int pe, int op) {
  return s * (in - 1) + op + (k - 1) * d + 1 - pb - pe;
}

/// Params of a 2-D (1-D: h = kh = 1) transposed convolution.
aidge_cpp::ConvParams conv_transpose_params(int n, int h, int w, int c, int m,
                                            int kh, int kw, int sh, int sw,
                                            int dh, int dw, int pt, int pl,
                                            int pb, int pr, int oph, int opw,
                                            int g,
                                            const aidge_cpp::ActivationParams &act) {
  return aidge_cpp::ConvParams{n,
                               1,
                               h,
                               w,
                               c,
                               1,
                               transposed_size(h, kh, sh, dh, pt, pb, oph),
                               transposed_size(w, kw, sw, dw, pl, pr, opw),
                               m,
                               1,
                               1,
                               1,
                               0,
                               0,
                               kh,
                               kw,
                               sh,
                               sw,
                               dh,
                               dw,
                               pt,
                               pl,
                               pb,
                               pr,
                               g,
                               act};
}

/// A 2-D transposed convolution made 3-D as with_depth does, with output
/// padding `opd` along the depth.
aidge_cpp::ConvParams with_transposed_depth(aidge_cpp::ConvParams p, int d,
                                            int kd, int sd, int dd, int pf,
                                            int pk, int opd) {
  p = with_depth(p, d, kd, sd, dd, pf, pk, false);
  p.out_depth = transposed_size(d, kd, sd, dd, pf, pk, opd);
  return p;
}

/// Scatters every input cell, as the definition reads.
std::vector<float> ref_conv_transpose(const std::vector<float> &x,
                                      const std::vector<float> &w,
                                      const std::vector<float> *bias,
                                      const aidge_cpp::ConvParams &p) {
  const long cin = p.in_channels / p.group, cout = p.out_channels / p.group;
  const long OD = p.out_depth, OH = p.out_height, OW = p.out_width;
  const long M = p.out_channels;
  const long K = static_cast<long>(p.kernel_d) * p.kernel_h * p.kernel_w;
  std::vector<float> y(static_cast<std::size_t>(p.batch * OD * OH * OW * M), 0.0f);
  for (std::size_t i = 0; i < y.size(); ++i)
    y[i] = bias ? (*bias)[i % static_cast<std::size_t>(M)] : 0.0f;
  for (long n = 0; n < p.batch; ++n)
    for (long iz = 0; iz < p.in_depth; ++iz)
      for (long iy = 0; iy < p.in_height; ++iy)
        for (long ix = 0; ix < p.in_width; ++ix)
          for (long c = 0; c < p.in_channels; ++c) {
            const long g = c / cin;
            const float v = x[static_cast<std::size_t>(
                (((n * p.in_depth + iz) * p.in_height + iy) * p.in_width + ix) *
                    p.in_channels +
                c)];
            for (long kz = 0; kz < p.kernel_d; ++kz)
              for (long ky = 0; ky < p.kernel_h; ++ky)
                for (long kx = 0; kx < p.kernel_w; ++kx) {
                  const long oz = iz * p.stride_d - p.pad_front + kz * p.dilation_d;
                  const long oy = iy * p.stride_h - p.pad_top + ky * p.dilation_h;
                  const long ox = ix * p.stride_w - p.pad_left + kx * p.dilation_w;
                  if (oz < 0 || oz >= OD || oy < 0 || oy >= OH || ox < 0 || ox >= OW)
                    continue;
                  const long tap = (kz * p.kernel_h + ky) * p.kernel_w + kx;
                  for (long mm = 0; mm < cout; ++mm)
                    y[static_cast<std::size_t>(
                        (((n * OD + oz) * OH + oy) * OW + ox) * M + g * cout + mm)] +=
                        v * w[static_cast<std::size_t>((c * K + tap) * cout + mm)];
                }
          }
  for (float &v : y)
    v = ref_act(v, p.act);
  return y;
}

void test_conv_transpose(const aidge_cpp::ConvParams &p, bool with_bias) {
  const long cout = p.out_channels / p.group;
  const std::vector<float> x = rand_vec(static_cast<long>(p.batch) * p.in_depth *
                                        p.in_height * p.in_width * p.in_channels);
  const std::vector<float> w = rand_vec(static_cast<long>(p.in_channels) * p.kernel_d *
                                        p.kernel_h * p.kernel_w * cout);
  const std::vector<float> b = rand_vec(p.out_channels);
  const std::vector<float> want =
      ref_conv_transpose(x, w, with_bias ? &b : nullptr, p);
  const float *bias = with_bias ? b.data() : nullptr;
  // NDHWC rows are (n, d, h) lines, as NHWC ones with N*D images.
  run_layouts<float>(
      "conv_transpose_forward", conv_desc(p, with_bias), {x},
      {geo_nhwc(p.batch * p.in_depth, p.in_height, p.in_width, p.in_channels)},
      geo_nhwc(p.batch * p.out_depth, p.out_height, p.out_width, p.out_channels), want,
      [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
        aidge_cpp::conv_transpose_forward(mem, ins[0], out, p, w.data(), bias);
      });
}

void test_conv_transposes() {
  const std::vector<aidge_cpp::ConvParams> cases = {
      conv_transpose_params(1, 3, 3, 1, 2, 3, 3, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, kNone),
      conv_transpose_params(2, 4, 5, 3, 4, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, kRelu),
      conv_transpose_params(1, 3, 3, 4, 6, 2, 3, 3, 2, 2, 1, 0, 2, 1, 0, 0, 1, 2, kClip),
      conv_transpose_params(1, 1, 7, 5, 3, 1, 3, 1, 2, 1, 2, 0, 1, 0, 0, 0, 1, 1, kLeaky), // 1-D
      conv_transpose_params(1, 3, 3, 70, 70, 2, 2, 2, 2, 1, 1, 0, 0, 0, 0, 0, 0, 1, kNone),
      conv_transpose_params(1, 4, 4, 6, 6, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1, 0, 0, 6, kNone),
      // 3-D (NDHWC): strided, padded and output-padded depth, two images;
      // dilated depth, grouped, and more channels than a chunk.
      with_transposed_depth(
          conv_transpose_params(2, 3, 4, 3, 4, 2, 3, 1, 2, 1, 1, 0, 1, 1, 0, 0, 1, 1, kRelu),
          3, 3, 2, 1, 1, 1, 1),
      with_transposed_depth(
          conv_transpose_params(1, 2, 3, 4, 6, 2, 2, 2, 1, 1, 2, 1, 0, 0, 1, 1, 0, 2, kClip),
          4, 2, 1, 2, 0, 1, 0),
      with_transposed_depth(
          conv_transpose_params(1, 2, 2, 70, 66, 2, 2, 2, 2, 1, 1, 0, 0, 0, 0, 0, 0, 1, kNone),
          2, 2, 2, 1, 0, 0, 0),
  };
  for (std::size_t i = 0; i < cases.size(); ++i)
    test_conv_transpose(cases[i], i != 2 && i != 7);
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

aidge_cpp::PoolParams pool_params(aidge_cpp::PoolKind kind, bool cip, int n, int h,
                                  int w, int c, int kh, int kw, int sh, int sw,
                                  int dh, int dw, int pt, int pl, int pb, int pr,
                                  bool ceil_mode,
                                  const aidge_cpp::ActivationParams &act) {
  return aidge_cpp::PoolParams{kind,
                               cip,
                               n,
                               1,
                               h,
                               w,
                               c,
                               1,
                               out_size(h, kh, sh, dh, pt, pb, ceil_mode),
                               out_size(w, kw, sw, dw, pl, pr, ceil_mode),
                               1,
                               1,
                               1,
                               0,
                               0,
                               kh,
                               kw,
                               sh,
                               sw,
                               dh,
                               dw,
                               pt,
                               pl,
                               pb,
                               pr,
                               act,
                               false};
}

std::string pool_desc(const aidge_cpp::PoolParams &p) {
  std::ostringstream s;
  s << (p.kind == aidge_cpp::PoolKind::max ? "max" : "avg")
    << (p.count_include_pad ? " count_include_pad" : "") << " N" << p.batch
    << " " << p.in_depth << "x" << p.in_height << "x" << p.in_width << "x"
    << p.channels << "->" << p.out_depth << "x" << p.out_height << "x"
    << p.out_width << " k" << p.kernel_d << "x" << p.kernel_h << "x"
    << p.kernel_w << " s" << p.stride_d << "," << p.stride_h << ","
    << p.stride_w << " d" << p.dilation_d << "," << p.dilation_h << ","
    << p.dilation_w << " pads" << p.pad_front << "," << p.pad_top << ","
    << p.pad_left << "," << p.pad_back << "," << p.pad_bottom << ","
    << p.pad_right << " "
    << act_name(p.act);
  return s.str();
}

/// ONNX MaxPool's Indices of a max pool over the NDHWC `x`: the position of
/// the first maximum of each window in the NCDHW tensor, row or column major
/// over the spatial axes.
std::vector<int64_t> ref_pool_indices(const std::vector<float> &x,
                                      const aidge_cpp::PoolParams &p) {
  const long D = p.in_depth, H = p.in_height, W = p.in_width, C = p.channels;
  std::vector<int64_t> z;
  for (long n = 0; n < p.batch; ++n)
    for (long oz = 0; oz < p.out_depth; ++oz)
      for (long oy = 0; oy < p.out_height; ++oy)
        for (long ox = 0; ox < p.out_width; ++ox)
          for (long c = 0; c < C; ++c) {
            float best = -kInf;
            int64_t at = 0;
            bool first = true;
            for (long kz = 0; kz < p.kernel_d; ++kz)
              for (long ky = 0; ky < p.kernel_h; ++ky)
                for (long kx = 0; kx < p.kernel_w; ++kx) {
                  const long iz = oz * p.stride_d - p.pad_front + kz * p.dilation_d;
                  const long iy = oy * p.stride_h - p.pad_top + ky * p.dilation_h;
                  const long ix = ox * p.stride_w - p.pad_left + kx * p.dilation_w;
                  if (iz < 0 || iz >= D || iy < 0 || iy >= H || ix < 0 || ix >= W)
                    continue;
                  const float v =
                      x[static_cast<std::size_t>((((n * D + iz) * H + iy) * W + ix) * C + c)];
                  if (first || v > best) {
                    best = v;
                    at = (n * C + c) * D * H * W +
                         (p.column_major ? (ix * H + iy) * D + iz : (iz * H + iy) * W + ix);
                  }
                  first = false;
                }
            z.push_back(at);
          }
  return z;
}

/// max_pooling_indices_forward writes two outputs, which run_case does not
/// model: both are checked here, on every input/output layout pair.
void test_max_pool_indices(const aidge_cpp::PoolParams &p) {
  const std::vector<float> x = rand_vec(static_cast<long>(p.batch) * p.in_depth *
                                        p.in_height * p.in_width * p.channels);
  const Geo in = geo_nhwc(p.batch * p.in_depth, p.in_height, p.in_width, p.channels);
  const Geo out = geo_nhwc(p.batch * p.out_depth, p.out_height, p.out_width, p.channels);
  const std::vector<float> want_y = ref_pool(x, p);
  const std::vector<int64_t> want_z = ref_pool_indices(x, p);
  for (const Layout &l : kLayouts) {
    Placer pl;
    const MemInfo xm = pl.place(in, l.in, sizeof(float));
    const MemInfo ym = pl.place(out, l.out, sizeof(float));
    const MemInfo zm = pl.place(out, l.out, sizeof(int64_t));
    Arena a(pl.cursor + 16);
    for (std::size_t j = 0; j < x.size(); ++j)
      *aidge_cpp::at<float>(a.mem, xm, static_cast<long>(j)) = x[j];
    aidge_cpp::max_pooling_indices_forward<int64_t>(a.mem, xm, ym, zm, p);
    std::string why;
    const bool ok = check_output(a, ym, want_y, nullptr, why) &&
                    check_output(a, zm, want_z, nullptr, why);
    record("max_pooling_indices_forward",
           pool_desc(p) + (p.column_major ? " column_major " : " ") + layout_str(l),
           ok, why);
  }
}

void test_pools() {
  using aidge_cpp::PoolKind;
  const std::vector<aidge_cpp::PoolParams> pools = {
      pool_params(PoolKind::max, false, 1, 8, 8, 5, 2, 2, 2, 2, 1, 1, 0, 0, 0, 0, false, kNone),
      pool_params(PoolKind::avg, false, 2, 7, 7, 3, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1, true, kRelu),
      pool_params(PoolKind::avg, true, 2, 7, 7, 3, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1, true, kNone),
      pool_params(PoolKind::avg, true, 1, 8, 8, 4, 3, 3, 2, 2, 1, 1, 0, 0, 0, 0, true, kNone),
      pool_params(PoolKind::max, false, 1, 9, 6, 70, 3, 2, 2, 1, 2, 1, 1, 0, 1, 1, true, kClip),
      pool_params(PoolKind::avg, true, 1, 1, 10, 4, 1, 3, 1, 2, 1, 1, 0, 1, 0, 1, false, kLeaky),
      pool_params(PoolKind::max, false, 1, 6, 6, 2, 2, 2, 1, 1, 2, 2, 0, 0, 0, 0, false, kNone),
      pool_params(PoolKind::avg, false, 1, 6, 5, 3, 3, 2, 1, 3, 2, 1, 2, 1, 2, 2, false, kNone),
      // 3-D (NDHWC) windows.
      with_depth(pool_params(PoolKind::max, false, 2, 5, 4, 3, 2, 2, 1, 2, 1, 1, 1, 0, 0, 1, false, kNone),
                 4, 2, 2, 1, 1, 0, false),
      with_depth(pool_params(PoolKind::avg, true, 1, 5, 5, 18, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1, true, kRelu),
                 6, 3, 2, 1, 1, 1, true),
      with_depth(pool_params(PoolKind::avg, false, 1, 4, 6, 2, 2, 3, 1, 2, 1, 1, 0, 1, 0, 1, false, kNone),
                 7, 3, 2, 2, 2, 1, false),
  };
  for (const aidge_cpp::PoolParams &p : pools) {
    const std::vector<float> x =
        rand_vec(static_cast<long>(p.batch) * p.in_depth * p.in_height * p.in_width *
                 p.channels);
    // NDHWC rows are (n, d, h) lines, as NHWC ones with N*D images.
    run_layouts<float>(
        "pooling_forward", pool_desc(p), {x},
        {geo_nhwc(p.batch * p.in_depth, p.in_height, p.in_width, p.channels)},
        geo_nhwc(p.batch * p.out_depth, p.out_height, p.out_width, p.channels),
        ref_pool(x, p),
        [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
          aidge_cpp::pooling_forward(mem, ins[0], out, p);
        });
  }

  // Indices: row and column major, padded (windows clipped at the border),
  // dilated, more channels than a chunk, and a 3-D window.
  for (const std::size_t i : {0, 4, 6, 8})
    for (const bool column_major : {false, true}) {
      aidge_cpp::PoolParams p = pools[i];
      p.column_major = column_major;
      test_max_pool_indices(p);
    }

  const std::vector<aidge_cpp::GlobalPoolParams> globals = {
      {PoolKind::avg, 1, 7, 7, 16, kNone},
      {PoolKind::max, 2, 3, 5, 70, kRelu},
      {PoolKind::avg, 2, 1, 9, 3, kLeaky},
      {PoolKind::max, 1, 4, 4, 8, kClip},
  };
  for (const aidge_cpp::GlobalPoolParams &p : globals) {
    const std::vector<float> x =
        rand_vec(static_cast<long>(p.batch) * p.height * p.width * p.channels);
    std::vector<float> want(static_cast<std::size_t>(p.batch * p.channels));
    for (long n = 0; n < p.batch; ++n)
      for (long c = 0; c < p.channels; ++c) {
        float acc = p.kind == PoolKind::max ? -kInf : 0.0f;
        for (long s = 0; s < static_cast<long>(p.height) * p.width; ++s) {
          const float v =
              x[static_cast<std::size_t>((n * p.height * p.width + s) * p.channels + c)];
          acc = p.kind == PoolKind::max ? std::max(acc, v) : acc + v;
        }
        if (p.kind == PoolKind::avg)
          acc /= static_cast<float>(p.height * p.width);
        want[static_cast<std::size_t>(n * p.channels + c)] = ref_act(acc, p.act);
      }
    std::ostringstream d;
    d << (p.kind == PoolKind::max ? "max" : "avg") << " N" << p.batch << " "
      << p.height << "x" << p.width << "x" << p.channels << " " << act_name(p.act);
    run_layouts<float>(
        "global_pooling_forward", d.str(), {x},
        {geo_nhwc(p.batch, p.height, p.width, p.channels)},
        geo_nhwc(p.batch, 1, 1, p.channels), want,
        [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
          aidge_cpp::global_pooling_forward(mem, ins[0], out, p);
        });
  }
}

//===----------------------------------------------------------------------===//
// Fully connected, matmul
//===----------------------------------------------------------------------===//

void test_fc() {
  struct FcCase {
    aidge_cpp::FcParams p;
    bool has_c;
  };
  const std::vector<FcCase> cases = {
      {{1, 10, 16, false, true, 1.0f, 1.0f, 1, 10, kRelu}, true},
      {{4, 70, 33, false, false, 1.0f, 1.0f, 1, 70, kNone}, true},
      {{3, 5, 7, true, true, 0.5f, 2.0f, 3, 5, kClip}, true},
      {{2, 6, 4, true, false, 1.0f, 0.5f, 2, 1, kLeaky}, true},
      {{5, 3, 80, false, true, 1.0f, 0.0f, 1, 1, kNone}, false},
      {{2, 3, 4, false, false, 1.5f, 1.0f, 1, 1, kRelu}, true},
      {{3, 1, 5, false, true, 1.0f, 1.0f, 1, 1, kNone}, true},
  };
  for (const FcCase &fc : cases) {
    const aidge_cpp::FcParams &p = fc.p;
    const long M = p.m, N = p.n, K = p.k;
    const std::vector<float> a = rand_vec(M * K), b = rand_vec(K * N),
                             c = rand_vec(static_cast<long>(p.c_rows) * p.c_cols);
    std::vector<float> want(static_cast<std::size_t>(M * N));
    for (long m = 0; m < M; ++m)
      for (long n = 0; n < N; ++n) {
        float acc = 0.0f;
        for (long k = 0; k < K; ++k)
          acc += a[static_cast<std::size_t>(p.trans_a ? k * M + m : m * K + k)] *
                 b[static_cast<std::size_t>(p.trans_b ? n * K + k : k * N + n)];
        float v = p.alpha * acc;
        if (fc.has_c)
          v += p.beta * c[static_cast<std::size_t>((p.c_rows == 1 ? 0 : m) * p.c_cols +
                                                   (p.c_cols == 1 ? 0 : n))];
        want[static_cast<std::size_t>(m * N + n)] = ref_act(v, p.act);
      }
    std::ostringstream d;
    d << "M" << M << " N" << N << " K" << K << (p.trans_a ? " trans_a" : "")
      << (p.trans_b ? " trans_b" : "") << " alpha" << p.alpha << " beta" << p.beta
      << " c" << (fc.has_c ? std::to_string(p.c_rows) + "x" + std::to_string(p.c_cols)
                           : std::string("=null"))
      << " " << act_name(p.act);
    const Geo ga = p.trans_a ? geo_dims({K, M}) : geo_dims({M, K});
    const Geo gb = p.trans_b ? geo_dims({N, K}) : geo_dims({K, N});
    const float *cp = fc.has_c ? c.data() : nullptr;
    run_layouts<float>(
        "fullyconnected_forward", d.str() + " (b weights)", {a}, {ga},
        geo_dims({M, N}), want,
        [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
          aidge_cpp::fullyconnected_forward(mem, ins[0], out, p, b.data(), cp);
        });
    run_layouts<float>(
        "fullyconnected_forward", d.str() + " (b in the arena)", {a, b}, {ga, gb},
        geo_dims({M, N}), want,
        [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
          aidge_cpp::fullyconnected_forward(mem, ins[0], ins[1], out, p, cp);
        });
  }
}

void test_matmul() {
  struct MmCase {
    std::vector<long> a, b;
    int const_operand; // -1, 0 (a) or 1 (b)
  };
  const std::vector<MmCase> cases = {
      {{3, 4}, {4, 5}, -1},
      {{2, 3, 4}, {2, 4, 5}, -1},
      {{1, 3, 4}, {2, 4, 70}, -1},
      {{2, 1, 3, 4}, {1, 3, 4, 2}, -1},
      {{2, 3, 5, 6}, {2, 3, 6, 1}, -1},
      {{1, 7}, {7, 3}, -1},
      {{2, 4, 8}, {1, 8, 3}, 1},
      {{3, 2, 5}, {3, 5, 4}, 0},
  };
  for (const MmCase &mc : cases) {
    const int r = static_cast<int>(mc.a.size());
    aidge_cpp::MatMulParams p{};
    p.rank = r;
    for (int i = 0; i < r; ++i) {
      p.a_dims[i] = static_cast<int>(mc.a[static_cast<std::size_t>(i)]);
      p.b_dims[i] = static_cast<int>(mc.b[static_cast<std::size_t>(i)]);
    }
    const long M = mc.a[static_cast<std::size_t>(r - 2)],
               K = mc.a[static_cast<std::size_t>(r - 1)],
               N = mc.b[static_cast<std::size_t>(r - 1)];
    std::vector<long> od;
    for (int i = 0; i < r - 2; ++i)
      od.push_back(std::max(mc.a[static_cast<std::size_t>(i)],
                            mc.b[static_cast<std::size_t>(i)]));
    od.push_back(M);
    od.push_back(N);
    const std::vector<float> a = rand_vec(product(mc.a)), b = rand_vec(product(mc.b));
    std::vector<float> want(static_cast<std::size_t>(product(od)));
    const long nb = product(od) / (M * N);
    for (long bi = 0; bi < nb; ++bi) {
      // Batch multi-index of bi, then each operand's batch offset.
      long rem = bi, ao = 0, bo = 0, as = 1, bs = 1;
      for (int i = r - 3; i >= 0; --i) {
        const long d = od[static_cast<std::size_t>(i)];
        const long idx = rem % d;
        rem /= d;
        const long da = mc.a[static_cast<std::size_t>(i)],
                   db = mc.b[static_cast<std::size_t>(i)];
        ao += (da == 1 ? 0 : idx) * as;
        bo += (db == 1 ? 0 : idx) * bs;
        as *= da;
        bs *= db;
      }
      for (long m = 0; m < M; ++m)
        for (long n = 0; n < N; ++n) {
          float acc = 0.0f;
          for (long k = 0; k < K; ++k)
            acc += a[static_cast<std::size_t>(ao * M * K + m * K + k)] *
                   b[static_cast<std::size_t>(bo * K * N + k * N + n)];
          want[static_cast<std::size_t>(bi * M * N + m * N + n)] = acc;
        }
    }
    std::string d = dims_str(mc.a) + " x " + dims_str(mc.b);
    if (mc.const_operand == 0) {
      run_layouts<float>(
          "matmul_forward", d + " (a constant)", {b}, {geo_dims(mc.b)}, geo_dims(od),
          want,
          [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
            aidge_cpp::matmul_forward(mem, ins[0], ins[0], out, p, a.data(), nullptr);
          });
    } else if (mc.const_operand == 1) {
      run_layouts<float>(
          "matmul_forward", d + " (b constant)", {a}, {geo_dims(mc.a)}, geo_dims(od),
          want,
          [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
            aidge_cpp::matmul_forward(mem, ins[0], ins[0], out, p, nullptr, b.data());
          });
    } else {
      run_layouts<float>(
          "matmul_forward", d, {a, b}, {geo_dims(mc.a), geo_dims(mc.b)}, geo_dims(od),
          want,
          [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
            aidge_cpp::matmul_forward(mem, ins[0], ins[1], out, p);
          });
    }
  }
}

//===----------------------------------------------------------------------===//
// Activations, element-wise
//===----------------------------------------------------------------------===//

void test_activations() {
  using aidge_cpp::UnaryOp;
  struct UCase {
    const char *name;
    aidge_cpp::UnaryParams p;
    float lo, hi;
  };
  const std::vector<UCase> ops = {
      {"relu", {UnaryOp::relu, 0, 0, 0, 0}, -4, 4},
      {"leaky_relu", {UnaryOp::leaky_relu, 0.01f, 0, 0, 0}, -4, 4},
      {"clip", {UnaryOp::clip, 0, 0, -0.5f, 6.0f}, -8, 8},
      {"clip(min only)", {UnaryOp::clip, 0, 0, 0.0f, kInf}, -8, 8},
      {"sigmoid", {UnaryOp::sigmoid, 0, 0, 0, 0}, -6, 6},
      {"tanh", {UnaryOp::tanh, 0, 0, 0, 0}, -4, 4},
      {"hard_sigmoid", {UnaryOp::hard_sigmoid, 0.2f, 0.5f, 0, 0}, -5, 5},
      {"hard_swish", {UnaryOp::hard_swish, 0, 0, 0, 0}, -5, 5},
      {"erf", {UnaryOp::erf, 0, 0, 0, 0}, -3, 3},
      {"exp", {UnaryOp::exp, 0, 0, 0, 0}, -5, 5},
      {"sqrt", {UnaryOp::sqrt, 0, 0, 0, 0}, 0, 9},
      {"abs", {UnaryOp::abs, 0, 0, 0, 0}, -4, 4},
      {"neg", {UnaryOp::neg, 0, 0, 0, 0}, -4, 4},
  };
  const std::vector<std::vector<long>> shapes = {{2, 3, 4, 5}, {1, 70}, {7}};
  for (const UCase &u : ops)
    for (const std::vector<long> &dims : shapes) {
      const std::vector<float> x = rand_vec(product(dims), u.lo, u.hi);
      std::vector<float> want(x.size());
      const aidge_cpp::UnaryParams p = u.p;
      for (std::size_t i = 0; i < x.size(); ++i) {
        const float v = x[i];
        float r = 0.0f;
        switch (p.op) {
        case UnaryOp::relu: r = std::max(v, 0.0f); break;
        case UnaryOp::leaky_relu: r = v >= 0 ? v : p.alpha * v; break;
        case UnaryOp::clip: r = std::min(std::max(v, p.min), p.max); break;
        case UnaryOp::sigmoid: r = 1.0f / (1.0f + std::exp(-v)); break;
        case UnaryOp::tanh: r = std::tanh(v); break;
        case UnaryOp::hard_sigmoid: r = std::max(0.0f, std::min(1.0f, p.alpha * v + p.beta)); break;
        case UnaryOp::hard_swish: r = v * std::max(0.0f, std::min(1.0f, v / 6.0f + 0.5f)); break;
        case UnaryOp::erf: r = std::erf(v); break;
        case UnaryOp::exp: r = std::exp(v); break;
        case UnaryOp::sqrt: r = std::sqrt(v); break;
        case UnaryOp::abs: r = std::fabs(v); break;
        case UnaryOp::neg: r = -v; break;
        }
        want[i] = r;
      }
      run_layouts<float>(
          "activation_forward", std::string(u.name) + " " + dims_str(dims), {x},
          {geo_dims(dims)}, geo_dims(dims), want,
          [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
            aidge_cpp::activation_forward(mem, ins[0], out, p);
          },
          /*inplace=*/true);
    }
}

float ref_binary(aidge_cpp::ElemwiseOp op, float a, float b) {
  switch (op) {
  case aidge_cpp::ElemwiseOp::add: return a + b;
  case aidge_cpp::ElemwiseOp::sub: return a - b;
  case aidge_cpp::ElemwiseOp::mul: return a * b;
  case aidge_cpp::ElemwiseOp::div: return a / b;
  case aidge_cpp::ElemwiseOp::pow: return std::pow(a, b);
  case aidge_cpp::ElemwiseOp::max: return std::max(a, b);
  case aidge_cpp::ElemwiseOp::min: return std::min(a, b);
  }
  return 0.0f;
}

void test_elemwise() {
  using aidge_cpp::ElemwiseOp;
  struct OpCase {
    const char *name;
    ElemwiseOp op;
    aidge_cpp::ActivationParams act;
  };
  const std::vector<OpCase> ops = {
      {"add", ElemwiseOp::add, kRelu},  {"sub", ElemwiseOp::sub, kClip},
      {"mul", ElemwiseOp::mul, kLeaky}, {"div", ElemwiseOp::div, kNone},
      {"pow", ElemwiseOp::pow, kNone},  {"max", ElemwiseOp::max, kNone},
      {"min", ElemwiseOp::min, kNone},
  };
  struct Shapes {
    std::vector<long> a, b;
  };
  const std::vector<Shapes> shapes = {
      {{2, 3, 4, 5}, {2, 3, 4, 5}}, {{2, 3, 4, 5}, {5}},
      {{2, 3, 4, 5}, {3, 1, 1}},    {{1, 3, 1, 5}, {2, 1, 4, 1}},
      {{4, 6}, {1}},                {{2, 1, 3, 1, 2, 2}, {1, 2, 3, 2, 1, 2}},
      {{3, 70}, {3, 70}},           {{1}, {3, 70}},
  };
  for (const OpCase &oc : ops)
    for (const Shapes &sh : shapes) {
      const std::size_t r = std::max(sh.a.size(), sh.b.size());
      std::vector<long> ad(r - sh.a.size(), 1), bd(r - sh.b.size(), 1), od(r);
      ad.insert(ad.end(), sh.a.begin(), sh.a.end());
      bd.insert(bd.end(), sh.b.begin(), sh.b.end());
      aidge_cpp::ElemwiseParams p{};
      p.op = oc.op;
      p.rank = static_cast<int>(r);
      p.act = oc.act;
      for (std::size_t i = 0; i < r; ++i) {
        od[i] = std::max(ad[i], bd[i]);
        p.out_dims[i] = static_cast<int>(od[i]);
        p.a_dims[i] = static_cast<int>(ad[i]);
        p.b_dims[i] = static_cast<int>(bd[i]);
      }
      const bool is_pow = oc.op == ElemwiseOp::pow, is_div = oc.op == ElemwiseOp::div;
      const std::vector<float> a = rand_vec(product(ad), is_pow ? 0.5f : -1.0f, is_pow ? 2.0f : 1.0f);
      std::vector<float> b = rand_vec(product(bd), is_pow ? -2.0f : -1.0f, is_pow ? 2.0f : 1.0f);
      if (is_div)
        for (float &v : b)
          v = (v < 0 ? -0.5f : 0.5f) + v;
      std::vector<float> want(static_cast<std::size_t>(product(od)));
      for (long i = 0; i < product(od); ++i) {
        long rem = i, ai = 0, bi = 0, as = 1, bs = 1;
        for (long d = static_cast<long>(r) - 1; d >= 0; --d) {
          const std::size_t du = static_cast<std::size_t>(d);
          const long idx = rem % od[du];
          rem /= od[du];
          ai += (ad[du] == 1 ? 0 : idx) * as;
          bi += (bd[du] == 1 ? 0 : idx) * bs;
          as *= ad[du];
          bs *= bd[du];
        }
        want[static_cast<std::size_t>(i)] =
            ref_act(ref_binary(oc.op, a[static_cast<std::size_t>(ai)],
                               b[static_cast<std::size_t>(bi)]),
                    oc.act);
      }
      const std::string d = std::string(oc.name) + " " + dims_str(sh.a) + " " +
                            dims_str(sh.b) + " " + act_name(oc.act);
      const KernelFn fn = [&](unsigned char *mem, const std::vector<MemInfo> &ins,
                              const MemInfo &out) {
        aidge_cpp::elemwise_forward(mem, ins[0], ins[1], out, p);
      };
      run_layouts<float>("elemwise_forward", d, {a, b}, {geo_dims(ad), geo_dims(bd)},
                         geo_dims(od), want, fn);
      // In place on whichever operand has the output's size.
      for (int k = 0; k < 2; ++k) {
        if (product(k == 0 ? ad : bd) != product(od))
          continue;
        for (Kind kind : {PLAIN, WRAPPED, STRIDED})
          run_case<float>("elemwise_forward", d, {a, b}, {geo_dims(ad), geo_dims(bd)},
                          geo_dims(od), Layout{kind, kind, k}, want, fn);
      }
      // A constant operand (plain array).
      run_case<float>(
          "elemwise_forward", d + " (b constant)", {a}, {geo_dims(ad)}, geo_dims(od),
          Layout{WRAPPED, STRIDED, -1}, want,
          [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
            aidge_cpp::elemwise_forward(mem, ins[0], ins[0], out, p, nullptr, b.data());
          });
    }
}

//===----------------------------------------------------------------------===//
// Softmax, batch norm
//===----------------------------------------------------------------------===//

void test_softmax() {
  const std::vector<aidge_cpp::SoftmaxParams> cases = {
      {1, 10, 1}, {4, 7, 3}, {2, 70, 1}, {3, 5, 70}, {1, 1, 4}};
  for (const aidge_cpp::SoftmaxParams &p : cases) {
    const long O = p.outer, A = p.axis_size, I = p.inner;
    const std::vector<float> x = rand_vec(O * A * I, -5.0f, 5.0f);
    std::vector<float> want(x.size());
    for (long o = 0; o < O; ++o)
      for (long i = 0; i < I; ++i) {
        float mx = -kInf, sum = 0.0f;
        for (long a = 0; a < A; ++a)
          mx = std::max(mx, x[static_cast<std::size_t>((o * A + a) * I + i)]);
        for (long a = 0; a < A; ++a)
          sum += std::exp(x[static_cast<std::size_t>((o * A + a) * I + i)] - mx);
        for (long a = 0; a < A; ++a)
          want[static_cast<std::size_t>((o * A + a) * I + i)] =
              std::exp(x[static_cast<std::size_t>((o * A + a) * I + i)] - mx) / sum;
      }
    const std::vector<long> dims = {O, A, I};
    run_layouts<float>(
        "softmax_forward", "outer" + std::to_string(O) + " axis" + std::to_string(A) +
                               " inner" + std::to_string(I),
        {x}, {geo_dims(dims)}, geo_dims(dims), want,
        [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
          aidge_cpp::softmax_forward(mem, ins[0], out, p);
        },
        /*inplace=*/true);
  }
}

void test_batchnorm() {
  const std::vector<aidge_cpp::BatchNormParams> cases = {
      {64, 16, 1, 1e-5f}, {4, 70, 1, 1e-3f}, {2, 5, 9, 1e-5f}, {3, 8, 1, 0.0f}};
  for (const aidge_cpp::BatchNormParams &p : cases) {
    const long O = p.outer, C = p.channels, I = p.inner;
    const std::vector<float> x = rand_vec(O * C * I, -3.0f, 3.0f);
    const std::vector<float> scale = rand_vec(C), bias = rand_vec(C), mean = rand_vec(C),
                             var = rand_vec(C, 0.1f, 2.0f);
    std::vector<float> want(x.size());
    for (long o = 0; o < O; ++o)
      for (long c = 0; c < C; ++c)
        for (long i = 0; i < I; ++i) {
          const std::size_t e = static_cast<std::size_t>((o * C + c) * I + i);
          const std::size_t cu = static_cast<std::size_t>(c);
          want[e] = (x[e] - mean[cu]) * (scale[cu] / std::sqrt(var[cu] + p.epsilon)) +
                    bias[cu];
        }
    const std::vector<long> dims = {O, C, I};
    run_layouts<float>(
        "batchnorm_forward",
        "outer" + std::to_string(O) + " channels" + std::to_string(C) + " inner" +
            std::to_string(I),
        {x}, {geo_dims(dims)}, geo_dims(dims), want,
        [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
          aidge_cpp::batchnorm_forward(mem, ins[0], out, p, scale.data(), bias.data(),
                                       mean.data(), var.data());
        },
        /*inplace=*/true);
  }
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

template <typename T>
void test_concat_case(long outer, const std::vector<int> &sizes, long inner,
                      bool first_const, const char *type) {
  aidge_cpp::ConcatParams p{};
  p.nb_inputs = static_cast<int>(sizes.size());
  p.outer = static_cast<int>(outer);
  p.inner = static_cast<int>(inner);
  long total = 0;
  for (std::size_t k = 0; k < sizes.size(); ++k) {
    p.axis_sizes[k] = sizes[k];
    total += sizes[k];
  }
  std::vector<std::vector<T>> xs;
  std::vector<Geo> geos;
  for (int s : sizes) {
    xs.push_back(rand_ints<T>(outer * s * inner));
    geos.push_back(geo_dims({outer, s, inner}));
  }
  std::vector<T> want(static_cast<std::size_t>(outer * total * inner));
  long off = 0;
  for (std::size_t k = 0; k < sizes.size(); ++k) {
    for (long o = 0; o < outer; ++o)
      for (long a = 0; a < sizes[k]; ++a)
        for (long i = 0; i < inner; ++i)
          want[static_cast<std::size_t>((o * total + off + a) * inner + i)] =
              xs[k][static_cast<std::size_t>((o * sizes[k] + a) * inner + i)];
    off += sizes[k];
  }
  std::ostringstream d;
  d << type << " outer" << outer << " sizes";
  for (int s : sizes)
    d << " " << s;
  d << " inner" << inner;
  if (first_const) {
    const std::vector<T> c0 = xs[0];
    std::vector<std::vector<T>> rest(xs.begin() + 1, xs.end());
    std::vector<Geo> rest_geos(geos.begin() + 1, geos.end());
    run_layouts<T>(
        "concat_forward", d.str() + " (input 0 constant)", rest, rest_geos,
        geo_dims({outer, total, inner}), want,
        [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
          std::vector<const MemInfo *> ptrs(1, nullptr);
          std::vector<const T *> consts(1, c0.data());
          for (const MemInfo &m : ins) {
            ptrs.push_back(&m);
            consts.push_back(nullptr);
          }
          aidge_cpp::concat_forward<T>(mem, ptrs.data(), out, p, consts.data());
        });
    return;
  }
  run_layouts<T>(
      "concat_forward", d.str(), xs, geos, geo_dims({outer, total, inner}), want,
      [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
        std::vector<const MemInfo *> ptrs;
        for (const MemInfo &m : ins)
          ptrs.push_back(&m);
        aidge_cpp::concat_forward<T>(mem, ptrs.data(), out, p);
      });
}

/// Inputs written straight into their slices of the output (concat in
/// place): calling the kernel anyway changes nothing.
void test_concat_in_place() {
  for (int outer_axis = 0; outer_axis < 2; ++outer_axis) {
    // [1][4][4][8] channels-last: along C (interleaved slots of 3 and 5
    // channels), or along H (consecutive blocks of 1 and 3 rows).
    const long H = 4, W = 4, C = 8;
    const MemInfo out{C * 4, C * 4, W, H, 32, H * W * C * 4, 32, 0};
    std::vector<MemInfo> ins;
    aidge_cpp::ConcatParams p{};
    p.nb_inputs = 2;
    if (!outer_axis) {
      p.outer = static_cast<int>(H * W);
      p.inner = 1;
      p.axis_sizes[0] = 3;
      p.axis_sizes[1] = 5;
      ins.push_back(MemInfo{3 * 4, C * 4, W, H, 32, H * W * C * 4, 32, 0});
      ins.push_back(MemInfo{5 * 4, C * 4, W, H, 32 + 12, H * W * C * 4, 32, 0});
    } else {
      p.outer = 1;
      p.inner = static_cast<int>(W * C);
      p.axis_sizes[0] = 1;
      p.axis_sizes[1] = 3;
      ins.push_back(MemInfo{C * 4, C * 4, W, 1, 32, W * C * 4, 32, 0});
      ins.push_back(MemInfo{C * 4, C * 4, W, 3, 32 + W * C * 4, 3 * W * C * 4, 32, 0});
    }
    Arena a(32 + H * W * C * 4 + 32);
    const std::vector<float> v = rand_vec(H * W * C);
    for (long i = 0; i < H * W * C; ++i)
      *aidge_cpp::at<float>(a.mem, out, i) = v[static_cast<std::size_t>(i)];
    const std::vector<unsigned char> before(a.mem, a.mem + a.bytes);
    const MemInfo *ptrs[] = {&ins[0], &ins[1]};
    aidge_cpp::concat_forward<float>(a.mem, ptrs, out, p);
    const bool ok =
        std::memcmp(before.data(), a.mem, static_cast<std::size_t>(a.bytes)) == 0;
    record("concat_forward",
           std::string("inputs already in their slices along ") +
               (outer_axis ? "H (blocks)" : "C (interleaved)"),
           ok, "bytes changed");
  }
}

void test_concat() {
  test_concat_case<float>(1, {3, 5}, 1, false, "f32");
  test_concat_case<float>(2, {4, 1, 3}, 6, false, "f32");
  test_concat_case<float>(3, {70, 2}, 1, false, "f32");
  test_concat_case<float>(16, {8, 16, 8}, 1, false, "f32");
  test_concat_case<float>(2, {2, 3}, 5, true, "f32");
  test_concat_case<std::int16_t>(4, {3, 5}, 2, false, "i16");
  test_concat_case<std::int8_t>(2, {7, 9, 1}, 3, false, "i8");
  test_concat_in_place();
}

template <typename T>
void test_transpose_case(const std::vector<long> &in, const std::vector<int> &perm,
                         const char *type) {
  const int r = static_cast<int>(in.size());
  aidge_cpp::TransposeParams p{};
  p.rank = r;
  std::vector<long> od(in.size()), is(in.size());
  long s = 1;
  for (int d = r - 1; d >= 0; --d) {
    is[static_cast<std::size_t>(d)] = s;
    s *= in[static_cast<std::size_t>(d)];
  }
  for (int d = 0; d < r; ++d) {
    p.in_dims[d] = static_cast<int>(in[static_cast<std::size_t>(d)]);
    p.perm[d] = perm[static_cast<std::size_t>(d)];
    od[static_cast<std::size_t>(d)] =
        in[static_cast<std::size_t>(perm[static_cast<std::size_t>(d)])];
  }
  const std::vector<T> x = rand_ints<T>(product(in));
  std::vector<T> want(x.size());
  for (long o = 0; o < product(od); ++o) {
    long rem = o, src = 0;
    for (int d = r - 1; d >= 0; --d) {
      const long idx = rem % od[static_cast<std::size_t>(d)];
      rem /= od[static_cast<std::size_t>(d)];
      src += idx * is[static_cast<std::size_t>(perm[static_cast<std::size_t>(d)])];
    }
    want[static_cast<std::size_t>(o)] = x[static_cast<std::size_t>(src)];
  }
  std::ostringstream d;
  d << type << " " << dims_str(in) << " perm";
  for (int q : perm)
    d << " " << q;
  run_layouts<T>(
      "transpose_forward", d.str(), {x}, {geo_dims(in)}, geo_dims(od), want,
      [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
        aidge_cpp::transpose_forward<T>(mem, ins[0], out, p);
      });
}

void test_transpose() {
  test_transpose_case<float>({2, 3, 4}, {2, 0, 1}, "f32");
  test_transpose_case<float>({1, 16, 5, 5}, {0, 2, 3, 1}, "f32");
  // A batch of 3-channel images to channels last, as a network's input.
  test_transpose_case<float>({2, 3, 7, 9}, {0, 2, 3, 1}, "f32");
  test_transpose_case<float>({1, 5, 5, 16}, {0, 3, 1, 2}, "f32");
  test_transpose_case<float>({2, 3, 4, 5, 6}, {4, 3, 2, 1, 0}, "f32");
  test_transpose_case<float>({2, 2, 3, 2, 2, 3}, {5, 0, 4, 1, 3, 2}, "f32");
  test_transpose_case<float>({6, 70}, {1, 0}, "f32");
  test_transpose_case<float>({3, 4, 5}, {0, 1, 2}, "f32");
  test_transpose_case<float>({9}, {0}, "f32");
  test_transpose_case<std::int8_t>({3, 4, 5}, {1, 2, 0}, "i8");
  test_transpose_case<std::uint16_t>({2, 3, 4, 5}, {0, 3, 1, 2}, "u16");
}

void test_reshape() {
  // Copies between different layouts.
  const std::vector<long> in = {2, 3, 4}, out = {6, 4};
  const std::vector<float> x = rand_vec(product(in));
  run_layouts<float>(
      "reshape_forward", "f32 [2x3x4] -> [6x4] (copy)", {x}, {geo_dims(in)},
      geo_dims(out), x,
      [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &o) {
        aidge_cpp::reshape_forward<float>(mem, ins[0], o);
      });
  const std::vector<std::int8_t> xi = rand_ints<std::int8_t>(60);
  run_layouts<std::int8_t>(
      "reshape_forward", "i8 [3x4x5] -> [60] (copy)", {xi}, {geo_dims({3, 4, 5})},
      geo_dims({60}), xi,
      [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &o) {
        aidge_cpp::reshape_forward<std::int8_t>(mem, ins[0], o);
      });
  // An alias: the same bytes with another geometry, plain or wrapped.
  for (int wrapped = 0; wrapped < 2; ++wrapped) {
    const MemInfo src = wrapped ? MemInfo{16, 16, 3, 2, 64 + 40, 56, 64, 40}
                                : MemInfo{16, 16, 3, 2, 64, 96, 64, 0};
    const MemInfo dst = wrapped ? MemInfo{96, 96, 1, 1, 64 + 40, 56, 64, 40}
                                : MemInfo{96, 96, 1, 1, 64, 96, 64, 0};
    Arena a(64 + 96 + 64);
    const std::vector<float> v = rand_vec(24);
    for (long i = 0; i < 24; ++i)
      *aidge_cpp::at<float>(a.mem, src, i) = v[static_cast<std::size_t>(i)];
    const std::vector<unsigned char> before(a.mem, a.mem + a.bytes);
    aidge_cpp::reshape_forward<float>(a.mem, src, dst);
    std::string why;
    bool ok = aidge_cpp::same_mapping(src, dst) &&
              std::memcmp(before.data(), a.mem, static_cast<std::size_t>(a.bytes)) == 0;
    if (!ok)
      why = "not recognised as an alias or bytes changed";
    else
      ok = check_output(a, dst, v, &before, why);
    record("reshape_forward",
           std::string("alias [2x3x4] -> [24] (") + (wrapped ? "wrapped" : "plain") +
               ", no-op)",
           ok, why);
  }
}

long ref_pad_source(long o, long b, long n, aidge_cpp::PadMode mode) {
  long s = o - b;
  if (s >= 0 && s < n)
    return s;
  if (mode == aidge_cpp::PadMode::constant)
    return -1;
  if (mode == aidge_cpp::PadMode::edge)
    return std::min(std::max(s, 0L), n - 1);
  if (n == 1)
    return 0;
  while (s < 0 || s >= n)
    s = s < 0 ? -s : 2 * (n - 1) - s;
  return s;
}

template <typename T>
void test_pad_case(const std::vector<long> &in, const std::vector<int> &begins,
                   const std::vector<int> &ends, aidge_cpp::PadMode mode, double value,
                   const char *type) {
  const int r = static_cast<int>(in.size());
  aidge_cpp::PadParams p{};
  p.mode = mode;
  p.value = value;
  p.rank = r;
  std::vector<long> od(in.size()), is(in.size());
  long s = 1;
  for (int d = r - 1; d >= 0; --d) {
    const std::size_t du = static_cast<std::size_t>(d);
    is[du] = s;
    s *= in[du];
    p.in_dims[d] = static_cast<int>(in[du]);
    p.begins[d] = begins[du];
    p.ends[d] = ends[du];
    od[du] = begins[du] + in[du] + ends[du];
  }
  const std::vector<T> x = rand_ints<T>(product(in));
  std::vector<T> want(static_cast<std::size_t>(product(od)));
  for (long o = 0; o < product(od); ++o) {
    long rem = o, src = 0;
    bool fill = false;
    for (int d = r - 1; d >= 0; --d) {
      const std::size_t du = static_cast<std::size_t>(d);
      const long idx = rem % od[du];
      rem /= od[du];
      const long sd = ref_pad_source(idx, begins[du], in[du], mode);
      if (sd < 0)
        fill = true;
      else
        src += sd * is[du];
    }
    want[static_cast<std::size_t>(o)] =
        fill ? static_cast<T>(value) : x[static_cast<std::size_t>(src)];
  }
  std::ostringstream d;
  d << type << " "
    << (mode == aidge_cpp::PadMode::constant
            ? "constant"
            : mode == aidge_cpp::PadMode::reflect ? "reflect" : "edge")
    << " " << dims_str(in) << " begins";
  for (int b : begins)
    d << " " << b;
  d << " ends";
  for (int e : ends)
    d << " " << e;
  run_layouts<T>(
      "pad_forward", d.str(), {x}, {geo_dims(in)}, geo_dims(od), want,
      [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
        aidge_cpp::pad_forward<T>(mem, ins[0], out, p);
      });
}

void test_pad() {
  using aidge_cpp::PadMode;
  test_pad_case<float>({3, 4}, {1, 2}, {2, 1}, PadMode::constant, 0.5, "f32");
  test_pad_case<float>({1, 3, 5, 5}, {0, 0, 1, 2}, {0, 0, 2, 1}, PadMode::reflect, 0, "f32");
  test_pad_case<float>({2, 3, 4}, {1, -1, 2}, {0, 2, -1}, PadMode::edge, 0, "f32");
  test_pad_case<float>({4, 6}, {3, 7}, {5, 9}, PadMode::reflect, 0, "f32");
  test_pad_case<float>({2, 2, 2, 2, 2, 2}, {1, 0, 1, 0, 1, 0}, {0, 1, 0, 1, 0, 1},
                       PadMode::constant, -1.0, "f32");
  test_pad_case<float>({3, 70}, {0, 2}, {0, -3}, PadMode::edge, 0, "f32");
  test_pad_case<float>({3, 100}, {1, 80}, {1, 70}, PadMode::constant, 2.0, "f32");
  test_pad_case<float>({4, 5}, {-1, -2}, {-2, -1}, PadMode::constant, 0, "f32");
  test_pad_case<float>({5}, {1}, {3}, PadMode::reflect, 0, "f32");
  test_pad_case<std::int16_t>({3, 4, 2}, {1, 1, 0}, {0, 2, 1}, PadMode::constant, 7.0, "i16");
}

//===----------------------------------------------------------------------===//
// Slice, split, gather, cast, reductions
//===----------------------------------------------------------------------===//

void test_slice_case(const std::vector<long> &in, const std::vector<int> &starts,
                     const std::vector<int> &ends, const std::vector<int> &steps) {
  const int r = static_cast<int>(in.size());
  aidge_cpp::SliceParams p{};
  p.rank = r;
  std::vector<long> od(in.size()), is(in.size());
  long s = 1;
  for (int d = r - 1; d >= 0; --d) {
    const std::size_t du = static_cast<std::size_t>(d);
    is[du] = s;
    s *= in[du];
    p.in_dims[d] = static_cast<int>(in[du]);
    p.starts[d] = starts[du];
    p.steps[d] = steps[du];
    const long st = steps[du], len = ends[du] - starts[du];
    od[du] = std::max(0L, st > 0 ? (len + st - 1) / st : (-len + -st - 1) / -st);
    p.out_dims[d] = static_cast<int>(od[du]);
  }
  const std::vector<float> x = rand_vec(product(in));
  std::vector<float> want(static_cast<std::size_t>(product(od)));
  for (long o = 0; o < product(od); ++o) {
    long rem = o, src = 0;
    for (int d = r - 1; d >= 0; --d) {
      const std::size_t du = static_cast<std::size_t>(d);
      const long idx = rem % od[du];
      rem /= od[du];
      src += (starts[du] + idx * steps[du]) * is[du];
    }
    want[static_cast<std::size_t>(o)] = x[static_cast<std::size_t>(src)];
  }
  std::ostringstream d;
  d << dims_str(in) << " starts";
  for (int v : starts)
    d << " " << v;
  d << " ends";
  for (int v : ends)
    d << " " << v;
  d << " steps";
  for (int v : steps)
    d << " " << v;
  run_layouts<float>(
      "slice_forward", d.str(), {x}, {geo_dims(in)}, geo_dims(od), want,
      [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
        aidge_cpp::slice_forward<float>(mem, ins[0], out, p);
      });
}

void test_split_case(long outer, const std::vector<int> &sizes, long inner) {
  aidge_cpp::SplitParams p{};
  p.nb_outputs = static_cast<int>(sizes.size());
  p.outer = static_cast<int>(outer);
  p.inner = static_cast<int>(inner);
  long total = 0;
  for (std::size_t k = 0; k < sizes.size(); ++k) {
    p.axis_sizes[k] = sizes[k];
    total += sizes[k];
  }
  const std::vector<float> x = rand_vec(outer * total * inner);
  long off = 0;
  for (std::size_t k = 0; k < sizes.size(); ++k) {
    const long A = sizes[k];
    std::vector<float> want(static_cast<std::size_t>(outer * A * inner));
    for (long o = 0; o < outer; ++o)
      for (long a = 0; a < A; ++a)
        for (long i = 0; i < inner; ++i)
          want[static_cast<std::size_t>((o * A + a) * inner + i)] =
              x[static_cast<std::size_t>((o * total + off + a) * inner + i)];
    std::ostringstream d;
    d << "outer" << outer << " sizes";
    for (int v : sizes)
      d << " " << v;
    d << " inner" << inner << ", output " << k;
    // Only output k is written (the others are null).
    run_layouts<float>(
        "split_forward", d.str(), {x}, {geo_dims({outer, total, inner})},
        geo_dims({outer, A, inner}), want,
        [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
          std::vector<const MemInfo *> outs(sizes.size(), nullptr);
          outs[k] = &out;
          aidge_cpp::split_forward<float>(mem, ins[0], outs.data(), p);
        });
    off += A;
  }
}

void test_gather_case(long outer, long axis, long inner,
                      const std::vector<std::int64_t> &indices) {
  const aidge_cpp::GatherParams p{static_cast<int>(outer), static_cast<int>(axis),
                                  static_cast<int>(inner),
                                  static_cast<int>(indices.size())};
  const long J = static_cast<long>(indices.size());
  const std::vector<float> x = rand_vec(outer * axis * inner);
  std::vector<float> want(static_cast<std::size_t>(outer * J * inner));
  for (long o = 0; o < outer; ++o)
    for (long j = 0; j < J; ++j) {
      long a = static_cast<long>(indices[static_cast<std::size_t>(j)]);
      a = a < 0 ? a + axis : a;
      for (long i = 0; i < inner; ++i)
        want[static_cast<std::size_t>((o * J + j) * inner + i)] =
            x[static_cast<std::size_t>((o * axis + a) * inner + i)];
    }
  std::ostringstream d;
  d << "outer" << outer << " axis" << axis << " inner" << inner << " indices";
  for (std::int64_t v : indices)
    d << " " << v;
  std::vector<std::int32_t> idx32(indices.begin(), indices.end());
  run_layouts<float>(
      "gather_forward", d.str() + " (i64)", {x}, {geo_dims({outer, axis, inner})},
      geo_dims({outer, J, inner}), want,
      [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
        aidge_cpp::gather_forward<float>(mem, ins[0], out, p, indices.data());
      });
  run_case<float>(
      "gather_forward", d.str() + " (i32)", {x}, {geo_dims({outer, axis, inner})},
      geo_dims({outer, J, inner}), Layout{WRAPPED, STRIDED, -1}, want,
      [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
        aidge_cpp::gather_forward<float, std::int32_t>(mem, ins[0], out, p, idx32.data());
      });
}

/// Casts run with tensors of different element sizes: laid out by hand.
template <typename From, typename To>
void test_cast_case(const std::vector<long> &dims, const char *desc, float lo, float hi) {
  const long n = product(dims);
  std::vector<From> x(static_cast<std::size_t>(n));
  for (From &v : x)
    v = static_cast<From>(urand(lo, hi));
  std::vector<To> want(x.size());
  for (std::size_t i = 0; i < x.size(); ++i)
    want[i] = static_cast<To>(x[i]);
  for (const Layout &l : kLayouts) {
    Placer pl;
    const MemInfo in = pl.place(geo_dims(dims), l.in, static_cast<long>(sizeof(From)));
    const MemInfo out = pl.place(geo_dims(dims), l.out, static_cast<long>(sizeof(To)));
    Arena a(pl.cursor + 16);
    for (long i = 0; i < n; ++i)
      *aidge_cpp::at<From>(a.mem, in, i) = x[static_cast<std::size_t>(i)];
    const std::vector<unsigned char> before(a.mem, a.mem + a.bytes);
    aidge_cpp::cast_forward<From, To>(a.mem, in, out);
    std::string why;
    const bool ok = check_output(a, out, want, &before, why);
    record("cast_forward", std::string(desc) + " " + dims_str(dims) + " " + layout_str(l),
           ok, why);
  }
}

void test_reduce_case(const std::vector<long> &in, const std::vector<int> &reduced) {
  const int r = static_cast<int>(in.size());
  aidge_cpp::ReduceParams p{};
  p.rank = r;
  std::vector<long> od, is(in.size());
  long s = 1;
  for (int d = r - 1; d >= 0; --d) {
    is[static_cast<std::size_t>(d)] = s;
    s *= in[static_cast<std::size_t>(d)];
  }
  long count = 1;
  for (int d = 0; d < r; ++d) {
    const std::size_t du = static_cast<std::size_t>(d);
    p.in_dims[d] = static_cast<int>(in[du]);
    p.reduced[d] = reduced[du];
    if (reduced[du])
      count *= in[du];
    else
      od.push_back(in[du]);
  }
  const std::vector<float> x = rand_vec(product(in));
  for (int kind = 0; kind < 3; ++kind) {
    std::vector<float> want(static_cast<std::size_t>(product(od)));
    std::vector<char> seen(want.size(), 0);
    for (long i = 0; i < product(in); ++i) {
      long rem = i, o = 0, os = 1;
      for (int d = r - 1; d >= 0; --d) {
        const std::size_t du = static_cast<std::size_t>(d);
        const long idx = rem % in[du];
        rem /= in[du];
        if (!reduced[du]) {
          o += idx * os;
          os *= in[du];
        }
      }
      const std::size_t ou = static_cast<std::size_t>(o);
      const float v = x[static_cast<std::size_t>(i)];
      if (!seen[ou])
        want[ou] = kind == 2 ? v : 0.0f + v;
      else
        want[ou] = kind == 2 ? std::max(want[ou], v) : want[ou] + v;
      seen[ou] = 1;
    }
    if (kind == 0)
      for (float &v : want)
        v /= static_cast<float>(count);
    std::ostringstream d;
    d << dims_str(in) << " reduced";
    for (int v : reduced)
      d << " " << v;
    const char *names[] = {"reduce_mean_forward", "reduce_sum_forward",
                           "reduce_max_forward"};
    run_layouts<float>(
        names[kind], d.str(), {x}, {geo_dims(in)}, geo_dims(od), want,
        [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
          if (kind == 0)
            aidge_cpp::reduce_mean_forward(mem, ins[0], out, p);
          else if (kind == 1)
            aidge_cpp::reduce_sum_forward(mem, ins[0], out, p);
          else
            aidge_cpp::reduce_max_forward(mem, ins[0], out, p);
        });
  }
}

void test_extras() {
  test_slice_case({4, 6}, {1, 0}, {3, 6}, {1, 2});
  test_slice_case({2, 5, 7}, {1, 4, 6}, {2, -1, 0}, {1, -1, -2});
  test_slice_case({1, 3, 8, 8}, {0, 0, 1, 2}, {1, 3, 7, 8}, {1, 1, 2, 3});
  test_slice_case({3, 100}, {0, 10}, {3, 90}, {2, 1});
  test_split_case(2, {3, 5}, 4);
  test_split_case(16, {70, 2}, 1);
  test_gather_case(1, 10, 4, {3, -1, 0, 3});
  test_gather_case(3, 5, 1, {4, 2});
  test_cast_case<float, std::int8_t>({3, 7}, "f32->i8", -100.0f, 100.0f);
  test_cast_case<std::int16_t, float>({2, 70}, "i16->f32", -1000.0f, 1000.0f);
  test_cast_case<float, std::int64_t>({5}, "f32->i64", -1e6f, 1e6f);
  test_reduce_case({2, 3, 4}, {0, 1, 0});
  test_reduce_case({2, 3, 4}, {1, 0, 1});
  test_reduce_case({1, 8, 8, 16}, {0, 1, 1, 0});
  test_reduce_case({3, 70}, {0, 1});
  test_reduce_case({2, 2, 2, 2, 2, 3}, {1, 1, 1, 1, 1, 1});
}

//===----------------------------------------------------------------------===//
// Resize
//===----------------------------------------------------------------------===//

using aidge_cpp::CoordinateTransform;
using aidge_cpp::NearestMode;
using aidge_cpp::ResizeMode;

/// ONNX's reference, one dim at a time: the coordinate, then the
/// neighbours as the n cells of the edge-padded row nearest to it
/// (preferring lower ones), with ONNX's coefficient formulas of the ratio
/// in (0, 1].
double ref_resize_1d(const std::vector<double> &row, const aidge_cpp::ResizeParams &p,
                     int d, long x) {
  const long L = static_cast<long>(row.size());
  const double s = p.scales[d], R = s * static_cast<double>(L);
  const double xd = static_cast<double>(x), Lm1 = static_cast<double>(L - 1);
  double src = 0;
  switch (p.transform) {
  case CoordinateTransform::half_pixel:
    src = (xd + 0.5) / s - 0.5;
    break;
  case CoordinateTransform::pytorch_half_pixel:
    src = R > 1 ? (xd + 0.5) / s - 0.5 : 0.0;
    break;
  case CoordinateTransform::align_corners:
    src = R > 1 ? xd * Lm1 / (R - 1) : 0.0;
    break;
  case CoordinateTransform::asymmetric:
    src = xd / s;
    break;
  case CoordinateTransform::half_pixel_symmetric:
    src = static_cast<double>(L) / 2 * (1 - p.out_dims[d] / R) + (xd + 0.5) / s - 0.5;
    break;
  case CoordinateTransform::tf_half_pixel_for_nn:
    src = (xd + 0.5) / s;
    break;
  case CoordinateTransform::tf_crop_and_resize: {
    const double a = p.roi_starts[d], b = p.roi_ends[d];
    src = R > 1 ? a * Lm1 + xd * (b - a) * Lm1 / (R - 1) : 0.5 * (a + b) * Lm1;
    if (src < 0 || src > Lm1)
      return p.extrapolation_value;
    break;
  }
  }
  const double ratio = src == std::floor(src) ? 1.0 : src - std::floor(src);
  std::vector<double> coeffs;
  switch (p.mode) {
  case ResizeMode::nearest:
    if (ratio == 1.0)
      coeffs = {0, 1};
    else if (p.nearest_mode == NearestMode::round_prefer_floor)
      coeffs = {ratio <= 0.5 ? 1.0 : 0.0, ratio > 0.5 ? 1.0 : 0.0};
    else if (p.nearest_mode == NearestMode::round_prefer_ceil)
      coeffs = {ratio < 0.5 ? 1.0 : 0.0, ratio >= 0.5 ? 1.0 : 0.0};
    else if (p.nearest_mode == NearestMode::floor)
      coeffs = {1, 0};
    else
      coeffs = {0, 1};
    break;
  case ResizeMode::linear:
    coeffs = {1 - ratio, ratio};
    break;
  case ResizeMode::cubic: {
    const double A = p.cubic_coeff_a, r = ratio;
    coeffs = {((A * (r + 1) - 5 * A) * (r + 1) + 8 * A) * (r + 1) - 4 * A,
              ((A + 2) * r - (A + 3)) * r * r + 1,
              ((A + 2) * (1 - r) - (A + 3)) * (1 - r) * (1 - r) + 1,
              ((A * ((1 - r) + 1) - 5 * A) * ((1 - r) + 1) + 8 * A) * ((1 - r) + 1) - 4 * A};
    break;
  }
  }
  const long n = static_cast<long>(coeffs.size()), pad = (n + 1) / 2;
  std::vector<long> cells;
  for (long i = 0; i < L + 2 * pad; ++i)
    cells.push_back(i);
  const double at = src + static_cast<double>(pad);
  std::stable_sort(cells.begin(), cells.end(), [&](long a, long b) {
    return std::fabs(at - static_cast<double>(a)) < std::fabs(at - static_cast<double>(b));
  });
  cells.resize(static_cast<std::size_t>(n));
  std::sort(cells.begin(), cells.end());
  if (p.exclude_outside) {
    double sum = 0;
    for (long k = 0; k < n; ++k) {
      const long i = cells[static_cast<std::size_t>(k)] - pad;
      if (i < 0 || i >= L)
        coeffs[static_cast<std::size_t>(k)] = 0;
      sum += coeffs[static_cast<std::size_t>(k)];
    }
    for (double &c : coeffs)
      c /= sum;
  }
  double v = 0;
  for (long k = 0; k < n; ++k) {
    const long i = std::min(std::max(cells[static_cast<std::size_t>(k)] - pad, 0L), L - 1);
    v += coeffs[static_cast<std::size_t>(k)] * row[static_cast<std::size_t>(i)];
  }
  return v;
}

/// The output at `xo` of the sub-tensor of dims d.. at `base`: dim d
/// interpolated between the (recursively) resized rows of the dims after.
double ref_resize_nd(const std::vector<float> &x, const aidge_cpp::ResizeParams &p,
                     int d, long base, const std::vector<long> &xo) {
  long stride = 1;
  for (int e = d + 1; e < p.rank; ++e)
    stride *= p.in_dims[e];
  std::vector<double> row;
  for (long i = 0; i < p.in_dims[d]; ++i)
    row.push_back(d + 1 == p.rank
                      ? static_cast<double>(x[static_cast<std::size_t>(base + i)])
                      : ref_resize_nd(x, p, d + 1, base + i * stride, xo));
  return ref_resize_1d(row, p, d, xo[static_cast<std::size_t>(d)]);
}

const char *transform_name(CoordinateTransform t) {
  switch (t) {
  case CoordinateTransform::half_pixel:
    return "half_pixel";
  case CoordinateTransform::pytorch_half_pixel:
    return "pytorch_half_pixel";
  case CoordinateTransform::align_corners:
    return "align_corners";
  case CoordinateTransform::asymmetric:
    return "asymmetric";
  case CoordinateTransform::half_pixel_symmetric:
    return "half_pixel_symmetric";
  case CoordinateTransform::tf_half_pixel_for_nn:
    return "tf_half_pixel_for_nn";
  case CoordinateTransform::tf_crop_and_resize:
    return "tf_crop_and_resize";
  }
  return "?";
}

/// `scales` as given (the output is floor(in * scale)), or when `sizes` is
/// not empty, the output sizes (scale out / in).
void test_resize_case(ResizeMode mode, CoordinateTransform transform,
                      NearestMode nearest, const std::vector<long> &in,
                      const std::vector<double> &scales,
                      const std::vector<long> &sizes = {},
                      float cubic_a = -0.75f, bool exclude_outside = false,
                      const std::vector<float> &roi = {}) {
  aidge_cpp::ResizeParams p{};
  p.mode = mode;
  p.transform = transform;
  p.nearest_mode = nearest;
  p.cubic_coeff_a = cubic_a;
  p.exclude_outside = exclude_outside;
  p.extrapolation_value = 10.0f;
  p.rank = static_cast<int>(in.size());
  std::vector<long> od;
  for (int d = 0; d < p.rank; ++d) {
    const std::size_t du = static_cast<std::size_t>(d);
    p.in_dims[d] = static_cast<int>(in[du]);
    od.push_back(sizes.empty()
                     ? static_cast<long>(std::floor(static_cast<double>(in[du]) * scales[du]))
                     : sizes[du]);
    p.out_dims[d] = static_cast<int>(od[du]);
    p.scales[d] = sizes.empty() ? scales[du]
                                : static_cast<double>(sizes[du]) / static_cast<double>(in[du]);
    p.roi_starts[d] = roi.empty() ? 0.0f : roi[du];
    p.roi_ends[d] = roi.empty() ? 1.0f : roi[du + in.size()];
  }
  const std::vector<float> x = rand_vec(product(in));
  std::vector<float> want;
  std::vector<long> xo(in.size(), 0);
  for (long o = 0; o < product(od); ++o) {
    long rem = o;
    for (int d = p.rank - 1; d >= 0; --d) {
      xo[static_cast<std::size_t>(d)] = rem % od[static_cast<std::size_t>(d)];
      rem /= od[static_cast<std::size_t>(d)];
    }
    want.push_back(static_cast<float>(ref_resize_nd(x, p, 0, 0, xo)));
  }
  std::ostringstream desc;
  desc << (mode == ResizeMode::nearest ? "nearest" : mode == ResizeMode::linear ? "linear" : "cubic")
       << " " << transform_name(transform) << " " << dims_str(in) << "->" << dims_str(od);
  if (mode == ResizeMode::nearest)
    desc << " nearest_mode " << static_cast<int>(nearest);
  if (mode == ResizeMode::cubic)
    desc << " a=" << cubic_a << (exclude_outside ? " exclude_outside" : "");
  run_layouts<float>(
      "resize_forward", desc.str(), {x}, {geo_dims(in)}, geo_dims(od), want,
      [&](unsigned char *mem, const std::vector<MemInfo> &ins, const MemInfo &out) {
        aidge_cpp::resize_forward(mem, ins[0], out, p);
      });
}

void test_resizes() {
  const std::vector<long> image{1, 2, 5, 6};
  const std::vector<double> up{1, 1, 2, 3}, down{1, 1, 0.6, 0.6}, odd{1, 1, 1.7, 0.75};
  for (NearestMode nm : {NearestMode::round_prefer_floor, NearestMode::round_prefer_ceil,
                         NearestMode::floor, NearestMode::ceil})
    for (CoordinateTransform t :
         {CoordinateTransform::half_pixel, CoordinateTransform::align_corners,
          CoordinateTransform::asymmetric, CoordinateTransform::tf_half_pixel_for_nn}) {
      test_resize_case(ResizeMode::nearest, t, nm, image, up);
      test_resize_case(ResizeMode::nearest, t, nm, image, odd);
    }
  for (CoordinateTransform t :
       {CoordinateTransform::half_pixel, CoordinateTransform::pytorch_half_pixel,
        CoordinateTransform::align_corners, CoordinateTransform::asymmetric,
        CoordinateTransform::half_pixel_symmetric}) {
    for (ResizeMode m : {ResizeMode::linear, ResizeMode::cubic}) {
      test_resize_case(m, t, NearestMode::floor, image, up);
      test_resize_case(m, t, NearestMode::floor, image, down);
      test_resize_case(m, t, NearestMode::floor, image, odd);
      test_resize_case(m, t, NearestMode::floor, image, {}, {1, 2, 3, 1});
    }
  }
  test_resize_case(ResizeMode::cubic, CoordinateTransform::half_pixel, NearestMode::floor,
                   image, up, {}, -0.5f, true);
  test_resize_case(ResizeMode::cubic, CoordinateTransform::half_pixel, NearestMode::floor,
                   image, down, {}, -0.5f, true);
  // Every dim resized, ranks 1 to 3, and rows longer than a chunk.
  test_resize_case(ResizeMode::linear, CoordinateTransform::half_pixel, NearestMode::floor,
                   {2, 3, 4}, {1.5, 2, 0.5});
  test_resize_case(ResizeMode::cubic, CoordinateTransform::align_corners, NearestMode::floor,
                   {3, 5}, {}, {4, 9});
  test_resize_case(ResizeMode::nearest, CoordinateTransform::asymmetric,
                   NearestMode::round_prefer_ceil, {9}, {}, {70});
  test_resize_case(ResizeMode::linear, CoordinateTransform::half_pixel, NearestMode::floor,
                   {2, 50}, {1, 2.5});
  // tf_crop_and_resize: inside the input, and out of it (extrapolation).
  for (ResizeMode m : {ResizeMode::nearest, ResizeMode::linear, ResizeMode::cubic}) {
    test_resize_case(m, CoordinateTransform::tf_crop_and_resize, NearestMode::round_prefer_floor,
                     {1, 1, 4, 4}, {}, {1, 1, 3, 3}, -0.75f, false,
                     {0, 0, 0.4f, 0.6f, 1, 1, 0.6f, 0.8f});
    test_resize_case(m, CoordinateTransform::tf_crop_and_resize, NearestMode::round_prefer_floor,
                     {1, 2, 4, 4}, {}, {1, 2, 3, 5}, -0.75f, false,
                     {0, 0, 0.4f, 0.6f, 1, 1, 1.2f, 1.7f});
  }
}

//===----------------------------------------------------------------------===//
// Rings: chains of windowed ops, each output right after its input in one
// ring buffer, wrapping over input rows already consumed
//===----------------------------------------------------------------------===//

struct RingLayer {
  std::string name;
  long H, W, C, OH, OW, M, stride_h, pad_top;
  std::function<void(unsigned char *, const MemInfo &, const MemInfo &)> run;
  std::function<std::vector<float>(const std::vector<float> &)> ref;
};

RingLayer ring_conv(const aidge_cpp::ConvParams &p, ConvKernel kernel) {
  const long cin = p.in_channels / p.group;
  auto w = std::make_shared<std::vector<float>>(
      rand_vec(static_cast<long>(p.out_channels) * p.kernel_h * p.kernel_w * cin));
  auto b = std::make_shared<std::vector<float>>(rand_vec(p.out_channels));
  RingLayer l;
  l.name = std::string(kernel_name(kernel)) + " " + conv_desc(p, true);
  l.H = p.in_height;
  l.W = p.in_width;
  l.C = p.in_channels;
  l.OH = p.out_height;
  l.OW = p.out_width;
  l.M = p.out_channels;
  l.stride_h = p.stride_h;
  l.pad_top = p.pad_top;
  auto packed = std::make_shared<std::vector<float>>(conv_weights(kernel, p, *w));
  l.run = [p, packed, b, kernel](unsigned char *mem, const MemInfo &in,
                                 const MemInfo &out) {
    run_conv(kernel, mem, in, out, p, packed->data(), b->data());
  };
  l.ref = [p, w, b](const std::vector<float> &x) { return ref_conv(x, *w, b.get(), p); };
  return l;
}

RingLayer ring_pool(const aidge_cpp::PoolParams &p) {
  RingLayer l;
  l.name = "pool " + pool_desc(p);
  l.H = p.in_height;
  l.W = p.in_width;
  l.C = p.channels;
  l.OH = p.out_height;
  l.OW = p.out_width;
  l.M = p.channels;
  l.stride_h = p.stride_h;
  l.pad_top = p.pad_top;
  l.run = [p](unsigned char *mem, const MemInfo &in, const MemInfo &out) {
    aidge_cpp::pooling_forward(mem, in, out, p);
  };
  l.ref = [p](const std::vector<float> &x) { return ref_pool(x, p); };
  return l;
}

void test_ring(const std::string &name, const std::vector<RingLayer> &layers) {
  // Protected margin of each layer (docs/memory.md), and the ring size.
  long ring = 0;
  for (const RingLayer &l : layers) {
    const long lin = l.W * l.C * 4, lout = l.OW * l.M * 4;
    long margin = 0;
    for (long oy = 0; oy < l.OH; ++oy) {
      const long freed = std::min(std::max(oy * l.stride_h - l.pad_top, 0L), l.H);
      margin = std::max(margin, (oy + 1) * lout - freed * lin);
    }
    ring = std::max(ring, std::max(l.H * lin + margin, l.OH * lout));
  }
  const long R0 = 32;
  Arena a(R0 + ring + 32);
  const std::vector<unsigned char> pattern(a.mem, a.mem + a.bytes);
  // The first input, plain at the start of the ring.
  const RingLayer &first = layers.front();
  long in_pos = 0, in_bytes = first.H * first.W * first.C * 4;
  MemInfo in{first.C * 4, first.C * 4, first.W, first.H, R0, in_bytes, R0, 0};
  std::vector<float> x = rand_vec(first.H * first.W * first.C);
  for (long i = 0; i < static_cast<long>(x.size()); ++i)
    *aidge_cpp::at<float>(a.mem, in, i) = x[static_cast<std::size_t>(i)];
  for (const RingLayer &l : layers) {
    const long out_bytes = l.OH * l.OW * l.M * 4;
    const long pos = (in_pos + in_bytes) % ring;
    const long cont = std::min(out_bytes, ring - pos);
    const MemInfo out{l.M * 4, l.M * 4, l.OW, l.OH, R0 + pos, cont, R0, out_bytes - cont};
    l.run(a.mem, in, out);
    const std::vector<float> want = l.ref(x);
    std::string why;
    bool ok = check_output(a, out, want, nullptr, why);
    for (long b = 0; ok && b < a.bytes; ++b)
      if ((b < R0 || b >= R0 + ring) && a.mem[b] != pattern[static_cast<std::size_t>(b)]) {
        ok = false;
        why = "byte " + std::to_string(b) + " outside the ring was written";
      }
    std::ostringstream d;
    d << name << ": " << l.name << " ring " << ring << " bytes, output at "
      << pos << (out.wrap_size ? " (wraps " + std::to_string(out.wrap_size) + " bytes)"
                               : std::string(""));
    record("ring", d.str(), ok, why);
    x = want;
    in = out;
    in_pos = pos;
    in_bytes = out_bytes;
  }
}

void test_rings() {
  using aidge_cpp::PoolKind;
  test_ring("chain A",
            {ring_conv(conv_params(1, 10, 10, 4, 8, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, kRelu), ConvKernel::generic),
             ring_conv(conv_params(1, 10, 10, 8, 16, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1, kNone), ConvKernel::generic),
             ring_pool(pool_params(PoolKind::max, false, 1, 5, 5, 16, 2, 2, 2, 2, 1, 1, 0, 0, 1, 1, true, kNone)),
             ring_conv(conv_params(1, 3, 3, 16, 4, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, kLeaky), ConvKernel::generic)});
  test_ring("chain B",
            {ring_conv(conv_params(1, 12, 9, 6, 6, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 6, kRelu), ConvKernel::depthwise),
             ring_pool(pool_params(PoolKind::avg, true, 1, 12, 9, 6, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, false, kNone)),
             ring_conv(conv_params(1, 12, 9, 6, 12, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, kNone), ConvKernel::generic),
             ring_conv(conv_params(1, 12, 9, 12, 12, 5, 3, 2, 1, 2, 1, 4, 1, 4, 1, 12, kClip), ConvKernel::depthwise)});
  test_ring("chain C (grows)",
            {ring_conv(conv_params(1, 8, 8, 2, 16, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, kNone), ConvKernel::generic),
             ring_pool(pool_params(PoolKind::avg, false, 1, 8, 8, 16, 2, 2, 2, 2, 1, 1, 0, 0, 0, 0, false, kRelu))});
  // The kernels on packed weights in rings: the blocked one sweeps a row
  // at a time there (its tiles of pixels would span rows).
  test_ring("chain D (packed)",
            {ring_conv(conv_params(1, 10, 17, 5, 20, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, kRelu), ConvKernel::blocked),
             ring_conv(conv_params(1, 10, 17, 20, 20, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 20, kNone), ConvKernel::depthwise_packed),
             ring_conv(conv_params(1, 10, 17, 20, 36, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1, kClip), ConvKernel::blocked),
             ring_conv(conv_params(1, 5, 9, 36, 8, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, kNone), ConvKernel::blocked)});
}

} // namespace

int main() {
  test_mem_info();
  test_convs();
  test_static_convs();
  test_conv_transposes();
  test_pools();
  test_fc();
  test_matmul();
  test_activations();
  test_elemwise();
  test_softmax();
  test_batchnorm();
  test_concat();
  test_transpose();
  test_reshape();
  test_pad();
  test_extras();
  test_resizes();
  test_rings();
  int failed = 0, passed = 0;
  for (const auto &s : stats) {
    std::printf("SUMMARY %s: %d passed, %d failed\n", s.first.c_str(), s.second.first,
                s.second.second);
    passed += s.second.first;
    failed += s.second.second;
  }
  std::printf("TOTAL: %d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
