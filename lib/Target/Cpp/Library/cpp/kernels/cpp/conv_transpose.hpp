// aidge-mlir cpp export library: 3-D, 2-D (depth 1) and 1-D (also height 1)
// transposed convolution, channels last.
#ifndef AIDGE_CPP_KERNELS_CONV_TRANSPOSE_HPP
#define AIDGE_CPP_KERNELS_CONV_TRANSPOSE_HPP

#include "utils/cpp/activation_utils.hpp"
#include "utils/cpp/conv_params.hpp"
#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

namespace detail {
/// Along one axis, the input index whose kernel tap `k` reaches output
/// index `o` (o = i*stride - pad + k*dilation), or -1 when none does.
inline long transposed_source(long o, long pad, long k, long dilation,
                              long stride, long size) {
  const long s = o + pad - k * dilation;
  if (s < 0 || s % stride != 0 || s / stride >= size)
    return -1;
  return s / stride;
}
} // namespace detail

/// Transposed convolution (ONNX ConvTranspose) of an NDHWC input
/// [N][D][H][W][C] (NHWC: D = 1) with weights
/// [in_channels][kernel_d][kernel_h][kernel_w][out_channels / group] and an
/// optional bias [out_channels] (null for none) into an NDHWC output
/// [N][out_depth][out_height][out_width][out_channels]; then `act`. Input
/// cell (iz, iy, ix) spreads over output cells (iz*stride_d - pad_front +
/// kz*dilation_d, iy*stride_h - pad_top + ky*dilation_h, ix*stride_w -
/// pad_left + kx*dilation_w); the output is computed as the sum of what
/// reaches each cell:
/// out[n][oz][oy][ox][m] = bias[m] + sum over (kz, ky, kx, c) with
///   iz = (oz + pad_front - kz*dilation_d) / stride_d,
///   iy = (oy + pad_top - ky*dilation_h) / stride_h and
///   ix = (ox + pad_left - kx*dilation_w) / stride_w exact and in the input
///   of in[n][iz][iy][ix][g*C/group + c]
///     * w[g*C/group + c][kz][ky][kx][m - g*M/group],
///   g = m / (out_channels / group).
/// The output dims carry the end pads and output_padding (pad_back,
/// pad_bottom and pad_right are not read). Output rows are produced in
/// increasing (n, oz, oy) order, each element written once.
inline void conv_transpose_forward(unsigned char *mem, const MemInfo &in,
                                   const MemInfo &out, const ConvParams &p,
                                   const float *weights, const float *bias) {
  const In<float> x(mem, in);
  const Out<float> y(mem, out);
  const long D = p.in_depth, H = p.in_height, W = p.in_width, C = p.in_channels;
  const long OD = p.out_depth, OH = p.out_height, OW = p.out_width;
  const long M = p.out_channels;
  const long KD = p.kernel_d, KH = p.kernel_h, KW = p.kernel_w;
  const long cin = C / p.group, cout = M / p.group;
  float acc[kChunk], xs[kChunk], ys[kChunk];
  for (long nz = 0; nz < p.batch * OD; ++nz) {
    const long n = nz / OD, oz = nz % OD;
    for (long oy = 0; oy < OH; ++oy) {
      for (long ox = 0; ox < OW; ++ox) {
        const long obase = ((nz * OH + oy) * OW + ox) * M;
        for (long g = 0; g < p.group; ++g) {
          for (long m0 = 0; m0 < cout; m0 += kChunk) {
            const long nm = cout - m0 < kChunk ? cout - m0 : kChunk;
            for (long j = 0; j < nm; ++j)
              acc[j] = bias ? bias[g * cout + m0 + j] : 0.0f;
            for (long kz = 0; kz < KD; ++kz) {
              const long iz = detail::transposed_source(
                  oz, p.pad_front, kz, p.dilation_d, p.stride_d, D);
              if (iz < 0)
                continue;
              for (long ky = 0; ky < KH; ++ky) {
                const long iy = detail::transposed_source(
                    oy, p.pad_top, ky, p.dilation_h, p.stride_h, H);
                if (iy < 0)
                  continue;
                for (long kx = 0; kx < KW; ++kx) {
                  const long ix = detail::transposed_source(
                      ox, p.pad_left, kx, p.dilation_w, p.stride_w, W);
                  if (ix < 0)
                    continue;
                  const long ibase =
                      (((n * D + iz) * H + iy) * W + ix) * C + g * cin;
                  for (long c0 = 0; c0 < cin; c0 += kChunk) {
                    const long nc = cin - c0 < kChunk ? cin - c0 : kChunk;
                    const float *xp = x.load(ibase + c0, nc, xs);
                    for (long c = 0; c < nc; ++c) {
                      const float v = xp[c];
                      const float *wp =
                          weights +
                          ((((g * cin + c0 + c) * KD + kz) * KH + ky) * KW +
                           kx) * cout +
                          m0;
                      for (long j = 0; j < nm; ++j)
                        acc[j] += v * wp[j];
                    }
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
