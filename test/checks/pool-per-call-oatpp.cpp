// RUN: %check_tidy %s poolguard-pool-per-call %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-pool-per-call' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Oat++: ENDPOINT(METHOD, PATH, NAME) { ... } (between
// `#include OATPP_CODEGEN_BEGIN(ApiController)` and OATPP_CODEGEN_END) is a
// member function of an ApiController the router calls once per request
// (the oatpp model's "repeating" entry). A pool built in its body opens new
// connections on every request.

#include <oatpp/web/server/api/ApiController.hpp>
#include <oatpp/core/macro/codegen.hpp>
#include <oatpp/core/macro/component.hpp>
#include <oatpp-postgresql/orm.hpp>
#include <chrono>

#include OATPP_CODEGEN_BEGIN(ApiController)

#ifndef FIXED
class UserController : public oatpp::web::server::api::ApiController {
public:
  explicit UserController(
      const std::shared_ptr<oatpp::data::mapping::ObjectMapper> &objectMapper)
      : oatpp::web::server::api::ApiController(objectMapper) {}

  ENDPOINT("GET", "/users", getUsers) {
    auto provider = std::make_shared<oatpp::postgresql::ConnectionProvider>(
        "postgresql://app@pg.internal:5432/users");
    auto pool = oatpp::postgresql::ConnectionPool::createShared(
        provider, 10, std::chrono::seconds(5));
    // CHECK-NOTES: :[[@LINE-2]]:17: warning: 'oatpp::postgresql::ConnectionPool::createShared' opens new database connections to 'postgresql://app@pg.internal:5432/users' in an Oat++ ApiController endpoint, once per request, on every run; create the pool once (a member or a component) and reuse it [poolguard-pool-per-call]
    auto executor = std::make_shared<oatpp::postgresql::Executor>(pool);
    (void)executor;
    return createResponse(Status::CODE_200, "users");
  }
};
#else
// The fix: the pool is a component, built once and injected.
class UserController : public oatpp::web::server::api::ApiController {
public:
  explicit UserController(
      const std::shared_ptr<oatpp::data::mapping::ObjectMapper> &objectMapper,
      std::shared_ptr<oatpp::postgresql::ConnectionPool> pool)
      : oatpp::web::server::api::ApiController(objectMapper),
        pool_(std::move(pool)) {}

  ENDPOINT("GET", "/users", getUsers) {
    (void)pool_;
    return createResponse(Status::CODE_200, "users");
  }

private:
  std::shared_ptr<oatpp::postgresql::ConnectionPool> pool_;
};
// FIXED-NOT: warning:
#endif

#include OATPP_CODEGEN_END(ApiController)
