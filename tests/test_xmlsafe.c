/* Safe XML reading: positions, and hostile inputs made at run time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <cmocka.h>

#include "testutil.h"
#include "xmlsafe.h"

static pp_status parse(const char *xml, size_t len, pp_diags *d)
{
    pp_xmldoc x;
    pp_diags_init(d, "t.xml");
    pp_status st = pp_xml_parse(xml, len, d, &x);
    if (st == PP_OK) pp_xml_free(&x);
    return st;
}

static void start_tag_positions(void **state)
{
    (void)state;
    const char *xml = "<?xml version=\"1.0\"?>\n<a>\n  <b x=\"1\"\n     y=\"2\"/>  <c/>\n</a>\n";
    pp_diags d;
    pp_diags_init(&d, "t.xml");
    pp_xmldoc x;
    assert_int_equal(pp_xml_parse(xml, strlen(xml), &d, &x), PP_OK);
    xmlNode *a = xmlDocGetRootElement(x.doc);
    xmlNode *b = xmlFirstElementChild(a);
    xmlNode *c = xmlNextElementSibling(b);
    assert_int_equal(pp_xml_line(a), 2);
    assert_int_equal(pp_xml_col(a), 1);
    assert_int_equal(pp_xml_line(b), 3); /* where the tag starts, not ends */
    assert_int_equal(pp_xml_col(b), 3);
    assert_int_equal(pp_xml_line(c), 4);
    assert_int_equal(pp_xml_col(c), 15);
    pp_xml_free(&x);
    pp_diags_clear(&d);
}

/* 10,000 levels of nesting: refused by the parser's depth limit. */
static void deep_nesting(void **state)
{
    (void)state;
    size_t depth = 10000, n = 0;
    char *xml = malloc(depth * 8 + 64);
    for (size_t i = 0; i < depth; i++) n += (size_t)sprintf(xml + n, "<a>");
    for (size_t i = 0; i < depth; i++) n += (size_t)sprintf(xml + n, "</a>");
    pp_diags d;
    assert_int_equal(parse(xml, n, &d), PP_ERR_INPUT);
    assert_true(d.errors > 0);
    assert_non_null(strstr(d.items[0].message, "depth"));
    pp_diags_clear(&d);
    free(xml);
}

/* prefix + 11 MB of 'x' + suffix */
static char *eleven_mb(const char *prefix, const char *suffix, size_t *n)
{
    size_t len = 11 * 1024 * 1024;
    char *xml = malloc(len + strlen(prefix) + strlen(suffix) + 1);
    *n = (size_t)sprintf(xml, "%s", prefix);
    memset(xml + *n, 'x', len);
    *n += len;
    *n += (size_t)sprintf(xml + *n, "%s", suffix);
    return xml;
}

/* A 10 MB text node: refused quickly, no XML_PARSE_HUGE. */
static void huge_text_node(void **state)
{
    (void)state;
    size_t n;
    char *xml = eleven_mb("<a>", "</a>", &n);
    clock_t t0 = clock();
    pp_diags d;
    assert_int_equal(parse(xml, n, &d), PP_ERR_INPUT);
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 5);
    pp_diags_clear(&d);
    free(xml);
}

/* A huge attribute value: refused as well. */
static void huge_attribute(void **state)
{
    (void)state;
    size_t n;
    char *xml = eleven_mb("<a b=\"", "\"/>", &n);
    pp_diags d;
    assert_int_equal(parse(xml, n, &d), PP_ERR_INPUT);
    pp_diags_clear(&d);
    free(xml);
}

static void messages_are_cleaned(void **state)
{
    (void)state;
    char buf[256];
    pp_xml_clean_message("Element '{urn:perfpdf:documento:1}Data': 'x' is not valid.\n", buf,
                         sizeof buf);
    assert_string_equal(buf, "Element 'Data': 'x' is not valid");
    pp_xml_clean_message("value '1234567890123456789012345678901234567890123' too long", buf,
                         sizeof buf);
    assert_string_equal(buf, "value '1234567890123456789012345678901234567890...' too long");
    pp_xml_clean_message("not in the set {'ge', 'le'}", buf, sizeof buf);
    assert_string_equal(buf, "not in the set {'ge', 'le'}");
}

static void missing_file(void **state)
{
    (void)state;
    pp_diags d;
    pp_diags_init(&d, "nope.xml");
    pp_xmldoc x;
    assert_int_equal(pp_xml_read("/nonexistent/nope.xml", &d, &x), PP_ERR_INPUT);
    assert_int_equal(pp_xml_read("/", &d, &x), PP_ERR_INPUT); /* a directory */
    pp_diags_clear(&d);
}

/* <r><e a0="0" a1="1" ...  n attributes/> with the prefix and suffix given. */
static char *attributes(size_t n, const char *inside)
{
    char *xml = malloc(n * 24 + strlen(inside) + 64), *o = xml;
    o += sprintf(o, "<r>\n  %s<e", inside);
    for (size_t i = 0; i < n; i++) o += sprintf(o, " a%zu='%zu'", i, i);
    sprintf(o, "/></r>\n");
    return xml;
}

/* The same text in UTF-16 (ASCII only), with or without a byte order mark. */
static char *utf16(const char *s, bool big, bool bom, size_t *len)
{
    size_t n = strlen(s), k = 0;
    char *out = malloc(2 * n + 2);
    if (bom) {
        out[k++] = big ? '\xFE' : '\xFF';
        out[k++] = big ? '\xFF' : '\xFE';
    }
    for (size_t i = 0; i < n; i++) {
        out[k++] = big ? 0 : s[i];
        out[k++] = big ? s[i] : 0;
    }
    *len = k;
    return out;
}

/* libxml2 2.9 checks each attribute against those before it: an element
 * with 40,000 attributes took 14 s. More than PP_XML_MAX_ATTRS are refused
 * before it parses, at the element, in any encoding libxml2 reads. */
static void many_attributes(void **state)
{
    (void)state;
    pp_diags d;
    char *xml = attributes(PP_XML_MAX_ATTRS, "");
    assert_int_equal(parse(xml, strlen(xml), &d), PP_OK);
    pp_diags_clear(&d);
    free(xml);
    /* '=' in comments, CDATA, instructions and quoted values is no attribute */
    xml = attributes(PP_XML_MAX_ATTRS - 1, "<!-- a=1 b=2 c=3 --><?pi x=1 y=2?><x><![CDATA[<e a=1 b=2>]]></x>");
    char *q = strstr(xml, "a0='0'");
    q[4] = '=';
    assert_int_equal(parse(xml, strlen(xml), &d), PP_OK);
    pp_diags_clear(&d);
    free(xml);
    xml = attributes(PP_XML_MAX_ATTRS + 1, "");
    assert_int_equal(parse(xml, strlen(xml), &d), PP_ERR_INPUT);
    assert_true(has_diag(&d, "2:3: error: an element with more than 100 attributes: not a "
                             "performance document"));
    pp_diags_clear(&d);
    free(xml);
    for (int form = 0; form < 8; form++) { /* LE, BE, with and without a BOM; 100, 101 */
        bool over = form >= 4;
        char *body = attributes(PP_XML_MAX_ATTRS + over, "");
        xml = malloc(strlen(body) + 64);
        sprintf(xml, "<?xml version='1.0' encoding='UTF-16'?>\n%s", body);
        free(body);
        size_t len;
        char *wide = utf16(xml, form % 2, form % 4 < 2, &len);
        assert_int_equal(parse(wide, len, &d), over ? PP_ERR_INPUT : PP_OK);
        if (over)
            assert_true(has_diag(&d, "3:3: error: an element with more than 100 attributes: "
                                     "not a performance document"));
        pp_diags_clear(&d);
        free(wide);
        free(xml);
    }
    /* EBCDIC, where '<' is not ASCII's: not read at all */
    assert_int_equal(parse("\x4C\x6F\xA7\x94\x93", 5, &d), PP_ERR_INPUT);
    assert_true(has_diag(&d, "1:1: error: the document's encoding is not supported: write it in UTF-8"));
    pp_diags_clear(&d);
    /* a million attributes: refused at once */
    xml = attributes(1000000, "");
    clock_t t0 = clock();
    assert_int_equal(parse(xml, strlen(xml), &d), PP_ERR_INPUT);
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 1);
    pp_diags_clear(&d);
    free(xml);
}

int main(void)
{
    pp_xml_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(start_tag_positions), cmocka_unit_test(deep_nesting),
        cmocka_unit_test(many_attributes),
        cmocka_unit_test(huge_text_node),      cmocka_unit_test(huge_attribute),
        cmocka_unit_test(messages_are_cleaned), cmocka_unit_test(missing_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
