# Sources of the workflow model (definitions, step types, templates); included by shared/CMakeLists.txt.
target_sources(wfshared PRIVATE
  workflow/retrypolicy.cpp
  workflow/stepdefinition.cpp
  workflow/stepregistry.cpp
  workflow/steptype.cpp
  workflow/templateengine.cpp
  workflow/templatestring.cpp
  workflow/validation.cpp
  workflow/workflowdefinition.cpp
  workflow/steps/conditionstep.cpp
  workflow/steps/delaystep.cpp
  workflow/steps/logstep.cpp
  workflow/steps/transformstep.cpp
  workflow/steps/webhookstep.cpp
)
