#include "examples.h"

namespace wf::test {

QByteArray architectureExample()
{
    return R"({"id": "example_workflow", "name": "Example", "description": "…",
 "steps": [
   {"name": "wait", "type": "delay", "config": {"duration": 2}},
   {"name": "notify", "type": "webhook",
    "config": {"url": "http://127.0.0.1:9000/hook", "method": "POST",
               "headers": {"Content-Type": "application/json"},
               "body": {"user": "${payload.user_id}", "prev": "${steps.wait.output.duration}"}},
    "retry": {"max_attempts": 3, "initial_backoff_ms": 200, "multiplier": 2.0, "max_backoff_ms": 5000},
    "timeout_ms": 10000}
 ]})";
}

} // namespace wf::test
