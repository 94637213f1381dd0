// Single-core FP32 peak: GFLOP/s of a loop of independent vector FMAs.
//
//   g++ -O3 -march=native fma_peak.cpp -o fma_peak && ./fma_peak
//
// An FMA has a latency of ~4 cycles and up to two issue per cycle, so at
// least 8 chains must be in flight to saturate the ports; 16 accumulators
// leave margin and still fit in the 16 (AVX2) or 32 (AVX-512) registers.
// The vector width is the widest -march=native enables. The best of several
// trials is kept, which filters out interference from other processes.
#include <chrono>
#include <cstdio>

#if defined(__AVX512F__)
constexpr int kLanes = 16;
#elif defined(__AVX__)
constexpr int kLanes = 8;
#else
constexpr int kLanes = 4;
#endif
typedef float Vec __attribute__((vector_size(kLanes * sizeof(float))));
constexpr int kChains = 16;

// noinline and volatile inputs keep the compiler from folding the loop.
__attribute__((noinline)) static float run(long iterations, float mul, float add) {
  Vec acc[kChains], m, a;
  for (int l = 0; l < kLanes; ++l) {
    m[l] = mul;
    a[l] = add;
  }
  for (int c = 0; c < kChains; ++c)
    for (int l = 0; l < kLanes; ++l)
      acc[c][l] = static_cast<float>(c + l);
  for (long i = 0; i < iterations; ++i)
#pragma GCC unroll 16
    for (int c = 0; c < kChains; ++c)
      acc[c] = acc[c] * m + a; // contracted to one FMA (-ffp-contract=fast)
  float sum = 0;
  for (int c = 0; c < kChains; ++c)
    for (int l = 0; l < kLanes; ++l)
      sum += acc[c][l];
  return sum;
}

int main() {
  volatile float mul = 0.999999f, add = 1e-6f; // stays finite, no denormals
  const long iterations = 20000000;
  double best = 0;
  float sink = 0;
  for (int trial = 0; trial < 5; ++trial) {
    auto start = std::chrono::steady_clock::now();
    sink += run(iterations, mul, add);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    double gflops = 2.0 * kChains * kLanes * iterations / seconds / 1e9;
    if (gflops > best)
      best = gflops;
  }
  std::printf("fp32 peak: %.1f GFLOP/s (%d-lane FMA, %d chains; checksum %g)\n", best,
              kLanes, kChains, sink);
  return 0;
}
