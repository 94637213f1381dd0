// aidge-mlir cpp export library: 3x3 stride-1 2-D convolution, channels
// last, by Winograd's minimal filtering F(4x4, 3x3) on weights transformed
// and packed at export time.
//
// Each 4x4 tile of output pixels comes from a 6x6 patch d of the input:
//   Y = A^T [ sum over c of (G g G^T)[c] (.) (B^T d B)[c] ] A
// where (.) multiplies element-wise over the 36 points: 36 products of
// input by output channels per tile instead of 144 (4x fewer MACs), as
// 36 independent small matrix products that the register blocking of
// convolution_blocked.hpp runs at the same speed.
#ifndef AIDGE_CPP_KERNELS_CONVOLUTION_WINOGRAD_HPP
#define AIDGE_CPP_KERNELS_CONVOLUTION_WINOGRAD_HPP

#include <cstring>
#include <type_traits>

#include "utils/cpp/activation_utils.hpp"
#include "utils/cpp/blocking.hpp"
#include "utils/cpp/conv_params.hpp"
#include "utils/cpp/mem_info.hpp"
#include "utils/cpp/typedefs.hpp"

namespace aidge_cpp {

namespace detail {
/// The 6 x 6 points of the transformed tiles.
constexpr int kWinoPoints = 36;

/// Tiles multiplied at once: kWinoTiles x 2 blocks of accumulators, as the
/// pixels of convolution_blocked.hpp (8 leave room for the weights in the
/// 32 AVX-512 registers).
#if defined(__AVX512F__)
constexpr int kWinoTiles = 8;
#else
constexpr int kWinoTiles = kPixelBlock;
#endif

/// Input channels transformed at once: the transformed tiles of one chunk
/// (36 x kWinoTiles x kWinoChunk floats) are what lives on the stack.
constexpr long kWinoChunk = kChunk < 32 ? kChunk : 32;

/// The fixed operands of one convolution.
struct WinoConv {
  const In<float> &x;
  const Out<float> &y;
  const ConvParams &p;
  const float *w;
  const float *bias;
};

/// Tiles per row of tiles, and per image.
inline long wino_tiles_w(const ConvParams &p) { return (p.out_width + 3) / 4; }
inline long wino_tiles(const ConvParams &p) {
  return (p.out_height + 3) / 4 * wino_tiles_w(p);
}

/// r[a] = (B^T x)[a] for the 6 channel vectors x[l], the results
/// r + a * rs; kc channels.
inline void wino_bt(const float *const (&x)[6], float *r, long rs, long kc) {
  for (long c = 0; c < kc; ++c) {
    const float x0 = x[0][c], x1 = x[1][c], x2 = x[2][c], x3 = x[3][c],
                x4 = x[4][c], x5 = x[5][c];
    r[c] = 4.0f * x0 - 5.0f * x2 + x4;
    r[rs + c] = x3 + x4 - 4.0f * (x1 + x2);
    r[2 * rs + c] = x4 - x3 + 4.0f * (x1 - x2);
    r[3 * rs + c] = x4 - x2 + 2.0f * (x3 - x1);
    r[4 * rs + c] = x4 - x2 + 2.0f * (x1 - x3);
    r[5 * rs + c] = 4.0f * x1 - 5.0f * x3 + x5;
  }
}

/// o = A^T m for 6 vectors of the transformed domain.
inline void wino_at(const OutVec &m0, const OutVec &m1, const OutVec &m2,
                    const OutVec &m3, const OutVec &m4, const OutVec &m5,
                    OutVec (&o)[4]) {
  const OutVec s12 = m1 + m2, d12 = m1 - m2, s34 = m3 + m4, d34 = m3 - m4;
  o[0] = m0 + s12 + s34;
  o[1] = d12 + 2.0f * d34;
  o[2] = s12 + 4.0f * s34;
  o[3] = d12 + 8.0f * d34 + m5;
}

/// The transformed input of tiles [tile0, tile0 + T) of image n, channels
/// [c0, c0 + kc): v[k][q] = (B^T d B)[k] of tile q's 6x6 patch d (zeros
/// outside the input).
template <typename PS, int T>
inline void wino_input(const WinoConv &cv, long n, long tile0, long c0,
                       long kc, float (&v)[kWinoPoints][T][kWinoChunk]) {
  static const float zeros[kWinoChunk] = {};
  const ConvParams &p = PS::get(cv.p);
  const long H = p.in_height, W = p.in_width, C = p.in_channels;
  const long tiles_w = wino_tiles_w(p);
  for (int q = 0; q < T; ++q) {
    const long iy0 = (tile0 + q) / tiles_w * 4 - p.pad_top;
    const long ix0 = (tile0 + q) % tiles_w * 4 - p.pad_left;
    // Rows of the patch are read where they lie (zeros outside the
    // input, `scratch` only for pixels that are not consecutive).
    float scratch[6][kWinoChunk];
    float t[6][6][kWinoChunk];
    for (int i = 0; i < 6; ++i) {
      const long iy = iy0 + i;
      const float *row[6];
      for (int j = 0; j < 6; ++j) {
        const long ix = ix0 + j;
        row[j] = iy < 0 || iy >= H || ix < 0 || ix >= W
                     ? zeros
                     : cv.x.load(((n * H + iy) * W + ix) * C + c0, kc,
                                 scratch[j]);
      }
      wino_bt(row, t[i][0], kWinoChunk, kc);
    }
    for (int j = 0; j < 6; ++j) {
      const float *column[6] = {t[0][j], t[1][j], t[2][j],
                                t[3][j], t[4][j], t[5][j]};
      wino_bt(column, v[j][q], 6 * T * kWinoChunk, kc);
    }
  }
}

/// m[k] (+)= v[k] x (the weights of point k, blocks [blk, blk + NB)) for
/// channels [c0, c0 + kc): 36 products of T tiles by NB blocks; the first
/// chunk starts from zero.
template <typename PS, int T, int NB>
inline void wino_multiply(const WinoConv &cv,
                          const float (&v)[kWinoPoints][T][kWinoChunk],
                          long c0, long kc, long blk,
                          OutVec (&m)[kWinoPoints][T][NB]) {
  const long cin = PS::get(cv.p).in_channels;
  const long block_size = kWinoPoints * cin * kOutBlock;
  for (int k = 0; k < kWinoPoints; ++k) {
    const float *xs[T];
    for (int q = 0; q < T; ++q) {
      xs[q] = v[k][q];
      if (c0 == 0)
        for (int b = 0; b < NB; ++b)
          m[k][q][b] = OutVec{};
    }
    accumulate<T, NB>(m[k], xs,
                      cv.w + ((blk * kWinoPoints + k) * cin + c0) * kOutBlock,
                      kc, block_size);
  }
}

/// The output pixels of tiles [tile0, tile0 + T) of image n, channel blocks
/// [blk, blk + NB): A^T m A + bias, activated; tiles clipped at the
/// bottom and right edges.
template <typename PS, int T, int NB>
inline void wino_output(const WinoConv &cv, long n, long tile0, long blk,
                        const OutVec (&m)[kWinoPoints][T][NB]) {
  const ConvParams &p = PS::get(cv.p);
  const long OH = p.out_height, OW = p.out_width, M = p.out_channels;
  const long tiles_w = wino_tiles_w(p);
  const long m0 = blk * kOutBlock;
  const long nm = M - m0 < NB * kOutBlock ? M - m0 : NB * kOutBlock;
  OutVec bias[NB];
  for (int b = 0; b < NB; ++b) {
    float init[kOutBlock];
    for (int j = 0; j < kOutBlock; ++j) {
      const long c = m0 + b * kOutBlock + j;
      init[j] = cv.bias && c < M ? cv.bias[c] : 0.0f;
    }
    std::memcpy(&bias[b], init, sizeof(OutVec));
  }
  for (int q = 0; q < T; ++q) {
    const long oy0 = (tile0 + q) / tiles_w * 4;
    const long ox0 = (tile0 + q) % tiles_w * 4;
    OutVec y[NB][4][4];
    for (int b = 0; b < NB; ++b) {
      OutVec t[6][4];
      for (int i = 0; i < 6; ++i)
        wino_at(m[6 * i][q][b], m[6 * i + 1][q][b], m[6 * i + 2][q][b],
                m[6 * i + 3][q][b], m[6 * i + 4][q][b], m[6 * i + 5][q][b],
                t[i]);
      for (int s = 0; s < 4; ++s) {
        OutVec col[4];
        wino_at(t[0][s], t[1][s], t[2][s], t[3][s], t[4][s], t[5][s], col);
        for (int r = 0; r < 4; ++r)
          y[b][r][s] = col[r] + bias[b];
      }
    }
    for (long r = 0; r < 4 && oy0 + r < OH; ++r)
      for (long s = 0; s < 4 && ox0 + s < OW; ++s) {
        float res[NB * kOutBlock], ys[NB * kOutBlock];
        for (int b = 0; b < NB; ++b)
          std::memcpy(res + b * kOutBlock, &y[b][r][s], sizeof(OutVec));
        const long o = ((n * OH + oy0 + r) * OW + ox0 + s) * M + m0;
        float *yp = cv.y.store(o, nm, ys);
        activate_into(yp, res, nm, p.act);
        cv.y.flush(o, nm, yp, ys);
      }
  }
}

/// Calls f(tile0, std::integral_constant<int, T>) over [0, tiles) in
/// groups of kWinoTiles tiles (on the threads, with OpenMP, when `macs`
/// pay for it: each group writes its own output pixels), the rest in
/// groups of 4, 2 and 1.
template <typename F> inline void for_tile_groups(long tiles, long macs, F f) {
  const long groups = tiles / kWinoTiles;
  (void)macs; // without OpenMP, AIDGE_CPP_PARALLEL_FOR is empty
  AIDGE_CPP_PARALLEL_FOR(macs)
  for (long i = 0; i < groups; ++i)
    f(i * kWinoTiles, std::integral_constant<int, kWinoTiles>());
  long t = groups * kWinoTiles;
  if (kWinoTiles > 4 && tiles - t >= 4) {
    f(t, std::integral_constant<int, 4>());
    t += 4;
  }
  if (tiles - t >= 2) {
    f(t, std::integral_constant<int, 2>());
    t += 2;
  }
  if (t < tiles)
    f(t, std::integral_constant<int, 1>());
}

/// Calls f(blk, std::integral_constant<int, NB>) over the `blocks` output
/// channel blocks in pairs, the last one alone.
template <typename F> inline void for_block_pairs(long blocks, F f) {
  long blk = 0;
  for (; blk + 2 <= blocks; blk += 2)
    f(blk, std::integral_constant<int, 2>());
  if (blk < blocks)
    f(blk, std::integral_constant<int, 1>());
}

/// Tiles [tile0, tile0 + T) of image n when every input channel fits one
/// chunk: their input is transformed once for all output channel blocks.
template <typename PS, int T>
inline void wino_tiles_one_chunk(const WinoConv &cv, long n, long tile0) {
  const ConvParams &p = PS::get(cv.p);
  float v[kWinoPoints][T][kWinoChunk];
  wino_input<PS, T>(cv, n, tile0, 0, p.in_channels, v);
  for_block_pairs(out_blocks(p.out_channels), [&](long blk, auto nb) {
    constexpr int NB = decltype(nb)::value;
    OutVec m[kWinoPoints][T][NB];
    wino_multiply<PS, T, NB>(cv, v, 0, p.in_channels, blk, m);
    wino_output<PS, T, NB>(cv, n, tile0, blk, m);
  });
}

/// Tiles [tile0, tile0 + T) of image n, blocks [blk, blk + NB), over the
/// input channels chunk by chunk.
template <typename PS, int T, int NB>
inline void wino_tiles_chunked(const WinoConv &cv, long n, long tile0,
                               long blk) {
  float v[kWinoPoints][T][kWinoChunk];
  OutVec m[kWinoPoints][T][NB];
  const long C = PS::get(cv.p).in_channels;
  for (long c0 = 0; c0 < C; c0 += kWinoChunk) {
    const long kc = C - c0 < kWinoChunk ? C - c0 : kWinoChunk;
    wino_input<PS, T>(cv, n, tile0, c0, kc, v);
    wino_multiply<PS, T, NB>(cv, v, c0, kc, blk, m);
  }
  wino_output<PS, T, NB>(cv, n, tile0, blk, m);
}

template <typename PS>
inline void winograd_forward(unsigned char *mem, const MemInfo &in,
                             const MemInfo &out, const ConvParams &args,
                             const float *weights, const float *bias) {
  const ConvParams &p = PS::get(args);
  const In<float> x(mem, in);
  const Out<float> y(mem, out);
  const WinoConv cv{x, y, p, weights, bias};
  const long tiles = wino_tiles(p);
  // The layer's MACs per image, counted as the direct convolution's:
  // whether its tiles run on the threads.
  const long macs = static_cast<long>(p.out_height) * p.out_width *
                    p.out_channels * 9 * p.in_channels;
  for (long n = 0; n < p.batch; ++n) {
    if (p.in_channels <= kWinoChunk) {
      for_tile_groups(tiles, macs, [&](long tile0, auto nt) {
        wino_tiles_one_chunk<PS, decltype(nt)::value>(cv, n, tile0);
      });
      continue;
    }
    // Each pair of channel blocks sweeps the tiles, so that its weights
    // stay in cache.
    for_block_pairs(out_blocks(p.out_channels), [&](long blk, auto nb) {
      for_tile_groups(tiles, macs, [&](long tile0, auto nt) {
        wino_tiles_chunked<PS, decltype(nt)::value, decltype(nb)::value>(
            cv, n, tile0, blk);
      });
    });
  }
}
} // namespace detail

/// The convolution of convolution_forward (same ConvParams, the same
/// result up to rounding) for a 2-D convolution with a 3x3 kernel, stride
/// and dilation 1 and one group, any padding. Its weights are transformed
/// and packed at export time: U = G g G^T per output and input channel,
/// output channels in blocks of kOutBlock (the last one padded with
/// zeros), each block [36][in_channels][kOutBlock]:
///   packed[blk][k][c][j] = U[blk*kOutBlock + j][c][k / 6][k % 6].
/// Reads and writes its tensors through their MemInfo (wrapped, strided or
/// plain alike), but writes 4 output rows at a time from 6 input rows: the
/// output must not overlap the input (the export never plans a ring over
/// this kernel's input).
inline void convolution_winograd_forward(unsigned char *mem, const MemInfo &in,
                                         const MemInfo &out,
                                         const ConvParams &p,
                                         const float *weights,
                                         const float *bias) {
  detail::winograd_forward<detail::RuntimeParams>(mem, in, out, p, weights,
                                                  bias);
}

/// The same, for parameters known when the export is compiled: P, a
/// constexpr ConvParams of the layer's header.
template <const ConvParams &P>
inline void convolution_winograd_forward(unsigned char *mem, const MemInfo &in,
                                         const MemInfo &out,
                                         const float *weights,
                                         const float *bias) {
  detail::winograd_forward<detail::StaticParams<P>>(mem, in, out, P, weights,
                                                    bias);
}

} // namespace aidge_cpp

#endif // AIDGE_CPP_KERNELS_CONVOLUTION_WINOGRAD_HPP
