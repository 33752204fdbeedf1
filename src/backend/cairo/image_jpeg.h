/* JPEG images for cairo without decoding them: the PDF backend embeds the
 * file as it is (cairo's JPEG mime data); raster output shows a grey box. */
#ifndef PP_IMAGE_JPEG_H
#define PP_IMAGE_JPEG_H

#include <stdbool.h>

#include <cairo.h>

/* NULL when file is not a JPEG (or cannot be read: let the PNG loader say
 * why); otherwise a surface of the image's size carrying the JPEG data, in
 * an error state when the JPEG is malformed. Its pixels are a light grey
 * placeholder (for raster backends). */
cairo_surface_t *pp_jpeg_surface(const char *file, bool raster);

#endif
