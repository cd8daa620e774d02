#include "CMatrixKernels.h"

// No multiply–add may be fused: a fused one rounds once instead of twice and would change
// results between versions (and between machines).
#pragma clang fp contract(off)

#define VECTOR_DOUBLES 2
#define KERNEL_TARGET
#define KERNEL(name) portable_##name
#include "Kernels.inc"
#undef VECTOR_DOUBLES
#undef KERNEL_TARGET
#undef KERNEL

#if defined(__x86_64__)
#define VECTOR_DOUBLES 4
#define KERNEL_TARGET __attribute__((target("avx2")))
#define KERNEL(name) avx2_##name
#include "Kernels.inc"
#undef VECTOR_DOUBLES
#undef KERNEL_TARGET
#undef KERNEL
#endif

// -1 until the first call asks the CPU; then 1 (AVX2) or 0 (portable). Atomic, since
// chapter code may call the library from several threads.
static int chosen = -1;

int rl_kernels_use_avx2(void) {
  int choice = __atomic_load_n(&chosen, __ATOMIC_RELAXED);
  if (choice < 0) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    choice = __builtin_cpu_supports("avx2") ? 1 : 0;
#else
    choice = 0;
#endif
    __atomic_store_n(&chosen, choice, __ATOMIC_RELAXED);
  }
  return choice;
}

void rl_kernels_force_portable(int force) {
  __atomic_store_n(&chosen, force ? 0 : -1, __ATOMIC_RELAXED);
}

void rl_multiply(const double *x, const double *w, const double *bias, double *y, ptrdiff_t rows,
                 ptrdiff_t n, ptrdiff_t m) {
#if defined(__x86_64__)
  if (rl_kernels_use_avx2()) return avx2_multiply(x, w, bias, y, rows, n, m);
#endif
  portable_multiply(x, w, bias, y, rows, n, m);
}

// dX[r] += W·dY[r] one output at a time, straight from W, with `partials` partial sums.
static void direct_add_multiply_transposed(const double *dy, const double *w, double *dx,
                                           ptrdiff_t rows, ptrdiff_t n, ptrdiff_t m,
                                           int partials) {
  for (ptrdiff_t r = 0; r < rows; r++) {
    const double *g = dy + r * m;
    for (ptrdiff_t i = 0; i < n; i++) {
      const double *wi = w + i * m;
      double s[4] = {0, 0, 0, 0};
      ptrdiff_t j = 0;
      for (; j + partials <= m; j += partials)
        for (int p = 0; p < partials; p++) s[p] += wi[j + p] * g[j + p];
      for (; j < m; j++) s[0] += wi[j] * g[j];
      dx[r * n + i] += partials == 2 ? s[0] + s[1] : (s[0] + s[1]) + (s[2] + s[3]);
    }
  }
}

void rl_add_multiply_transposed(const double *dy, const double *w, double *dx, ptrdiff_t rows,
                                ptrdiff_t n, ptrdiff_t m, int partials, double *scratch) {
  if (partials != 2 && partials != 4) partials = 2;
  // Below a few rows, transposing W costs more than it saves.
  if (!scratch || rows < 4) {
#if defined(__x86_64__)
    if (partials == 2 && rl_kernels_use_avx2())
      return avx2_add_multiply_transposed(dy, w, dx, rows, n, m);
#endif
    if (partials == 2) return portable_add_multiply_transposed(dy, w, dx, rows, n, m);
    return direct_add_multiply_transposed(dy, w, dx, rows, n, m, partials);
  }
  for (ptrdiff_t i = 0; i < n; i++)
    for (ptrdiff_t j = 0; j < m; j++) scratch[j * n + i] = w[i * m + j];
#if defined(__x86_64__)
  if (rl_kernels_use_avx2()) {
    if (partials == 4) return avx2_add_multiply_transposed4_packed(dy, scratch, dx, rows, n, m);
    return avx2_add_multiply_transposed_packed(dy, scratch, dx, rows, n, m);
  }
#endif
  if (partials == 4) return portable_add_multiply_transposed4_packed(dy, scratch, dx, rows, n, m);
  portable_add_multiply_transposed_packed(dy, scratch, dx, rows, n, m);
}

void rl_add_outer_products(const double *x, const double *dy, double *dw, ptrdiff_t rows,
                           ptrdiff_t n, ptrdiff_t m) {
#if defined(__x86_64__)
  if (rl_kernels_use_avx2()) return avx2_add_outer_products(x, dy, dw, rows, n, m);
#endif
  portable_add_outer_products(x, dy, dw, rows, n, m);
}
