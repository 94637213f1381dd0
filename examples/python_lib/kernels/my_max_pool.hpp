// Max pooling of the `mylib` example Python export library: float32,
// channels last (NHWC), no padding, no dilation.
#ifndef MYLIB_MAX_POOL_HPP
#define MYLIB_MAX_POOL_HPP

namespace mylib {
template <int CHANNELS, int IN_HEIGHT, int IN_WIDTH, int OUT_HEIGHT, int OUT_WIDTH,
          int KERNEL_H, int KERNEL_W, int STRIDE_H, int STRIDE_W>
inline void max_pool_nhwc(const float *__restrict in, float *__restrict out) {
  for (int oy = 0; oy < OUT_HEIGHT; ++oy)
    for (int ox = 0; ox < OUT_WIDTH; ++ox)
      for (int c = 0; c < CHANNELS; ++c) {
        float m = in[((oy * STRIDE_H) * IN_WIDTH + ox * STRIDE_W) * CHANNELS + c];
        for (int ky = 0; ky < KERNEL_H; ++ky)
          for (int kx = 0; kx < KERNEL_W; ++kx) {
            const float v =
                in[((oy * STRIDE_H + ky) * IN_WIDTH + ox * STRIDE_W + kx) * CHANNELS + c];
            m = v > m ? v : m;
          }
        out[(oy * OUT_WIDTH + ox) * CHANNELS + c] = m;
      }
}
} // namespace mylib

#endif // MYLIB_MAX_POOL_HPP
