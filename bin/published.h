/*
 * published.h - a published figure as written: "81%", "0.71", "twice",
 * "a third", "1 in 5", "227 per 1,000", "55-60%", "1.43 to 2.30",
 * "p<.001", "fewer than 1%", "nearly 90%".  The parser keeps the precision
 * the string shows (so "0.70" is checked to two decimals) and reads a
 * leading qualifier; it never exits, so a fuzzer can drive it.
 */
#ifndef DISP_PUBLISHED_H
#define DISP_PUBLISHED_H

#include "decimal.h"

#include <stdint.h>

/* How the computed value c must relate to the published X. */
typedef enum {
	PUB_EQ,         /* c rounds to X (or, for a word, is within 5%) */
	PUB_LT, PUB_LE, PUB_GT, PUB_GE,
	PUB_NEARLY,     /* 0.9 X <= c < X */
	PUB_ABOUT,      /* |c - X| <= 0.1 X */
	PUB_JUST_OVER,  /* X < c <= 1.05 X */
	PUB_JUST_UNDER  /* 0.95 X <= c < X */
} pub_qual;

/* The unit written with the number; PUB_BARE takes the claim's own. */
typedef enum {
	PUB_BARE,
	PUB_PERCENT,    /* "%", "per cent" */
	PUB_IN,         /* "N in M": the fraction N/M at whole-number precision */
	PUB_PER,        /* "V per K" */
	PUB_TIMES,      /* "1.8 times", "1.8x" */
	PUB_POINTS      /* "6 points", "6pp", "6 percentage points" */
} pub_unit;

typedef struct {
	pub_qual qual;
	int n;                 /* 1 number, or 2 (a range, an interval) */
	dsp_decimal d[2];      /* as written (digits and precision) */
	int word;              /* a word ("twice", "a third"): no precision */
	uint64_t wnum, wden;   /* a word's value, wnum/wden */
	char wtext[24];        /* the word as written, for messages */
	pub_unit unit;
	uint64_t per;          /* K of "per K", M of "N in M" */
} pub_value;

/* Parses a published value.  Returns NULL, or what could not be read. */
const char *pub_parse(const char *s, pub_value *v);

/* Parses a qualifier on its own ("<", "fewer than", "nearly", "" for
 * none).  Returns 0, or -1 when it is not one. */
int pub_qualifier(const char *s, pub_qual *q);

/* The qualifier's words for messages ("fewer than"); "" for PUB_EQ. */
const char *pub_qual_name(pub_qual q);

#endif
