/* The benchmark's Relazione as our XML document (see bench_gen.c). */
#include "bench_gen.h"

#include <stdlib.h>

static void xml_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '&') fputs("&amp;", f);
        else if (*s == '<') fputs("&lt;", f);
        else if (*s == '"') fputs("&quot;", f);
        else fputc(*s, f);
    }
}

static void xml_weight(FILE *f, long w) { fprintf(f, " peso=\"%ld.%02ld\"", w / 100, w % 100); }

static void xml_indicator(FILE *f, long op, long k, const char *code, long w)
{
    static const char *const unit[] = {"%", "N.", "gg", "data"};
    static const char *const type[] = {"Efficacia", "Volume", "Efficienza", "Efficacia"};
    bench_indicator in = bench_make_indicator(op, k);
    char buf[512];
    fprintf(f, "<Indicatore id=\"i%ld_%ld\" codice=\"%s_%ld\"", op, k, code, k + 1);
    xml_weight(f, w);
    fprintf(f, " tipologia=\"%s\"><Nome>", type[in.kind]);
    bench_name(buf, sizeof buf, 'N', op * BENCH_PER_OP + k, 4, 16);
    xml_text(f, buf);
    fprintf(f, "</Nome><Unita>%s</Unita>", unit[in.kind]);
    int m, d;
    if (in.kind == BK_DEADLINE) {
        bench_date_of_day(in.target, &m, &d);
        fprintf(f, "<Target anno=\"2022\" operatore=\"entro\" data=\"2022-%02d-%02d\"/>", m, d);
    } else {
        fprintf(f, "<Target anno=\"2022\" operatore=\"%s\" valore=\"%ld\"/>",
                in.kind == BK_DAYS ? "le" : "ge", in.target);
    }
    if (in.nd) {
        fputs("<Consuntivo nd=\"true\">" BENCH_ND_REASON "</Consuntivo>", f);
    } else if (in.kind == BK_DEADLINE) {
        bench_date_of_day(in.actual, &m, &d);
        fprintf(f, "<Consuntivo data=\"2022-%02d-%02d\"/>", m, d);
    } else if (in.kind == BK_PERCENT) {
        fprintf(f, "<Consuntivo valore=\"%ld.%ld\"/>", in.actual / 10, in.actual % 10);
    } else {
        fprintf(f, "<Consuntivo valore=\"%ld\"/>", in.actual);
    }
    fputs("</Indicatore>\n", f);
}

static void xml_operational(FILE *f, const bench_shape *sh, int a, long s, long so, long op, long w)
{
    char code[64], buf[512];
    bench_op_code(code, sizeof code, a, s, so);
    fprintf(f, "<ObiettivoOperativo id=\"o%ld\" codice=\"%s\"", op, code);
    xml_weight(f, w);
    fputs("><Titolo>", f);
    bench_name(buf, sizeof buf, 'O', op, 5, 12);
    xml_text(f, buf);
    fputs("</Titolo>\n", f);
    long n = bench_indicators_of(sh, op), iw[BENCH_PER_OP];
    bench_weights(iw, n, 'i', op);
    for (long k = 0; k < n; k++) xml_indicator(f, op, k, code, iw[k]);
    fputs("</ObiettivoOperativo>\n", f);
}

static void xml_tree(FILE *f, const bench_shape *sh)
{
    long aw[BENCH_AREAS] = {3333, 3333, 3334};
    long *w = bench_alloc(sizeof *w * (size_t)(sh->strats + BENCH_PER_OP + 8));
    char buf[512];
    fputs("<Albero>\n", f);
    for (int a = 0; a < BENCH_AREAS; a++) {
        long lo, hi;
        bench_area_range(sh, a, &lo, &hi);
        fprintf(f, "<Ambito id=\"a%d\" codice=\"%d\"", a, a + 1);
        xml_weight(f, aw[a]);
        fputs("><Titolo>", f);
        xml_text(f, bench_area_titles[a]);
        fputs("</Titolo>\n", f);
        bench_weights(w, hi - lo, 'a', a);
        for (long s = lo; s < hi; s++) {
            fprintf(f, "<ObiettivoStrategico id=\"s%ld\" codice=\"%02d_%02ld\"", s, a + 1,
                    s - lo + 1);
            xml_weight(f, w[s - lo]);
            fputs("><Titolo>", f);
            bench_name(buf, sizeof buf, 'T', s, 5, 12);
            xml_text(f, buf);
            fputs("</Titolo>\n", f);
            long ow[16], nops = sh->first[s + 1] - sh->first[s];
            bench_weights(ow, nops, 's', s);
            for (long o = 0; o < nops; o++)
                xml_operational(f, sh, a, s - lo, o, sh->first[s] + o, ow[o]);
            fputs("</ObiettivoStrategico>\n", f);
        }
        fputs("</Ambito>\n", f);
    }
    fputs("</Albero>\n", f);
    free(w);
}

static const char *const first_names[] = {"Maria", "Giuseppe", "Anna", "Giovanni", "Francesca",
                                          "Luca", "Chiara", "Marco", "Elena", "Paolo",
                                          "Laura", "Andrea", "Silvia", "Stefano", "Giulia"};
static const char *const surnames[] = {"Rossi",    "Bianchi",  "Romano",   "Colombo", "Ricci",
                                       "Marino",   "Greco",    "Bruno",    "Gallo",   "Conti",
                                       "De Luca",  "Mancini",  "Costa",    "Giordano", "Rizzo",
                                       "Lombardi", "Moretti",  "Barbieri", "Fontana", "Santoro"};
enum {
    NFIRST = sizeof first_names / sizeof first_names[0],
    NSUR = sizeof surnames / sizeof surnames[0],
};

static void person_name(char *buf, size_t size, long p)
{
    bench_rng r = bench_rnd('P', p);
    const char *fn = first_names[bench_uniform(&r, 0, NFIRST - 1)];
    const char *sn = surnames[bench_uniform(&r, 0, NSUR - 1)];
    snprintf(buf, size, "%s %s", fn, sn);
}

/* One unit per area (its manager the area's first person) and one office
 * per person under it. Person p holds the strategic objectives s with
 * s % people == p and the first operational objective of each. */
static void xml_people(FILE *f, const bench_shape *sh)
{
    char buf[512];
    fputs("<Organizzazione>\n", f);
    for (int a = 0; a < BENCH_AREAS; a++)
        fprintf(f, "<Unita id=\"ua%d\" tipo=\"area\" responsabile=\"p%d\">Area %s</Unita>\n", a,
                a, bench_area_titles[a]);
    for (long p = 0; p < sh->people; p++) {
        bench_name(buf, sizeof buf, 'U', p, 2, 5);
        fprintf(f, "<Unita id=\"up%ld\" tipo=\"servizio\" padre=\"ua%ld\">Servizio ", p,
                p % BENCH_AREAS);
        xml_text(f, buf);
        fputs("</Unita>\n", f);
    }
    fputs("</Organizzazione>\n<Persone>\n", f);
    long *w = bench_alloc(sizeof *w * (size_t)(2 * (sh->strats / sh->people + 2)));
    for (long p = 0; p < sh->people; p++) {
        person_name(buf, sizeof buf, p);
        fprintf(f, "<Persona id=\"p%ld\" unita=\"%s%ld\"><Nome>%s</Nome>", p,
                p < BENCH_AREAS ? "ua" : "up", p, buf);
        fprintf(f, "<Incarico>%s</Incarico>\n",
                p < BENCH_AREAS ? "Dirigente di area" : "Responsabile di servizio");
        long n = 0;
        for (long s = p; s < sh->strats; s += sh->people) n += 2;
        bench_weights(w, n, 'p', p);
        long k = 0;
        for (long s = p; s < sh->strats; s += sh->people) {
            fprintf(f, "<ObiettivoIndividuale rif=\"s%ld\"", s);
            xml_weight(f, w[k++]);
            fprintf(f, "/><ObiettivoIndividuale rif=\"o%ld\"", sh->first[s]);
            xml_weight(f, w[k++]);
            fputs("/>\n", f);
        }
        fputs("</Persona>\n", f);
    }
    fputs("</Persone>\n", f);
    free(w);
}

static void xml_paragraphs(FILE *f, long section, int n)
{
    char buf[512];
    for (int i = 0; i < n; i++) {
        fputs("<Paragrafo>", f);
        for (int k = 0; k < 4; k++) {
            bench_name(buf, sizeof buf, 'Q', section * 100 + i * 4 + k, 10, 16);
            xml_text(f, buf);
            fputs(". ", f);
        }
        fputs("</Paragrafo>\n", f);
    }
}

void bench_write_xml(FILE *f, const bench_shape *sh)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<!-- Made by tests/bench/bench_gen: the synthetic Relazione of the benchmark. -->\n"
          "<DocumentoPerformance xmlns=\"urn:perfpdf:documento:1\" versione=\"1.0\">\n"
          "<DatiGenerali><Tipo>relazione</Tipo>"
          "<Titolo>" BENCH_TITLE "</Titolo>"
          "<AnnoRiferimento>2022</AnnoRiferimento><Triennio da=\"2022\" a=\"2024\"/>"
          "<Amministrazione><Denominazione>" BENCH_ADMIN "</Denominazione>"
          "<DenominazioneBreve>Valle Sintetica</DenominazioneBreve></Amministrazione>"
          "<Approvazione><Organo>Giunta</Organo><NumeroDelibera>57/23</NumeroDelibera>"
          "<Data>2023-06-20</Data></Approvazione></DatiGenerali>\n"
          "<Sistema><RegolaPredefinita>lineare</RegolaPredefinita>"
          "<Fasce statoNonValutato=\"DA VALUTARE\">"
          "<Fascia da=\"0\" etichetta=\"non raggiunto\" colore=\"#C62828\" stato=\"FUORI TARGET\"/>"
          "<Fascia da=\"60\" etichetta=\"parzialmente raggiunto\" colore=\"#F9A825\" "
          "stato=\"IN LINEA\" breve=\"parziale\"/>"
          "<Fascia da=\"80\" etichetta=\"raggiunto\" colore=\"#2E7D32\" stato=\"IN LINEA\"/>"
          "</Fasce></Sistema>\n",
          f);
    xml_people(f, sh);
    xml_tree(f, sh);
    static const char *const roles[] = {"premessa", "risultati", "contesto", "processo"};
    static const char *const titles[] = {"Premessa", "Principali risultati raggiunti",
                                         "Analisi del contesto e delle risorse",
                                         "Il processo di misurazione e valutazione"};
    fputs("<Testi>\n", f);
    for (int i = 0; i < 4; i++) {
        fprintf(f, "<Sezione ruolo=\"%s\" id=\"t%d\"><Titolo>%s</Titolo>\n", roles[i], i,
                titles[i]);
        xml_paragraphs(f, i, 3);
        fputs("</Sezione>\n", f);
    }
    fputs("</Testi>\n</DocumentoPerformance>\n", f);
}

