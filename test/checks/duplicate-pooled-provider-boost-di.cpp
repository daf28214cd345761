// RUN: %check_tidy %s poolguard-duplicate-pooled-provider %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Boost.DI: di::singleton is a static per bound (interface, implementation)
// pair, shared by every injector. Two modules binding the same pool-owning
// class as the same interface share one singleton; binding it as another
// interface makes a second singleton (boost-ext/di#357), and
// di::extension::shared is one instance per injector.

#include <boost/di.hpp>
#include <soci/soci.h>

namespace di = boost::di;

class IUserStore {
public:
  virtual ~IUserStore();
};
class IAuditStore {
public:
  virtual ~IAuditStore();
};
class PgStore : public IUserStore, public IAuditStore {
  soci::connection_pool pool_{16};
};

auto usersModule() {
  return di::make_injector(di::bind<IUserStore>.to<PgStore>().in(di::singleton));
}

// The same binding in another module: the same singleton, no finding.
auto profileModule() {
  return di::make_injector(di::bind<IUserStore>.to<PgStore>().in(di::singleton));
}

#ifndef FIXED
auto auditModule() {
  return di::make_injector(di::bind<IAuditStore>.to<PgStore>().in(di::singleton));
  // CHECK-NOTES: :[[@LINE-1]]:50: warning: 'PgStore' owns a connection pool and is provided again by 'auditModule'; its 3 registrations in 3 modules create 3 instances, each with its own pool; provide it once in a shared module and inject it elsewhere [poolguard-duplicate-pooled-provider]
  // CHECK-NOTES: :28:49: note: 'PgStore' is also provided by 'usersModule' here
  // CHECK-NOTES: :47:49: note: 'PgStore' is also provided by 'jobsModule' here
  // CHECK-NOTES: :24:25: note: 'PgStore' owns a pool: member 'pool_' of type 'soci::connection_pool'
}

// extension::shared: one instance per injector, besides the singleton.
auto jobsModule() {
  return di::make_injector(di::bind<IUserStore>.to<PgStore>().in(di::extension::shared));
  // One finding for the three instances, at the second (auditModule).
}
#else
// The fix: every module binds the store as the same interface and scope.
auto auditModule() {
  return di::make_injector(di::bind<IUserStore>.to<PgStore>().in(di::singleton));
}
auto jobsModule() {
  return di::make_injector(di::bind<IUserStore>.to<PgStore>());
}
// FIXED-NOT: warning:
#endif
