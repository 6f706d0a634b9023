# The shipped monitoring files (deploy/monitoring) checked by Debian's promtool, and a real
# Prometheus scraping a real server (tst_monitoring).
find_program(WF_PROMTOOL promtool)
set(WF_MONITORING ${PROJECT_SOURCE_DIR}/deploy/monitoring)
if(WF_PROMTOOL)
  add_test(NAME promtool_config COMMAND ${WF_PROMTOOL} check config prometheus.yml prometheus-kubernetes.yml
           WORKING_DIRECTORY ${WF_MONITORING})
  add_test(NAME promtool_rules COMMAND ${WF_PROMTOOL} check rules alerts.yml WORKING_DIRECTORY ${WF_MONITORING})
  add_test(NAME promtool_rule_tests COMMAND ${WF_PROMTOOL} test rules alerts_test.yml WORKING_DIRECTORY ${WF_MONITORING})
  set_tests_properties(promtool_config promtool_rules promtool_rule_tests PROPERTIES LABELS unit TIMEOUT 60)
else()
  message(WARNING "promtool not found: install the prometheus package (tests/run does) and re-run cmake")
  add_test(NAME promtool_config COMMAND ${CMAKE_COMMAND} -E false)
  set_tests_properties(promtool_config PROPERTIES LABELS unit)
endif()

wf_add_test(monitoring LIBS wftestsupport wf_core Qt6::Network LABELS integration TIMEOUT 180)
add_dependencies(tst_monitoring wf-server)
