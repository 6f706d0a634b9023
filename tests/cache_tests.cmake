# Tests of the Redis cache.
wf_add_test(cache LIBS wftestsupport wfshared LABELS integration TIMEOUT 180)
