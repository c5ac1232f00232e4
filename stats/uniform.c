/*
 * uniform.c - Temme's uniform expansion (see uniform.h), derived here in the
 * form we evaluate.
 *
 * Beta: with r = a + b, x0 = a/r, y0 = b/r and eta defined by -eta^2/2 =
 * x0 log(t/x0) + y0 log((1-t)/y0) (sign of t - x0), the density is
 * e^theta sqrt(r/2pi) e^(-r eta^2/2) g(eta) d eta with g = sqrt(x0 y0)
 * eta/(t - x0), g(0) = 1.  Integrating by parts repeatedly,
 *
 *   I_x(a,b) = erfc(-zeta)/2 - e^theta e^(-zeta^2)/sqrt(2 pi r) sum_k h_k(eta) r^-k,
 *
 * zeta = eta sqrt(r/2), h_k = (g_k(eta) - g_k(0))/eta, g_(k+1) = h_k'
 * (the complete integral fixes e^theta sum_k g_k(0) r^-k = 1); -h_0 is
 * DLMF's c_0 (8.18.11).  The gamma is the limit x0 -> 0 (DLMF 8.12).
 *
 * In the scaled variables t - x0 = sqrt(x0 y0) s nu, eta = s tau, s^2 =
 * min(x0, y0), the phase is tau^2/2 = nu^2/2 + sum_(n>=3) D_n nu^n with
 * |D_n| <= 2/n, g = tau/nu(tau), and r^-k h_k = m^-k H_k(tau)/s with m =
 * min(a, b): one expansion in 1/m, whatever the skewness.  nu(tau) is
 * analytic for |tau| < sqrt(4 pi) (the branch points of the logarithms; cf.
 * DLMF 8.12.13 for the gamma); the tails above DBL_MIN have |tau| <= 27
 * sqrt(2/m) < 0.13, where 24 powers of tau leave < 1e-30.
 */
#include "uniform.h"

#include <math.h>
#include <pthread.h>

#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_erf.h>

#define N 32  /* orders of the series for g = tau/nu; needs J + 2K <= N - 2 */

/* c = a b, truncated to N terms. */
static void mul(const double *a, const double *b, double *c)
{
	for (int k = 0; k < N; k++) {
		double s = 0;
		for (int i = 0; i <= k; i++)
			s += a[i] * b[k - i];
		c[k] = s;
	}
}

/* c = 1/a, a[0] = 1. */
static void recip(const double *a, double *c)
{
	c[0] = 1;
	for (int k = 1; k < N; k++) {
		double s = 0;
		for (int i = 1; i <= k; i++)
			s -= a[i] * c[k - i];
		c[k] = s;
	}
}

void dsp_uniform_init(struct dsp_uniform *u, double x0, double y0)
{
	/* The phase coefficients D_n (see above), n = 3 .. N + 1. */
	double lo = fmin(x0, y0), hi = fmax(x0, y0), ratio = lo / hi;
	double A[N], S[N], W[N], P[N], T[N], V[N], G[N];
	A[0] = 1;
	for (int k = 1; k < N; k++) {
		int n = k + 2;
		double sgn = n % 2 ? -1 : 1;  /* (-1)^n */
		/* x0 <= y0: y0^(n/2) [(-1)^n + (x0/y0)^(n-1)] / n; the other
		 * case is its mirror (nu -> -nu). */
		double dn = pow(hi, n / 2.0) * (sgn + pow(ratio, n - 1)) / n;
		A[k] = 2 * (x0 <= y0 ? dn : sgn * dn);
	}
	/* tau = nu S(nu), S = sqrt(A); Lagrange inversion gives nu = sum g_k
	 * tau^k with g_k = [nu^(k-1)] S^-k / k; V = nu/tau, G = 1/V. */
	S[0] = 1;
	for (int k = 1; k < N; k++) {
		double s = A[k];
		for (int i = 1; i < k; i++)
			s -= S[i] * S[k - i];
		S[k] = s / 2;
	}
	recip(S, W);
	for (int k = 0; k < N; k++)
		P[k] = W[k];
	for (int k = 1; k <= N; k++) {  /* P = W^k */
		V[k - 1] = P[k - 1] / k;
		mul(P, W, T);
		for (int i = 0; i < N; i++)
			P[i] = T[i];
	}
	recip(V, G);
	/* H_k[j] = G_k[j+1], G_(k+1)[j] = (j+1) G_k[j+2]: so H_k[j] =
	 * G[j+1+2k] (j+2)(j+4)...(j+2k). */
	for (int k = 0; k < DSP_UNIFORM_K; k++)
		for (int j = 0; j < DSP_UNIFORM_J; j++) {
			double c = G[j + 1 + 2 * k];
			for (int i = 0; i < k; i++)
				c *= j + 2 + 2 * i;
			u->h[k][j] = c;
		}
}

double dsp_uniform_logtail(const struct dsp_uniform *u, double zeta, double m,
			   double theta)
{
	double az = fabs(zeta), tau = zeta * sqrt(2 / m);
	double lerfc = gsl_sf_log_erfc(az) - M_LN2;  /* log erfc(|zeta|)/2 */
	if (fabs(tau) > 1)
		/* Beyond e^(-m/2) (< 1e-20000): the series no longer
		 * converge; the leading term keeps the sign of a root search
		 * right. */
		return lerfc;
	double s = 0, mk = 1;
	for (int k = 0; k < DSP_UNIFORM_K; k++, mk /= m) {
		double hk = 0;
		for (int j = DSP_UNIFORM_J - 1; j >= 0; j--)
			hk = hk * tau + u->h[k][j];
		s += hk * mk;
	}
	/* tail = erfc(|zeta|)/2 +- e^theta e^(-zeta^2) s / sqrt(2 pi m): the
	 * correction relative to the first term needs erfcx = e^(z^2)
	 * erfc(z) only to a few digits, as it is O(tau) at most. */
	double erfcx_half = exp(lerfc + az * az);
	double corr = exp(theta) * s / sqrt(2 * M_PI * m) / erfcx_half;
	return lerfc + log1p(zeta > 0 ? corr : -corr);
}

static struct dsp_uniform gamma_coef;
static pthread_once_t gamma_once = PTHREAD_ONCE_INIT;

static void gamma_init(void)
{
	dsp_uniform_init(&gamma_coef, 0, 1);
}

const struct dsp_uniform *dsp_uniform_gamma(void)
{
	pthread_once(&gamma_once, gamma_init);
	return &gamma_coef;
}
