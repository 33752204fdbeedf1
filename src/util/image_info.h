/* What an image file is, from its header, without decoding it: PNG or
 * JPEG, as the schema allows, and its size in pixels. */
#ifndef PP_IMAGE_INFO_H
#define PP_IMAGE_INFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"

typedef enum { PP_IMAGE_NONE, PP_IMAGE_PNG, PP_IMAGE_JPEG } pp_image_kind;

/* The largest image accepted: cairo's image surfaces stop at 32,767
 * pixels a side, and a PNG is decoded into 4 bytes a pixel, so 50
 * megapixels are 200 MB (a 300 dpi A4 page is 8.7 megapixels). */
#define PP_IMAGE_MAX_SIDE 32767ul
#define PP_IMAGE_MAX_PIXELS 50000000ul

/* True when an image of w x h pixels is within those limits. */
bool pp_image_size_ok(unsigned long w, unsigned long h);

/* The kind and pixel size of an image held in memory; PP_IMAGE_NONE when
 * it is neither kind, or its header is broken or claims an absurd size. */
pp_image_kind pp_image_info(const unsigned char *data, size_t n, int *w, int *h);

/* The same for what f holds from where it stands; *oom (when oom is not
 * NULL) tells a failure to allocate from a file that is no image. */
pp_image_kind pp_image_stream_info(FILE *f, int *w, int *h, bool *oom);

/* The pixel size of an image file (a regular file only: see
 * pp_open_regular): PP_OK; PP_ERR_INPUT when it cannot be read or is no
 * image; PP_ERR_ENV when out of memory, which callers must not mistake for
 * a bad file. */
pp_status pp_image_size(const char *path, int *w, int *h);

#endif
