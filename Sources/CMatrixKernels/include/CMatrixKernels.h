#ifndef RL_CMATRIXKERNELS_H
#define RL_CMATRIXKERNELS_H
#include <stddef.h>

// The tiny LM's matrix products on row-major double buffers. Every entry of every result is
// accumulated in the fixed order of the scalar loop in its summary, so the result is the same,
// bit for bit, with any vector width: each kernel has a portable (SSE2) and an AVX2 version of
// one source, picked once per process from the CPU, and neither fuses a multiply with an add.

/// Y[r] = b + X[r]·W for each row r (X rows × n, W n × m, Y rows × m): each entry is
/// ((b[j] + X[r][0]·W[0][j]) + X[r][1]·W[1][j]) + …, from 0 when `bias` is NULL.
void rl_multiply(const double *x, const double *w, const double *bias, double *y, ptrdiff_t rows,
                 ptrdiff_t n, ptrdiff_t m);

/// dX[r] += W·dY[r] for each row r (W n × m, dY rows × m, dX rows × n). With `partials` 2,
/// each entry adds s0 + s1, where s0 sums W[i][j]·dY[r][j] over even j and s1 over odd j,
/// ascending, from 0. With 4, it adds (s0 + s1) + (s2 + s3), sk summing the j ≡ k (mod 4)
/// and the columns left over after the last whole group of four going to s0. `scratch`
/// (n × m doubles, or NULL) lets it work from a transposed copy of W, which is faster for
/// more than a few rows and gives the same bits.
void rl_add_multiply_transposed(const double *dy, const double *w, double *dx, ptrdiff_t rows,
                                ptrdiff_t n, ptrdiff_t m, int partials, double *scratch);

/// dW += Σ_r X[r]ᵀ·dY[r] (X rows × n, dY rows × m, dW n × m): each entry adds X[r][i]·dY[r][j]
/// for r ascending, skipping the rows where X[r][i] is zero.
void rl_add_outer_products(const double *x, const double *dy, double *dw, ptrdiff_t rows,
                           ptrdiff_t n, ptrdiff_t m);

/// Which version runs: 1 for AVX2, 0 for portable.
int rl_kernels_use_avx2(void);

/// Forces the portable version (1) or returns to the CPU's choice (0); for tests that check
/// both versions give identical bits.
void rl_kernels_force_portable(int force);

#endif
