# Tests of the Redis cache.
wf_add_test(cache LIBS wftestsupport wf_cache LABELS integration TIMEOUT 180)
