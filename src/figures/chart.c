/* Charts from narrative content: the height a chart wants, the alternative
 * text, and the dispatch to bars (fig_bars.c) or pie (fig_pie.c). The
 * chart's title (pp_block.caption) is the figure's caption: the layout
 * prints it, as it does for tables; here it goes into the alternative text. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fig_chart.h"
#include "numfmt.h"

pp_rgb chart_colour(size_t i)
{
    static const char *const hex[CHART_NCOLOURS] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                                    "#56B4E9", "#D55E00", "#F0E442", "#999999"};
    pp_rgb c = FIG_GREY;
    pp_rgb_parse(hex[i % CHART_NCOLOURS], &c);
    return c;
}

bool chart_value(double v, double *out)
{
    if (isnan(v)) return false;
    *out = fig_clamp(v, -CHART_MAX_VALUE, CHART_MAX_VALUE);
    return true;
}

double chart_line_height(pp_text *t, const pp_font_spec *f)
{
    pp_lines *l = pp_text_shape(t, "Ag", f, 0, PP_ALIGN_LEFT);
    double h = l ? pp_lines_total_height(l) : f->size * 1.2;
    pp_lines_free(l);
    return h;
}

pp_lines *chart_label(pp_text *t, const pp_font_spec *f, const char *text, double width,
                      pp_align align)
{
    return fig_shape_clamped(t, f, NULL, text ? text : "", width, align, 1);
}

bool chart_message(pp_page *p, pp_text *t, const pp_figure_style *s, const char *msg, double x,
                   double y, double w, double h)
{
    if (w < 3 * s->label.size) return true;
    pp_lines *l = fig_shape_clamped(t, &s->label, NULL, msg, w - 2 * CHART_PAD, PP_ALIGN_CENTER, 2);
    if (!l) return false;
    double lh = pp_lines_total_height(l);
    bool ok = lh > h - 2 * CHART_PAD || fig_emit(l, p, x + CHART_PAD, y + (h - lh) / 2, s->muted);
    pp_lines_free(l);
    return ok;
}

static bool is_pie(const pp_block *chart)
{
    return chart->chart_type && strcmp(chart->chart_type, "torta") == 0;
}

static size_t max_points(const pp_block *chart)
{
    size_t n = 0;
    for (size_t i = 0; i < chart->nseries; i++)
        if (chart->series[i].npoints > n) n = chart->series[i].npoints;
    return n;
}

/* Rows a flowing legend of the series takes, guessing text widths (the
 * layout asks for a height before any text is shaped). */
static size_t guessed_legend_rows(const pp_block *chart, double w)
{
    const double em = 8, item_gap = 12;
    double x = 0;
    size_t rows = 0;
    for (size_t i = 0; i < chart->nseries; i++) {
        const char *name = chart->series[i].name ? chart->series[i].name : "";
        double iw = fmin(em + 3 + 0.5 * em * (double)strlen(name), w) + item_gap;
        if (rows == 0 || x + iw > w) {
            rows++;
            x = 0;
        }
        x += iw;
    }
    return rows;
}

double pp_chart_height(const pp_block *chart, double w)
{
    if (!chart || !(w > 0) || !isfinite(w)) return 0;
    if (chart_is_hbars(chart)) return chart_hbars_height(chart, w);
    const double line = 11; /* a label line at the usual 8 pt */
    if (is_pie(chart)) {
        size_t n = 0;
        for (size_t i = 0; chart->nseries && i < chart->series[0].npoints; i++)
            if (chart->series[0].points[i].value > 0) n++;
        size_t rows = n < CHART_NCOLOURS ? n : CHART_NCOLOURS;
        double d = fig_clamp(0.4 * w, 100, 200);
        double legend = (double)rows * (line + 2);
        bool side = w - d - 12 >= 150;
        return (side ? fmax(d, legend) : fmin(d, w) + 6 + legend) + 2 * CHART_PAD;
    }
    double plot = fig_clamp(0.45 * w, 110, 260);
    bool named = chart->nseries > 1 ||
                 (chart->nseries == 1 && chart->series[0].name && chart->series[0].name[0]);
    double legend = named ? (double)guessed_legend_rows(chart, w) * (line + 2) + 4 : 0;
    double unit = chart->chart_unit && chart->chart_unit[0] ? line + 2 : 0;
    double labels = max_points(chart) ? 2 * line + 4 : 0;
    return fmin(plot + unit + labels + fmin(legend, 6 * (line + 2)) + line + 2 * CHART_PAD, 520);
}

/* Appends to a bounded buffer; stops quietly when it is full. */
static void append(char *buf, size_t size, size_t *len, const char *fmt, const char *a,
                   const char *b)
{
    if (*len >= size - 1) return;
    int n = snprintf(buf + *len, size - *len, fmt, a, b);
    if (n < 0) return;
    *len += (size_t)n < size - *len ? (size_t)n : size - *len - 1;
}

/* "Grafico a barre: title. Serie: etichetta valore; ..." (at most ~700
 * characters: a reader of the alternative text wants the gist, and the
 * data are in the document's open format). */
static char *chart_alt(pp_page *p, const pp_block *chart)
{
    if (chart->alt && chart->alt[0]) return pp_arena_strdup(p->arena, chart->alt);
    char buf[720];
    size_t len = 0;
    buf[0] = '\0';
    append(buf, sizeof buf, &len, "%s%s",
           is_pie(chart)             ? "Grafico a torta"
           : chart_is_hbars(chart)   ? "Grafico a barre orizzontali"
                                     : "Grafico a barre",
           "");
    if (chart->caption && chart->caption[0])
        append(buf, sizeof buf, &len, "%s%s", ": ", chart->caption);
    for (size_t i = 0; i < chart->nseries; i++) {
        const pp_series *se = &chart->series[i];
        append(buf, sizeof buf, &len, "%s%s", ". ", se->name && se->name[0] ? se->name : "Valori");
        for (size_t k = 0; k < se->npoints; k++) {
            char num[PP_FMT_IT_SIZE];
            pp_fmt_it(se->points[k].value, 2, num, sizeof num);
            append(buf, sizeof buf, &len, k ? "; %s %s" : ": %s %s",
                   se->points[k].label ? se->points[k].label : "", num);
        }
    }
    if (len >= sizeof buf - 1) { /* cut: say so, at a character boundary */
        size_t cut = sizeof buf - 4;
        while (cut > 0 && ((unsigned char)buf[cut] & 0xC0) == 0x80) cut--;
        strcpy(buf + cut, "\xE2\x80\xA6");
    }
    return pp_arena_strdup(p->arena, buf);
}

bool pp_chart_draw(pp_page *p, pp_text *t, const pp_figure_style *s, const pp_block *chart,
                   double x, double y, double w, double h)
{
    if (!p || !t || !s || !chart) return false;
    if (!isfinite(x) || !isfinite(y) || !(w > 0) || !(h > 0) || !isfinite(w) || !isfinite(h))
        return true;
    char *alt = chart_alt(p, chart);
    if (!alt || !fig_tag_begin(p, "Figure", alt)) return false;
    bool ok;
    if (chart->nseries == 0 || max_points(chart) == 0)
        ok = chart_message(p, t, s, "Nessun dato da rappresentare", x, y, w, h);
    else if (is_pie(chart))
        ok = chart_pie(p, t, s, chart, x, y, w, h);
    else if (chart_is_hbars(chart))
        ok = chart_hbars(p, t, s, chart, x, y, w, h);
    else
        ok = chart_bars(p, t, s, chart, x, y, w, h);
    return ok && fig_tag_end(p, "Figure");
}
