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
string(REGEX MATCHALL "\"level\": \"indicatore\"" inds "${LAST_OUT}")
list(LENGTH inds n)
if(NOT n EQUAL 373)
  message(FATAL_ERROR "json: ${n} indicators, expected 373")
endif()

expect_exit(0 score ${PISTOIA} --format csv)
expect_match("${LAST_OUT}" "^id,code,level,title,parent,weight,effective_weight,actual,achievement,band,overridden\n" "csv header")
expect_match("${LAST_OUT}" "\nente,,ente,Camera di Commercio di Pistoia-Prato,,100,100,,97\\.97[5-9]" "csv ente")
expect_match("${LAST_OUT}" "\n[^,\n]*,01_01,strategico,\"Digitalizzazione, nuove tecnologie ed innovazione\"," "csv quoting")
# execute_process folds CRLF: read the bytes back from a file for RFC 4180 line ends
execute_process(COMMAND ${PERFPDF} score ${PISTOIA} --format csv OUTPUT_FILE ${OUT}/scores.csv)
file(READ ${OUT}/scores.csv csv HEX)
string(FIND "${csv}" "6f76657272696464656e0d0a656e74652c" crlf) # "overridden\r\nente,"
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
