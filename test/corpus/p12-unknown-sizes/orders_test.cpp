// Test-local pools are not the service's: no repeated pool, no budget.
#include <oatpp-postgresql/orm.hpp>

void TestCreateOrder() {
  auto provider = std::make_shared<oatpp::postgresql::ConnectionProvider>("postgresql://app@pg.internal:5432/app");
  auto pool = oatpp::postgresql::ConnectionPool::createShared(provider, 5, std::chrono::seconds(5));
  auto executor = std::make_shared<oatpp::postgresql::Executor>(pool);
}

void TestCancelOrder() {
  auto provider = std::make_shared<oatpp::postgresql::ConnectionProvider>("postgresql://app@pg.internal:5432/app");
  auto pool = oatpp::postgresql::ConnectionPool::createShared(provider, 5, std::chrono::seconds(5));
  auto executor = std::make_shared<oatpp::postgresql::Executor>(pool);
}
