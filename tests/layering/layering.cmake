# Builds every probe of tests/layering/CMakeLists.txt: "fail:" ones must not
# compile (an upward include), "pass:" ones must (the control: the probe
# machinery works, so a failure above means the include, not the setup).
set(bad "")
foreach(p IN LISTS PROBES)
  string(REPLACE ":" ";" parts ${p})
  list(GET parts 0 expect)
  list(GET parts 1 target)
  execute_process(COMMAND ${CMAKE_COMMAND} --build ${BIN} --target ${target}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(expect STREQUAL "fail" AND rc EQUAL 0)
    list(APPEND bad "${target}: compiled, but that include goes against the flow")
  elseif(expect STREQUAL "pass" AND NOT rc EQUAL 0)
    list(APPEND bad "${target}: did not compile:\n${out}")
  elseif(expect STREQUAL "fail" AND NOT out MATCHES "No such file|file not found")
    list(APPEND bad "${target}: failed for another reason than the missing header:\n${out}")
  endif()
endforeach()
if(bad)
  string(REPLACE ";" "\n" bad "${bad}")
  message(FATAL_ERROR "layering broken:\n${bad}")
endif()
list(LENGTH PROBES n)
message(STATUS "layering: ${n} probes as expected")
