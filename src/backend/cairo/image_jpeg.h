/* JPEG images for cairo without decoding them: the PDF backend embeds the
 * file as it is (cairo's JPEG mime data); raster output shows a grey box. */
#ifndef PP_IMAGE_JPEG_H
#define PP_IMAGE_JPEG_H

#include <stdbool.h>
#include <stdio.h>

#include <cairo.h>

/* NULL when f does not hold a JPEG (f is rewound: let the PNG loader read
 * it); otherwise a surface of one pixel carrying the JPEG data, in an
 * error state when the JPEG is malformed or over the size limits. */
cairo_surface_t *pp_jpeg_surface(FILE *f, bool raster);

#endif
