#pragma once

#include "error.h"

#include <optional>
#include <utility>
#include <variant>

namespace wf {

// Either a value or an Error (C++17 has no std::expected).
template<typename T>
class Result
{
public:
    Result(T value) : m_data(std::move(value)) { }
    Result(Error error) : m_data(std::move(error)) { }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    T &value() { return std::get<T>(m_data); }
    const T &value() const { return std::get<T>(m_data); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }

    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// For operations that produce nothing but may fail.
struct Done
{
};
using Status = Result<Done>;

// A validation step that may fail: nullopt means valid.
using Problem = std::optional<Error>;

} // namespace wf
