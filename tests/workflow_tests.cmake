# Unit tests of the workflow model (shared/workflow), the step types and the engine.
wf_add_test(definition LIBS wftestsupport wf_steps)
wf_add_test(template LIBS wf_workflow)
wf_add_test(engine LIBS wftestsupport wf_steps LABELS unit TIMEOUT 120)
