/*
 * adjust.h - p-values adjusted for multiple comparisons, as R's p.adjust
 * defines them.  Each takes the n p-values of one family (all in [0, 1];
 * the caller leaves out cells that are not tests) and writes the adjusted
 * ones in the same order; ties keep their input order.  Returns DSP_OK,
 * DSP_EDOM for a p outside [0, 1], or DSP_ENOMEM.
 */
#ifndef DSP_ADJUST_H
#define DSP_ADJUST_H

#include <stddef.h>

int dsp_adjust_bonferroni(size_t n, const double *p, double *out);
int dsp_adjust_holm(size_t n, const double *p, double *out);
int dsp_adjust_hochberg(size_t n, const double *p, double *out);
int dsp_adjust_hommel(size_t n, const double *p, double *out);
int dsp_adjust_bh(size_t n, const double *p, double *out);
int dsp_adjust_by(size_t n, const double *p, double *out);

#endif
