# Tests of the deployment files and the Kubernetes scaling backend.
wf_add_test(deployfiles LIBS wfshared PkgConfig::YAMLCPP LABELS unit)
wf_add_test(kubernetes LIBS wfstack wfshared LABELS unit)
