// aidge-mlir cpp export library: register-blocked 3-D, 2-D and 1-D
// convolution, channels last, on weights packed at export time.
#ifndef AIDGE_CPP_KERNELS_CONVOLUTION_BLOCKED_HPP
#define AIDGE_CPP_KERNELS_CONVOLUTION_BLOCKED_HPP

#include <cstring>

#include "utils/cpp/activation_utils.hpp"
#include "utils/cpp/blocking.hpp"
#include "utils/cpp/conv_params.hpp"
#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

/// For the helpers a kernel calls while its tile's accumulators are live in
/// vector registers: an out-of-line call spills them all (every vector
/// register is caller-saved). Tried in the Winograd kernel, a store_block
/// that GCC left out of line made it a third slower.
#if defined(__GNUC__)
#define AIDGE_CPP_TILE_INLINE inline __attribute__((always_inline))
#else
#define AIDGE_CPP_TILE_INLINE inline
#endif

namespace detail {
/// The fixed operands of one convolution: its views, sizes and weights.
struct BlockedConv {
  const In<float> &x;
  const Out<float> &y;
  const ConvParams &p;
  const float *w;
  const float *bias;
  long cin, cout, taps, blocks_per_group;
};

/// Elements [c0, c0 + kc) of the KW * C floats of the taps of a window
/// row from input column ix0 of `line` (W columns of C channels), the
/// columns outside [0, W) read as zeros, copied into `scratch`.
inline const float *clipped_row(const float *line, long ix0, long W, long C,
                                long c0, long kc, float *scratch) {
  long kx = c0 / C, c = c0 - kx * C;
  for (long e = 0; e < kc; ++e) {
    const long ix = ix0 + kx;
    scratch[e] = ix >= 0 && ix < W ? line[ix * C + c] : 0.0f;
    if (++c == C) {
      c = 0;
      ++kx;
    }
  }
  return scratch;
}

/// Output channels [m0, m0 + nm) of one pixel, from element o of y: the NB
/// accumulator vectors v (nm <= NB * kOutBlock of their lanes), activated
/// in registers. The epilogue of a tile.
template <int NB>
AIDGE_CPP_TILE_INLINE void store_block(const Out<float> &y, long o, long nm,
                                       const OutVec (&v)[NB],
                                       const ActivationParams &act) {
  OutVec out[NB];
  for (int b = 0; b < NB; ++b) {
    out[b] = v[b];
    activate_vector(out[b], act);
  }
  float ys[NB * kOutBlock];
  float *yp = y.store(o, nm, ys);
  if (nm == NB * kOutBlock) {
    std::memcpy(yp, out, sizeof(out));
  } else {
    // A partial last block (a first layer of 8 channels): whole vectors
    // of 8, then floats, not one memcpy call per pixel.
    float res[NB * kOutBlock];
    std::memcpy(res, out, sizeof(res));
    long j = 0;
    for (; j + 8 <= nm; j += 8)
      std::memcpy(yp + j, res + j, 8 * sizeof(float));
    for (; j < nm; ++j)
      yp[j] = res[j];
  }
  y.flush(o, nm, yp, ys);
}

/// PX consecutive output pixels of the (n, oz) plane, from pixel `pix0` of
/// its out_height x out_width pixels (they may span rows), times NB blocks
/// of kOutBlock output channels from block `blk` of group `g`: the
/// accumulators stay in registers over every tap and input channel. A tap
/// outside the input reads zeros (one pixel of the tile may be clipped
/// while its neighbours are not), so each sum runs over the taps, then the
/// input channels, in order, as in convolution_forward. Plain: the input
/// is plain, read through pointers only (no call that would make the
/// compiler spill the accumulators around it).
template <typename PS, int PX, int NB, bool Plain>
inline void conv_tile(const BlockedConv &cv, long n, long oz, long pix0,
                      long g, long blk) {
  static const float zeros[kChunk] = {};
  const ConvParams &p = PS::get(cv.p);
  const long cin = PS::derived(cv.cin, p.in_channels / p.group);
  const long cout = PS::derived(cv.cout, p.out_channels / p.group);
  const long taps = PS::derived(
      cv.taps, static_cast<long>(p.kernel_d) * p.kernel_h * p.kernel_w);
  const long H = p.in_height, W = p.in_width, C = p.in_channels;
  const long KH = p.kernel_h, KW = p.kernel_w;
  const WindowAxis az = window_axis(oz, p.stride_d, p.pad_front, p.dilation_d,
                                    p.kernel_d, p.in_depth);
  // One division per tile, not per pixel: with few input channels (the
  // 1x1 layers of a MobileNet) PX divisions weigh as much as the FMAs.
  long iy0[PX], ix0[PX];
  long oy = pix0 / p.out_width, ox = pix0 - oy * p.out_width;
  for (int q = 0; q < PX; ++q) {
    iy0[q] = oy * p.stride_h - p.pad_top;
    ix0[q] = ox * p.stride_w - p.pad_left;
    if (++ox == p.out_width) {
      ox = 0;
      ++oy;
    }
  }
  const long block_size = taps * cin * kOutBlock;
  const float *wg =
      cv.w + (g * PS::derived(cv.blocks_per_group, out_blocks(cout)) + blk) *
                 block_size;
  OutVec acc[PX][NB];
  for (int b = 0; b < NB; ++b) {
    float init[kOutBlock];
    const long m0 = (blk + b) * kOutBlock;
    for (int j = 0; j < kOutBlock; ++j)
      init[j] = cv.bias && m0 + j < cout ? cv.bias[g * cout + m0 + j] : 0.0f;
    for (int q = 0; q < PX; ++q)
      std::memcpy(&acc[q][b], init, sizeof(OutVec));
  }
  float scratch[PX][kChunk];
  const float *xs[PX];
  // Taps (ky, kx) in one input row: with dilation_w 1 and no groups, a
  // pixel's KW taps of C channels are KW * C consecutive floats, as are
  // their packed weights, so they run as one loop (what makes a first layer
  // of 1 or 3 channels fast). A pixel whose taps cross the left or right
  // border reads a copy of its row with zeros for the columns outside.
  const bool rows = Plain && p.dilation_w == 1 && cin == C;
  for (long kz = az.k0; kz < az.k1; ++kz) {
    const long plane = (n * p.in_depth + az.i0 + kz * p.dilation_d) * H;
    for (long ky = 0; ky < KH; ++ky) {
      const float *wy = wg + (kz * KH + ky) * KW * cin * kOutBlock;
      if (rows) {
        const long len = KW * C;
        for (long c0 = 0; c0 < len; c0 += kChunk) {
          const long kc = len - c0 < kChunk ? len - c0 : kChunk;
          bool any = false;
          for (int q = 0; q < PX; ++q) {
            const long iy = iy0[q] + ky * p.dilation_h;
            const bool inside = iy >= 0 && iy < H;
            any = any || inside;
            if (!inside) {
              xs[q] = zeros;
              continue;
            }
            const float *line = cv.x.plain() + (plane + iy) * W * C;
            xs[q] = ix0[q] >= 0 && ix0[q] + KW <= W
                        ? line + ix0[q] * C + c0
                        : clipped_row(line, ix0[q], W, C, c0, kc, scratch[q]);
          }
          if (any)
            accumulate<PX, NB>(acc, xs, wy + c0 * kOutBlock, kc, block_size);
        }
        continue;
      }
      for (long kx = 0; kx < KW; ++kx) {
        const float *wt = wy + kx * cin * kOutBlock;
        for (long c0 = 0; c0 < cin; c0 += kChunk) {
          const long kc = cin - c0 < kChunk ? cin - c0 : kChunk;
          bool any = false;
          for (int q = 0; q < PX; ++q) {
            const long iy = iy0[q] + ky * p.dilation_h;
            const long ix = ix0[q] + kx * p.dilation_w;
            const bool inside = iy >= 0 && iy < H && ix >= 0 && ix < W;
            any = any || inside;
            const long i = ((plane + iy) * W + ix) * C + g * cin + c0;
            xs[q] = !inside ? zeros
                    : Plain ? cv.x.plain() + i
                            : cv.x.load(i, kc, scratch[q]);
          }
          if (any)
            accumulate<PX, NB>(acc, xs, wt + c0 * kOutBlock, kc, block_size);
        }
      }
    }
  }
  const long m0 = blk * kOutBlock;
  const long nm = cout - m0 < NB * kOutBlock ? cout - m0 : NB * kOutBlock;
  const long plane_out = (n * p.out_depth + oz) * p.out_height * p.out_width;
  for (int q = 0; q < PX; ++q)
    store_block(cv.y,
                (plane_out + pix0 + q) * p.out_channels + g * cout + m0, nm,
                acc[q], p.act);
}

/// Pixels [pix0, pix1) of the (n, oz) plane for NB blocks: tiles of
/// kPixelBlock, the rest in tiles of 8, 4, 2 and 1.
template <typename PS, int NB, bool Plain>
inline void conv_pixels(const BlockedConv &cv, long n, long oz, long pix0,
                        long pix1, long g, long blk) {
  long q = pix0;
  for (; q + kPixelBlock <= pix1; q += kPixelBlock)
    conv_tile<PS, kPixelBlock, NB, Plain>(cv, n, oz, q, g, blk);
  if (kPixelBlock > 8 && pix1 - q >= 8) {
    conv_tile<PS, 8, NB, Plain>(cv, n, oz, q, g, blk);
    q += 8;
  }
  if (kPixelBlock > 4 && pix1 - q >= 4) {
    conv_tile<PS, 4, NB, Plain>(cv, n, oz, q, g, blk);
    q += 4;
  }
  if (pix1 - q >= 2) {
    conv_tile<PS, 2, NB, Plain>(cv, n, oz, q, g, blk);
    q += 2;
  }
  if (pix1 > q)
    conv_tile<PS, 1, NB, Plain>(cv, n, oz, q, g, blk);
}

/// Pixels [pix0, pix1) of the (n, oz) plane, every output channel: each
/// pair of channel blocks sweeps the pixels, so that its weights stay in
/// cache.
template <typename PS, bool Plain>
inline void conv_band(const BlockedConv &cv, long n, long oz, long pix0,
                      long pix1) {
  const ConvParams &p = PS::get(cv.p);
  const long blocks =
      PS::derived(cv.blocks_per_group, out_blocks(p.out_channels / p.group));
  for (long g = 0; g < p.group; ++g) {
    long blk = 0;
    for (; blk + 2 <= blocks; blk += 2)
      conv_pixels<PS, 2, Plain>(cv, n, oz, pix0, pix1, g, blk);
    if (blk < blocks)
      conv_pixels<PS, 1, Plain>(cv, n, oz, pix0, pix1, g, blk);
  }
}

/// Whether two tensors of the arena share no byte.
inline bool disjoint(const MemInfo &a, const MemInfo &b) {
  const auto apart = [](long a0, long an, long b0, long bn) {
    return an == 0 || bn == 0 || a0 + an <= b0 || b0 + bn <= a0;
  };
  return apart(a.cont_offset, a.cont_size, b.cont_offset, b.cont_size) &&
         apart(a.cont_offset, a.cont_size, b.wrap_offset, b.wrap_size) &&
         apart(a.wrap_offset, a.wrap_size, b.cont_offset, b.cont_size) &&
         apart(a.wrap_offset, a.wrap_size, b.wrap_offset, b.wrap_size);
}
} // namespace detail

namespace detail {
template <typename PS>
inline void blocked_forward(unsigned char *mem, const MemInfo &in,
                            const MemInfo &out, const ConvParams &args,
                            const float *weights, const float *bias) {
  const ConvParams &p = PS::get(args);
  const In<float> x(mem, in);
  const Out<float> y(mem, out);
  const long cout = p.out_channels / p.group;
  const BlockedConv cv{x,
                       y,
                       p,
                       weights,
                       bias,
                       p.in_channels / p.group,
                       cout,
                       static_cast<long>(p.kernel_d) * p.kernel_h * p.kernel_w,
                       out_blocks(cout)};
  // Pixels [pix0, pix1) of plane nz = n * out_depth + oz.
  const auto sweep = [&](long nz, long pix0, long pix1) {
    const long n = nz / p.out_depth, oz = nz % p.out_depth;
    if (x.plain())
      conv_band<PS, true>(cv, n, oz, pix0, pix1);
    else
      conv_band<PS, false>(cv, n, oz, pix0, pix1);
  };
  const long planes = static_cast<long>(p.batch) * p.out_depth;
  const long pixels = static_cast<long>(p.out_height) * p.out_width;
  if (!disjoint(in, out)) {
    // The output may overwrite input (a ring): one row at a time, written
    // whole before the next row reads, as convolution_forward does.
    for (long nz = 0; nz < planes; ++nz)
      for (long pix = 0; pix < pixels; pix += p.out_width)
        sweep(nz, pix, pix + p.out_width);
    return;
  }
  // Each channel block sweeps a band of output pixels: the whole plane,
  // or with OpenMP bands of 4 tiles, one per iteration of the threads.
#if defined(_OPENMP)
  const long band = 4 * kPixelBlock;
#else
  const long band = pixels;
#endif
  const long bands = (pixels + band - 1) / band;
  AIDGE_CPP_PARALLEL_FOR(planes * pixels * p.out_channels * cv.taps * cv.cin)
  for (long t = 0; t < planes * bands; ++t) {
    const long pix = t % bands * band;
    sweep(t / bands, pix, pix + band < pixels ? pix + band : pixels);
  }
}
} // namespace detail

/// The convolution of convolution_forward (same ConvParams, same result),
/// its weights packed at export time (see utils/cpp/blocking.hpp): per
/// group g, its out_channels / group output channels in blocks of kOutBlock
/// (the last one padded with zero weights), each block
/// [kernel_d][kernel_h][kernel_w][in_channels / group][kOutBlock], so that
/// the weights of one input channel for a whole block are consecutive:
///   packed[g][blk][kz][ky][kx][c][j] = w[g*cout + blk*kOutBlock + j][kz][ky][kx][c].
/// Reads and writes its tensors through their MemInfo (wrapped, strided or
/// plain alike). Output rows are produced in increasing (n, oz, oy) order
/// when the output overlaps the input.
inline void convolution_blocked_forward(unsigned char *mem, const MemInfo &in,
                                        const MemInfo &out, const ConvParams &p,
                                        const float *weights,
                                        const float *bias) {
  detail::blocked_forward<detail::RuntimeParams>(mem, in, out, p, weights,
                                                 bias);
}

/// The same, for parameters known when the export is compiled: P, a
/// constexpr ConvParams of the layer's header.
template <const ConvParams &P>
inline void convolution_blocked_forward(unsigned char *mem, const MemInfo &in,
                                        const MemInfo &out,
                                        const float *weights,
                                        const float *bias) {
  detail::blocked_forward<detail::StaticParams<P>>(mem, in, out, P, weights,
                                                   bias);
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_CONVOLUTION_BLOCKED_HPP
