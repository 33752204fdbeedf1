/* Reads only what cairo needs to embed a JPEG in a PDF: the file itself,
 * as mime data on a surface of one pixel. The PDF backend writes the
 * file's bytes as the image (its size comes from the JPEG's own header)
 * and never reads the surface's pixels, so none are allocated: a
 * surface of the image's size (200 MB at 50 megapixels) was touched by
 * cairo all the same. Raster output paints that pixel, a grey box. */
#include "image_jpeg.h"

#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "image_info.h"

/* A JPEG of 50 megapixels at the highest quality is about 40 MB. */
#define MAX_JPEG_FILE (128u << 20)

cairo_surface_t *pp_jpeg_surface(FILE *f, bool raster)
{
    unsigned char head[3] = {0};
    bool is_jpeg = fread(head, 1, 3, f) == 3 && head[0] == 0xFF && head[1] == 0xD8 &&
                   head[2] == 0xFF;
    rewind(f);
    if (!is_jpeg) return NULL;
    char *data;
    size_t n;
    bool too_big;
    int w = 0, h = 0;
    if (!pp_read_stream(f, MAX_JPEG_FILE, &data, &n, &too_big) ||
        pp_image_info((const unsigned char *)data, n, &w, &h) != PP_IMAGE_JPEG) {
        free(data);
        return cairo_image_surface_create(CAIRO_FORMAT_RGB24, -1, -1); /* error state */
    }
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        free(data);
        return s;
    }
    if (raster) {
        cairo_t *cr = cairo_create(s);
        cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
        cairo_paint(cr);
        cairo_destroy(cr);
    }
    cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, (unsigned char *)data, n, free, data);
    return s;
}
