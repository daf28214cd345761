// Mock of oatpp-sqlite/orm.hpp (ConnectionProvider.hpp, Executor.hpp).
#ifndef POOLGUARD_MOCK_OATPP_SQLITE_ORM_HPP
#define POOLGUARD_MOCK_OATPP_SQLITE_ORM_HPP
#include "oatpp/core/provider/Pool.hpp"
#include "oatpp/orm/DbClient.hpp"
namespace oatpp {
namespace sqlite {
class Connection : public orm::Connection {};
class ConnectionAcquisitionProxy {};
class ConnectionProvider : public provider::Provider<Connection> {
public:
  ConnectionProvider(const oatpp::String &connectionString);
  void stop() override;
};
typedef oatpp::provider::Pool<provider::Provider<Connection>, Connection,
                              ConnectionAcquisitionProxy>
    ConnectionPool;
class Executor : public orm::Executor {
public:
  Executor(const std::shared_ptr<provider::Provider<Connection>>
               &connectionProvider);
};
} // namespace sqlite
} // namespace oatpp
#endif
