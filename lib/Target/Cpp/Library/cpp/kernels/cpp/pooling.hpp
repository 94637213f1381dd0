// aidge-mlir cpp export library: max/average pooling and global pooling,
// channels last.
#ifndef AIDGE_CPP_KERNELS_POOLING_HPP
#define AIDGE_CPP_KERNELS_POOLING_HPP

#include <limits>

#include "utils/cpp/activation_utils.hpp"
#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

enum class PoolKind { max, avg };

/// Field order: {kind, count_include_pad, batch, in_depth, in_height,
/// in_width, channels, out_depth, out_height, out_width, kernel_d, stride_d,
/// dilation_d, pad_front, pad_back, kernel_h, kernel_w, stride_h, stride_w,
/// dilation_h, dilation_w, pad_top, pad_left, pad_bottom, pad_right, act,
/// column_major}. column_major only orders max_pooling_indices_forward's
/// indices. ceil_mode is expressed by the output dims (and end pads). 2-D (NHWC):
/// depths, kernel_d, stride_d and dilation_d 1, pad_front = pad_back = 0;
/// 1-D (NWC): also the same for heights.
struct PoolParams {
  PoolKind kind;
  bool count_include_pad;
  int batch;
  int in_depth;
  int in_height;
  int in_width;
  int channels;
  int out_depth;
  int out_height;
  int out_width;
  int kernel_d;
  int stride_d;
  int dilation_d;
  int pad_front;
  int pad_back;
  int kernel_h;
  int kernel_w;
  int stride_h;
  int stride_w;
  int dilation_h;
  int dilation_w;
  int pad_top;
  int pad_left;
  int pad_bottom;
  int pad_right;
  ActivationParams act;
  bool column_major;
};

namespace detail {
/// One axis of a pooling window at output position `o`: the window axis
/// (taps inside the input) and the taps [pk0, pk1) inside the padded input
/// (for count_include_pad).
struct PoolAxis : WindowAxis {
  long pk0, pk1;
};

inline PoolAxis pool_axis(long o, long stride, long pad_begin, long pad_end,
                          long dilation, long kernel, long size) {
  PoolAxis a;
  static_cast<WindowAxis &>(a) =
      window_axis(o, stride, pad_begin, dilation, kernel, size);
  window_range(a.i0 + pad_begin, dilation, kernel, size + pad_begin + pad_end,
               a.pk0, a.pk1);
  return a;
}

/// Folds `nc` channels of one input cell into the running max or sum.
inline void pool_accumulate(float *acc, const float *xp, long nc, bool is_max) {
  if (is_max) {
    for (long j = 0; j < nc; ++j)
      acc[j] = xp[j] > acc[j] ? xp[j] : acc[j];
  } else {
    for (long j = 0; j < nc; ++j)
      acc[j] += xp[j];
  }
}
/// Calls f(n, az, ay, ax, obase) for every output cell in increasing
/// (n, oz, oy, ox) order: the cell's window axes and the flat index of its
/// first channel in the NDHWC output.
template <typename F> inline void for_each_pool_cell(const PoolParams &p, F f) {
  const long OD = p.out_depth, OH = p.out_height, OW = p.out_width;
  for (long n = 0; n < p.batch; ++n)
    for (long oz = 0; oz < OD; ++oz) {
      const PoolAxis az = pool_axis(oz, p.stride_d, p.pad_front, p.pad_back,
                                    p.dilation_d, p.kernel_d, p.in_depth);
      for (long oy = 0; oy < OH; ++oy) {
        const PoolAxis ay = pool_axis(oy, p.stride_h, p.pad_top, p.pad_bottom,
                                      p.dilation_h, p.kernel_h, p.in_height);
        for (long ox = 0; ox < OW; ++ox)
          f(n, az, ay,
            pool_axis(ox, p.stride_w, p.pad_left, p.pad_right, p.dilation_w,
                      p.kernel_w, p.in_width),
            (((n * OD + oz) * OH + oy) * OW + ox) * p.channels);
      }
    }
}
} // namespace detail

/// Pooling of an NDHWC input [N][D][H][W][C] into
/// [N][out_depth][out_height][out_width][C]; then `act`. The window of
/// (oz, oy, ox) has the cells (oz*stride_d - pad_front + kz*dilation_d,
/// oy*stride_h - pad_top + ky*dilation_h, ox*stride_w - pad_left +
/// kx*dilation_w), clipped to the input. max: the largest of them (-inf for
/// an empty window). avg: their sum divided by their number, or, with
/// count_include_pad, by the number of window cells inside the padded input
/// [-pad_front, D + pad_back) x [-pad_top, H + pad_bottom) x
/// [-pad_left, W + pad_right) (0 if that is 0). Output rows are produced in
/// increasing (n, oz, oy) order.
inline void pooling_forward(unsigned char *mem, const MemInfo &in,
                            const MemInfo &out, const PoolParams &p) {
  const In<float> x(mem, in);
  const Out<float> y(mem, out);
  const long D = p.in_depth, H = p.in_height, W = p.in_width, C = p.channels;
  const bool is_max = p.kind == PoolKind::max;
  float acc[kChunk];
  float xs[kChunk];
  float ys[kChunk];
  detail::for_each_pool_cell(p, [&](long n, const detail::PoolAxis &az,
                                    const detail::PoolAxis &ay,
                                    const detail::PoolAxis &ax, long obase) {
    const long cells =
        p.count_include_pad
            ? (az.pk1 - az.pk0) * (ay.pk1 - ay.pk0) * (ax.pk1 - ax.pk0)
            : (az.k1 - az.k0) * (ay.k1 - ay.k0) * (ax.k1 - ax.k0);
    for (long c0 = 0; c0 < C; c0 += kChunk) {
      const long nc = C - c0 < kChunk ? C - c0 : kChunk;
      const float init = is_max ? -std::numeric_limits<float>::infinity() : 0.0f;
      for (long j = 0; j < nc; ++j)
        acc[j] = init;
      detail::for_each_tap(p, az, ay, ax, [&](long iz, long iy, long ix, long) {
        const float *xp =
            x.load((((n * D + iz) * H + iy) * W + ix) * C + c0, nc, xs);
        detail::pool_accumulate(acc, xp, nc, is_max);
      });
      float *yp = y.store(obase + c0, nc, ys);
      if (is_max) {
        for (long j = 0; j < nc; ++j)
          yp[j] = activate(acc[j], p.act);
      } else {
        const float d = static_cast<float>(cells);
        for (long j = 0; j < nc; ++j)
          yp[j] = activate(cells > 0 ? acc[j] / d : 0.0f, p.act);
      }
      y.flush(obase + c0, nc, yp, ys);
    }
  });
}

/// max pooling_forward that also writes ONNX MaxPool's Indices: per output
/// cell and channel, the position of its first maximum in the input
/// flattened as [N][C][D][H][W] (channels first, whatever the layout here),
/// row major, or with column_major as [N][C][W][H][D]. An empty window has
/// index 0.
template <typename Index>
inline void max_pooling_indices_forward(unsigned char *mem, const MemInfo &in,
                                        const MemInfo &out,
                                        const MemInfo &indices,
                                        const PoolParams &p) {
  const In<float> x(mem, in);
  const Out<float> y(mem, out);
  const Out<Index> z(mem, indices);
  const long D = p.in_depth, H = p.in_height, W = p.in_width, C = p.channels;
  float acc[kChunk];
  Index arg[kChunk];
  float xs[kChunk];
  float ys[kChunk];
  Index zs[kChunk];
  detail::for_each_pool_cell(p, [&](long n, const detail::PoolAxis &az,
                                    const detail::PoolAxis &ay,
                                    const detail::PoolAxis &ax, long obase) {
    for (long c0 = 0; c0 < C; c0 += kChunk) {
      const long nc = C - c0 < kChunk ? C - c0 : kChunk;
      for (long j = 0; j < nc; ++j) {
        acc[j] = -std::numeric_limits<float>::infinity();
        arg[j] = 0;
      }
      bool first = true;
      detail::for_each_tap(p, az, ay, ax, [&](long iz, long iy, long ix, long) {
        const float *xp =
            x.load((((n * D + iz) * H + iy) * W + ix) * C + c0, nc, xs);
        const long spatial = p.column_major ? (ix * H + iy) * D + iz
                                            : (iz * H + iy) * W + ix;
        for (long j = 0; j < nc; ++j)
          if (first || xp[j] > acc[j]) {
            acc[j] = xp[j];
            arg[j] = static_cast<Index>((n * C + c0 + j) * D * H * W + spatial);
          }
        first = false;
      });
      float *yp = y.store(obase + c0, nc, ys);
      Index *zp = z.store(obase + c0, nc, zs);
      for (long j = 0; j < nc; ++j) {
        yp[j] = activate(acc[j], p.act);
        zp[j] = arg[j];
      }
      y.flush(obase + c0, nc, yp, ys);
      z.flush(obase + c0, nc, zp, zs);
    }
  });
}

/// Field order: {kind, batch, height, width, channels, act}. 1-D: height 1.
struct GlobalPoolParams {
  PoolKind kind;
  int batch;
  int height;
  int width;
  int channels;
  ActivationParams act;
};

/// Global pooling of an NHWC input [N][H][W][C] into [N][C] (= [N][1][1][C]):
/// the max, or the sum divided by H*W, of each channel over H and W; then
/// `act`.
inline void global_pooling_forward(unsigned char *mem, const MemInfo &in,
                                   const MemInfo &out,
                                   const GlobalPoolParams &p) {
  const In<float> x(mem, in);
  const Out<float> y(mem, out);
  const long HW = static_cast<long>(p.height) * p.width, C = p.channels;
  const bool is_max = p.kind == PoolKind::max;
  float acc[kChunk];
  float xs[kChunk];
  float ys[kChunk];
  for (long n = 0; n < p.batch; ++n) {
    for (long c0 = 0; c0 < C; c0 += kChunk) {
      const long nc = C - c0 < kChunk ? C - c0 : kChunk;
      const float init = is_max ? -std::numeric_limits<float>::infinity() : 0.0f;
      for (long j = 0; j < nc; ++j)
        acc[j] = init;
      for (long s = 0; s < HW; ++s) {
        const float *xp = x.load((n * HW + s) * C + c0, nc, xs);
        detail::pool_accumulate(acc, xp, nc, is_max);
      }
      float *yp = y.store(n * C + c0, nc, ys);
      const float d = static_cast<float>(HW);
      for (long j = 0; j < nc; ++j)
        yp[j] = activate(is_max ? acc[j] : acc[j] / d, p.act);
      y.flush(n * C + c0, nc, yp, ys);
    }
  }
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_POOLING_HPP
