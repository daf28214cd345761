// RUN: %check_tidy %s poolguard-duplicate-pooled-provider %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Scopes that create an instance per consumer, from the models: Boost.DI's
// di::unique (bound with .to<C>() or as the self-binding bind<T>.in(...)
// with no .to<>()) and kangaru's kgr::service (not single_service) make a
// new object for every injection, so a pool owner bound so and injected
// into two services is two pools.

#include <boost/di.hpp>
#include <kgr/kangaru.hpp>
#include <memory>
#include <soci/soci.h>

namespace di = boost::di;

class IOrderStore {
public:
  virtual ~IOrderStore();
};
class PgOrderStore : public IOrderStore {
  soci::connection_pool pool_{16};
};
class PgUserStore {
  soci::connection_pool pool_{16};
};
class UsersService {
public:
  explicit UsersService(std::shared_ptr<PgUserStore> users,
                        std::shared_ptr<IOrderStore> orders);
};
class BillingService {
public:
  explicit BillingService(std::shared_ptr<PgUserStore> users,
                          std::shared_ptr<IOrderStore> orders);
};

class Reports {
public:
  Reports() : pool_(4) {}

private:
  soci::connection_pool pool_;
};

#ifndef FIXED
auto storesModule() {
  return di::make_injector(di::bind<PgUserStore>.in(di::unique),
  // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: 'PgUserStore' owns a connection pool and is made by 'storesModule' for each consumer; every consumer gets its own instance and pool; register one shared instance instead [poolguard-duplicate-pooled-provider]
                           di::bind<IOrderStore>.to<PgOrderStore>().in(di::unique));
  // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: 'PgOrderStore' owns a connection pool and is made by 'storesModule' for each consumer; every consumer gets its own instance and pool; register one shared instance instead [poolguard-duplicate-pooled-provider]
}
// kgr::service: a new Reports for every service<ReportsService>() call.
struct ReportsService : kgr::service<Reports> {};
// CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'Reports' owns a connection pool and is made by 'ReportsService' for each consumer; every consumer gets its own instance and pool; register one shared instance instead [poolguard-duplicate-pooled-provider]
#else
// The fix: one shared instance each (di::singleton, kgr::single_service).
auto storesModule() {
  return di::make_injector(di::bind<PgUserStore>.in(di::singleton),
                           di::bind<IOrderStore>.to<PgOrderStore>().in(di::singleton));
}
struct ReportsService : kgr::single_service<Reports> {};
// FIXED-NOT: warning:
#endif
