// Mock of Poco/Data/SessionPool.h, trimmed.
#ifndef POOLGUARD_MOCK_POCO_DATA_SESSIONPOOL_H
#define POOLGUARD_MOCK_POCO_DATA_SESSIONPOOL_H
#include <string>
namespace Poco {
namespace Data {
class Session {};
class SessionPool {
public:
  SessionPool(const std::string &connector,
              const std::string &connectionString, int minSessions = 1,
              int maxSessions = 32, int idleTime = 60, int connTimeout = 60);
  ~SessionPool();
  Session get();
  int capacity() const;
};
} // namespace Data
} // namespace Poco
#endif
