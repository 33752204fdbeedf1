/* The benchmark's Relazione as a Typst document: what
 * tests/bench/layout-typst-equal.xml makes perfpdf print of the XML
 * document (cover; INDICE; per area and strategic objective a heading and
 * one table per operational objective: its code, title, grado and band,
 * then indicatore, target, consuntivo, grado; the N/D notes under it;
 * the running header and "Pagina N di M"), in the same fonts (fonts/).
 * The texts are the generator's, formatted as perfpdf formats them, so
 * that both programs lay out the same words. Every text is a Typst string
 * (only '"' and '\' to escape: codes like 01_02_03 would be emphasis in
 * markup); one function, ob(), draws every table, as a Typst user would
 * write it. */
#include "bench_gen.h"

#include <string.h>

static const char preamble[] =
    "// Made by tests/bench/bench_gen: the benchmark's Relazione, the same content as\n"
    "// the XML document rendered with tests/bench/layout-typst-equal.xml.\n"
    "#let navy = rgb(\"#003366\")\n"
    "#let muted = rgb(\"#595959\")\n"
    "#let bands = (r: rgb(\"#2E7D32\"), p: rgb(\"#F9A825\"), n: rgb(\"#C62828\"), x: white)\n"
    "#set document(title: \"" BENCH_TITLE "\", author: \"" BENCH_ADMIN "\")\n"
    "#set text(font: \"DejaVu Serif\", size: 9.5pt, lang: \"it\")\n"
    "#set page(paper: \"a4\", margin: (top: 70.5pt, bottom: 68.5pt, x: 56.7pt),\n"
    "  header: context if here().page() > 1 {\n"
    "    set text(font: \"Titillium Web\", size: 8pt, fill: muted)\n"
    "    [" BENCH_ADMIN " — " BENCH_TITLE "]\n"
    "  },\n"
    "  footer: context if here().page() > 1 {\n"
    "    set text(font: \"Titillium Web\", size: 8pt, fill: muted)\n"
    "    align(right)[Pagina #counter(page).display() di #counter(page).final().first()]\n"
    "  })\n"
    "#show heading: set text(font: \"Titillium Web\", fill: navy, weight: 700)\n"
    "#show heading.where(level: 1): set text(size: 17pt)\n"
    "#show heading.where(level: 2): set text(size: 14pt)\n"
    "#show heading.where(level: 3): set text(size: 12pt, weight: 600)\n"
    "#show outline.entry.where(level: 1): set text(font: \"Titillium Web\", size: 11pt, "
    "weight: 700)\n"
    "#show outline.entry.where(level: 2): set text(font: \"Titillium Web\", size: 10pt)\n"
    "// One operational objective: a band row (code, title, grado, band) and the\n"
    "// column heads, both repeated when the table breaks; a row per indicator\n"
    "// (code, name, target, consuntivo, grado, band key); the notes under it.\n"
    "#let ob(code, title, grado, band, key, rows, notes) = block(above: 14pt, {\n"
    "  set text(font: \"Titillium Web\", size: 8.5pt)\n"
    "  let head(t) = table.cell(fill: navy, text(fill: white, weight: 700, t))\n"
    "  table(columns: (52fr, 18fr, 18fr, 12fr), inset: (x: 3pt, y: 5pt),\n"
    "    stroke: 0.5pt + rgb(\"#999999\"), align: (left, right, right, right),\n"
    "    table.header(\n"
    "      table.cell(colspan: 2, fill: rgb(\"#D9E6F2\"),\n"
    "        text(size: 9.5pt, weight: 700, fill: navy)[#code #title]),\n"
    "      table.cell(fill: rgb(\"#D9E6F2\"), text(size: 9.5pt, weight: 700, fill: navy, grado)),\n"
    "      table.cell(fill: bands.at(key).lighten(70%), text(weight: 700, band)),\n"
    "      head(\"Indicatore\"), head(\"Target\"), head(\"Consuntivo\"), head(\"Grado\")),\n"
    "    ..rows.map(r => ([*#r.at(0)* #r.at(1)], r.at(2), r.at(3),\n"
    "      table.cell(fill: bands.at(r.at(5)).lighten(75%), r.at(4)))).flatten())\n"
    "  set text(size: 8pt, fill: rgb(\"#333333\"))\n"
    "  for n in notes [#n \\ ]\n"
    "})\n";

/* A Typst string literal. */
static void str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') fputc('\\', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

/* v in Italian: "1.106", "83,91". */
static void fmt_it(char *buf, size_t size, double v, int decimals)
{
    char raw[64];
    snprintf(raw, sizeof raw, "%.*f", decimals, v);
    const char *dot = strchr(raw, '.'), *p = raw;
    size_t whole = dot ? (size_t)(dot - raw) : strlen(raw), n = 0;
    for (size_t i = 0; i < whole && n + 2 < size; i++) {
        if (i > 0 && (whole - i) % 3 == 0) buf[n++] = '.';
        buf[n++] = p[i];
    }
    if (dot && n + strlen(dot) < size) {
        buf[n++] = ',';
        for (const char *q = dot + 1; *q; q++) buf[n++] = *q;
    }
    buf[n] = '\0';
}

static void date_it(char *buf, size_t size, long day)
{
    int m, d;
    bench_date_of_day(day, &m, &d);
    snprintf(buf, size, "%02d/%02d/2022", d, m);
}

/* The band of a grado, as the document's Fasce say. */
static char band_key(double g) { return g >= 80 ? 'r' : g >= 60 ? 'p' : 'n'; }
static const char *band_label(char key)
{
    return key == 'r' ? "RAGGIUNTO" : key == 'p' ? "PARZIALMENTE RAGGIUNTO" : "NON RAGGIUNTO";
}

/* Target, consuntivo and grado of one indicator, as the table prints them. */
static void cells(const bench_indicator *in, char *target, char *actual, char *grado, size_t size)
{
    char num[32];
    switch (in->kind) {
    case BK_PERCENT:
    case BK_DAYS: {
        const char *unit = in->kind == BK_PERCENT ? "%" : "gg";
        fmt_it(num, sizeof num, (double)in->target, 2);
        snprintf(target, size, "%s %s %s", in->kind == BK_DAYS ? "<=" : ">=", num, unit);
        fmt_it(num, sizeof num,
               in->kind == BK_PERCENT ? (double)in->actual / 10 : (double)in->actual, 2);
        snprintf(actual, size, "%s %s", num, unit);
        break;
    }
    case BK_COUNT:
        fmt_it(num, sizeof num, (double)in->target, 0);
        snprintf(target, size, ">= %s N.", num);
        fmt_it(num, sizeof num, (double)in->actual, 0);
        snprintf(actual, size, "%s N.", num);
        break;
    case BK_DEADLINE:
        date_it(num, sizeof num, in->target);
        snprintf(target, size, "Entro %s", num);
        date_it(actual, size, in->actual);
        break;
    }
    fmt_it(num, sizeof num, in->grado, 2);
    snprintf(grado, size, "%s %%", num);
    if (in->nd) {
        snprintf(actual, size, "N/D");
        snprintf(grado, size, "N/D");
    }
}

static void operational(FILE *f, const bench_shape *sh, int a, long s, long so, long op)
{
    char code[64], title[512], name[512], t[96], c[96], g[96];
    long n = bench_indicators_of(sh, op), w[BENCH_PER_OP];
    bench_indicator in[BENCH_PER_OP];
    bench_weights(w, n, 'i', op);
    double sum = 0, weights = 0; /* N/D re-weighting: the others share its weight */
    for (long k = 0; k < n; k++) {
        in[k] = bench_make_indicator(op, k);
        if (in[k].nd) continue;
        sum += in[k].grado * (double)w[k];
        weights += (double)w[k];
    }
    double grado = weights > 0 ? sum / weights : 0;
    bench_op_code(code, sizeof code, a, s, so);
    bench_name(title, sizeof title, 'O', op, 5, 12);
    fmt_it(g, sizeof g, grado, 2);
    fputs("#ob(", f);
    str(f, code);
    fputs(", ", f);
    str(f, title);
    fprintf(f, ", \"%s %%\", \"%s\", \"%c\", (\n", g, band_label(band_key(grado)),
            band_key(grado));
    for (long k = 0; k < n; k++) {
        snprintf(name, sizeof name, "%s_%ld", code, k + 1);
        fputs("  (", f);
        str(f, name);
        fputs(", ", f);
        bench_name(name, sizeof name, 'N', op * BENCH_PER_OP + k, 4, 16);
        str(f, name);
        cells(&in[k], t, c, g, sizeof t);
        fprintf(f, ", \"%s\", \"%s\", \"%s\", \"%c\"),\n", t, c, g,
                in[k].nd ? 'x' : band_key(in[k].grado));
    }
    fputs("), (", f);
    for (long k = 0; k < n; k++)
        if (in[k].nd)
            fprintf(f, "\"%s_%ld: consuntivo non disponibile (N/D) – " BENCH_ND_REASON "\",", code,
                    k + 1);
    fputs("))\n", f);
}

void bench_write_typst(FILE *f, const bench_shape *sh)
{
    char title[512];
    fputs(preamble, f);
    fputs("#align(center, {\n"
          "  set text(font: \"Titillium Web\")\n"
          "  v(120pt); text(size: 20pt, weight: 600)[" BENCH_ADMIN "]\n"
          "  v(90pt); text(size: 30pt, weight: 700, fill: navy)[" BENCH_TITLE "]\n"
          "  v(90pt); text(size: 12pt)[Adottata con Deliberazione di Giunta n. 57/23 del "
          "20/06/2023]\n"
          "})\n"
          "#pagebreak()\n"
          "#outline(title: text(font: \"Titillium Web\", size: 18pt, fill: navy)[INDICE], "
          "depth: 2)\n"
          "#pagebreak()\n"
          "#heading(level: 1, numbering: \"1\")[Gli obiettivi operativi annuali]\n",
          f);
    for (int a = 0; a < BENCH_AREAS; a++) {
        long lo, hi;
        bench_area_range(sh, a, &lo, &hi);
        fprintf(f, "#heading(level: 2)[Ambito strategico %d – %s]\n", a + 1,
                bench_area_titles[a]);
        for (long s = lo; s < hi; s++) {
            bench_name(title, sizeof title, 'T', s, 5, 12);
            fprintf(f, "#heading(level: 3, outlined: false, ");
            fprintf(f, "\"Obiettivo strategico %02d_%02ld – %s\")\n", a + 1, s - lo + 1, title);
            for (long o = sh->first[s]; o < sh->first[s + 1]; o++)
                operational(f, sh, a, s - lo, o - sh->first[s], o);
        }
    }
}
