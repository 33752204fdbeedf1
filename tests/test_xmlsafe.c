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

int main(void)
{
    pp_xml_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(start_tag_positions), cmocka_unit_test(deep_nesting),
        cmocka_unit_test(huge_text_node),      cmocka_unit_test(huge_attribute),
        cmocka_unit_test(messages_are_cleaned), cmocka_unit_test(missing_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
