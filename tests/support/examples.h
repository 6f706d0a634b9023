#pragma once

#include <QByteArray>

namespace wf::test {

// The workflow definition of architecture.md, as the seed's clients send it (delay, then a
// webhook with headers, templates, retry and timeout).
QByteArray architectureExample();

} // namespace wf::test
