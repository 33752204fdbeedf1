/* Reads only what cairo needs to embed a JPEG in a PDF: its size. */
#include "image_jpeg.h"

#include <glib.h>

#include "image_info.h"

cairo_surface_t *pp_jpeg_surface(const char *file, bool raster)
{
    gchar *data = NULL;
    gsize n = 0;
    if (!g_file_get_contents(file, &data, &n, NULL))
        return NULL;
    const unsigned char *b = (const unsigned char *)data;
    if (n < 4 || b[0] != 0xFF || b[1] != 0xD8 || b[2] != 0xFF) {
        g_free(data);
        return NULL;
    }
    int w = 0, h = 0;
    if (pp_image_info(b, n, &w, &h) != PP_IMAGE_JPEG || w > 32767 || h > 32767) {
        g_free(data);
        return cairo_image_surface_create(CAIRO_FORMAT_RGB24, -1, -1); /* error state */
    }
    /* The PDF backend only uses the mime data; the pixels (zeroed memory,
     * which the system commits only when touched) matter for raster output. */
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        g_free(data);
        return s;
    }
    if (raster) {
        cairo_t *cr = cairo_create(s);
        cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
        cairo_paint(cr);
        cairo_destroy(cr);
    }
    cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, (unsigned char *)data, n, g_free, data);
    return s;
}
