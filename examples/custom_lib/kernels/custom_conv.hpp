// Channels-first (NCHW) convolution of the `custom` example library, for
// targets whose inputs arrive planar; float32, group 1.
#ifndef CUSTOM_CONV_HPP
#define CUSTOM_CONV_HPP

namespace custom {
template <int IN_C, int IN_H, int IN_W, int OUT_C, int OUT_H, int OUT_W, int K_H,
          int K_W, int STRIDE_Y, int STRIDE_X, int DIL_Y, int DIL_X, int PAD_Y,
          int PAD_X>
inline void conv_nchw_forward(const float *__restrict in, float *__restrict out,
                              const float *__restrict weights,
                              const float *__restrict bias) {
  for (int oc = 0; oc < OUT_C; ++oc)
    for (int oy = 0; oy < OUT_H; ++oy)
      for (int ox = 0; ox < OUT_W; ++ox) {
        float sum = bias ? bias[oc] : 0.0f;
        for (int ic = 0; ic < IN_C; ++ic)
          for (int ky = 0; ky < K_H; ++ky)
            for (int kx = 0; kx < K_W; ++kx) {
              int iy = oy * STRIDE_Y + ky * DIL_Y - PAD_Y;
              int ix = ox * STRIDE_X + kx * DIL_X - PAD_X;
              if (iy < 0 || iy >= IN_H || ix < 0 || ix >= IN_W)
                continue;
              sum += in[(ic * IN_H + iy) * IN_W + ix] *
                     weights[((oc * IN_C + ic) * K_H + ky) * K_W + kx];
            }
        out[(oc * OUT_H + oy) * OUT_W + ox] = sum;
      }
}
} // namespace custom

#endif // CUSTOM_CONV_HPP
