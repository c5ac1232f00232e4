/*
 * uniform.h - Temme's uniform asymptotic expansion of the gamma and beta
 * distribution functions for a large parameter (DLMF 8.12.3-8.12.7 for the
 * gamma, 8.18.9-8.18.12 for the beta; Temme NM (1996) Special Functions, an
 * Introduction to the Classical Functions of Mathematical Physics, Wiley,
 * sec. 11.3.3).  Both tails keep full relative accuracy, from the mean out
 * to where they underflow, with no sum over the support.
 */
#ifndef DSP_UNIFORM_H
#define DSP_UNIFORM_H

/* Smallest parameter (gamma shape, or min(a, b) for the beta) at which the
 * expansion is used: there its terms fall by 10^-5 each, so DSP_UNIFORM_K
 * of them leave < 1e-18. */
#define DSP_UNIFORM_MIN 1e5
#define DSP_UNIFORM_K 4
#define DSP_UNIFORM_J 24

/* The coefficients for one distribution family member (see uniform.c). */
struct dsp_uniform {
	double h[DSP_UNIFORM_K][DSP_UNIFORM_J];
};

/*
 * Sets up the expansion for the beta with x0 = a/(a+b), y0 = b/(a+b) (x0 =
 * 0, y0 = 1: the gamma, its limit).  Depends on x0 alone, so one setup
 * serves a whole root search.
 */
void dsp_uniform_init(struct dsp_uniform *u, double x0, double y0);

/* The gamma's coefficients (x0 = 0, y0 = 1), set up once per process:
 * every Poisson tail and root search shares them (thread-safe). */
const struct dsp_uniform *dsp_uniform_gamma(void);

/*
 * Log of the tail on the side of zeta: the lower tail when zeta < 0, the
 * upper when zeta > 0 (the lower at 0), where zeta^2 = bd0(a, (a+b)x) +
 * bd0(b, (a+b)(1-x)) for the beta, bd0(alpha, w) for the gamma, with the
 * sign of x - x0 (w - alpha); m = min(a, b) (alpha); theta = stirlerr(a+b)
 * - stirlerr(a) - stirlerr(b) (-stirlerr(alpha)).  m >= DSP_UNIFORM_MIN.
 */
double dsp_uniform_logtail(const struct dsp_uniform *u, double zeta, double m,
			   double theta);

#endif
