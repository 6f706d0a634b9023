# Unit tests of the workflow model (shared/workflow).
