/* What an image file is, from its header, without decoding it: PNG or
 * JPEG, as the schema allows, and its size in pixels. */
#ifndef PP_IMAGE_INFO_H
#define PP_IMAGE_INFO_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

typedef enum { PP_IMAGE_NONE, PP_IMAGE_PNG, PP_IMAGE_JPEG } pp_image_kind;

/* The kind and pixel size of an image held in memory; PP_IMAGE_NONE when
 * it is neither kind, or its header is broken or claims an absurd size. */
pp_image_kind pp_image_info(const unsigned char *data, size_t n, int *w, int *h);

/* The pixel size of an image file: PP_OK; PP_ERR_INPUT when it cannot be
 * read or is no image; PP_ERR_ENV when out of memory, which callers must
 * not mistake for a bad file. */
pp_status pp_image_size(const char *path, int *w, int *h);

#endif
