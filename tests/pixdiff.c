/* pixdiff A.pgm B.pgm [THRESHOLD]: how many pixels of two greyscale images
 * (binary PGM, as `pdftoppm -gray` writes them) differ by more than
 * THRESHOLD levels (default 64 of 255), and of how many; exit 2 when the
 * sizes differ or a file is no PGM. The rasterised comparison of the cairo
 * and libharu copies uses it (render_pdfa.sh), with no image library. */
#include <stdio.h>
#include <stdlib.h>

static int token(FILE *f, long *v)
{
    int c;
    do {
        c = fgetc(f);
        if (c == '#')
            while (c != '\n' && c != EOF) c = fgetc(f);
    } while (c == ' ' || c == '\n' || c == '\r' || c == '\t');
    if (c < '0' || c > '9') return 0;
    *v = 0;
    while (c >= '0' && c <= '9') {
        if (*v > 100000) return 0;
        *v = *v * 10 + (c - '0');
        c = fgetc(f);
    }
    return 1; /* the one whitespace after the last number is consumed */
}

static unsigned char *read_pgm(const char *path, long *w, long *h)
{
    FILE *f = fopen(path, "rb");
    long max;
    unsigned char *px = NULL;
    if (f && fgetc(f) == 'P' && fgetc(f) == '5' && token(f, w) && token(f, h) &&
        token(f, &max) && max == 255 && *w > 0 && *h > 0) {
        px = malloc((size_t)(*w * *h));
        if (px && fread(px, 1, (size_t)(*w * *h), f) != (size_t)(*w * *h)) {
            free(px);
            px = NULL;
        }
    }
    if (f) fclose(f);
    return px;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: pixdiff A.pgm B.pgm [THRESHOLD]\n");
        return 2;
    }
    int threshold = argc > 3 ? atoi(argv[3]) : 64;
    long wa, ha, wb, hb;
    unsigned char *a = read_pgm(argv[1], &wa, &ha), *b = read_pgm(argv[2], &wb, &hb);
    if (!a || !b || wa != wb || ha != hb) {
        fprintf(stderr, "pixdiff: %s and %s are not two PGM images of one size\n", argv[1],
                argv[2]);
        free(a);
        free(b);
        return 2;
    }
    long diff = 0;
    for (long i = 0; i < wa * ha; i++)
        if (abs(a[i] - b[i]) > threshold) diff++;
    printf("%ld %ld\n", diff, wa * ha);
    free(a);
    free(b);
    return 0;
}
