/* A look at the raw bytes before libxml2 parses them, for what libxml2
 * 2.9 does in quadratic time: it checks each attribute of a start tag
 * against all the attributes before it, so one element with 40,000
 * attributes took 14 s to refuse (a 256 MB file of them would take days).
 * Our vocabularies give an element at most a dozen attributes: a start
 * tag with more than PP_XML_MAX_ATTRS is refused here, in linear time.
 *
 * The scan knows the lexical structure of XML just enough to find start
 * tags: comments, CDATA sections and processing instructions are skipped,
 * quoted values may hold '>' and '='. It reads code units of 1, 2 or 4
 * bytes, as the document's first bytes say (XML 1.0, appendix F), so a
 * UTF-16 file is scanned too; encodings where '<' is not ASCII's (EBCDIC)
 * are refused. A DOCTYPE stops the scan: libxml2 refuses it (xmlsafe.c). */
#include "xmlsafe.h"

#include <stdbool.h>
#include <string.h>

typedef struct {
    const unsigned char *b;
    size_t len;   /* in bytes */
    int width;    /* bytes per code unit: 1, 2 or 4 */
    bool big;     /* big-endian units */
    size_t start; /* first unit after a byte order mark */
} units;

static size_t count(const units *u) { return u->len / (size_t)u->width; }

/* Code unit i (only its value matters, and only when it is ASCII). */
static unsigned long at(const units *u, size_t i)
{
    const unsigned char *p = u->b + i * (size_t)u->width;
    unsigned long v = 0;
    for (int k = 0; k < u->width; k++)
        v |= (unsigned long)p[u->big ? k : u->width - 1 - k] << (8 * (u->width - 1 - k));
    return v;
}

/* The width and byte order of the code units, from the first bytes. */
static bool detect(units *u)
{
    static const struct {
        unsigned char sig[4];
        size_t n;
        int width;
        bool big;
        bool bom;
    } forms[] = {
        {{0x00, 0x00, 0xFE, 0xFF}, 4, 4, true, true},  {{0xFF, 0xFE, 0x00, 0x00}, 4, 4, false, true},
        {{0x00, 0x00, 0x00, 0x3C}, 4, 4, true, false}, {{0x3C, 0x00, 0x00, 0x00}, 4, 4, false, false},
        {{0xFE, 0xFF}, 2, 2, true, true},              {{0xFF, 0xFE}, 2, 2, false, true},
        {{0x00, 0x3C, 0x00, 0x3F}, 4, 2, true, false}, {{0x3C, 0x00, 0x3F, 0x00}, 4, 2, false, false},
    };
    u->width = 1;
    u->big = true;
    u->start = u->len >= 3 && memcmp(u->b, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (u->len >= forms[i].n && memcmp(u->b, forms[i].sig, forms[i].n) == 0) {
            u->width = forms[i].width;
            u->big = forms[i].big;
            u->start = forms[i].bom ? forms[i].n / (size_t)forms[i].width : 0;
            return true;
        }
    /* EBCDIC "<?xm", and UCS-4 in the unusual orders 2143 and 3412 */
    static const unsigned char other[][4] = {
        {0x4C, 0x6F, 0xA7, 0x94}, {0x00, 0x00, 0x3C, 0x00}, {0x00, 0x3C, 0x00, 0x00}};
    for (size_t i = 0; i < sizeof other / sizeof other[0]; i++)
        if (u->len >= 4 && memcmp(u->b, other[i], 4) == 0) return false;
    return true;
}

/* Index of the first unit of `end` (ASCII) at or after i, or count(u). */
static size_t find(const units *u, size_t i, const char *end)
{
    size_t n = count(u), m = strlen(end);
    for (; i + m <= n; i++) {
        if (u->width == 1) { /* the common case, at memchr's speed */
            const void *p = memchr(u->b + i, end[0], n - i);
            if (!p) return n;
            i = (size_t)((const unsigned char *)p - u->b);
            if (i + m > n) return n;
        }
        size_t k = 0;
        while (k < m && at(u, i + k) == (unsigned char)end[k]) k++;
        if (k == m) return i;
    }
    return n;
}

static bool starts(const units *u, size_t i, const char *s)
{
    size_t n = count(u);
    for (size_t k = 0; s[k]; k++)
        if (i + k >= n || at(u, i + k) != (unsigned char)s[k]) return false;
    return true;
}

/* Line and column (in characters, for UTF-8) of unit i, for the message. */
static void position(const units *u, size_t i, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (size_t k = u->start; k < i; k++) {
        unsigned long c = at(u, k);
        if (c == '\n') {
            ++*line;
            *col = 1;
        } else if (u->width > 1 || (c & 0xC0) != 0x80) {
            ++*col;
        }
    }
}

/* Scans the start tag whose '<' is at i; returns the unit after it and
 * counts its attributes (each '=' outside quotes is one). */
static size_t start_tag(const units *u, size_t i, size_t *attrs)
{
    size_t n = count(u);
    unsigned long quote = 0;
    *attrs = 0;
    for (i++; i < n; i++) {
        unsigned long c = at(u, i);
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '=') {
            ++*attrs;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return n;
}

bool pp_xml_prescan(const char *data, size_t len, pp_diags *d)
{
    units u = {(const unsigned char *)data, len, 1, true, 0};
    if (!detect(&u)) {
        pp_error(d, 1, 1, "the document's encoding is not supported: write it in UTF-8");
        return false;
    }
    size_t n = count(&u), i = u.start;
    while (i < n) {
        i = find(&u, i, "<");
        if (i >= n) break;
        if (starts(&u, i, "<!--")) {
            i = find(&u, i + 4, "-->") + 3;
        } else if (starts(&u, i, "<![CDATA[")) {
            i = find(&u, i + 9, "]]>") + 3;
        } else if (starts(&u, i, "<?")) {
            i = find(&u, i + 2, "?>") + 2;
        } else if (starts(&u, i, "<!")) {
            break; /* a DOCTYPE: libxml2 refuses it, and nothing comes before */
        } else {
            size_t attrs, tag = i;
            i = start_tag(&u, i, &attrs); /* an end tag has no '=' */
            if (attrs > PP_XML_MAX_ATTRS) {
                int line, col;
                position(&u, tag, &line, &col);
                pp_error(d, line, col,
                         "an element with more than %d attributes: not a performance document",
                         PP_XML_MAX_ATTRS);
                return false;
            }
        }
    }
    return true;
}
