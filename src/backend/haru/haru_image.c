/* Images: a JPEG goes into the PDF as it is (DCTDecode); a PNG is decoded
 * with libpng and written as RGB pixels, any transparency flattened on
 * white, since PDF/A-1 allows no soft mask. Each file is embedded once. */
#include <png.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "haru_internal.h"
#include "image_info.h"

/* The largest file read: a JPEG of the largest size accepted. */
#define IMAGE_MAX_BYTES (256u << 20)

/* Why a PNG cannot be used goes into why[PNG_WHY_SIZE] (libpng's message
 * lives in the png_image). */
#define PNG_WHY_SIZE 80

static HPDF_Image png_image_of(haru_backend *b, const unsigned char *data, size_t n, char *why)
{
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&img, data, n)) {
        snprintf(why, PNG_WHY_SIZE, "%s", img.message);
        return NULL;
    }
    if (!pp_image_size_ok(img.width, img.height)) {
        png_image_free(&img);
        snprintf(why, PNG_WHY_SIZE, "too many pixels");
        return NULL;
    }
    img.format = PNG_FORMAT_RGB;
    size_t stride = PNG_IMAGE_ROW_STRIDE(img), size = PNG_IMAGE_BUFFER_SIZE(img, stride);
    unsigned char *pixels = malloc(size ? size : 1);
    png_color white = {255, 255, 255};
    if (!pixels) {
        png_image_free(&img);
        snprintf(why, PNG_WHY_SIZE, "out of memory");
        return NULL;
    }
    HPDF_Image out = NULL;
    if (png_image_finish_read(&img, &white, pixels, (png_int_32)stride, NULL))
        out = HPDF_LoadRawImageFromMem(b->pdf, pixels, img.width, img.height,
                                       HPDF_CS_DEVICE_RGB, 8);
    else
        snprintf(why, PNG_WHY_SIZE, "%s", img.message);
    free(pixels);
    png_image_free(&img);
    return out;
}

static HPDF_Image load(haru_backend *b, const char *file, pp_diags *d)
{
    HPDF_Image img = g_hash_table_lookup(b->images, file);
    if (img) return img;
    const char *why = NULL;
    char png_why[PNG_WHY_SIZE] = "";
    FILE *f = pp_open_regular(file, &why);
    char *data = NULL;
    size_t n = 0;
    bool too_big = false;
    if (f && !pp_read_stream(f, IMAGE_MAX_BYTES, &data, &n, &too_big))
        why = too_big ? "too large" : "cannot be read";
    if (f) fclose(f);
    int w, h;
    pp_image_kind kind = data ? pp_image_info((unsigned char *)data, n, &w, &h) : PP_IMAGE_NONE;
    if (data && kind == PP_IMAGE_JPEG)
        img = HPDF_LoadJpegImageFromMem(b->pdf, (const HPDF_BYTE *)data, (HPDF_UINT)n);
    else if (data && kind == PP_IMAGE_PNG)
        img = png_image_of(b, (unsigned char *)data, n, png_why);
    else if (data)
        why = "not a PNG or JPEG image within the size limits";
    free(data);
    if (!img && png_why[0]) why = png_why;
    if (!img) {
        pp_error(d, 0, 0, "cannot read image %s (PNG or JPEG): %s", file,
                 why ? why : "libharu cannot embed it");
        b->error = 0;
        return NULL;
    }
    g_hash_table_insert(b->images, g_strdup(file), img);
    return img;
}

pp_status pp_haru_image(void *impl, const pp_dl_item *it, pp_diags *d)
{
    haru_backend *b = impl;
    HPDF_Image img = load(b, it->u.image.file, d);
    if (!img) return PP_ERR_INPUT;
    HPDF_Page_DrawImage(b->page, img, (HPDF_REAL)it->u.image.x,
                        (HPDF_REAL)haru_y(b, it->u.image.y + it->u.image.h),
                        (HPDF_REAL)it->u.image.w, (HPDF_REAL)it->u.image.h);
    return PP_OK;
}
