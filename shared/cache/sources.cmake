# Sources of the Redis cache (hiredis in the Qt event loop); included by shared/CMakeLists.txt.
target_sources(wfshared PRIVATE
  cache/cache.cpp
  cache/redisconnection.cpp
  cache/redisreply.cpp
  cache/redisurl.cpp
)
