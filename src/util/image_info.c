/* The size of an image from its header, so the checks can refuse a file
 * that is not an image, the layout can place it and a backend can embed a
 * JPEG as it is: one reader of PNG and JPEG headers for all of them. */
#include "image_info.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "grow.h"

static unsigned be16(const unsigned char *p) { return (unsigned)p[0] << 8 | p[1]; }

static unsigned long be32(const unsigned char *p)
{
    return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

/* Past the limits nothing is allocated for the image, whoever asks. */
static bool set_size(unsigned long pw, unsigned long ph, int *w, int *h)
{
    if (!pp_image_size_ok(pw, ph)) return false;
    *w = (int)pw;
    *h = (int)ph;
    return true;
}

/* Signature, IHDR length and type, then width and height. */
static bool png_size(const unsigned char *b, size_t n, int *w, int *h)
{
    return n >= 24 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0 && memcmp(b + 12, "IHDR", 4) == 0 &&
           set_size(be32(b + 16), be32(b + 20), w, h);
}

/* Walks the JPEG segments up to the first start-of-frame. */
static bool jpeg_size(const unsigned char *b, size_t n, int *w, int *h)
{
    size_t i = 2; /* after FF D8 */
    while (i + 4 <= n) {
        if (b[i] != 0xFF) return false;
        unsigned m = b[i + 1];
        if (m == 0xFF) { /* fill byte */
            i++;
            continue;
        }
        if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7)) { /* no length */
            i += 2;
            continue;
        }
        size_t len = be16(b + i + 2);
        if (len < 2) return false;
        bool sof = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
        if (sof) return len >= 7 && i + 9 <= n && set_size(be16(b + i + 7), be16(b + i + 5), w, h);
        if (m == 0xD9 || m == 0xDA) return false; /* end of image / scan: no frame seen */
        i += 2 + len;
    }
    return false;
}

bool pp_image_size_ok(unsigned long w, unsigned long h)
{
    return w > 0 && h > 0 && w <= PP_IMAGE_MAX_SIDE && h <= PP_IMAGE_MAX_SIDE &&
           w * h <= PP_IMAGE_MAX_PIXELS;
}

pp_image_kind pp_image_info(const unsigned char *b, size_t n, int *w, int *h)
{
    if (n >= 8 && b[0] == 0x89) return png_size(b, n, w, h) ? PP_IMAGE_PNG : PP_IMAGE_NONE;
    if (n >= 4 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        return jpeg_size(b, n, w, h) ? PP_IMAGE_JPEG : PP_IMAGE_NONE;
    return PP_IMAGE_NONE;
}

/* The header is in the first bytes, but a JPEG may carry large metadata
 * segments before its frame: read up to the first 16 MB. */
pp_image_kind pp_image_stream_info(FILE *f, int *w, int *h, bool *oom)
{
    size_t cap = 16u << 20, n = 0, have = 0;
    unsigned char *b = NULL;
    pp_image_kind k = PP_IMAGE_NONE;
    bool failed = false;
    /* 64 KB first, doubled while the buffer fills and no header is seen */
    for (;;) {
        if (!pp_grow(&b, &have, n + 1, 1, 64 * 1024)) {
            failed = true;
            break;
        }
        n += fread(b + n, 1, have - n, f);
        k = pp_image_info(b, n, w, h);
        if (k != PP_IMAGE_NONE || n < have || have >= cap) break;
    }
    free(b);
    if (oom) *oom = failed;
    return k;
}

pp_status pp_image_size(const char *path, int *w, int *h)
{
    const char *why;
    FILE *f = pp_open_regular(path, &why);
    if (!f) return PP_ERR_INPUT;
    bool oom = false;
    pp_image_kind k = pp_image_stream_info(f, w, h, &oom);
    fclose(f);
    return oom ? PP_ERR_ENV : k != PP_IMAGE_NONE ? PP_OK : PP_ERR_INPUT;
}
