// An Oat++ service: the pool wrapping the provider is built but never used
// (the executor takes the provider), so it opens no connections; the
// executor's pool of 90 is the only one. 90 < 97: no budget finding.
#include <oatpp/core/macro/component.hpp>
#include <oatpp-postgresql/orm.hpp>

class AppDb : public oatpp::orm::DbClient {
public:
  using oatpp::orm::DbClient::DbClient;
};

class DatabaseComponent {
public:
  OATPP_CREATE_COMPONENT(std::shared_ptr<AppDb>, appDb)([] {
    auto provider = std::make_shared<oatpp::postgresql::ConnectionProvider>("postgresql://app@pg.internal:5432/app");
    auto unused = oatpp::postgresql::ConnectionPool::createShared(provider, 10, std::chrono::seconds(5));
    auto pool = oatpp::postgresql::ConnectionPool::createShared(provider, 90, std::chrono::seconds(5));
    auto executor = std::make_shared<oatpp::postgresql::Executor>(pool);
    return std::make_shared<AppDb>(executor);
  }());
};
