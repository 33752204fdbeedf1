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

static HPDF_Image png_image_of(haru_backend *b, const unsigned char *data, size_t n, char *why,
                               bool *oom)
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
        *oom = true;
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

/* The image file's bytes as a libharu image; why says what is wrong. */
static HPDF_Image decode(haru_backend *b, const char *data, size_t n, char *why, bool *oom)
{
    int w, h;
    switch (pp_image_info((const unsigned char *)data, n, &w, &h)) {
    case PP_IMAGE_JPEG:
        return HPDF_LoadJpegImageFromMem(b->pdf, (const HPDF_BYTE *)data, (HPDF_UINT)n);
    case PP_IMAGE_PNG: return png_image_of(b, (const unsigned char *)data, n, why, oom);
    default:
        snprintf(why, PNG_WHY_SIZE, "not a PNG or JPEG image within the size limits");
        return NULL;
    }
}

static pp_status load(haru_backend *b, const char *file, pp_diags *d, HPDF_Image *out)
{
    if ((*out = g_hash_table_lookup(b->images, file))) return PP_OK;
    char why[PNG_WHY_SIZE] = "";
    const char *open_why = NULL;
    bool oom = false, too_big = false;
    char *data = NULL;
    size_t n = 0;
    FILE *f = pp_open_regular(file, &open_why);
    if (f && !pp_read_stream(f, IMAGE_MAX_BYTES, &data, &n, &too_big))
        snprintf(why, sizeof why, "%s", too_big ? "too large" : "cannot be read");
    else if (!f)
        snprintf(why, sizeof why, "%s", open_why);
    if (f) fclose(f);
    HPDF_Image img = data ? decode(b, data, n, why, &oom) : NULL;
    free(data);
    if (!img && (oom || b->error == HPDF_FAILD_TO_ALLOC_MEM)) return pp_diag_oom(d);
    if (!img) {
        pp_error(d, 0, 0, "cannot read image %s (PNG or JPEG): %s", file,
                 why[0] ? why : "libharu cannot embed it");
        b->error = 0;
        return PP_ERR_INPUT;
    }
    /* A CMYK JPEG cannot stand beside an sRGB OutputIntent in PDF/A-1,
     * and converting it without its profile would change its colours. */
    if (b->opt.pdfa && strcmp(HPDF_Image_GetColorSpace(img), "DeviceCMYK") == 0) {
        pp_error(d, 0, 0, "image %s is a CMYK JPEG: the PDF/A copy (sRGB) cannot hold it; save "
                 "it as an RGB JPEG or a PNG", file);
        return PP_ERR_INPUT;
    }
    g_hash_table_insert(b->images, g_strdup(file), img);
    *out = img;
    return PP_OK;
}

pp_status pp_haru_image(void *impl, const pp_dl_item *it, pp_diags *d)
{
    haru_backend *b = impl;
    HPDF_Image img;
    pp_status st = load(b, it->u.image.file, d, &img);
    if (st != PP_OK) return st;
    HPDF_Page_DrawImage(b->page, img, (HPDF_REAL)it->u.image.x,
                        (HPDF_REAL)haru_y(b, it->u.image.y + it->u.image.h),
                        (HPDF_REAL)it->u.image.w, (HPDF_REAL)it->u.image.h);
    return PP_OK;
}
