# Sources of the workflow engine (step attempts, run execution); included by shared/CMakeLists.txt.
target_sources(wfshared PRIVATE
  engine/delayattempt.cpp
  engine/enginelog.cpp
  engine/httpclientpool.cpp
  engine/immediateattempt.cpp
  engine/runexecution.cpp
  engine/stepattempt.cpp
  engine/stepresult.cpp
  engine/webhookattempt.cpp
)
