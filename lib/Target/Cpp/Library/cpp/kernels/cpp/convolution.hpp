// aidge-mlir cpp export library: 3-D, 2-D (depth 1) and 1-D (also height 1)
// convolution, channels last.
#ifndef AIDGE_CPP_KERNELS_CONVOLUTION_HPP
#define AIDGE_CPP_KERNELS_CONVOLUTION_HPP

#include "utils/cpp/activation_utils.hpp"
#include "utils/cpp/conv_params.hpp"
#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

/// Convolution of an NDHWC input [N][D][H][W][C] (NHWC: D = 1) with weights
/// [out_channels][kernel_d][kernel_h][kernel_w][in_channels / group] and an
/// optional bias [out_channels] (null for none) into an NDHWC output
/// [N][out_depth][out_height][out_width][out_channels]; then `act`.
/// out[n][oz][oy][ox][m] = bias[m] + sum over (kz, ky, kx, c) of
///   in[n][oz*stride_d - pad_front + kz*dilation_d]
///     [oy*stride_h - pad_top + ky*dilation_h]
///     [ox*stride_w - pad_left + kx*dilation_w][g*C/group + c]
///   * w[m][kz][ky][kx][c],  g = m / (out_channels / group),
/// cells outside the input being zero (windows are clipped, nothing is
/// padded). Output rows are produced in increasing (n, oz, oy) order, so the
/// output may wrap over input rows already consumed.
inline void convolution_forward(unsigned char *mem, const MemInfo &in,
                                const MemInfo &out, const ConvParams &p,
                                const float *weights, const float *bias) {
  const In<float> x(mem, in);
  const Out<float> y(mem, out);
  const long D = p.in_depth, H = p.in_height, W = p.in_width, C = p.in_channels;
  const long OD = p.out_depth, OH = p.out_height, OW = p.out_width;
  const long M = p.out_channels;
  const long KD = p.kernel_d, KH = p.kernel_h, KW = p.kernel_w;
  const long cin = C / p.group, cout = M / p.group;
  float scratch[kChunk];
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
          float *yp = y.store(obase + m0, nm, scratch);
          for (long j = 0; j < nm; ++j) {
            const long m = m0 + j;
            const long c0 = (m / cout) * cin;
            const float *wm = weights + m * KD * KH * KW * cin;
            float acc = bias ? bias[m] : 0.0f;
            detail::for_each_tap(
                p, az, ay, ax, [&](long iz, long iy, long ix, long tap) {
                  acc = detail::dot_in(
                      x, (((n * D + iz) * H + iy) * W + ix) * C + c0,
                      wm + tap * cin, cin, acc);
                });
            yp[j] = activate(acc, p.act);
          }
          y.flush(obase + m0, nm, yp, scratch);
        }
      }
    }
  }
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_CONVOLUTION_HPP
