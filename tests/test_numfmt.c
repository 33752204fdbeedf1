/* Italian number and date formats (DOMAIN §7). */
#include <float.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"
#include "numfmt.h"

static void italian_numbers(void **state)
{
    (void)state;
    char b[64];
    pp_fmt_it(1146100, 2, b, sizeof b);
    assert_string_equal(b, "1.146.100,00");
    pp_fmt_it(97.9766, 2, b, sizeof b);
    assert_string_equal(b, "97,98");
    pp_fmt_it(0.005, 2, b, sizeof b);
    assert_string_equal(b, "0,01");
    pp_fmt_it(-20.46, 2, b, sizeof b);
    assert_string_equal(b, "-20,46");
    pp_fmt_it(-0.001, 2, b, sizeof b);
    assert_string_equal(b, "0,00"); /* no "-0,00" */
    pp_fmt_it(999.999, 2, b, sizeof b);
    assert_string_equal(b, "1.000,00");
    pp_fmt_it(123, 0, b, sizeof b);
    assert_string_equal(b, "123");
    pp_fmt_it(NAN, 2, b, sizeof b);
    assert_string_equal(b, "N/D");
    pp_fmt_percent_it(97.98, b, sizeof b);
    assert_string_equal(b, "97,98 %");
}

/* The largest doubles print whole, every digit, in a PP_FMT_IT_SIZE buffer. */
static void huge_numbers(void **state)
{
    (void)state;
    char b[PP_FMT_IT_SIZE], p[PP_FMT_PERCENT_SIZE];
    pp_fmt_it(1e300, 2, b, sizeof b);
    assert_int_equal(strlen(b), 301 + 100 + 3); /* digits, separators, ",00" */
    assert_memory_equal(b, "1.000.000.000.000.000.052", 25);
    assert_string_equal(b + strlen(b) - 3, ",00");
    pp_fmt_it(-DBL_MAX, 6, b, sizeof b);
    assert_int_equal(strlen(b), sizeof b - 1); /* the worst case fills it */
    assert_memory_equal(b, "-179.769.313.486.231.570", 24);
    assert_string_equal(b + strlen(b) - 15, ".858.368,000000");
    pp_fmt_percent_it(DBL_MAX, p, sizeof p);
    assert_string_equal(p + strlen(p) - 13, ".858.368,00 %");
    pp_fmt_it(4503599627370497.0, 2, b, sizeof b); /* 2^52 + 1: no rounding step */
    assert_string_equal(b, "4.503.599.627.370.497,00");
}

static void data_numbers(void **state)
{
    (void)state;
    char b[64];
    pp_fmt_data(96.875, b, sizeof b);
    assert_string_equal(b, "96.875");
    pp_fmt_data(0.1 + 0.2, b, sizeof b);
    assert_string_equal(b, "0.3");
    pp_fmt_data(-0.0, b, sizeof b);
    assert_string_equal(b, "0");
    pp_fmt_data(INFINITY, b, sizeof b);
    assert_string_equal(b, "null");
}

static void dates(void **state)
{
    (void)state;
    pp_date d;
    assert_true(pp_date_parse_iso("2022-06-30", &d));
    assert_int_equal(d.y * 10000 + d.m * 100 + d.d, 20220630);
    assert_false(pp_date_parse_iso("2022-02-31", &d));
    assert_false(pp_date_parse_iso("2022-02-29", &d));
    assert_true(pp_date_parse_iso("2024-02-29", &d));
    assert_false(pp_date_parse_iso("1900-02-29", &d));
    assert_true(pp_date_parse_iso("2000-02-29", &d));
    assert_false(pp_date_parse_iso("30/06/2022", &d));
    assert_false(pp_date_parse_iso("2022-6-30", &d));
    char b[11];
    pp_date_format_it((pp_date){2023, 5, 30}, b);
    assert_string_equal(b, "30/05/2023");
    assert_int_equal(pp_date_days((pp_date){1970, 1, 1}), 0);
    assert_int_equal(pp_date_diff((pp_date){2022, 2, 28}, (pp_date){2022, 3, 28}), 28);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(italian_numbers),
        cmocka_unit_test(huge_numbers),
        cmocka_unit_test(data_numbers),
        cmocka_unit_test(dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
