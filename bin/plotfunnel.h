/*
 * plotfunnel.h - disp-plot's funnel chart: disp-funnel's units against
 * their size, with the target and the control limits at each level.
 */
#ifndef DISP_PLOTFUNNEL_H
#define DISP_PLOTFUNNEL_H

#include <stdio.h>

typedef struct {
	const char *out;     /* -o FILE, or NULL for the script alone */
	const char *gcol;    /* the unit column, or NULL for the first */
	const char *title, *xlabel, *limits;  /* NULL: the defaults */
	double per;          /* rates times per (0: 1) */
	int format, width;   /* terminal without -o; pixels (0: 900) */
	char delim;
} plotfunnel_opts;

/*
 * Reads disp-funnel's unit table from files (stdin when nfiles is 0) and,
 * with o->limits, its --limits table, and writes the chart's script to
 * fp.  Without --limits the curves join the units' own limits.  Exits 65
 * when the tables are not disp-funnel's or have nothing to draw.
 */
void plot_funnel(FILE *fp, const plotfunnel_opts *o, char *const *files, int nfiles);

#endif
