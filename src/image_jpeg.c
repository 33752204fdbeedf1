/* Reads only what cairo needs to embed a JPEG in a PDF: its size. */
#include "image_jpeg.h"

#include <glib.h>

/* Width and height from the first start-of-frame marker. */
static bool jpeg_size(const unsigned char *b, size_t n, int *w, int *h)
{
    size_t i = 2; /* after FF D8 */
    while (i + 4 <= n) {
        if (b[i] != 0xFF)
            return false;
        unsigned m = b[i + 1];
        if (m == 0xFF) { /* fill byte */
            i++;
            continue;
        }
        if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7)) { /* no length */
            i += 2;
            continue;
        }
        size_t len = (size_t)b[i + 2] << 8 | b[i + 3];
        if (len < 2)
            return false;
        bool sof = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
        if (sof && i + 9 <= n) {
            *h = b[i + 5] << 8 | b[i + 6];
            *w = b[i + 7] << 8 | b[i + 8];
            return *w > 0 && *h > 0;
        }
        if (m == 0xD9 || m == 0xDA) /* end of image / start of scan: no frame seen */
            return false;
        i += 2 + len;
    }
    return false;
}

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
    if (!jpeg_size(b, n, &w, &h) || w > 32767 || h > 32767) {
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
