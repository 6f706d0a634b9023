# Tests of the Redis cache.
