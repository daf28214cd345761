// Mock of trantor/net/EventLoop.h (an-tao/trantor, Drogon's event loop):
// real names and signatures, trimmed.
#ifndef POOLGUARD_MOCK_TRANTOR_EVENTLOOP_H
#define POOLGUARD_MOCK_TRANTOR_EVENTLOOP_H
#include <cstdint>
#include <functional>

namespace trantor {

using TimerId = std::uint64_t;

class EventLoop {
public:
  using Func = std::function<void()>;
  TimerId runAt(double time, const Func &cb);
  TimerId runAfter(double delay, const Func &cb);
  TimerId runEvery(double interval, const Func &cb);
  TimerId runEvery(double interval, Func &&cb);
  void runInLoop(const Func &f);
  void queueInLoop(const Func &f);
};

} // namespace trantor
#endif
