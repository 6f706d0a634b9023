#pragma once

#include "result.h"

#include <functional>

namespace wf {

// How asynchronous domain operations answer: once, on the thread of the context object the
// caller named.
template<typename T>
using Callback = std::function<void(Result<T>)>;

} // namespace wf
