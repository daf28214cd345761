// RUN: %check_tidy %s poolguard-duplicate-pooled-provider %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Oat++ keys components by (type, qualifier): the same type under two
// qualifiers is two instances, and here each builds its own pool.

#include <oatpp/core/macro/component.hpp>
#include <oatpp-postgresql/orm.hpp>

class UserDb : public oatpp::orm::DbClient {
public:
  using oatpp::orm::DbClient::DbClient;
};

std::shared_ptr<UserDb> makeUserDb(const char *dsn) {
  auto provider = std::make_shared<oatpp::postgresql::ConnectionProvider>(dsn);
  auto pool = oatpp::postgresql::ConnectionPool::createShared(provider, 10, std::chrono::seconds(5));
  return std::make_shared<UserDb>(std::make_shared<oatpp::postgresql::Executor>(pool));
}

class AppComponent {
public:
  OATPP_CREATE_COMPONENT(std::shared_ptr<UserDb>, userDb)([] {
    auto provider = std::make_shared<oatpp::postgresql::ConnectionProvider>("postgresql://db/app");
    auto pool = oatpp::postgresql::ConnectionPool::createShared(provider, 10, std::chrono::seconds(5));
    return std::make_shared<UserDb>(std::make_shared<oatpp::postgresql::Executor>(pool));
  }());
};

#ifndef FIXED
class ReportingComponent {
public:
  OATPP_CREATE_COMPONENT(std::shared_ptr<UserDb>, userDb)("reporting", [] {
    auto provider = std::make_shared<oatpp::postgresql::ConnectionProvider>("postgresql://db/reports");
    auto pool = oatpp::postgresql::ConnectionPool::createShared(provider, 10, std::chrono::seconds(5));
    return std::make_shared<UserDb>(std::make_shared<oatpp::postgresql::Executor>(pool));
  }());
  // CHECK-NOTES: :[[@LINE-5]]:3: warning: 'UserDb' owns a connection pool and is provided again by 'ReportingComponent'
  // CHECK-NOTES: :23:3: note: 'UserDb' is also provided by 'AppComponent' here
};
#else
// The fix: the second component injects the first one's client instead of
// declaring its own. (The same type and qualifier twice would throw at
// startup, so it is not a second pool either.)
class ReportingComponent {
public:
  OATPP_COMPONENT(std::shared_ptr<UserDb>, userDb);
};
// FIXED-NOT: warning:
#endif
