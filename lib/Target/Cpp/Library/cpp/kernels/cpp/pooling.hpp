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

/// Field order: {kind, count_include_pad, batch, in_height, in_width,
/// channels, out_height, out_width, kernel_h, kernel_w, stride_h, stride_w,
/// dilation_h, dilation_w, pad_top, pad_left, pad_bottom, pad_right, act}.
/// ceil_mode is expressed by the output dims (and end pads). 1-D (NWC):
/// heights, kernel_h, stride_h and dilation_h 1, pad_top = pad_bottom = 0.
struct PoolParams {
  PoolKind kind;
  bool count_include_pad;
  int batch;
  int in_height;
  int in_width;
  int channels;
  int out_height;
  int out_width;
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
};

/// Pooling of an NHWC input [N][H][W][C] into [N][out_height][out_width][C];
/// then `act`. The window of (oy, ox) has the cells
/// (oy*stride_h - pad_top + ky*dilation_h, ox*stride_w - pad_left +
/// kx*dilation_w), clipped to the input. max: the largest of them (-inf for
/// an empty window). avg: their sum divided by their number, or, with
/// count_include_pad, by the number of window cells inside the padded input
/// [-pad_top, H + pad_bottom) x [-pad_left, W + pad_right) (0 if that is 0).
/// Output rows are produced in increasing (n, oy) order.
inline void pooling_forward(unsigned char *mem, const MemInfo &in,
                            const MemInfo &out, const PoolParams &p) {
  const In<float> x(mem, in);
  const Out<float> y(mem, out);
  const long H = p.in_height, W = p.in_width, C = p.channels;
  const long OH = p.out_height, OW = p.out_width;
  const long KH = p.kernel_h, KW = p.kernel_w;
  const bool is_max = p.kind == PoolKind::max;
  float acc[kChunk];
  float xs[kChunk];
  float ys[kChunk];
  for (long n = 0; n < p.batch; ++n) {
    for (long oy = 0; oy < OH; ++oy) {
      const long iy0 = oy * p.stride_h - p.pad_top;
      long ky0, ky1, pky0, pky1;
      detail::window_range(iy0, p.dilation_h, KH, H, ky0, ky1);
      detail::window_range(iy0 + p.pad_top, p.dilation_h, KH,
                           H + p.pad_top + p.pad_bottom, pky0, pky1);
      for (long ox = 0; ox < OW; ++ox) {
        const long ix0 = ox * p.stride_w - p.pad_left;
        long kx0, kx1, pkx0, pkx1;
        detail::window_range(ix0, p.dilation_w, KW, W, kx0, kx1);
        detail::window_range(ix0 + p.pad_left, p.dilation_w, KW,
                             W + p.pad_left + p.pad_right, pkx0, pkx1);
        const long cells = p.count_include_pad
                               ? (pky1 - pky0) * (pkx1 - pkx0)
                               : (ky1 - ky0) * (kx1 - kx0);
        const long obase = ((n * OH + oy) * OW + ox) * C;
        for (long c0 = 0; c0 < C; c0 += kChunk) {
          const long nc = C - c0 < kChunk ? C - c0 : kChunk;
          const float init =
              is_max ? -std::numeric_limits<float>::infinity() : 0.0f;
          for (long j = 0; j < nc; ++j)
            acc[j] = init;
          for (long ky = ky0; ky < ky1; ++ky) {
            const long iy = iy0 + ky * p.dilation_h;
            for (long kx = kx0; kx < kx1; ++kx) {
              const long ix = ix0 + kx * p.dilation_w;
              const float *xp = x.load(((n * H + iy) * W + ix) * C + c0, nc, xs);
              if (is_max) {
                for (long j = 0; j < nc; ++j)
                  acc[j] = xp[j] > acc[j] ? xp[j] : acc[j];
              } else {
                for (long j = 0; j < nc; ++j)
                  acc[j] += xp[j];
              }
            }
          }
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
      }
    }
  }
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
        if (is_max) {
          for (long j = 0; j < nc; ++j)
            acc[j] = xp[j] > acc[j] ? xp[j] : acc[j];
        } else {
          for (long j = 0; j < nc; ++j)
            acc[j] += xp[j];
        }
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
