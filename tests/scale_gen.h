/* Valid documents of any size and shape, for the scale tests and for
 * profiling by hand (tests/scale_gen_main.c): long words and long texts in
 * every text field, combining characters, thousands of siblings at each
 * level, long chains of references. Each shape grows with one number n,
 * so that a run at n and one at 4n tell whether a path is linear. */
#ifndef PP_SCALE_GEN_H
#define PP_SCALE_GEN_H

#include <stdbool.h>
#include <stdio.h>

/* The shapes, by name ("word", "indicators", "unit-chain"...); NULL past
 * the last. *what describes the shape and what n counts. */
const char *pp_gen_shape(int i, const char **what);

/* The largest n the shape accepts (texts are at most 100,000 characters). */
long pp_gen_max(const char *shape);

/* Writes the document of that shape and size to f; false for an unknown
 * shape or an n out of range. */
bool pp_gen_write(FILE *f, const char *shape, long n);

/* Writes a copy of the layout file `layout` in which every label's text is
 * a word of n characters: labels are text fields too. */
bool pp_gen_layout(FILE *f, const char *layout, long n);

#endif
