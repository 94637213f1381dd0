// aidge-mlir cpp export library: depthwise 3-D, 2-D and 1-D convolution,
// channels last.
#ifndef AIDGE_CPP_KERNELS_CONVOLUTION_DEPTHWISE_HPP
#define AIDGE_CPP_KERNELS_CONVOLUTION_DEPTHWISE_HPP

#include <cstring>

#include "utils/cpp/activation_utils.hpp"
#include "utils/cpp/conv_params.hpp"
#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

namespace detail {
/// Output pixel (n * out_depth + oz, oy, ox) of the depthwise convolution,
/// its output channels [m_begin, out_channels), the weight of output
/// channel m at tap t being weights[m * taps + t], or with TapsMajor
/// weights[t * out_channels + m] (consecutive over channels, so that the
/// loops vectorise). Any layout, padding and channel multiplier.
template <bool TapsMajor>
inline void depthwise_pixel(const In<float> &x, const Out<float> &y,
                            const ConvParams &p, const float *weights,
                            const float *bias, long nz, long oy, long ox,
                            long m_begin) {
  const long D = p.in_depth, H = p.in_height, W = p.in_width, C = p.in_channels;
  const long OD = p.out_depth, OH = p.out_height, OW = p.out_width;
  const long M = p.out_channels;
  const long KK = static_cast<long>(p.kernel_d) * p.kernel_h * p.kernel_w;
  const long mult = M / C;
  const long n = nz / OD, oz = nz % OD;
  const WindowAxis az = window_axis(oz, p.stride_d, p.pad_front, p.dilation_d,
                                    p.kernel_d, D);
  const WindowAxis ay =
      window_axis(oy, p.stride_h, p.pad_top, p.dilation_h, p.kernel_h, H);
  const WindowAxis ax =
      window_axis(ox, p.stride_w, p.pad_left, p.dilation_w, p.kernel_w, W);
  const long obase = ((nz * OH + oy) * OW + ox) * M;
  float acc[kChunk];
  float xs[kChunk];
  float ys[kChunk];
  for (long m0 = m_begin; m0 < M; m0 += kChunk) {
    const long nm = M - m0 < kChunk ? M - m0 : kChunk;
    for (long j = 0; j < nm; ++j)
      acc[j] = bias ? bias[m0 + j] : 0.0f;
    const long c0 = m0 / mult, nc = (m0 + nm - 1) / mult - c0 + 1;
    for_each_tap(p, az, ay, ax, [&](long iz, long iy, long ix, long tap) {
      const float *xp =
          x.load((((n * D + iz) * H + iy) * W + ix) * C + c0, nc, xs);
      const long ws = TapsMajor ? 1 : KK;
      const float *wp = TapsMajor ? weights + tap * M + m0 : weights + m0 * KK + tap;
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

/// Every output pixel through depthwise_pixel, in increasing
/// (n, oz, oy, ox) order.
template <bool TapsMajor>
inline void depthwise(const In<float> &x, const Out<float> &y,
                      const ConvParams &p, const float *weights,
                      const float *bias) {
  for (long nz = 0; nz < p.batch * p.out_depth; ++nz)
    for (long oy = 0; oy < p.out_height; ++oy)
      for (long ox = 0; ox < p.out_width; ++ox)
        depthwise_pixel<TapsMajor>(x, y, p, weights, bias, nz, oy, ox, 0);
}

/// Channels of one accumulator vector of the register-blocked kernel:
/// 256 bits, so that mobilenet's narrowest layers (8 channels) fill one.
constexpr int kDwLanes = 8;
#if defined(__GNUC__)
typedef float DwVec __attribute__((vector_size(kDwLanes * sizeof(float))));
#else
struct DwVec {
  float v[kDwLanes];
  DwVec &operator+=(const DwVec &o) {
    for (int j = 0; j < kDwLanes; ++j)
      v[j] += o.v[j];
    return *this;
  }
  friend DwVec operator*(const DwVec &a, const DwVec &b) {
    DwVec r;
    for (int j = 0; j < kDwLanes; ++j)
      r.v[j] = a.v[j] * b.v[j];
    return r;
  }
};
#endif

/// Output pixels of one row a tile accumulates: PX x 2 vectors of
/// accumulators plus 2 of weights fit the vector registers (32 with
/// AVX-512, 16 with AVX2).
#if defined(__AVX512F__)
constexpr int kDwPixels = 8;
#else
constexpr int kDwPixels = 4;
#endif

/// The fixed operands of one output row of the register-blocked depthwise
/// convolution on a plain input: its tap rows (az, ay) and output row.
struct DwRow {
  const float *x;
  const Out<float> &y;
  const ConvParams &p;
  const float *w;
  const float *bias;
  long n, obase;
  WindowAxis az, ay;
};

/// Output pixels [ox0, ox0 + PX) of the row, channels [c0, c0 + NV *
/// kDwLanes), every tap of whose windows lies inside the input along the
/// width (the rows outside are cut by az and ay): no bounds check, the
/// accumulators stay in registers over all taps, which are summed in
/// (kz, ky, kx) order after the bias, as in depthwise_pixel.
template <typename PS, int PX, int NV>
inline void dw_tile(const DwRow &r, long ox0, long c0) {
  const ConvParams &p = PS::get(r.p);
  const long H = p.in_height, W = p.in_width, C = p.in_channels;
  const long KH = p.kernel_h, KW = p.kernel_w;
  const long xstep = p.stride_w * C, kstep = p.dilation_w * C;
  DwVec acc[PX][NV];
  for (int b = 0; b < NV; ++b) {
    DwVec init = {};
    if (r.bias)
      std::memcpy(&init, r.bias + c0 + b * kDwLanes, sizeof(DwVec));
    for (int q = 0; q < PX; ++q)
      acc[q][b] = init;
  }
  for (long kz = r.az.k0; kz < r.az.k1; ++kz) {
    const long iz = r.az.i0 + kz * p.dilation_d;
    for (long ky = r.ay.k0; ky < r.ay.k1; ++ky) {
      const long iy = r.ay.i0 + ky * p.dilation_h;
      const float *row = r.x + ((r.n * p.in_depth + iz) * H + iy) * W * C +
                         (ox0 * p.stride_w - p.pad_left) * C + c0;
      const float *wrow = r.w + (kz * KH + ky) * KW * p.out_channels + c0;
      for (long kx = 0; kx < KW; ++kx) {
        DwVec wv[NV];
        for (int b = 0; b < NV; ++b)
          std::memcpy(&wv[b], wrow + kx * p.out_channels + b * kDwLanes,
                      sizeof(DwVec));
        const float *xk = row + kx * kstep;
        for (int q = 0; q < PX; ++q)
          for (int b = 0; b < NV; ++b) {
            DwVec xv;
            std::memcpy(&xv, xk + q * xstep + b * kDwLanes, sizeof(DwVec));
            acc[q][b] += xv * wv[b];
          }
      }
    }
  }
  float ys[NV * kDwLanes];
  for (int q = 0; q < PX; ++q) {
    const long o = r.obase + (ox0 + q) * p.out_channels + c0;
    for (int b = 0; b < NV; ++b)
      activate_vector(acc[q][b], p.act);
    float *yp = r.y.store(o, NV * kDwLanes, ys);
    std::memcpy(yp, acc[q], sizeof(acc[q]));
    r.y.flush(o, NV * kDwLanes, yp, ys);
  }
}

/// Output pixels [ox0, ox1) of the row, channels [c0, c0 + NV * kDwLanes):
/// tiles of kDwPixels, the rest in tiles of 4, 2 and 1.
template <typename PS, int NV>
inline void dw_tiles(const DwRow &r, long ox0, long ox1, long c0) {
  long q = ox0;
  for (; q + kDwPixels <= ox1; q += kDwPixels)
    dw_tile<PS, kDwPixels, NV>(r, q, c0);
  if (kDwPixels > 4 && ox1 - q >= 4) {
    dw_tile<PS, 4, NV>(r, q, c0);
    q += 4;
  }
  if (ox1 - q >= 2) {
    dw_tile<PS, 2, NV>(r, q, c0);
    q += 2;
  }
  if (ox1 > q)
    dw_tile<PS, 1, NV>(r, q, c0);
}

/// [begin, end) of the output columns whose windows lie inside the input
/// along the width: the interior, where dw_tile needs no bounds check.
inline void dw_interior(const ConvParams &p, long &begin, long &end) {
  const long S = p.stride_w, OW = p.out_width;
  const long last = p.in_width - 1 + p.pad_left -
                    (static_cast<long>(p.kernel_w) - 1) * p.dilation_w;
  begin = (p.pad_left + S - 1) / S;
  end = last < 0 ? 0 : last / S + 1;
  begin = begin < OW ? begin : OW;
  end = end < OW ? end : OW;
  end = end > begin ? end : begin;
}

/// The packed depthwise convolution: on a plain input without channel
/// multiplier, row by row, the border columns and the channels past the
/// last whole vector pixel by pixel, the interior in register tiles;
/// otherwise every pixel through depthwise_pixel.
template <typename PS>
inline void depthwise_packed(const In<float> &x, const Out<float> &y,
                             const ConvParams &args, const float *weights,
                             const float *bias) {
  const ConvParams &p = PS::get(args);
  const long M = p.out_channels;
  if (!x.plain() || M != p.in_channels)
    return depthwise<true>(x, y, p, weights, bias);
  long ox_begin, ox_end;
  dw_interior(p, ox_begin, ox_end);
  const long whole = M / kDwLanes * kDwLanes;
  for (long nz = 0; nz < p.batch * p.out_depth; ++nz)
    for (long oy = 0; oy < p.out_height; ++oy) {
      const long oz = nz % p.out_depth;
      const DwRow r{x.plain(),
                    y,
                    p,
                    weights,
                    bias,
                    nz / p.out_depth,
                    (nz * p.out_height + oy) * p.out_width * M,
                    window_axis(oz, p.stride_d, p.pad_front, p.dilation_d,
                                p.kernel_d, p.in_depth),
                    window_axis(oy, p.stride_h, p.pad_top, p.dilation_h,
                                p.kernel_h, p.in_height)};
      for (long ox = 0; ox < ox_begin; ++ox)
        depthwise_pixel<true>(x, y, p, weights, bias, nz, oy, ox, 0);
      long c0 = 0;
      for (; c0 + 2 * kDwLanes <= whole; c0 += 2 * kDwLanes)
        dw_tiles<PS, 2>(r, ox_begin, ox_end, c0);
      if (c0 < whole)
        dw_tiles<PS, 1>(r, ox_begin, ox_end, c0);
      if (whole < M)
        for (long ox = ox_begin; ox < ox_end; ++ox)
          depthwise_pixel<true>(x, y, p, weights, bias, nz, oy, ox, whole);
      for (long ox = ox_end; ox < p.out_width; ++ox)
        depthwise_pixel<true>(x, y, p, weights, bias, nz, oy, ox, 0);
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
  detail::depthwise<false>(In<float>(mem, in), Out<float>(mem, out), p,
                           weights, bias);
}

/// The same on weights packed at export time taps first,
/// [kernel_d][kernel_h][kernel_w][out_channels], so that a tap's weights
/// are consecutive over the channels. Register-blocked on a plain input
/// without channel multiplier (tiles of pixels x 8 or 16 channels summed
/// in registers over all taps, the interior columns without bounds
/// checks); output rows are produced in increasing (n, oz, oy) order, each
/// row written after all its input is read, so a wrapped or overlapping
/// output is as safe as for convolution_forward.
inline void convolution_depthwise_packed_forward(unsigned char *mem,
                                                 const MemInfo &in,
                                                 const MemInfo &out,
                                                 const ConvParams &p,
                                                 const float *weights,
                                                 const float *bias) {
  detail::depthwise_packed<detail::RuntimeParams>(
      In<float>(mem, in), Out<float>(mem, out), p, weights, bias);
}

/// The same, for parameters known when the export is compiled: P, a
/// constexpr ConvParams of the layer's header.
template <const ConvParams &P>
inline void convolution_depthwise_packed_forward(unsigned char *mem,
                                                 const MemInfo &in,
                                                 const MemInfo &out,
                                                 const float *weights,
                                                 const float *bias) {
  detail::depthwise_packed<detail::StaticParams<P>>(
      In<float>(mem, in), Out<float>(mem, out), P, weights, bias);
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_CONVOLUTION_DEPTHWISE_HPP
