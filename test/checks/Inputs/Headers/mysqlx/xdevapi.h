// Mock of mysqlx/xdevapi.h (MySQL Connector/C++ X DevAPI), trimmed.
#ifndef POOLGUARD_MOCK_MYSQLX_XDEVAPI_H
#define POOLGUARD_MOCK_MYSQLX_XDEVAPI_H
#include <string>
namespace mysqlx {
inline namespace abi2 {
inline namespace r0 {
class ClientOption {
public:
  enum Enum {
    POOLING = -1,
    POOL_MAX_SIZE = -2,
    POOL_QUEUE_TIMEOUT = -3,
    POOL_MAX_IDLE_TIME = -4,
  };
};
class Session {};
class Client {
public:
  template <typename... T> Client(T &&...options);
  Session getSession();
  void close();
};
template <typename... T> Client getClient(T &&...options);
} // namespace r0
} // namespace abi2
} // namespace mysqlx
#endif
