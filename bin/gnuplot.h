/*
 * gnuplot.h - gnuplot as the charting engine: the pieces of a script that
 * every chart shares (terminal, strings, palette) and running gnuplot on
 * a script.  Charts are scripts with their data inline, byte-stable for
 * the same input; images are drawn by gnuplot, never by us.
 */
#ifndef DISP_GNUPLOT_H
#define DISP_GNUPLOT_H

#include <stddef.h>
#include <stdio.h>

/* The terminals: from -o FILE's extension, or --format. */
typedef enum { GP_PNG, GP_SVG, GP_PDF } gp_format;

/* The format a file name asks for (.png, .svg, .pdf), or -1. */
int gp_format_of(const char *path);

/* The format called name ("png", "svg", "pdf"), or -1. */
int gp_format_named(const char *name);

/* "set terminal ..." for a chart of w x h pixels (PDF in inches at 96
 * per inch), plain text labels (no enhanced-text markup), and "set
 * output" when path is not NULL. */
void gp_terminal(FILE *fp, gp_format f, int w, int h, const char *path);

/* s as a gnuplot string literal in double quotes: \ and " escaped, and
 * control characters shown as \xHH text (they never reach the image). */
void gp_string(FILE *fp, const char *s);

/* The same, broken at spaces into lines of about width bytes (gnuplot's
 * "\n"), so a long label takes more lines and is never cut.  Returns the
 * number of lines. */
int gp_string_wrapped(FILE *fp, const char *s, size_t width);

/* The Okabe-Ito palette, safe for colour-blind readers: blue, vermillion,
 * bluish green, orange, reddish purple, sky blue, yellow, black. */
extern const char *const gp_palette[8];

/* A number for a label, in buf (32 bytes): three significant digits with
 * trailing zeros kept ("1.40"), exponents past 10^5 and below 10^-3, and
 * inf, -inf, nan spelled so. */
const char *gp_short_num(char *buf, double x);

/* "set AXIStics (...)" for a log axis from a to b (0 < a < b): the
 * coarsest of a few ladders of mantissas that gives at least four ticks. */
void gp_log_tics(FILE *fp, const char *axis, double a, double b);

/*
 * Runs gnuplot on the script (len bytes).  gnuplot's own messages reach
 * stderr as it writes them.  Exits 69 when gnuplot is not installed and 70
 * when it fails.
 */
void gp_run(const char *script, size_t len);

#endif
