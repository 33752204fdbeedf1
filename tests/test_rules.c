/* The scoring rules of DOMAIN §4, held to the worked figures printed in
 * the seeds. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "score.h"

#define near(a, b) assert_float_equal((a), (b), 0.005)

static void linear_at_least(void **state)
{
    (void)state;
    near(pp_rule_linear(PP_OP_GE, 375, 400), 93.75);  /* Brevetti, modelli, marchi */
    near(pp_rule_linear(PP_OP_GE, 3, 10), 30.00);     /* Capacità della rete PID */
    near(pp_rule_linear(PP_OP_GE, 7.10, 7.40), 95.95); /* Customer satisfaction PID */
    near(pp_rule_linear(PP_OP_GE, 401, 80), 100);     /* exceeded: capped */
    near(pp_rule_linear(PP_OP_GE, 10, 10), 100);      /* met exactly */
    near(pp_rule_linear(PP_OP_GE, 0, 10), 0);
    near(pp_rule_linear(PP_OP_GE, -5, 10), 0);        /* floored at 0 */
}

static void linear_at_most(void **state)
{
    (void)state;
    near(pp_rule_linear(PP_OP_LE, 16.40, 14.00), 82.86); /* Risorse umane registro imprese */
    near(pp_rule_linear(PP_OP_LE, 5.00, 3.00), 33.33);
    near(pp_rule_linear(PP_OP_LE, 0.68, 0.30), 0.00); /* floored at 0 */
    near(pp_rule_linear(PP_OP_LE, 1.57, 1.80), 100);
    near(pp_rule_linear(PP_OP_LE, 1.80, 1.80), 100);
}

static void linear_equal(void **state)
{
    (void)state;
    near(pp_rule_linear(PP_OP_EQ, 48375, 50000), 96.75);
    near(pp_rule_linear(PP_OP_EQ, 98.90, 100), 98.90); /* CONT_08 Rispetto delle scadenze */
    near(pp_rule_linear(PP_OP_EQ, 110, 100), 90);      /* above: 2 - a/t */
    near(pp_rule_linear(PP_OP_EQ, 250, 100), 0);
    near(pp_rule_linear(PP_OP_EQ, 0, 0), 100);         /* t = 0 */
    near(pp_rule_linear(PP_OP_EQ, 1, 0), 0);
    near(pp_rule_linear(PP_OP_EQ, 0.1 + 0.2, 0.3), 100); /* equal on paper */
}

static void met_whatever_the_sign(void **state)
{
    (void)state;
    near(pp_rule_linear(PP_OP_GE, -2.32, -6.00), 100);
    near(pp_rule_linear(PP_OP_LE, -20.46, 19.85), 100); /* ritardo medio dei pagamenti */
    near(pp_rule_linear(PP_OP_LE, 0, 0), 100);
    /* not met with a zero or negative target: no meaning without a soglia */
    assert_true(isnan(pp_rule_linear(PP_OP_GE, -8, -6)));
    assert_true(isnan(pp_rule_linear(PP_OP_LE, 1, 0)));
    assert_true(isnan(pp_rule_linear(PP_OP_EQ, -1, -2)));
}

static void strict_operators(void **state)
{
    (void)state;
    assert_true(pp_target_met(PP_OP_GT, 11, 10));
    assert_false(pp_target_met(PP_OP_GT, 10, 10));
    assert_true(pp_target_met(PP_OP_LT, 9, 10));
    assert_false(pp_target_met(PP_OP_LT, 10, 10));
    near(pp_rule_linear(PP_OP_GT, 5, 10), 50);
}

static void threshold(void **state)
{
    (void)state;
    near(pp_rule_threshold(PP_OP_GE, 81, 90, 60), 70.00);
    near(pp_rule_threshold(PP_OP_LE, 9, 8, 10), 50.00);
    near(pp_rule_threshold(PP_OP_GE, 55, 90, 60), 0);  /* beyond the soglia */
    near(pp_rule_threshold(PP_OP_LE, 12, 8, 10), 0);
    near(pp_rule_threshold(PP_OP_GE, 95, 90, 60), 100); /* met */
    /* soglia on the wrong side: undefined */
    assert_true(isnan(pp_rule_threshold(PP_OP_GE, 50, 90, 95)));
    /* the threshold rule is what scores a negative target */
    near(pp_rule_threshold(PP_OP_GE, -8, -6, -10), 50);
}

/* A soglia on an "=" target (DOMAIN §8): 0 % at the soglia's distance
 * from the target, on either side alike, linear in between. */
static void threshold_equal(void **state)
{
    (void)state;
    near(pp_rule_threshold(PP_OP_EQ, 1, 1, 0), 100);    /* "= 1", soglia 0 */
    near(pp_rule_threshold(PP_OP_EQ, 0.5, 1, 0), 50);   /* the soglia's side */
    near(pp_rule_threshold(PP_OP_EQ, 1.5, 1, 0), 50);   /* the other side, as far */
    near(pp_rule_threshold(PP_OP_EQ, 0, 1, 0), 0);      /* at the soglia */
    near(pp_rule_threshold(PP_OP_EQ, 2, 1, 0), 0);      /* as far on the other side */
    near(pp_rule_threshold(PP_OP_EQ, -3, 1, 0), 0);     /* beyond: floored */
    near(pp_rule_threshold(PP_OP_EQ, 375, 400, 300), 75.00);
    near(pp_rule_threshold(PP_OP_EQ, 425, 400, 300), 75.00);
    near(pp_rule_threshold(PP_OP_EQ, 80, 90, 60), 66.67);
    near(pp_rule_threshold(PP_OP_EQ, 100, 90, 60), 66.67);
    near(pp_rule_threshold(PP_OP_EQ, 95, 90, 120), 83.33); /* soglia above the target */
    /* a soglia that is the target leaves nothing in between */
    assert_true(isnan(pp_rule_threshold(PP_OP_EQ, 50, 90, 90)));
}

/* A date soglia for a deadline: 0 % on the soglia's day, linear from the
 * due date. "Entro 30/06, soglia 31/07, done 15/07": 15 of 31 days late. */
static void deadline_threshold(void **state)
{
    (void)state;
    pp_date due = {2022, 6, 30}, soglia = {2022, 7, 31};
    near(pp_rule_deadline_threshold(due, (pp_date){2022, 7, 15}, soglia), 51.61);
    near(pp_rule_deadline_threshold(due, (pp_date){2022, 6, 30}, soglia), 100);
    near(pp_rule_deadline_threshold(due, (pp_date){2022, 5, 2}, soglia), 100);
    near(pp_rule_deadline_threshold(due, (pp_date){2022, 7, 1}, soglia), 96.77);
    near(pp_rule_deadline_threshold(due, (pp_date){2022, 7, 31}, soglia), 0);
    near(pp_rule_deadline_threshold(due, (pp_date){2022, 9, 1}, soglia), 0);
    /* a soglia not after the deadline is no soglia */
    assert_true(isnan(pp_rule_deadline_threshold(due, (pp_date){2022, 7, 1}, due)));
    assert_true(isnan(pp_rule_deadline_threshold(due, (pp_date){2022, 7, 1}, (pp_date){2022, 6, 1})));
}

static void binary(void **state)
{
    (void)state;
    near(pp_rule_binary(PP_OP_GE, 9.99, 10), 0);
    near(pp_rule_binary(PP_OP_GE, 10, 10), 100);
}

static void deadline(void **state)
{
    (void)state;
    pp_date due = {2022, 6, 30};
    near(pp_rule_deadline(due, (pp_date){2022, 6, 20}, 0), 100);
    near(pp_rule_deadline(due, (pp_date){2022, 6, 30}, 0), 100); /* on the day */
    near(pp_rule_deadline(due, (pp_date){2022, 7, 1}, 0), 0);    /* one day late, no tolerance */
    near(pp_rule_deadline(due, (pp_date){2022, 7, 1}, 30), 96.67);
    near(pp_rule_deadline(due, (pp_date){2022, 7, 15}, 30), 50);
    near(pp_rule_deadline(due, (pp_date){2022, 7, 30}, 30), 0);
    near(pp_rule_deadline(due, (pp_date){2023, 1, 1}, 30), 0);
    /* across a leap day: 28/02/2024 -> 01/03/2024 is two days */
    assert_int_equal(pp_date_diff((pp_date){2024, 2, 28}, (pp_date){2024, 3, 1}), 2);
}

static void tolerance_bands(void **state)
{
    (void)state;
    pp_tolerance t = {true, 10, 50, {0, 0}};
    near(pp_apply_tolerance(&t, 92), 100); /* within 10 % of the target */
    near(pp_apply_tolerance(&t, 90), 100);
    near(pp_apply_tolerance(&t, 89.99), 89.99);
    near(pp_apply_tolerance(&t, 50), 50);
    near(pp_apply_tolerance(&t, 49.99), 0); /* under the critical level */
    pp_tolerance off = {0};
    near(pp_apply_tolerance(&off, 49.99), 49.99);
}

static void bands(void **state)
{
    (void)state;
    pp_band b[] = {{0, "non raggiunto", "#C62828", NULL, {0, 0}, NULL},
                   {60, "parzialmente raggiunto", "#F9A825", NULL, {0, 0}, NULL},
                   {80, "raggiunto", "#2E7D32", NULL, {0, 0}, NULL}};
    pp_smvp s = {.bands = b, .nbands = 3};
    assert_int_equal(pp_band_of(&s, 0), 0);
    assert_int_equal(pp_band_of(&s, 59.99), 0);
    assert_int_equal(pp_band_of(&s, 60), 1);
    assert_int_equal(pp_band_of(&s, 79.994), 1);
    assert_int_equal(pp_band_of(&s, 79.996), 2); /* printed as 80,00 */
    assert_int_equal(pp_band_of(&s, 100), 2);
    pp_smvp none = {0};
    assert_int_equal(pp_band_of(&none, 50), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(linear_at_least), cmocka_unit_test(linear_at_most),
        cmocka_unit_test(linear_equal),    cmocka_unit_test(met_whatever_the_sign),
        cmocka_unit_test(strict_operators), cmocka_unit_test(threshold),
        cmocka_unit_test(threshold_equal), cmocka_unit_test(deadline_threshold),
        cmocka_unit_test(binary),          cmocka_unit_test(deadline),
        cmocka_unit_test(tolerance_bands), cmocka_unit_test(bands),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
