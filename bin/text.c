/*
 * text.c - escaping for display and UTF-8 display width (see text.h).
 */
#include "text.h"

#include <stdio.h>

/* Length of the valid UTF-8 sequence at s (at most n bytes), storing its
 * code point; 0 if the bytes there are not valid UTF-8 (overlong forms,
 * surrogates and values past U+10FFFF included). */
static size_t utf8_seq(const unsigned char *s, size_t n, unsigned long *cp)
{
	static const unsigned long min[5] = {0, 0, 0x80, 0x800, 0x10000};
	size_t k = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 :
		   s[0] >= 0xC2 && s[0] < 0xE0 ? 2 : 0;
	if (k == 0 || k > n || s[0] > 0xF4)
		return 0;
	unsigned long c = s[0] & (0x7F >> k);
	for (size_t i = 1; i < k; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3F);
	}
	if (c < min[k] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return k;
}

size_t text_escape(char *dst, const char *src, size_t len)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		unsigned long cp;
		size_t k;
		if (s[i] >= 0x20 && s[i] < 0x7F) {
			if (s[i] == '\\')
				dst[o++] = '\\';
			dst[o++] = (char)s[i++];
		} else if (s[i] >= 0x80 && (k = utf8_seq(s + i, len - i, &cp)) > 0) {
			for (size_t j = 0; j < k; j++)
				dst[o++] = (char)s[i++];
		} else {
			const char *e = s[i] == '\n' ? "\\n" : s[i] == '\r' ? "\\r" :
					s[i] == '\t' ? "\\t" : NULL;
			if (e)
				dst[o++] = e[0], dst[o++] = e[1];
			else
				o += (size_t)snprintf(dst + o, 5, "\\x%02X", s[i]);
			i++;
		}
	}
	dst[o] = '\0';
	return o;
}

/* Ranges of code points a terminal shows in no column or in two
 * (Unicode's combining marks and East Asian Wide/Fullwidth, the common
 * blocks). */
static const unsigned long ZERO[][2] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
	{0x064B, 0x065F}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x1AB0, 0x1AFF},
	{0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F},
	{0xFE20, 0xFE2F}};
static const unsigned long WIDE[][2] = {
	{0x1100, 0x115F}, {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF},
	{0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
	{0xFE30, 0xFE4F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F},
	{0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD}};

static int in(const unsigned long (*r)[2], size_t n, unsigned long c)
{
	for (size_t i = 0; i < n; i++)
		if (c >= r[i][0] && c <= r[i][1])
			return 1;
	return 0;
}

size_t text_width(const char *src, size_t len)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t w = 0;
	for (size_t i = 0; i < len;) {
		unsigned long cp;
		size_t k = s[i] >= 0x80 ? utf8_seq(s + i, len - i, &cp) : 0;
		if (k == 0) {
			w++, i++;
			continue;
		}
		i += k;
		w += in(ZERO, sizeof ZERO / sizeof *ZERO, cp) ? 0 :
		     in(WIDE, sizeof WIDE / sizeof *WIDE, cp) ? 2 : 1;
	}
	return w;
}
