# Tests of the deployment files and the Kubernetes scaling backend.
wf_add_test(deployfiles LIBS wf_core Qt6::Network PkgConfig::YAMLCPP LABELS unit)
wf_add_test(kubernetes LIBS wftestsupport wfstack LABELS unit)
# deploy/up and deploy/status as a user runs them, and each executable's --help.
wf_add_test(deployscripts LIBS wftestsupport LABELS integration TIMEOUT 240)
add_dependencies(tst_deployscripts wf-stack wf-server wf-worker wf-broker wf-echo)
