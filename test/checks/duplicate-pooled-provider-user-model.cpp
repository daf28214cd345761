// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider,poolguard-repeated-pool' -config="{CheckOptions: {poolguard-duplicate-pooled-provider.ModelFiles: '%S/Inputs/models/acme.json', poolguard-repeated-pool.ModelFiles: '%S/Inputs/models/acme.json'}}" %s -- -std=c++17 -nostdinc++ -isystem %headers 2>&1 | %FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider,poolguard-repeated-pool' -config="{CheckOptions: {poolguard-duplicate-pooled-provider.ModelFiles: '%S/Inputs/models/acme.json', poolguard-repeated-pool.ModelFiles: '%S/Inputs/models/acme.json'}}" %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'
// Without the model, poolguard knows nothing about acme:
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider,poolguard-repeated-pool' %s -- -std=c++17 -nostdinc++ -isystem %headers 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'
// A model that fails validation is an error naming file, line and key:
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' -config="{CheckOptions: {poolguard-duplicate-pooled-provider.ModelFiles: '%S/Inputs/models/acme-invalid.json'}}" %s -- -std=c++17 -nostdinc++ -isystem %headers > %t.invalid 2>&1 || true
// RUN: %FileCheck %s --check-prefix=INVALID < %t.invalid
// INVALID: {{warning|error}}: cannot load poolguard models: {{.*}}acme-invalid.json:8: unknown key 'lifetme' in registrations[0]

// A container poolguard has never seen, described by a model file written by
// its users (docs/models.md walks through this one).

#include <memory>
#include <string>

namespace acme {
namespace db {
class Pool {
public:
  Pool(const std::string &dsn, int maxConnections);
};
} // namespace db

class Injector {
public:
  template <typename T> void provide(const char *name);
  template <typename T> std::shared_ptr<T> get(const char *name);
};
} // namespace acme

class OrdersStore {
public:
  OrdersStore() : pool_("postgresql://db/orders", 20) {}

private:
  acme::db::Pool pool_;
};

void provideCore(acme::Injector &injector) {
  injector.provide<OrdersStore>("orders");
}

void provideAnalytics(acme::Injector &injector) {
#ifndef FIXED
  injector.provide<OrdersStore>("analytics-orders");
  // CHECK: :[[@LINE-1]]:12: warning: 'OrdersStore' owns a connection pool and is provided again by 'provideAnalytics'
#else
  // The same name is the same instance.
  injector.provide<OrdersStore>("orders");
#endif
}

#ifndef FIXED
class ReportingStore {
  acme::db::Pool pool_{"postgresql://db/orders", 5};
  // CHECK: :[[@LINE-1]]:18: warning: another connection pool to database 'postgresql://db/orders' is created here; 2 pools reach it
};
#endif
// FIXED-NOT: warning:
