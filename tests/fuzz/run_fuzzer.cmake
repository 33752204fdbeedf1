# A bounded fuzzing run: a fresh corpus seeded with the files of SEEDS that
# match PATTERN, then libFuzzer for SECONDS seconds. Fails on any finding.
file(REMOVE_RECURSE ${CORPUS})
file(MAKE_DIRECTORY ${CORPUS})
file(GLOB_RECURSE seeds ${SEEDS}/${PATTERN})
foreach(seed ${seeds})
  file(SIZE ${seed} size)
  if(size LESS 1048576)
    get_filename_component(name ${seed} NAME)
    file(COPY ${seed} DESTINATION ${CORPUS})
  endif()
endforeach()
execute_process(COMMAND ${FUZZER} ${CORPUS} -max_total_time=${SECONDS} -max_len=262144
                        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
                WORKING_DIRECTORY ${CORPUS}/..
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the fuzzer found a problem (exit ${rc}): see the crash- file in ${CORPUS}/..")
endif()
