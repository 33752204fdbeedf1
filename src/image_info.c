/* The size of an image from its header, so the checks can refuse a file
 * that is not an image and the layout can place it without decoding it
 * (the backend does that). PNG and JPEG, as the schema allows. */
#include "image_info.h"

#include <stdio.h>
#include <string.h>

static unsigned be16(const unsigned char *p) { return (unsigned)p[0] << 8 | p[1]; }

static unsigned long be32(const unsigned char *p)
{
    return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

static bool png_size(FILE *f, const unsigned char *head, int *w, int *h)
{
    (void)f;
    /* signature, IHDR length and type, then width and height */
    if (memcmp(head, "\x89PNG\r\n\x1a\n", 8) != 0 || memcmp(head + 12, "IHDR", 4) != 0)
        return false;
    unsigned long pw = be32(head + 16), ph = be32(head + 20);
    if (pw == 0 || ph == 0 || pw > 100000 || ph > 100000) return false;
    *w = (int)pw;
    *h = (int)ph;
    return true;
}

/* Walks the JPEG segments up to the first start-of-frame. */
static bool jpeg_size(FILE *f, int *w, int *h)
{
    if (fseek(f, 2, SEEK_SET) != 0) return false;
    for (int guard = 0; guard < 10000; guard++) {
        unsigned char m[4];
        if (fread(m, 1, 2, f) != 2 || m[0] != 0xFF) return false;
        while (m[1] == 0xFF) /* fill bytes */
            if (fread(m + 1, 1, 1, f) != 1) return false;
        unsigned marker = m[1];
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) continue;
        if (fread(m, 1, 2, f) != 2) return false;
        unsigned len = be16(m);
        if (len < 2) return false;
        bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
                   marker != 0xCC;
        if (sof) {
            unsigned char s[5];
            if (len < 7 || fread(s, 1, 5, f) != 5) return false;
            unsigned ph = be16(s + 1), pw = be16(s + 3);
            if (pw == 0 || ph == 0) return false;
            *w = (int)pw;
            *h = (int)ph;
            return true;
        }
        if (fseek(f, (long)len - 2, SEEK_CUR) != 0) return false;
    }
    return false;
}

bool pp_image_size(const char *path, int *w, int *h)
{
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    unsigned char head[24];
    bool ok = false;
    if (fread(head, 1, sizeof head, f) == sizeof head) {
        if (head[0] == 0x89) ok = png_size(f, head, w, h);
        else if (head[0] == 0xFF && head[1] == 0xD8) ok = jpeg_size(f, w, h);
    }
    fclose(f);
    return ok;
}
