# Tests of the deployment files and the Kubernetes scaling backend.
wf_add_test(deployfiles LIBS wfshared PkgConfig::YAMLCPP LABELS unit)
wf_add_test(kubernetes LIBS wftestsupport wfstack wfshared LABELS unit)
