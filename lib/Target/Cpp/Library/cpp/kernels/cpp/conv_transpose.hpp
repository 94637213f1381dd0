// aidge-mlir cpp export library: 2-D (and 1-D, with height 1) transposed
// convolution, channels last.
#ifndef AIDGE_CPP_KERNELS_CONV_TRANSPOSE_HPP
#define AIDGE_CPP_KERNELS_CONV_TRANSPOSE_HPP

#include "utils/cpp/activation_utils.hpp"
#include "utils/cpp/conv_params.hpp"
#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

/// Transposed convolution (ONNX ConvTranspose) of an NHWC input [N][H][W][C]
/// with weights [in_channels][kernel_h][kernel_w][out_channels / group] and
/// an optional bias [out_channels] (null for none) into an NHWC output
/// [N][out_height][out_width][out_channels]; then `act`. Input cell
/// (iy, ix) spreads over output cells (iy*stride_h - pad_top +
/// ky*dilation_h, ix*stride_w - pad_left + kx*dilation_w); the output is
/// computed as the sum of what reaches each cell:
/// out[n][oy][ox][m] = bias[m] + sum over (ky, kx, c) with
///   iy = (oy + pad_top - ky*dilation_h) / stride_h and
///   ix = (ox + pad_left - kx*dilation_w) / stride_w exact and in the input
///   of in[n][iy][ix][g*C/group + c] * w[g*C/group + c][ky][kx][m - g*M/group],
///   g = m / (out_channels / group).
/// The output dims carry the end pads and output_padding (pad_bottom and
/// pad_right are not read). Output rows are produced in increasing (n, oy)
/// order, each element written once.
inline void conv_transpose_forward(unsigned char *mem, const MemInfo &in,
                                   const MemInfo &out, const ConvParams &p,
                                   const float *weights, const float *bias) {
  const In<float> x(mem, in);
  const Out<float> y(mem, out);
  const long H = p.in_height, W = p.in_width, C = p.in_channels;
  const long OH = p.out_height, OW = p.out_width, M = p.out_channels;
  const long KH = p.kernel_h, KW = p.kernel_w;
  const long cin = C / p.group, cout = M / p.group;
  float acc[kChunk], xs[kChunk], ys[kChunk];
  for (long n = 0; n < p.batch; ++n) {
    for (long oy = 0; oy < OH; ++oy) {
      for (long ox = 0; ox < OW; ++ox) {
        const long obase = ((n * OH + oy) * OW + ox) * M;
        for (long g = 0; g < p.group; ++g) {
          for (long m0 = 0; m0 < cout; m0 += kChunk) {
            const long nm = cout - m0 < kChunk ? cout - m0 : kChunk;
            for (long j = 0; j < nm; ++j)
              acc[j] = bias ? bias[g * cout + m0 + j] : 0.0f;
            for (long ky = 0; ky < KH; ++ky) {
              const long sy = oy + p.pad_top - ky * p.dilation_h;
              if (sy < 0 || sy % p.stride_h != 0 || sy / p.stride_h >= H)
                continue;
              const long iy = sy / p.stride_h;
              for (long kx = 0; kx < KW; ++kx) {
                const long sx = ox + p.pad_left - kx * p.dilation_w;
                if (sx < 0 || sx % p.stride_w != 0 || sx / p.stride_w >= W)
                  continue;
                const long ix = sx / p.stride_w;
                const long ibase = ((n * H + iy) * W + ix) * C + g * cin;
                for (long c0 = 0; c0 < cin; c0 += kChunk) {
                  const long nc = cin - c0 < kChunk ? cin - c0 : kChunk;
                  const float *xp = x.load(ibase + c0, nc, xs);
                  for (long c = 0; c < nc; ++c) {
                    const float v = xp[c];
                    const float *wp =
                        weights +
                        (((g * cin + c0 + c) * KH + ky) * KW + kx) * cout + m0;
                    for (long j = 0; j < nm; ++j)
                      acc[j] += v * wp[j];
                  }
                }
              }
            }
            const long o = obase + g * cout + m0;
            float *yp = y.store(o, nm, ys);
            for (long j = 0; j < nm; ++j)
              yp[j] = activate(acc[j], p.act);
            y.flush(o, nm, yp, ys);
          }
        }
      }
    }
  }
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_CONV_TRANSPOSE_HPP
