// RUN: %check_tidy %s poolguard-duplicate-pooled-provider %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// CppMicroServices: every RegisterService call registers the object passed
// in. Two bundles each registering their own pool-owning implementation keep
// two pools open, even though consumers see only the higher-ranked one.

#include <cppmicroservices/BundleActivator.h>
#include <soci/soci.h>
#include <memory>

class IConnectionProvider {
public:
  virtual ~IConnectionProvider();
};
class PgConnectionProvider : public IConnectionProvider {
  soci::connection_pool pool_{20};
};
class IOrders {
public:
  virtual ~IOrders();
};
class Orders : public IOrders {};

class CoreActivator : public cppmicroservices::BundleActivator {
  void Start(cppmicroservices::BundleContext context) override {
    context.RegisterService<IConnectionProvider>(
        std::make_shared<PgConnectionProvider>());
  }
  void Stop(cppmicroservices::BundleContext) override {}
};

class OrdersActivator : public cppmicroservices::BundleActivator {
  void Start(cppmicroservices::BundleContext context) override {
    context.RegisterService<IOrders>(std::make_shared<Orders>());
#ifndef FIXED
    // The orders bundle brings its own provider "to be safe".
    context.RegisterService<IConnectionProvider>(
        std::make_shared<PgConnectionProvider>());
    // CHECK-NOTES: :[[@LINE-2]]:13: warning: 'PgConnectionProvider' owns a connection pool and is provided again by 'OrdersActivator'; its 2 registrations in 2 modules create 2 instances, each with its own pool; provide it once in a shared module and inject it elsewhere [poolguard-duplicate-pooled-provider]
    // CHECK-NOTES: :27:13: note: 'PgConnectionProvider' is also provided by 'CoreActivator' here
    // CHECK-NOTES: :17:25: note: 'PgConnectionProvider' owns a pool: member 'pool_' of type 'soci::connection_pool'
#endif
  }
  void Stop(cppmicroservices::BundleContext) override {}
};
// The fix: the orders bundle looks up the core bundle's provider instead.
// FIXED-NOT: warning:
