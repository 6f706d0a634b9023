#pragma once

#include <QLoggingCategory>

// wf.cache: the Redis connection and the cache in front of it (defined in redisconnection.cpp).
Q_DECLARE_LOGGING_CATEGORY(lcCache)
