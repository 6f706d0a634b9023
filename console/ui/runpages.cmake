# The workflow and run pages of wf_console_ui (included by console/ui/CMakeLists.txt).
set(WF_CONSOLE_RUN_PAGES
  ${CMAKE_CURRENT_LIST_DIR}/confirmationbox.cpp
  ${CMAKE_CURRENT_LIST_DIR}/jsoneditor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pagewidgets.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rundetaildialog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/runspage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/stuckrunspage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/triggerdialog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/workflowspage.cpp)

# They judge run statuses with the platform's own RunStatus (wf_workflow: pure, no I/O), not by
# comparing strings. Deferred to the end of the folder, where wf_console_ui exists.
cmake_language(DEFER CALL target_link_libraries wf_console_ui PUBLIC wf_workflow)
