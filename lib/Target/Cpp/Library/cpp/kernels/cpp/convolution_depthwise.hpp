// aidge-mlir cpp export library: depthwise 3-D, 2-D and 1-D convolution,
// channels last.
#ifndef AIDGE_CPP_KERNELS_CONVOLUTION_DEPTHWISE_HPP
#define AIDGE_CPP_KERNELS_CONVOLUTION_DEPTHWISE_HPP

#include "utils/cpp/activation_utils.hpp"
#include "utils/cpp/conv_params.hpp"
#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

namespace detail {
/// The depthwise convolution, its weight of output channel m at tap t
/// being weights[m * taps + t], or with TapsMajor weights[t * out_channels
/// + m] (consecutive over channels, so that the loops vectorise).
template <bool TapsMajor>
inline void depthwise(unsigned char *mem, const MemInfo &in,
                      const MemInfo &out, const ConvParams &p,
                      const float *weights, const float *bias) {
  const In<float> x(mem, in);
  const Out<float> y(mem, out);
  const long D = p.in_depth, H = p.in_height, W = p.in_width, C = p.in_channels;
  const long OD = p.out_depth, OH = p.out_height, OW = p.out_width;
  const long M = p.out_channels;
  const long KD = p.kernel_d, KH = p.kernel_h, KW = p.kernel_w;
  const long KK = KD * KH * KW;
  const long mult = M / C;
  float acc[kChunk];
  float xs[kChunk];
  float ys[kChunk];
  for (long nz = 0; nz < p.batch * OD; ++nz) {
    const long n = nz / OD, oz = nz % OD;
    const detail::WindowAxis az =
        detail::window_axis(oz, p.stride_d, p.pad_front, p.dilation_d, KD, D);
    for (long oy = 0; oy < OH; ++oy) {
      const detail::WindowAxis ay =
          detail::window_axis(oy, p.stride_h, p.pad_top, p.dilation_h, KH, H);
      for (long ox = 0; ox < OW; ++ox) {
        const detail::WindowAxis ax = detail::window_axis(
            ox, p.stride_w, p.pad_left, p.dilation_w, KW, W);
        const long obase = ((nz * OH + oy) * OW + ox) * M;
        for (long m0 = 0; m0 < M; m0 += kChunk) {
          const long nm = M - m0 < kChunk ? M - m0 : kChunk;
          for (long j = 0; j < nm; ++j)
            acc[j] = bias ? bias[m0 + j] : 0.0f;
          const long c0 = m0 / mult, nc = (m0 + nm - 1) / mult - c0 + 1;
          detail::for_each_tap(
              p, az, ay, ax, [&](long iz, long iy, long ix, long tap) {
                const float *xp = x.load(
                    (((n * D + iz) * H + iy) * W + ix) * C + c0, nc, xs);
                const long ws = TapsMajor ? 1 : KK;
                const float *wp =
                    TapsMajor ? weights + tap * M + m0 : weights + m0 * KK + tap;
                if (mult == 1) {
                  for (long j = 0; j < nm; ++j)
                    acc[j] += xp[j] * wp[j * ws];
                } else {
                  for (long j = 0; j < nm; ++j)
                    acc[j] += xp[(m0 + j) / mult - c0] * wp[j * ws];
                }
              });
          float *yp = y.store(obase + m0, nm, ys);
          activate_into(yp, acc, nm, p.act);
          y.flush(obase + m0, nm, yp, ys);
        }
      }
    }
  }
}
} // namespace detail

/// The convolution of convolution_forward (same ConvParams, same result)
/// when group == in_channels: weights
/// [out_channels][kernel_d][kernel_h][kernel_w][1],
/// output channel m reads input channel m / (out_channels / in_channels)
/// (a channel multiplier is allowed). Vectorised over channels: each output
/// pixel is accumulated a chunk of channels at a time. Output rows are
/// produced in increasing (n, oz, oy) order.
inline void convolution_depthwise_forward(unsigned char *mem,
                                          const MemInfo &in,
                                          const MemInfo &out,
                                          const ConvParams &p,
                                          const float *weights,
                                          const float *bias) {
  detail::depthwise<false>(mem, in, out, p, weights, bias);
}

/// The same on weights packed at export time taps first,
/// [kernel_d][kernel_h][kernel_w][out_channels], so that a tap's weights
/// are consecutive over the channels.
inline void convolution_depthwise_packed_forward(unsigned char *mem,
                                                 const MemInfo &in,
                                                 const MemInfo &out,
                                                 const ConvParams &p,
                                                 const float *weights,
                                                 const float *bias) {
  detail::depthwise<true>(mem, in, out, p, weights, bias);
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_CONVOLUTION_DEPTHWISE_HPP
