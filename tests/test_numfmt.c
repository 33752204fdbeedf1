/* Italian number and date formats (DOMAIN §7). */
#include <float.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
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
    char b[PP_FMT_DATA_SIZE];
    pp_fmt_data(96.875, b, sizeof b);
    assert_string_equal(b, "96.875");
    pp_fmt_data(0.3, b, sizeof b);
    assert_string_equal(b, "0.3");
    /* The sum is not the double 0.3: written as 0.3 it would read back as
     * another number. Data formats say what was computed, exactly. */
    pp_fmt_data(0.1 + 0.2, b, sizeof b);
    assert_string_equal(b, "0.30000000000000004");
    pp_fmt_data(-0.0, b, sizeof b);
    assert_string_equal(b, "0");
    pp_fmt_data(INFINITY, b, sizeof b);
    assert_string_equal(b, "null");
    pp_fmt_data(NAN, b, sizeof b);
    assert_string_equal(b, "null");
}

/* What used to come out wrong: six decimals lost 1e-7, and 1e15 grew a
 * tail of zeros; now every value is written out, never with an
 * exponent, and read back as the very same double. */
static void data_numbers_extreme(void **state)
{
    (void)state;
    static const struct {
        double v;
        const char *text;
    } cases[] = {
        {1e-7, "0.0000001"},
        {0.0000001234, "0.0000001234"},
        {1e15, "1000000000000000"},
        {123456789.123456789, "123456789.12345679"},
        {-20.46, "-20.46"},
        {-1e-12, "-0.000000000001"},
        {0.1, "0.1"},
        {1e21, "1000000000000000000000"},
        {100, "100"},
        {97.97565217391305, "97.97565217391305"},
    };
    char b[PP_FMT_DATA_SIZE];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        pp_fmt_data(cases[i].v, b, sizeof b);
        assert_string_equal(b, cases[i].text);
        assert_true(strtod(b, NULL) == cases[i].v);
    }
    /* the ends of the double range, written out in full */
    const double ends[] = {DBL_MAX, -DBL_MAX, DBL_MIN, 5e-324, 1e300, 1e-300, 2.0 / 3};
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
        pp_fmt_data(ends[i], b, sizeof b);
        assert_null(strchr(b, 'e'));
        assert_true(strtod(b, NULL) == ends[i]);
    }
    /* a buffer too small for the written-out form: still exact */
    char small[24];
    pp_fmt_data(1e300, small, sizeof small);
    assert_true(strtod(small, NULL) == 1e300);
}

static void every_double_reads_back(void **state)
{
    (void)state;
    char b[PP_FMT_DATA_SIZE];
    /* deterministic walk over magnitudes and mantissas */
    unsigned long long x = 88172645463325252ULL;
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        double m = (double)(x >> 11) / 9007199254740992.0;    /* [0, 1) */
        double v = ldexp(m + 0.5, (int)(x % 200) - 100) * (x & 1 ? -1 : 1);
        pp_fmt_data(v, b, sizeof b);
        assert_null(strchr(b, 'e'));
        assert_true(strtod(b, NULL) == v);
    }
}

static void significant_digits(void **state)
{
    (void)state;
    assert_int_equal(pp_decimal_significant("0.0500"), 1);
    assert_int_equal(pp_decimal_significant("1000"), 1);
    assert_int_equal(pp_decimal_significant("123.45"), 5);
    assert_int_equal(pp_decimal_significant("-0.000000001"), 1);
    assert_int_equal(pp_decimal_significant("123456789.123456789"), 18);
    assert_int_equal(pp_decimal_significant("0"), 0);
    assert_int_equal(pp_decimal_significant("NaN"), 0);
}

/* Front matter page labels: i, ii, iv, ix, xiv, xl, mcmxcix; decimal
 * outside 1-3999; a short buffer gets a prefix, never an overrun. */
static void roman_numerals(void **state)
{
    (void)state;
    const struct {
        int n;
        const char *s;
    } cases[] = {{1, "i"},      {2, "ii"},    {4, "iv"},       {9, "ix"},    {14, "xiv"},
                 {40, "xl"},    {90, "xc"},   {400, "cd"},     {1999, "mcmxcix"},
                 {3999, "mmmcmxcix"},          {0, "0"},        {4000, "4000"}, {-3, "-3"}};
    char buf[32];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        pp_fmt_roman(cases[i].n, buf, sizeof buf);
        assert_string_equal(buf, cases[i].s);
    }
    pp_fmt_roman(3888, buf, 5); /* mmmdccclxxxviii does not fit */
    assert_true(strlen(buf) < 5);
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

/* Everything the schema's xs:date accepts is either a date or refused
 * with its reason: a time zone, a year out of range, a day that is not. */
static void dates_of_the_schema(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        pp_date_status st;
        const char *why;
    } cases[] = {
        {"2022-11-30", PP_DATE_OK, NULL},
        {" 2022-11-30 ", PP_DATE_OK, NULL},
        {"2022-11-30Z", PP_DATE_TIMEZONE, "a time zone is not allowed, write 2022-11-30"},
        {"2022-11-30+01:00", PP_DATE_TIMEZONE, "a time zone is not allowed, write 2022-11-30"},
        {"2022-11-30-14:00", PP_DATE_TIMEZONE, "a time zone is not allowed, write 2022-11-30"},
        {"99999-11-30", PP_DATE_RANGE, "year 99999 is out of range (1900-2199)"},
        {"-2022-11-30", PP_DATE_RANGE, "year -2022 is out of range (1900-2199)"},
        {"10000-01-01", PP_DATE_RANGE, "year 10000 is out of range (1900-2199)"},
        {"0999-12-31", PP_DATE_RANGE, "year 0999 is out of range (1900-2199)"},
        {"2200-01-01", PP_DATE_RANGE, "year 2200 is out of range (1900-2199)"},
        {"1899-12-31", PP_DATE_RANGE, "year 1899 is out of range (1900-2199)"},
        {"1900-01-01", PP_DATE_OK, NULL},
        {"2199-12-31", PP_DATE_OK, NULL},
        {"12345678901234567890-01-01", PP_DATE_RANGE,
         "year 123456789012... is out of range (1900-2199)"},
        {"2022-02-29Z", PP_DATE_NO_DAY, "there is no such day"},
        {"2022-13-01", PP_DATE_NO_DAY, "there is no such day"},
        {"2022-11-30+15:00", PP_DATE_MALFORMED, NULL},
        {"2022-11-30T00:00", PP_DATE_MALFORMED, NULL},
        {"30/11/2022", PP_DATE_MALFORMED, NULL},
        {"", PP_DATE_MALFORMED, NULL},
    };
    char why[128];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        pp_date d = {0, 0, 0};
        pp_date_status st = pp_date_read(cases[i].s, &d);
        assert_int_equal(st, cases[i].st);
        assert_int_equal(pp_date_valid(d), st == PP_DATE_OK);
        if (cases[i].why) {
            pp_date_explain(st, cases[i].s, why, sizeof why);
            assert_string_equal(why, cases[i].why);
        }
    }
    assert_int_equal(pp_date_read(NULL, &(pp_date){0, 0, 0}), PP_DATE_MALFORMED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(italian_numbers),
        cmocka_unit_test(huge_numbers),
        cmocka_unit_test(data_numbers),
        cmocka_unit_test(data_numbers_extreme),
        cmocka_unit_test(every_double_reads_back),
        cmocka_unit_test(significant_digits),
        cmocka_unit_test(roman_numerals),
        cmocka_unit_test(dates),
        cmocka_unit_test(dates_of_the_schema),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
