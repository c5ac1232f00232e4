/*
 * dsp.h - status codes shared by the disparity statistics library.
 *
 * Library functions never print or exit.  Those that can fail return one of
 * these codes (like GSL's GSL_SUCCESS / GSL_EDOM); those returning a value
 * return NaN for invalid arguments.
 */
#ifndef DSP_H
#define DSP_H

enum {
	DSP_OK = 0,
	DSP_EDOM = 1,    /* an argument is outside the method's domain */
	DSP_ENOCONV = 2, /* a root search failed to converge */
	DSP_ERANGE = 3,  /* the counts are beyond the range the method is
			  * verified for (its limit is in its method row) */
	DSP_ENOMEM = 4   /* out of memory */
};

/* Stores v in *out and returns status: how a function that returns one
 * value through a pointer ends. */
static inline int dsp_ret(double *out, double v, int status)
{
	*out = v;
	return status;
}

/* Largest count handled exactly: doubles represent integers up to 2^53. */
#define DSP_COUNT_MAX 9007199254740992.0

#endif
