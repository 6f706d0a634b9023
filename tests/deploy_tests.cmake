# Tests of the deployment files and the Kubernetes scaling backend.
wf_add_test(deployfiles LIBS wf_core Qt6::Network PkgConfig::YAMLCPP LABELS unit)
wf_add_test(kubernetes LIBS wftestsupport wfstack LABELS unit)
