# Kubernetes scaling backend sources (added to wfstack); included by deploy/CMakeLists.txt.
target_sources(wfstack PRIVATE
  stack/kubernetesscaler.cpp
)
