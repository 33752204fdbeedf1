/* The bundled fonts folder, the private fontconfig set made from it, and
 * the table of faces used by a document. */
#include "fonts.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <pango/pangofc-font.h>

#include "grow.h"
#include "text.h"

#ifndef PERFPDF_SOURCE_FONTS_DIR
#define PERFPDF_SOURCE_FONTS_DIR ""
#endif
#ifndef PERFPDF_INSTALLED_FONTS_DIR
#define PERFPDF_INSTALLED_FONTS_DIR ""
#endif

static bool is_dir(const char *path)
{
    struct stat st;
    return path && *path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *pp_fonts_dir_default(void)
{
    /* An explicit choice wins even when wrong: pp_text_new then says the
     * folder is missing instead of silently using another set of fonts. */
    const char *env = getenv("PERFPDF_FONTS");
    if (env && *env)
        return env;
    if (is_dir(PERFPDF_SOURCE_FONTS_DIR))
        return PERFPDF_SOURCE_FONTS_DIR;
    if (is_dir(PERFPDF_INSTALLED_FONTS_DIR))
        return PERFPDF_INSTALLED_FONTS_DIR;
    return NULL;
}

static bool is_font_file(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 4 &&
           (strcasecmp(name + n - 4, ".ttf") == 0 || strcasecmp(name + n - 4, ".otf") == 0);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Font file names of dir, sorted; *n files. NULL with errno on failure
 * (an empty folder gives a non-NULL empty list). */
static char **list_fonts(const char *dir, size_t *n)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return NULL;
    char **names = NULL;
    size_t cap = 0;
    *n = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        if (!is_font_file(e->d_name))
            continue;
        if (!pp_grow(&names, &cap, *n + 1, sizeof *names, 16))
            goto oom;
        if (!(names[*n] = strdup(e->d_name)))
            goto oom;
        (*n)++;
    }
    closedir(dp);
    if (!names)
        names = calloc(1, sizeof *names);
    if (names)
        qsort(names, *n, sizeof *names, cmp_names);
    return names;
oom:
    closedir(dp);
    for (size_t i = 0; i < *n; i++)
        free(names[i]);
    free(names);
    errno = ENOMEM;
    return NULL;
}

static bool add_fonts(FcConfig *cfg, const char *dir, char **names, size_t n, pp_diags *d)
{
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        char *path = malloc(len);
        if (!path) {
            pp_error(d, 0, 0, "out of memory loading fonts");
            return false;
        }
        snprintf(path, len, "%s/%s", dir, names[i]);
        if (!FcConfigAppFontAddFile(cfg, (const FcChar8 *)path)) {
            pp_error(d, 0, 0, "cannot load font %s", path);
            ok = false;
        }
        free(path);
    }
    return ok;
}

FcConfig *pp_fonts_config_new(const char *dir, pp_diags *d)
{
    if (!dir || !*dir) {
        pp_error(d, 0, 0,
                 "fonts folder not found: set PERFPDF_FONTS to the folder of the bundled fonts");
        return NULL;
    }
    size_t n = 0;
    char **names = list_fonts(dir, &n);
    if (!names) {
        pp_error(d, 0, 0, "cannot read fonts folder %s: %s", dir, strerror(errno));
        return NULL;
    }
    FcConfig *cfg = NULL;
    if (n == 0) {
        pp_error(d, 0, 0, "no .ttf or .otf fonts in %s", dir);
    } else if (!(cfg = FcConfigCreate())) {
        pp_error(d, 0, 0, "out of memory creating the font configuration");
    } else if (!add_fonts(cfg, dir, names, n, d)) {
        FcConfigDestroy(cfg);
        cfg = NULL;
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return cfg;
}

bool pp_fonts_config_has_family(FcConfig *cfg, const char *family)
{
    FcFontSet *set = FcConfigGetFonts(cfg, FcSetApplication);
    for (int i = 0; set && family && i < set->nfont; i++) {
        FcChar8 *fam;
        for (int k = 0; FcPatternGetString(set->fonts[i], FC_FAMILY, k, &fam) == FcResultMatch;
             k++)
            if (FcStrCmpIgnoreCase(fam, (const FcChar8 *)family) == 0)
                return true;
    }
    return false;
}

void pp_font_set_init(pp_font_set *s)
{
    *s = (pp_font_set){0};
    pthread_mutex_init(&s->lock, NULL);
}

int pp_font_set_index(pp_font_set *s, PangoFont *f)
{
    if (!PANGO_IS_FC_FONT(f))
        return -1;
    FcPattern *pat = pango_fc_font_get_pattern(PANGO_FC_FONT(f));
    FcChar8 *file = NULL;
    int index = 0;
    if (!pat || FcPatternGetString(pat, FC_FILE, 0, &file) != FcResultMatch)
        return -1;
    FcPatternGetInteger(pat, FC_INDEX, 0, &index);
    /* read without the lock: this thread is the only one that writes */
    for (size_t i = 0; i < s->count; i++)
        if (s->fonts[i]->face_index == index && strcmp(s->fonts[i]->file, (char *)file) == 0)
            return (int)i;
    pp_dl_font *font = malloc(sizeof *font);
    char *copy = strdup((char *)file);
    pthread_mutex_lock(&s->lock);
    bool ok = font && copy && pp_grow(&s->fonts, &s->cap, s->count + 1, sizeof *s->fonts, 8);
    if (ok) {
        *font = (pp_dl_font){.file = copy, .face_index = index};
        s->fonts[s->count++] = font;
    }
    pthread_mutex_unlock(&s->lock);
    if (ok)
        return (int)s->count - 1;
    free(font);
    free(copy);
    return -1;
}

size_t pp_font_set_count(pp_font_set *s)
{
    pthread_mutex_lock(&s->lock);
    size_t n = s->count;
    pthread_mutex_unlock(&s->lock);
    return n;
}

const pp_dl_font *pp_font_set_get(pp_font_set *s, int i)
{
    pthread_mutex_lock(&s->lock);
    const pp_dl_font *f = i >= 0 && (size_t)i < s->count ? s->fonts[i] : NULL;
    pthread_mutex_unlock(&s->lock);
    return f;
}

void pp_font_set_clear(pp_font_set *s)
{
    for (size_t i = 0; i < s->count; i++) {
        free((char *)s->fonts[i]->file);
        free(s->fonts[i]);
    }
    free(s->fonts);
    pthread_mutex_destroy(&s->lock);
    *s = (pp_font_set){0};
}
