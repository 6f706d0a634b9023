# Sources of the Redis cache (hiredis in the Qt event loop); included by shared/CMakeLists.txt.
target_sources(wfshared PRIVATE
)
