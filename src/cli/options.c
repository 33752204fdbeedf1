/* The one command-line option parser: every subcommand describes its
 * options in a table (pp_cli_spec) and gets the same spellings and the same
 * messages. Accepted: "--name VALUE", "--name=VALUE" (also "-o=VALUE"),
 * flags, positional arguments between a minimum and a maximum count, "--"
 * ending the options, a lone "-" as a positional (standard input or
 * output), lists ("--name A B C", up to the next option), and -h/--help. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "grow.h"

int pp_cli_usage_error(const pp_cli_spec *spec, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "perfpdf %s: ", spec->cmd);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nusage: %s\n", spec->usage);
    return 2;
}

/* The option whose name is the first len bytes of arg ("--format" of
 * "--format=csv"), with that name in *name; NULL when there is none. */
static const pp_cli_option *find(const pp_cli_spec *spec, const char *arg, size_t len,
                                 const char **name)
{
    for (const pp_cli_option *o = spec->options; o && o->names[0]; o++)
        for (size_t i = 0; i < 2 && o->names[i]; i++)
            if (strlen(o->names[i]) == len && strncmp(arg, o->names[i], len) == 0) {
                *name = o->names[i];
                return o;
            }
    return NULL;
}

/* Why v cannot be printed in a document (NULL when it can): it must be
 * well-formed UTF-8 (no overlong forms, no surrogates) without control
 * characters (which XML 1.0 cannot even carry), between 1 and 100,000
 * characters as the vocabulary's texts are. */
static const char *text_problem(const char *v)
{
    const unsigned char *p = (const unsigned char *)v;
    size_t chars = 0;
    if (!*p) return "it is empty";
    while (*p) {
        /* The vocabulary's limit for a text (Testo in documento.xsd). */
        if (++chars > 100000) return "it is longer than 100,000 characters";
        unsigned c = *p;
        int n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0) return "it is not valid UTF-8";
        unsigned cp = n == 0 ? c : c & (0x3F >> n);
        for (int k = 1; k <= n; k++) {
            if ((p[k] & 0xC0) != 0x80) return "it is not valid UTF-8";
            cp = cp << 6 | (p[k] & 0x3F);
        }
        static const unsigned min[] = {0, 0x80, 0x800, 0x10000};
        if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return "it is not valid UTF-8";
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
            return "it holds a control character (a line break, a tab...)";
        p += n + 1;
    }
    return NULL;
}

/* An option's value: inline_value ("--name=VALUE") when there is one,
 * else the next argument. PP_CLI_RUN, or 2 with the message when it is
 * missing, or empty where it names a file. */
static int take_value(const pp_cli_spec *spec, const pp_cli_option *o, const char *name,
                      const char *inline_value, int argc, char **argv, int *i)
{
    const char *v = inline_value;
    if (!v) {
        if (*i + 1 >= argc)
            return pp_cli_usage_error(spec, "option '%s' needs a value", name);
        v = argv[++*i];
    }
    /* Caught here, an empty name gets a message about the option rather
     * than a later one about a file called "". */
    if (o->nonempty && !*v) return pp_cli_usage_error(spec, "%s needs %s", name, o->nonempty);
    if (o->text) {
        const char *why = text_problem(v);
        if (why) return pp_cli_usage_error(spec, "%s must be plain text: %s", name, why);
    }
    *o->value = v;
    return PP_CLI_RUN;
}

/* A list option's values: the first as take_value gets it, then every
 * argument up to the next option (or "--"). 1 when out of memory. */
static int take_list(const pp_cli_spec *spec, const pp_cli_option *o, const char *name,
                     const char *inline_value, int argc, char **argv, int *i)
{
    const char *v = NULL;
    const pp_cli_option one = {.names = {name}, .value = &v, .nonempty = o->nonempty,
                               .text = o->text};
    int rc = take_value(spec, &one, name, inline_value, argc, argv, i);
    while (rc == PP_CLI_RUN) {
        pp_cli_list *l = o->list;
        if (!pp_grow(&l->items, &l->cap, l->n + 1, sizeof *l->items, 4)) {
            fputs("perfpdf: out of memory\n", stderr);
            return 1;
        }
        l->items[l->n++] = v;
        if (*i + 1 >= argc || argv[*i + 1][0] == '-' || inline_value) break;
        v = argv[++*i];
        if (o->nonempty && !*v) rc = pp_cli_usage_error(spec, "%s needs %s", name, o->nonempty);
    }
    return rc;
}

/* argv[*i], which starts with '-' (and is not "-" or "--"), with its value
 * if it takes one. PP_CLI_RUN, or 2 with the message (1: out of memory). */
static int option(const pp_cli_spec *spec, int argc, char **argv, int *i)
{
    const char *arg = argv[*i];
    const char *eq = strchr(arg, '=');
    size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
    const char *name = NULL;
    const pp_cli_option *o = find(spec, arg, len, &name);
    if (!o) return pp_cli_usage_error(spec, "unknown option '%s'", arg);
    if (o->value) return take_value(spec, o, name, eq ? eq + 1 : NULL, argc, argv, i);
    if (o->list) return take_list(spec, o, name, eq ? eq + 1 : NULL, argc, argv, i);
    if (eq) return pp_cli_usage_error(spec, "option '%s' takes no value", name);
    *o->flag = true;
    return PP_CLI_RUN;
}

static bool is_help(const char *arg) { return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0; }

/* After the arguments: the count of positionals and the required options. */
static int check_complete(const pp_cli_spec *spec, int npos)
{
    if (npos < spec->pos_min) return pp_cli_usage_error(spec, "expected %s", spec->pos_what);
    for (const pp_cli_option *o = spec->options; o && o->names[0]; o++)
        if (o->required && !*o->value)
            return pp_cli_usage_error(spec, "option '%s' is required", o->names[0]);
    return PP_CLI_RUN;
}

int pp_cli_parse(const pp_cli_spec *spec, int argc, char **argv, const char **pos, int *npos)
{
    *npos = 0;
    bool options_ended = false;
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        if (!options_ended && strcmp(arg, "--") == 0) {
            options_ended = true;
        } else if (!options_ended && is_help(arg)) {
            pp_cli_usage(stdout);
            return 0;
        } else if (!options_ended && arg[0] == '-' && arg[1]) { /* a lone "-" is a file */
            int rc = option(spec, argc, argv, &i);
            if (rc != PP_CLI_RUN) return rc;
        } else if (*npos < spec->pos_max) {
            pos[(*npos)++] = arg;
        } else {
            return pp_cli_usage_error(spec, "expected %s, got also '%s'", spec->pos_what, arg);
        }
    }
    return check_complete(spec, *npos);
}
