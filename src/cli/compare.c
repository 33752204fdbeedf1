/* compare: the Piano as adopted against the Relazione (compare/). Both
 * documents go through the normal front end first; the differences go to
 * standard output (or -o) as text, JSON or CSV. Exit status: 0 when every
 * change is recorded by an act, PP_EXIT_UNRECORDED (3) when some is not, 2
 * bad input or usage, 1 environment. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

#include "compare.h"

/* The comparison written in memory, so that -o writes all or nothing. */
static bool write_to_memory(const pp_compare_result *r, pp_compare_format f, char **data,
                            size_t *len)
{
    FILE *mem = open_memstream(data, len);
    if (!mem) return false;
    bool ok = pp_compare_write(r, f, mem);
    return fclose(mem) == 0 && ok;
}

/* Compares the two open documents and prints the result; the exit status. */
static int run(const pp_doc *piano, const pp_doc *rel, pp_compare_format f, const char *out)
{
    pp_arena *arena = pp_arena_new();
    if (!arena) {
        fputs("perfpdf compare: out of memory\n", stderr);
        return 1;
    }
    pp_diags d;
    pp_diags_init(&d, rel->path);
    pp_compare_result r;
    pp_status st = pp_diags_status(&d, pp_compare(piano, rel, arena, &r, &d));
    pp_diags_print(&d, stderr);
    pp_diags_clear(&d);
    char *data = NULL;
    size_t len = 0;
    if (st == PP_OK && !write_to_memory(&r, f, &data, &len)) {
        perror("perfpdf compare");
        st = PP_ERR_ENV;
    }
    if (st == PP_OK) st = pp_cli_emit("compare", out, data, len);
    free(data);
    int rc = st != PP_OK ? pp_exit_code(st) : r.unrecorded ? PP_EXIT_UNRECORDED : 0;
    pp_arena_free(arena);
    return rc;
}

int pp_cmd_compare(int argc, char **argv)
{
    const char *format = "text", *out = "-", *pos[2];
    const pp_cli_option opts[] = {
        {.names = {"--format"}, .value = &format},
        {.names = {"-o", "--output"}, .value = &out, .nonempty = "a file name"},
        {.names = {NULL}},
    };
    const pp_cli_spec spec = {"compare",
                              "perfpdf compare PIANO.xml RELAZIONE.xml [--format text|json|csv] "
                              "[-o OUT]",
                              opts, 2, 2, "PIANO.xml and RELAZIONE.xml"};
    int npos, rc = pp_cli_parse(&spec, argc, argv, pos, &npos);
    if (rc != PP_CLI_RUN) return rc;
    pp_compare_format f;
    if (!pp_compare_parse_format(format, &f))
        return pp_cli_usage_error(&spec, "unknown format '%s' (text, json, csv)", format);
    pp_doc *piano = NULL, *rel = NULL;
    pp_status st = pp_cli_open(pos[0], &piano);
    if (st == PP_OK) st = pp_cli_open(pos[1], &rel);
    rc = st == PP_OK ? run(piano, rel, f, out) : pp_exit_code(st);
    pp_doc_free(rel);
    pp_doc_free(piano);
    return rc;
}

/* One warning of `validate --piano`: where the Relazione has it (the
 * Albero for a node it lacks), with the Piano's line. False when out of
 * memory. */
static bool warn(const pp_compare_result *r, const pp_difference *df, const pp_doc *rel,
                 pp_arena *arena, pp_diags *d)
{
    char *what = pp_difference_describe(df, arena);
    if (!what) return false;
    pp_pos at = df->rel_pos.line ? df->rel_pos : rel->tree_pos;
    if (df->piano_pos.line)
        pp_warning(d, at.line, at.col, "change since the Piano (%s:%d) recorded by no act: %s",
                   r->piano_path, df->piano_pos.line, what);
    else
        pp_warning(d, at.line, at.col, "change since the Piano (%s) recorded by no act: %s",
                   r->piano_path, what);
    return true;
}

pp_status pp_cli_open_piano(const char *path, pp_doc *rel, pp_diags *d, pp_doc **piano)
{
    pp_status st = pp_cli_open(path, piano);
    /* its own diagnostics are printed: say here what it means for this run */
    if (st == PP_ERR_INPUT) pp_error(d, 0, 0, "the Piano %s is not valid: nothing compared", path);
    if (st != PP_OK) return st;
    pp_arena *arena = pp_arena_new();
    if (!arena) return pp_diag_oom(d);
    pp_compare_result r;
    st = pp_compare(*piano, rel, arena, &r, d);
    for (size_t i = 0; st == PP_OK && i < r.count; i++)
        if (!r.items[i].recorded && !warn(&r, &r.items[i], rel, arena, d)) st = pp_diag_oom(d);
    pp_arena_free(arena);
    if (st == PP_OK) rel->piano = *piano;
    return pp_diags_status(d, st);
}
