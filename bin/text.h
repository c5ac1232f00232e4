/*
 * text.h - text as a terminal shows it: escaping what must not reach a
 * terminal raw, and the display width of UTF-8, for --pretty tables and
 * for names quoted in messages.  CSV output never goes through here: there
 * every byte is data and is written as it came.
 */
#ifndef DISP_TEXT_H
#define DISP_TEXT_H

#include <stddef.h>

/*
 * Writes s (len bytes) to dst with control characters and DEL as \n, \r,
 * \t or \xHH, a backslash as \\, and bytes that are not valid UTF-8 as
 * \xHH; valid UTF-8 is copied.  dst must hold 4 len + 1 bytes; returns the
 * length written (dst is NUL-terminated).
 */
size_t text_escape(char *dst, const char *s, size_t len);

/* Columns the escaped form of s takes on a terminal: 1 per character, 0
 * for combining marks, 2 for East Asian wide and emoji characters. */
size_t text_width(const char *s, size_t len);

#endif
