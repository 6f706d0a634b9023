#pragma once

namespace wf::broker {

// librdkafka's mock cluster listens on ephemeral ports, which would change every time the broker
// restarts and strand every client. While a fixed port is armed, the next loopback bind() to port
// 0 in this process is moved to it (this executable interposes bind(); see fixedport.cpp).
void armFixedPort(int port);
void disarmFixedPort();

} // namespace wf::broker
