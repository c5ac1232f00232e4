/*
 * score.h - the bounds of a score interval {theta : T(theta) <= crit}, where
 * the statistic T is 0 at the estimate and rises on each side of it.  The
 * search runs in u, theta = exp(u) for ratios (theta > 0) or tanh(u) for
 * differences (-1 < theta < 1), so that bracketing steps never leave the
 * parameter's range.
 */
#ifndef DSP_SCORE_H
#define DSP_SCORE_H

enum dsp_scale { DSP_SCALE_LOG, DSP_SCALE_ATANH };

typedef struct {
	double (*stat)(double x1, double n1, double x2, double n2, double theta);
	double x1, n1, x2, n2, crit;
	enum dsp_scale scale;
} dsp_score;

/*
 * The bound on side dir (-1 lower, +1 upper), searched from u = start.
 * When start is not inside the interval (a zero cell put the estimate at
 * an end), it first walks inward until it is.  NaN if no root is found.
 */
double dsp_score_bound(const dsp_score *s, double start, int dir);

/*
 * The start for the bounds of an interval around an interior estimate
 * theta: of theta and its two neighbouring doubles, the one where T is
 * least, as u in *best.  Returns 1 when T >= crit even there (a level so low, or counts so
 * large, that the interval is narrower than the doubles around the
 * estimate: it is then *best itself), else 0.
 */
int dsp_score_start(const dsp_score *s, double u, double *best);

#endif
