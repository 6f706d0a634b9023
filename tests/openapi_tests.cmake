# The OpenAPI document the server serves (resources/openapi.json), checked by tests/openapi/validate.mjs
# with an OpenAPI 3.1 validator from npm (tests/openapi/package.json, pinned by its lock file).
#
#   openapi_setup  (fixture openapi_validator) copies tests/openapi into <build>/openapi-validator and
#                  runs "npm ci" there; skipped while the installed node_modules matches the lock
#                  file, so reruns are fast and need no network.
#   openapi        node validate.mjs resources/openapi.json [routes]: valid OpenAPI 3.1, consistent,
#                  examples match their schemas; with WF_OPENAPI_ROUTES set (a file of
#                  "METHOD /path/{param}" lines from the server's router) also exactly those routes.
#                  Set WF_OPENAPI_ROUTES_FIXTURE as well when a test produces that file.
#
# Included from tests/CMakeLists.txt; the same file is also the setup step's script (cmake -P).

if(CMAKE_SCRIPT_MODE_FILE)
  # ---- script mode: cmake -DWF_OPENAPI_SOURCE=… -DWF_OPENAPI_WORK=… -DWF_NPM=… -P openapi_tests.cmake
  if(WF_OPENAPI_MISSING)
    message(FATAL_ERROR "the OpenAPI check needs ${WF_OPENAPI_MISSING}, not found when the build was configured: "
                        "install Node.js 18 or later with npm (Debian: apt-get install nodejs npm) and re-run cmake")
  endif()
  foreach(variable WF_OPENAPI_SOURCE WF_OPENAPI_WORK WF_NPM)
    if(NOT ${variable})
      message(FATAL_ERROR "${variable} is not set")
    endif()
  endforeach()

  file(MAKE_DIRECTORY "${WF_OPENAPI_WORK}")
  set(inputs package.json validate.mjs)
  if(EXISTS "${WF_OPENAPI_SOURCE}/package-lock.json")
    list(APPEND inputs package-lock.json)
  else()
    file(REMOVE "${WF_OPENAPI_WORK}/package-lock.json")
  endif()
  foreach(name IN LISTS inputs)
    file(COPY_FILE "${WF_OPENAPI_SOURCE}/${name}" "${WF_OPENAPI_WORK}/${name}" ONLY_IF_DIFFERENT)
  endforeach()

  # What node_modules was installed from: package.json and the lock file.
  file(SHA256 "${WF_OPENAPI_SOURCE}/package.json" stamp)
  if(EXISTS "${WF_OPENAPI_SOURCE}/package-lock.json")
    file(SHA256 "${WF_OPENAPI_SOURCE}/package-lock.json" lock_hash)
    string(APPEND stamp " ${lock_hash}")
  endif()
  set(stamp_file "${WF_OPENAPI_WORK}/node_modules/.wf-openapi-stamp")
  set(marker "${WF_OPENAPI_WORK}/node_modules/@seriousme/openapi-schema-validator/package.json")
  if(EXISTS "${stamp_file}" AND EXISTS "${marker}")
    file(READ "${stamp_file}" installed)
    if(installed STREQUAL stamp)
      message(STATUS "openapi: the validator in ${WF_OPENAPI_WORK}/node_modules is up to date")
      return()
    endif()
  endif()

  # Installed beside the current node_modules and swapped in only when complete: npm ci empties
  # node_modules first, and a failed install (no network) must not lose the one that worked.
  set(stage "${WF_OPENAPI_WORK}/.install")
  file(REMOVE_RECURSE "${stage}")
  file(MAKE_DIRECTORY "${stage}")
  file(COPY_FILE "${WF_OPENAPI_SOURCE}/package.json" "${stage}/package.json")
  if(EXISTS "${WF_OPENAPI_SOURCE}/package-lock.json")
    file(COPY_FILE "${WF_OPENAPI_SOURCE}/package-lock.json" "${stage}/package-lock.json")
    set(install ci)
  else()
    set(install install)
  endif()
  message(STATUS "openapi: npm ${install} in ${stage}")
  execute_process(
    COMMAND "${CMAKE_COMMAND}" -E env npm_config_update_notifier=false npm_config_loglevel=warn
            "${WF_NPM}" ${install} --no-audit --no-fund --prefer-offline
    WORKING_DIRECTORY "${stage}"
    RESULT_VARIABLE npm_result
    TIMEOUT 540)
  if(NOT npm_result EQUAL 0 OR NOT EXISTS "${stage}/node_modules/@seriousme/openapi-schema-validator/package.json")
    file(REMOVE_RECURSE "${stage}")
    if(EXISTS "${marker}")
      message(WARNING "openapi: npm ${install} failed (${npm_result}); keeping the validator installed before")
      return()
    endif()
    message(FATAL_ERROR "openapi: npm ${install} failed (${npm_result}) and no validator is installed in ${WF_OPENAPI_WORK}")
  endif()
  file(REMOVE_RECURSE "${WF_OPENAPI_WORK}/node_modules")
  file(RENAME "${stage}/node_modules" "${WF_OPENAPI_WORK}/node_modules")
  file(REMOVE_RECURSE "${stage}")
  file(WRITE "${stamp_file}" "${stamp}")
  message(STATUS "openapi: the validator is installed in ${WF_OPENAPI_WORK}/node_modules")
  return()
endif()

# ---- configure mode: define the tests
set(WF_OPENAPI_DOCUMENT "${PROJECT_SOURCE_DIR}/resources/openapi.json")
set(WF_OPENAPI_WORK "${CMAKE_BINARY_DIR}/openapi-validator")
find_program(WF_NODE_EXECUTABLE NAMES node nodejs DOC "Node.js, for the OpenAPI document check")
find_program(WF_NPM_EXECUTABLE NAMES npm DOC "npm, for the OpenAPI document check")

set(missing "")
if(NOT WF_NODE_EXECUTABLE)
  list(APPEND missing node)
endif()
if(NOT WF_NPM_EXECUTABLE)
  list(APPEND missing npm)
endif()

if(missing)
  string(REPLACE ";" " and " missing "${missing}")
  message(WARNING "${missing} not found: the openapi test will fail until Node.js and npm are installed")
  add_test(NAME openapi COMMAND "${CMAKE_COMMAND}" "-DWF_OPENAPI_MISSING=${missing}" -P "${CMAKE_CURRENT_LIST_FILE}")
  set_tests_properties(openapi PROPERTIES LABELS unit TIMEOUT 60)
else()
  add_test(NAME openapi_setup
           COMMAND "${CMAKE_COMMAND}" "-DWF_OPENAPI_SOURCE=${CMAKE_CURRENT_SOURCE_DIR}/openapi"
                   "-DWF_OPENAPI_WORK=${WF_OPENAPI_WORK}" "-DWF_NPM=${WF_NPM_EXECUTABLE}" -P "${CMAKE_CURRENT_LIST_FILE}")
  set_tests_properties(openapi_setup PROPERTIES FIXTURES_SETUP openapi_validator LABELS unit TIMEOUT 600)

  set(arguments "${WF_OPENAPI_DOCUMENT}")
  set(fixtures openapi_validator)
  if(WF_OPENAPI_ROUTES)
    list(APPEND arguments "${WF_OPENAPI_ROUTES}")
    if(WF_OPENAPI_ROUTES_FIXTURE)
      list(APPEND fixtures ${WF_OPENAPI_ROUTES_FIXTURE})
    endif()
  endif()
  add_test(NAME openapi COMMAND "${WF_NODE_EXECUTABLE}" "${WF_OPENAPI_WORK}/validate.mjs" ${arguments}
           WORKING_DIRECTORY "${WF_OPENAPI_WORK}")
  set_tests_properties(openapi PROPERTIES FIXTURES_REQUIRED "${fixtures}" LABELS unit TIMEOUT 120)
endif()
