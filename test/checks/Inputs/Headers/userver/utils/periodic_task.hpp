// Mock of userver/utils/periodic_task.hpp: real names and signatures,
// trimmed (USERVER_NAMESPACE is userver).
#ifndef POOLGUARD_MOCK_USERVER_PERIODIC_TASK_HPP
#define POOLGUARD_MOCK_USERVER_PERIODIC_TASK_HPP
#include <chrono>
#include <functional>
#include <string>
namespace userver {
namespace utils {
class PeriodicTask final {
public:
  struct Settings {
    Settings(std::chrono::milliseconds period);
    std::chrono::milliseconds period;
  };
  using Callback = std::function<void()>;
  PeriodicTask();
  PeriodicTask(std::string name, Settings settings, Callback callback);
  void Start(std::string name, Settings settings, Callback callback);
  void Stop() noexcept;
};
} // namespace utils
} // namespace userver
#endif
