# Unit tests of the workflow model (shared/workflow).
wf_add_test(definition LIBS wftestsupport wfshared)
wf_add_test(template LIBS wfshared)
wf_add_test(engine LIBS wftestsupport wfshared LABELS unit TIMEOUT 120)
