# Sources of the workflow model (definitions, step types, templates); included by shared/CMakeLists.txt.
target_sources(wfshared PRIVATE
)
