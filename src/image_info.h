/* What an image file is, without decoding it. */
#ifndef PP_IMAGE_INFO_H
#define PP_IMAGE_INFO_H

#include <stdbool.h>

/* Pixel size of a PNG or JPEG file from its header; false when the file
 * cannot be opened or is neither (or claims an absurd size). */
bool pp_image_size(const char *path, int *w, int *h);

#endif
