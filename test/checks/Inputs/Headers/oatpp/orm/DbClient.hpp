// Mock of oatpp/orm/DbClient.hpp and Executor.hpp, trimmed.
#ifndef POOLGUARD_MOCK_OATPP_ORM_DBCLIENT_HPP
#define POOLGUARD_MOCK_OATPP_ORM_DBCLIENT_HPP
#include <memory>
namespace oatpp {
namespace orm {
class Connection {};
class Executor {
public:
  virtual ~Executor();
};
class DbClient {
public:
  DbClient(const std::shared_ptr<Executor> &executor);
  virtual ~DbClient();
};
} // namespace orm
} // namespace oatpp
#endif
