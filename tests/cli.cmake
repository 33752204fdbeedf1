# The command line as a user meets it: exit codes and output formats.
# cmake -DPERFPDF=... -DSRC=... -DOUT=... -P cli.cmake
file(MAKE_DIRECTORY ${OUT})
set(PISTOIA ${SRC}/fixtures/pistoia-prato-relazione-2022.xml)

function(expect_exit code)
  execute_process(COMMAND ${PERFPDF} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL code)
    message(FATAL_ERROR "perfpdf ${ARGN}: exit ${rc}, expected ${code}\n${out}\n${err}")
  endif()
  set(LAST_OUT "${out}" PARENT_SCOPE)
  set(LAST_ERR "${err}" PARENT_SCOPE)
endfunction()

function(expect_match text regex what)
  if(NOT text MATCHES "${regex}")
    message(FATAL_ERROR "${what}: no match for '${regex}' in:\n${text}")
  endif()
endfunction()

expect_exit(2)
expect_exit(2 frobnicate)
expect_exit(0 help)
expect_exit(0 version)
expect_exit(0 render --help)
expect_exit(0 score -h)
expect_exit(2 frobnicate --help)
expect_exit(2 validate)
expect_exit(2 validate /nonexistent.xml)
expect_match("${LAST_ERR}" "/nonexistent.xml: error: cannot open" "missing file")
expect_exit(0 validate ${PISTOIA})
expect_match("${LAST_ERR}" "valid \\(3 warnings\\)" "validate summary")
expect_exit(2 validate ${SRC}/fixtures/broken/weights-sum.xml)
expect_match("${LAST_ERR}" "weights-sum.xml:31:9: error: the weights of the indicators of '01_01_03' sum to 90.00, not 100" "weights message")
expect_exit(2 score ${SRC}/fixtures/broken/weights-sum.xml)
expect_exit(2 score ${PISTOIA} --format xml)

expect_exit(0 score ${PISTOIA} --format json)
expect_match("${LAST_OUT}" "\"id\": \"ente\", \"code\": null, \"level\": \"ente\"" "json ente")
expect_match("${LAST_OUT}" "\"level\": \"ente\"[^\n]*\"achievement\": 97\\.97[5-9]" "json ente figure")
expect_match("${LAST_OUT}" "\"overridden\": true" "json override")
# points lost: the ente loses 100 - 97,98; SOST_TUR_05 (47 %) 0,2104 (test_points_lost)
expect_match("${LAST_OUT}" "\"level\": \"ente\"[^\n]*\"points_lost\": 2\\.02[0-4]" "json ente points lost")
expect_match("${LAST_OUT}" "\"code\": \"SOST_TUR_05\"[^\n]*\"points_lost\": 0\\.2104" "json points lost")
string(REGEX MATCHALL "\"level\": \"indicatore\"" inds "${LAST_OUT}")
list(LENGTH inds n)
if(NOT n EQUAL 373)
  message(FATAL_ERROR "json: ${n} indicators, expected 373")
endif()

# export carries the same points lost: a JSON field and one column per level
expect_exit(0 export ${PISTOIA} --format json)
expect_match("${LAST_OUT}" "\"code\": \"SOST_TUR_05\"[^\n]*\"points_lost\": 0\\.2104" "export json points lost")
expect_exit(0 export ${PISTOIA} --format csv)
expect_match("${LAST_OUT}" ",scostamento,ambito_punti_persi,strategico_punti_persi,operativo_punti_persi,indicatore_punti_persi\n" "export csv points lost header")
expect_match("${LAST_OUT}" ",SOST_TUR_05,[^\n]*,0\\.828[0-9]*,0\\.2199[0-9]*,0\\.2104[0-9]*,0\\.2104[0-9]*\n" "export csv points lost")

expect_exit(0 score ${PISTOIA} --format csv)
expect_match("${LAST_OUT}" "^id,code,level,title,parent,weight,effective_weight,actual,achievement,band,overridden,points_lost\n" "csv header")
expect_match("${LAST_OUT}" "\n[^,\n]*,SOST_TUR_05,indicatore,[^\n]*,false,0\\.2104[0-9]*\n" "csv points lost")
expect_match("${LAST_OUT}" "\nente,,ente,Camera di Commercio di Pistoia-Prato,,100,100,,97\\.97[5-9]" "csv ente")
expect_match("${LAST_OUT}" "\n[^,\n]*,01_01,strategico,\"Digitalizzazione, nuove tecnologie ed innovazione\"," "csv quoting")
# execute_process folds CRLF: read the bytes back from a file for RFC 4180 line ends
execute_process(COMMAND ${PERFPDF} score ${PISTOIA} --format csv OUTPUT_FILE ${OUT}/scores.csv)
file(READ ${OUT}/scores.csv csv HEX)
string(FIND "${csv}" "706f696e74735f6c6f73740d0a656e74652c" crlf) # "points_lost\r\nente,"
if(crlf EQUAL -1)
  message(FATAL_ERROR "csv: records must end with CRLF (RFC 4180)")
endif()

expect_exit(0 score ${PISTOIA})
expect_match("${LAST_OUT}" "Camera di Commercio di Pistoia-Prato  97,98 %  raggiunto" "text ente")
expect_match("${LAST_OUT}" "PARI_OPP_06 [^\n]* 83,84 %[^\n]*\\[attribuito\\]" "text override")

# A full disk is an environment failure (exit 1) with a message, not a crash.
execute_process(COMMAND ${PERFPDF} score ${PISTOIA} --format json OUTPUT_FILE /dev/full
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "score to a full disk: exit ${rc}, expected 1")
endif()
expect_match("${err}" "No space left on device" "full disk message")

# ---- options: one parser (src/cli/options.c), the same spellings and
# messages for every command, exit 2 and the command's usage line on misuse.
set(MINIMO ${SRC}/fixtures/esempio-minimo.xml)
set(CSVDIR ${SRC}/fixtures/csv)

# A missing value says it is missing (it used to be an "unknown option").
foreach(cmd score export)
  expect_exit(2 ${cmd} ${MINIMO} --format)
  expect_match("${LAST_ERR}" "^perfpdf ${cmd}: option '--format' needs a value\nusage: perfpdf ${cmd} FILE"
               "${cmd} --format without a value")
endforeach()
expect_exit(2 render ${MINIMO} -o)
expect_match("${LAST_ERR}" "^perfpdf render: option '-o' needs a value\n" "render -o without a value")

# An empty output file name, however spelled. The empty argument is written
# out here because a CMake list cannot carry one.
function(expect_empty_output cmd)
  execute_process(COMMAND ${PERFPDF} ${cmd} ${ARGN} -o "" RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL 2)
    message(FATAL_ERROR "perfpdf ${cmd} ${ARGN} -o '': exit ${rc}, expected 2\n${out}\n${err}")
  endif()
  expect_match("${err}" "^perfpdf ${cmd}: -o needs a file name\nusage: perfpdf ${cmd} " "${cmd} -o ''")
endfunction()
expect_empty_output(render ${MINIMO})
expect_empty_output(import ${CSVDIR}/piano-2023-excel.csv)
expect_empty_output(merge ${CSVDIR}/piano-2023.xml ${CSVDIR}/consuntivi-2023.csv)
expect_empty_output(export ${MINIMO})
expect_exit(2 render ${MINIMO} --output=)
expect_match("${LAST_ERR}" "^perfpdf render: --output needs a file name\n" "render --output=")
expect_exit(2 merge ${CSVDIR}/piano-2023.xml ${CSVDIR}/consuntivi-2023.csv --output=)
expect_match("${LAST_ERR}" "^perfpdf merge: --output needs a file name\n" "merge --output=")
expect_exit(2 export ${MINIMO} -o=)
expect_match("${LAST_ERR}" "^perfpdf export: -o needs a file name\n" "export -o=")

# Unknown options, flags given a value, options a command requires.
foreach(cmd validate score render export)
  expect_exit(2 ${cmd} ${MINIMO} --frobnicate)
  expect_match("${LAST_ERR}" "^perfpdf ${cmd}: unknown option '--frobnicate'\nusage: perfpdf ${cmd} FILE"
               "${cmd} --frobnicate")
endforeach()
expect_exit(2 render ${MINIMO} --timings=yes)
expect_match("${LAST_ERR}" "^perfpdf render: option '--timings' takes no value\n" "--timings=yes")
expect_exit(2 import ${CSVDIR}/piano-2023-excel.csv)
expect_match("${LAST_ERR}" "^perfpdf import: option '-o' is required\nusage: perfpdf import " "import without -o")

# Positional arguments: too many, too few.
expect_exit(2 validate ${MINIMO} ${PISTOIA})
expect_match("${LAST_ERR}" "^perfpdf validate: expected one FILE, got also '[^']*pistoia[^']*'\nusage: perfpdf validate FILE \\[--piano PIANO.xml\\] \\[--precedenti EARLIER.xml...\\]\n"
             "validate with two files")
expect_exit(2 score ${MINIMO} ${PISTOIA})
expect_match("${LAST_ERR}" "^perfpdf score: expected one FILE, got also " "score with two files")
expect_exit(2 merge ${CSVDIR}/piano-2023.xml ${CSVDIR}/consuntivi-2023.csv extra.csv -o ${OUT}/m.xml)
expect_match("${LAST_ERR}" "^perfpdf merge: expected PLAN.xml and VALUES.csv, got also 'extra.csv'\n" "merge with three files")
expect_exit(2 merge ${CSVDIR}/piano-2023.xml -o ${OUT}/m.xml)
expect_match("${LAST_ERR}" "^perfpdf merge: expected PLAN.xml and VALUES.csv\n" "merge with one file")
expect_exit(2 render)
expect_match("${LAST_ERR}" "^perfpdf render: expected one FILE\n" "render without a file")

# "--" ends the options: a file whose name starts with '-' is a file.
configure_file(${MINIMO} ${OUT}/-minimo.xml COPYONLY)
execute_process(COMMAND ${PERFPDF} validate -- -minimo.xml WORKING_DIRECTORY ${OUT}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "validate -- -minimo.xml: exit ${rc}, expected 0\n${err}")
endif()
expect_match("${err}" "^-minimo.xml: valid" "validate -- -minimo.xml")
execute_process(COMMAND ${PERFPDF} score --format csv -- -minimo.xml WORKING_DIRECTORY ${OUT}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "score --format csv -- -minimo.xml: exit ${rc}, expected 0\n${err}")
endif()
expect_match("${out}" "^id,code,level," "score -- -minimo.xml")
execute_process(COMMAND ${PERFPDF} validate -minimo.xml WORKING_DIRECTORY ${OUT}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 2)
  message(FATAL_ERROR "validate -minimo.xml: exit ${rc}, expected 2\n${err}")
endif()
expect_match("${err}" "^perfpdf validate: unknown option '-minimo.xml'\n" "validate -minimo.xml")

# Every spelling still works: --name=VALUE, -o=VALUE, "-o -" for standard
# output, options before the file, and -h/--help anywhere.
expect_exit(0 export --format=json -o - ${MINIMO})
expect_match("${LAST_OUT}" "^{" "export -o - to standard output")
expect_exit(0 export ${MINIMO} --format csv-it --output=${OUT}/minimo.csv)
expect_exit(0 export ${MINIMO} -o=${OUT}/minimo2.csv)
if(NOT EXISTS ${OUT}/minimo.csv OR NOT EXISTS ${OUT}/minimo2.csv)
  message(FATAL_ERROR "export --output=FILE / -o=FILE wrote no file")
endif()
expect_exit(0 score --format=csv ${MINIMO})
expect_exit(0 render ${MINIMO} --help)
expect_match("${LAST_OUT}" "^usage: perfpdf COMMAND" "render FILE --help")
expect_exit(0 validate help)
expect_match("${LAST_OUT}" "^usage: perfpdf COMMAND" "validate help")
